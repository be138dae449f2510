/**
 * `analyse(article)`: one wink pass (`annotate`), then every extractor over the same
 * tokens, assembled into `ArticleFacts`. The only entry point commands and digests use.
 */
import type { Article } from '../article/types.js';
import type { ArticleFacts } from '../facts/types.js';
import { annotate, type AnnotatedArticle } from '../nlp/annotate.js';
import { moduleFor } from '../lang/index.js';
import { extractEntities } from './entities.js';
import { extractLists } from './lists.js';
import { extractNumbers } from './numbers.js';
import { summarise } from './summary.js';

export { findList } from './lists-find.js';

export function analyse(article: Article): ArticleFacts {
  // Another language's module when the article is not in English (src/core/lang).
  const other = moduleFor(article.language);
  if (other) return other.analyse(article);
  return analyseAnnotated(annotate(article));
}

/** For callers (the bench) that already hold the annotation. */
export function analyseAnnotated(doc: AnnotatedArticle): ArticleFacts {
  const { article } = doc;
  const entities = extractEntities(doc);
  return {
    language: article.language ?? 'en',
    title: article.title,
    dateline: article.dateline,
    tags: article.tags,
    sentences: article.sentences,
    people: entities.people,
    organizations: entities.organizations,
    places: entities.places,
    lists: extractLists(doc),
    quotes: entities.quotes,
    numbers: extractNumbers(doc),
    summary: summarise(doc),
  };
}
