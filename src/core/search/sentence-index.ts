/**
 * Retrieval for `/ask` (ADR 022). Each of the question's content words is matched against
 * each sentence, taking the best of: the same lemma (BM25-weighted), a name the sentence refers
 * to by pronoun, a WordNet relative, or a close word vector. The IDF-weighted share of the
 * question so matched is the sentence's coverage; the score adds sentence-level vector
 * similarity, whether the sentence holds the kind of answer asked for (a date for "when", a
 * number for "how many"...) and a small prior for the lead. A question is refused when even
 * the best sentence scores below a threshold chosen on the development questions.
 */
import type { Article, Sentence } from '../article/types.js';
import type { ArticleFacts } from '../facts/types.js';
import type { AskLanguage } from './language.js';
import { prepareArticle, type PreparedArticle } from './prepare.js';
import { parseQuery, type Query } from './query.js';
import type { AnswerKind } from './question.js';
import { combine, scoreParts } from './score-parts.js';
import type { StatedValue } from './sentence-kinds.js';
import { ALL_FEATURES, DEFAULT_WEIGHTS, type RankFeatures, type RankWeights } from './weights.js';

export { ALL_FEATURES, DEFAULT_WEIGHTS, type RankFeatures, type RankWeights } from './weights.js';
export { rarity, slotDensity, termMatch } from './score-parts.js';

/** An article's sentences, prepared for questions. Build once per article, query many times. */
export interface SentenceIndex {
  readonly sentences: readonly Sentence[];
  readonly prepared: PreparedArticle;
}

export interface AskHit {
  readonly sentence: number;
  /** Comparable across questions and articles: the refusal threshold applies to it. */
  readonly score: number;
  /** IDF-weighted share of the question's content words the sentence matches (0–1). */
  readonly coverage: number;
  /** The number or date the question asks for, as the sentence states it, when it asks for one. */
  readonly value: StatedValue | null;
  /** Whether the sentence holds the kind of answer asked (always, for "what" questions). */
  readonly fits: boolean;
  /**
   * For a how-many/how-much/how-long question: whether a value of the asked kind in the sentence
   * is tied to what the question counts or asks about (`asked-focus.ts`); null otherwise.
   */
  readonly tied?: boolean | null;
  /** Whether that value is tied by the question's own words, not only by naming no event (`valueTie`). */
  readonly focused?: boolean;
}

export interface AskResult {
  /** Best first; empty when the article does not answer. */
  readonly hits: readonly AskHit[];
  /** The question's content words (lemma keys). Empty with kind `what`: nothing to look for. */
  readonly terms: readonly string[];
  readonly kind: AnswerKind;
}

export interface AskOptions {
  /** Most hits to return. Default 3. */
  readonly limit?: number;
  /** Least score for the best sentence to count as an answer. Default `REFUSE_BELOW`. */
  readonly minScore?: number;
  readonly features?: Partial<RankFeatures>;
  readonly weights?: Partial<RankWeights>;
}

/**
 * Chosen on the development questions (ADR 022): refuses most unanswerable, few answerable.
 * 0.75 since the seventh round, where a word-vector paraphrase counts for more and English
 * scores rose with it (at 0.65 the same ranking answered three more unanswerable questions).
 */
export const REFUSE_BELOW = 0.75;
/**
 * For a language the English word vectors do not describe (German, French, Spanish, Chinese):
 * its scores have no paraphrase part, so they stay on the scale the threshold had before.
 */
export const REFUSE_BELOW_WITHOUT_VECTORS = 0.65;

/** The least best score at which an article in `language` answers. */
export function refusalThreshold(language: AskLanguage): number {
  return language.englishLexicon ? REFUSE_BELOW : REFUSE_BELOW_WITHOUT_VECTORS;
}
/**
 * How much higher a best sentence must score when its number is tied to something else than the
 * question asks ("three people died" for "How many were hurt?"): 0.7 above the threshold, so
 * only a sentence that matches the question nearly word for word is still cited (ADR 022,
 * seventh round; 0.5–1.0 measure within a question of each other).
 */
export const UNTIED_MARGIN = 0.7;

/** Whether the best sentence is too weak an answer: below `minScore`, or its number is about something else. */
export function refuses(best: AskHit | undefined, minScore: number): boolean {
  if (!best) return true;
  return best.score < minScore || (best.tied === false && best.score - UNTIED_MARGIN < minScore);
}
/**
 * A further sentence is quoted only when it scores this close to the best one: 0.6 keeps the
 * right sentence among the three cited for 3 more development questions than 0.75 (ADR 022).
 */
const FOLLOW_SHARE = 0.6;

export function buildSentenceIndex(article: Article, facts?: ArticleFacts): SentenceIndex {
  return { sentences: article.sentences, prepared: prepareArticle(article, facts) };
}

export function scoreSentences(
  index: SentenceIndex,
  query: Query,
  features: RankFeatures = ALL_FEATURES,
  w: RankWeights = DEFAULT_WEIGHTS,
): AskHit[] {
  return scoreParts(index.prepared, query, features, w).map((x) => ({
    sentence: x.sentence,
    score: combine(x, w, features),
    coverage: x.coverage,
    value: x.value,
    fits: x.fits,
    tied: x.tied,
    focused: x.focused,
  }));
}

export function ask(index: SentenceIndex, question: string, options: AskOptions = {}): AskResult {
  const features = { ...ALL_FEATURES, ...options.features };
  const query = parseQuery(question, { wordnet: features.wordnet, language: index.prepared.language });
  const terms = query.terms.map((t) => t.key);
  const aimless = terms.length === 0 && query.shape.kind === 'what';
  if (aimless || index.prepared.sentences.length === 0) return { hits: [], terms, kind: query.shape.kind };
  const ranked = rank(scoreSentences(index, query, features, { ...DEFAULT_WEIGHTS, ...options.weights }));
  return {
    hits: answerHits(
      ranked,
      options.minScore ?? refusalThreshold(index.prepared.language),
      options.limit ?? 3,
      (a, b) => overlap(index.prepared.sentences[a]!.tf, index.prepared.sentences[b]!.tf),
    ),
    terms,
    kind: query.shape.kind,
  };
}

/** Best first; ties go to the better-covered, then the earlier sentence. */
export function rank(hits: AskHit[]): AskHit[] {
  return hits.sort((a, b) => b.score - a.score || b.coverage - a.coverage || a.sentence - b.sentence);
}

/**
 * The best sentence, and up to `limit - 1` more that score nearly as well; none below `minScore`,
 * and none when the best one's number is tied to something other than the question asks.
 * When the best states the asked number or date, a follower must state one too.
 */
export function answerHits(
  ranked: readonly AskHit[],
  minScore: number,
  limit: number,
  similarity: (a: number, b: number) => number = () => 0,
): AskHit[] {
  const best = standIn(ranked, minScore);
  if (!best || refuses(best, minScore)) return [];
  const out = [best];
  for (const h of ranked) {
    if (out.length >= limit) break;
    if (h === best) continue;
    // A best sentence that gave way to a tied one still matches the question best: it is quoted after it.
    const demoted = h === ranked[0];
    if (!demoted && (h.score < best.score * FOLLOW_SHARE || (h.value === null && best.value !== null))) continue;
    // A follower must add to what is already cited, not say it again in other words.
    if (out.some((o) => similarity(o.sentence, h.sentence) >= SAME_SAYING)) continue;
    out.push(h);
  }
  return out;
}

/**
 * The sentence to answer with: the best, unless its number is tied to something other than the
 * question asks and it would be refused for that alone; then the best-ranked sentence whose
 * number the question's own words tie (`focused`: "85% more wildfires" for "How many more
 * fires?") and that clears the threshold answers instead. A sentence merely tied by naming no
 * event, or by a close word vector alone ("players" for "fans"), does not stand in (ADR 022).
 */
function standIn(ranked: readonly AskHit[], minScore: number): AskHit | undefined {
  const best = ranked[0];
  if (!best || best.tied !== false || best.score < minScore || !refuses(best, minScore)) return best;
  return ranked.find((h) => h.focused === true && h.score >= minScore) ?? best;
}

/** Share of the smaller sentence's words the other one repeats, at which a follower says nothing new. */
const SAME_SAYING = 0.8;

/** Share of the smaller sentence's match keys that the other also holds (0–1). */
export function overlap(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let n = 0;
  for (const k of small.keys()) if (large.has(k)) n++;
  return n / small.size;
}
