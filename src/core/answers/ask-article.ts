/**
 * Retrieval for /ask: BM25 over the article's sentences (minisearch), with the same
 * stemmed terms as the rest of the core. TEMPORARY stand-in until src/core/search
 * exports `buildSentenceIndex`/`ask`; the command only depends on `askArticle`.
 */
import MiniSearch from 'minisearch';
import type { Sentence } from '../article/types.js';
import { terms } from '../search/terms.js';

export interface AskHit {
  readonly sentence: number;
  readonly score: number;
  /** Share of the question's content words this sentence contains (0–1). */
  readonly coverage: number;
}

export interface AskResult {
  /** Sentences that answer, best first; empty when the article does not answer. */
  readonly hits: readonly AskHit[];
  /** The question's content words, for the "not answered" hint. */
  readonly terms: readonly string[];
}

/**
 * A sentence answers only when it holds at least half of the question's content words:
 * BM25 scores are not comparable across questions, coverage is.
 */
const MIN_COVERAGE = 0.5;

export function askArticle(sentences: readonly Sentence[], question: string, limit = 3): AskResult {
  const wanted = [...new Set(terms(question))];
  if (wanted.length === 0) return { hits: [], terms: [] };
  const index = new MiniSearch<Sentence>({
    fields: ['text'],
    storeFields: [],
    idField: 'id',
    // The index and the query share one tokenizer, so "areas" meets "area".
    tokenize: (text) => terms(text),
    processTerm: (t) => t,
  });
  index.addAll([...sentences]);
  const hits = index
    .search(wanted.join(' '), { combineWith: 'OR', fuzzy: (t) => (t.length > 5 ? 1 : false) })
    .map((r) => ({ sentence: Number(r.id), score: r.score, coverage: new Set(r.queryTerms).size / wanted.length }))
    .filter((h) => h.coverage >= MIN_COVERAGE)
    .slice(0, limit);
  return { hits, terms: wanted };
}
