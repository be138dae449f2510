/** Chinese: people, roles, quotes and lists behind the same `ArticleFacts` contract as English. */
import type { Article } from '../../article/types.js';
import type { ArticleFacts } from '../../facts/types.js';
import { baseFacts, type LanguageModule } from '../module.js';
import { findListsZh } from './lists.js';
import { findPeopleZh } from './people.js';
import { findQuotesZh } from './quotes.js';

export const ZH: LanguageModule = {
  code: 'zh',
  analyse(article: Article): ArticleFacts {
    const people = findPeopleZh(article.sentences);
    return {
      ...baseFacts(article, 'zh'),
      people,
      quotes: findQuotesZh(article, people),
      lists: findListsZh(article.sentences),
    };
  },
};
