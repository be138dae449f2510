/**
 * The contract every language's extractor meets: an `Article` in, `ArticleFacts` out, with
 * every fact citing its sentence, exactly as the English analyser (src/core/analyse) does.
 * `analyse()` picks the module by the article's detected language.
 */
import type { Article } from '../article/types.js';
import type { ArticleFacts } from '../facts/types.js';

/** One language's extractor. */
export interface LanguageModule {
  /** BCP 47 primary code: "zh", "fr", "de", "es". */
  readonly code: string;
  analyse(article: Article): ArticleFacts;
}

/** Facts with only what any language gives: sentences, and the lead sentences as the summary. */
export function baseFacts(article: Article, language: string): ArticleFacts {
  return {
    language,
    title: article.title,
    dateline: article.dateline,
    tags: article.tags,
    sentences: article.sentences,
    people: [],
    organizations: [],
    places: [],
    lists: [],
    quotes: [],
    numbers: [],
    summary: leadSentences(article),
  };
}

/** News puts the gist first: the first sentence of each of the first paragraphs, 2–3 of them. */
export function leadSentences(article: Article): number[] {
  const size = article.sentences.length >= 6 ? 3 : 2;
  const firsts = article.paragraphs.map((p) => p.sentenceIds[0]).filter((id): id is number => id !== undefined);
  const picked = firsts.length >= size ? firsts.slice(0, size) : article.sentences.slice(0, size).map((s) => s.id);
  return [...new Set(picked)].sort((a, b) => a - b);
}
