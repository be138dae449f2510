/**
 * The first /ask retrieval (BM25 over stemmed words, refused below 0.5 coverage), kept only
 * as the baseline row of scripts/eval/ask/calibrate.ts.
 */
import MiniSearch from 'minisearch';
import type { Article, Sentence } from '../../../src/core/article/types.js';
import type { ArticleFacts } from '../../../src/core/facts/types.js';
import { terms } from '../../../src/core/search/terms.js';

/** An index over one article's sentences. Build once per article, query many times. */
export interface SentenceIndex {
  readonly sentences: readonly Sentence[];
  /** Sentences holding each term, for IDF weights. */
  readonly documentFrequency: ReadonlyMap<string, number>;
  readonly engine: MiniSearch<Sentence>;
}

/** A sentence that answers a question. */
export interface AskHit {
  readonly sentence: number;
  /** BM25 score from minisearch; only comparable within one question. */
  readonly score: number;
  /** IDF-weighted share of the question's content words found in the sentence (0–1). */
  readonly coverage: number;
}

export interface AskResult {
  /** Best first; empty when the article does not answer. */
  readonly hits: readonly AskHit[];
  /** The question's content terms (stemmed), for a "not answered" hint. */
  readonly terms: readonly string[];
}

export interface AskOptions {
  /** Most hits to return. Default 3. */
  readonly limit?: number;
  /** Least coverage for a sentence to count as an answer. Default 0.5. */
  readonly minCoverage?: number;
}

export function buildSentenceIndex(source: ArticleFacts | Article | readonly Sentence[]): SentenceIndex {
  const sentences = 'sentences' in source ? source.sentences : (source as readonly Sentence[]);
  const engine = new MiniSearch<Sentence>({
    fields: ['text'],
    storeFields: [],
    idField: 'id',
    // Index and query share one tokenizer, so "funders" meets "co-funded".
    tokenize: (text) => terms(text),
    processTerm: (t) => t,
  });
  engine.addAll([...sentences]);
  const documentFrequency = new Map<string, number>();
  for (const s of sentences)
    for (const t of new Set(terms(s.text))) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  return { sentences, documentFrequency, engine };
}

export function ask(index: SentenceIndex, question: string, options: AskOptions = {}): AskResult {
  const wanted = [...new Set(terms(question))];
  if (wanted.length === 0 || index.sentences.length === 0) return { hits: [], terms: wanted };
  const n = index.sentences.length;
  // Words the article never uses still weigh in: a question about bananas is not answered
  // by a sentence that only shares "price" with it.
  const weight = (t: string): number => Math.log(1 + n / (index.documentFrequency.get(t) ?? 0.5));
  const total = wanted.reduce((sum, t) => sum + weight(t), 0);
  const minCoverage = options.minCoverage ?? 0.5;
  const hits = index.engine
    .search(wanted.join(' '), { combineWith: 'OR', prefix: (t) => t.length >= 5 })
    .map((r) => {
      const matched = new Set(r.queryTerms);
      const covered = wanted.filter((t) => matched.has(t)).reduce((sum, t) => sum + weight(t), 0);
      return { sentence: Number(r.id), score: r.score, coverage: total === 0 ? 0 : covered / total };
    })
    .filter((h) => h.coverage >= minCoverage)
    .sort((a, b) => b.coverage - a.coverage || b.score - a.score || a.sentence - b.sentence)
    .slice(0, options.limit ?? 3);
  return { hits, terms: wanted };
}

/** The sentence ids the first /ask cited, in its reading order, for the comparison table. */
export function legacyAsk(index: SentenceIndex, question: string): number[] {
  return ask(index, question)
    .hits.map((h) => h.sentence)
    .sort((x, y) => x - y);
}
