/** A `LanguageModule` for a language written with spaces, from its table. */
import type { Article } from '../../article/types.js';
import type { ArticleFacts } from '../../facts/types.js';
import { baseFacts, type LanguageModule } from '../module.js';
import { findListsLatin } from './lists.js';
import { findPeopleLatin } from './people.js';
import { findQuotesLatin } from './quotes.js';
import type { LatinTable } from './table.js';

export function latinModule(table: LatinTable): LanguageModule {
  return {
    code: table.code,
    analyse(article: Article): ArticleFacts {
      const people = findPeopleLatin(article.sentences, table);
      return {
        ...baseFacts(article, table.code),
        people,
        quotes: findQuotesLatin(article, people, table),
        lists: findListsLatin(article.sentences, table),
      };
    },
  };
}
