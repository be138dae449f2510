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
import { centroidOf, keyOf, prepareArticle, type IndexedSentence, type PreparedArticle } from './prepare.js';
import { parseQuery, type Query, type QueryTerm } from './query.js';
import { cosine, wordVectors } from './word-vectors.js';
import type { AnswerKind } from './question.js';
import type { StatedValue } from './sentence-kinds.js';

/** What the ranking uses; all on by default. Turned off one by one for the ADR's comparison. */
export interface RankFeatures {
  readonly wordnet: boolean;
  readonly vectors: boolean;
  readonly types: boolean;
  readonly coref: boolean;
  readonly lead: boolean;
}

export const ALL_FEATURES: RankFeatures = { wordnet: true, vectors: true, types: true, coref: true, lead: true };

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

/** Chosen on the development questions (ADR 022): refuses most unanswerable, few answerable. */
export const REFUSE_BELOW = 0.65;
/** A further sentence is quoted only when it scores this close to the best one. */
const FOLLOW_SHARE = 0.75;

/** Coverage given to every sentence when the question names no topic of its own. */
const TOPIC_OF_STORY = 0.6;
const K1 = 1.2;
const B = 0.75;

/** How much each signal weighs in the score; defaults fitted on the development questions (ADR 022). */
export interface RankWeights {
  /** Sentence-level vector similarity (above a floor of 0.3). */
  readonly sentenceVector: number;
  /** Added when the sentence holds the asked kind of answer, taken off when it does not. */
  readonly type: number;
  /** Added when the sentence names the counted noun of "how many X". */
  readonly unit: number;
  /** Added to the first sentence, decaying with position (the lead states the story's central facts). */
  readonly lead: number;
  /** Sentences over which the lead bonus falls to a third. */
  readonly leadSpan: number;
  /** Times the share of the headline's words the sentence repeats. */
  readonly title: number;
  /** Least cosine for a word vector to count as a match. */
  readonly vectorFloor: number;
  /**
   * How much a question word's weight follows its rarity in English (0 = article IDF alone, 1 =
   * IDF times log-rank in the vectors' frequency list): "first", "out", "take" weigh less than
   * "attacker" even when the article uses them once.
   */
  readonly informativeness: number;
  /** Times the slot density: the question's words gathered around a word that fills the asked slot. */
  readonly slot: number;
  /** Tokens over which a word's pull on a slot falls to a half. */
  readonly slotSpan: number;
  /** Taken off a sentence that states no number or date when one is asked for (on top of `type`). */
  readonly numberMissing: number;
  /** Taken off for a "why" question when the sentence has no causal cue (reasons are often unmarked). */
  readonly whyMissing: number;
}

export const DEFAULT_WEIGHTS: RankWeights = {
  sentenceVector: 0.35,
  type: 0.2,
  unit: 0.1,
  lead: 0.1,
  leadSpan: 8,
  title: 0,
  vectorFloor: 0.55,
  informativeness: 1,
  slot: 0.2,
  slotSpan: 4,
  numberMissing: 0.4,
  whyMissing: 0,
};

/** Rank in the frequency list at which a word counts fully; more frequent words weigh less. */
const FULL_WEIGHT_RANK = 2000;

export function buildSentenceIndex(article: Article, facts?: ArticleFacts): SentenceIndex {
  return { sentences: article.sentences, prepared: prepareArticle(article, facts) };
}

/** How well one question word is met by one sentence (0–1+). */
export function termMatch(
  t: QueryTerm,
  s: IndexedSentence,
  p: PreparedArticle,
  f: RankFeatures,
  w: RankWeights,
): number {
  let tf = 0;
  for (const k of t.keys) tf = Math.max(tf, s.tf.get(k) ?? 0);
  let best = 0;
  if (tf > 0) {
    // BM25's saturation and length normalisation, scaled so one mention in an average sentence is 1.
    const norm = K1 * (1 - B + (B * s.length) / Math.max(1, p.averageLength));
    best = (tf * (K1 + 1)) / (tf + norm) / ((K1 + 1) / (1 + K1));
    best = Math.min(best, 1.3);
  }
  if (f.coref && s.coref.has(t.key)) best = Math.max(best, 0.9);
  if (f.wordnet && best < 0.6) for (const r of t.related) if (s.tf.has(r)) best = Math.max(best, 0.6);
  if (f.vectors && best < 0.7 && t.vector && !t.name) {
    let c = 0;
    for (const v of s.vectors) c = Math.max(c, cosine(t.vector, v));
    // Only close neighbours count ("died"/"dead" 0.71, "arrested"/"detained" 0.89).
    if (c >= w.vectorFloor) best = Math.max(best, 0.25 + (0.5 * (c - w.vectorFloor)) / (1 - w.vectorFloor));
  }
  return best;
}

/** 0.2–1: how rare a word is in English, from its rank in the vectors' frequency list (unknown words are rare). */
export function rarity(t: QueryTerm): number {
  const wv = wordVectors();
  const r = wv.rank(t.word) ?? wv.rank(t.key);
  if (r === null) return 1;
  return Math.min(1, Math.max(0.2, Math.log10(r + 10) / Math.log10(FULL_WEIGHT_RANK)));
}

function idf(p: PreparedArticle, key: string): number {
  const n = p.sentences.length;
  const df = p.documentFrequency.get(key) ?? 0;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** How well one question word is met by one sentence word: 1 the same, 0.6 a WordNet relative, less a close vector. */
function wordMatch(t: QueryTerm, keys: ReadonlySet<string>, vector: Float32Array | null, w: RankWeights): number {
  for (const k of t.keys) if (keys.has(k)) return 1;
  let best = 0;
  for (const r of t.related) if (keys.has(r)) best = 0.6;
  if (t.vector && vector && !t.name) {
    const c = cosine(t.vector, vector);
    if (c >= w.vectorFloor) best = Math.max(best, 0.25 + (0.5 * (c - w.vectorFloor)) / (1 - w.vectorFloor));
  }
  return best;
}

/**
 * Slot filling: how densely the question's words gather around a word that fills the asked slot
 * (a date for "when", a number for "how many", a name for "who", a cue for "why"). A sentence
 * that states a date far from the topic words ("... announcements on Monday") fills the slot
 * less than one that says "seized the site in March 2018". 0–1: the weighted share of the
 * question's words matched, each discounted by its distance in tokens from the nearest slot word.
 */
export function slotDensity(
  q: Query,
  s: IndexedSentence,
  weights: readonly number[],
  total: number,
  w: RankWeights,
): number {
  const slots = s.kinds.slots.get(q.shape.kind);
  if (!slots || slots.length === 0 || total === 0) return 0;
  const matches = q.terms.map((t) =>
    s.words.flatMap((x) => {
      const m = wordMatch(t, x.keys, x.vector, w);
      return m > 0 ? [{ at: x.at, m, exact: m === 1 }] : [];
    }),
  );
  // A word the question already says is not the answer ("Who did Biden ...": Biden fills nothing).
  const said = new Set(matches.flatMap((ms) => ms.filter((x) => x.exact).map((x) => x.at)));
  let best = 0;
  for (const p of slots) {
    if (said.has(p)) continue;
    let sum = 0;
    matches.forEach((ms, i) => {
      let m = 0;
      for (const x of ms) m = Math.max(m, x.m / (1 + Math.abs(p - x.at) / w.slotSpan));
      sum += weights[i]! * m;
    });
    best = Math.max(best, sum / total);
  }
  return best;
}

/** The stated value that answers a how-many/how-much/when question, preferring one beside the asked unit. */
function valueFor(q: Query, s: IndexedSentence): StatedValue | null {
  const wanted: readonly AnswerKind[] =
    q.shape.kind === 'count'
      ? ['count', 'measure']
      : q.shape.kind === 'measure'
        ? ['measure', 'count']
        : q.shape.kind === 'duration'
          ? ['duration', 'when', 'count']
          : [q.shape.kind];
  const candidates = s.kinds.values.filter((v) => wanted.includes(v.kind));
  if (candidates.length === 0) return null;
  const unit = q.shape.unit ? keyOf(q.shape.unit) : null;
  const withUnit = unit ? candidates.find((v) => v.text.toLowerCase().split(/\W+/).map(keyOf).includes(unit)) : null;
  return withUnit ?? candidates.sort((a, b) => wanted.indexOf(a.kind) - wanted.indexOf(b.kind))[0]!;
}

/** Does the sentence hold the kind of answer asked? A person or place must be one the question does not already name. */
function holds(s: IndexedSentence, kind: AnswerKind, asked: ReadonlySet<string>): boolean {
  if (kind === 'who') return [...s.names].some((n) => !asked.has(n));
  if (kind === 'where') return [...s.places].some((n) => !asked.has(n)) || s.kinds.holds.has('where');
  return s.kinds.holds.has(kind);
}

/** 1 when a number in the sentence counts the asked noun, less for a near synonym ("users" for "people"). */
function unitMatch(s: IndexedSentence, unit: string, vector: Float32Array | null): number {
  let best = 0;
  for (const c of s.counted) {
    if (c.key === unit) return 1;
    if (vector && c.vector) best = Math.max(best, cosine(vector, c.vector));
  }
  return best >= 0.45 ? best : 0;
}

export function scoreSentences(
  index: SentenceIndex,
  query: Query,
  features: RankFeatures = ALL_FEATURES,
  w: RankWeights = DEFAULT_WEIGHTS,
): AskHit[] {
  const p = index.prepared;
  const weights = query.terms.map((t) => idf(p, t.key) * Math.pow(rarity(t), w.informativeness));
  const total = weights.reduce((a, b) => a + b, 0);
  const qCentroid = features.vectors
    ? centroidOf(query.terms.flatMap((t) => (t.vector && !t.name ? [t.vector] : [])))
    : null;
  const kind = query.shape.kind;
  const unit = query.shape.unit ? keyOf(query.shape.unit) : null;
  const unitVector = unit ? (wordVectors().vector(unit) ?? wordVectors().vector(query.shape.unit!)) : undefined;
  const asked = new Set(query.terms.flatMap((t) => [...t.keys]));
  return p.sentences.map((s) => {
    let covered = 0;
    query.terms.forEach((t, i) => (covered += weights[i]! * termMatch(t, s, p, features, w)));
    // "Where did it happen?" names no topic: the story's own is meant, so kind and lead decide.
    const coverage = total === 0 ? TOPIC_OF_STORY : covered / total;
    let score = Math.min(coverage, 1.1);
    if (qCentroid && s.centroid) score += w.sentenceVector * Math.max(0, cosine(qCentroid, s.centroid) - 0.3);
    const fits = kind === 'what' || holds(s, kind, asked);
    const numeric =
      kind === 'count' || kind === 'money' || kind === 'when' || kind === 'duration' || kind === 'measure';
    if (features.types && kind !== 'what') {
      if (fits) score += w.type;
      else score -= kind === 'why' ? w.whyMissing : numeric ? w.type + w.numberMissing : w.type;
      score += w.slot * slotDensity(query, s, weights, total, w);
    }
    if (features.types && unitVector !== undefined) score += w.unit * unitMatch(s, unit!, unitVector);
    if (features.lead) {
      score += w.lead * Math.exp(-s.id / w.leadSpan);
      if (p.title.size > 0) score += (w.title * [...p.title].filter((k) => s.tf.has(k)).length) / p.title.size;
    }
    return { sentence: s.id, score, coverage, value: numeric ? valueFor(query, s) : null, fits };
  });
}

export function ask(index: SentenceIndex, question: string, options: AskOptions = {}): AskResult {
  const features = { ...ALL_FEATURES, ...options.features };
  const query = parseQuery(question, { wordnet: features.wordnet, language: index.prepared.language });
  const terms = query.terms.map((t) => t.key);
  const aimless = terms.length === 0 && query.shape.kind === 'what';
  if (aimless || index.prepared.sentences.length === 0) return { hits: [], terms, kind: query.shape.kind };
  const ranked = rank(scoreSentences(index, query, features, { ...DEFAULT_WEIGHTS, ...options.weights }));
  return {
    hits: answerHits(ranked, options.minScore ?? REFUSE_BELOW, options.limit ?? 3),
    terms,
    kind: query.shape.kind,
  };
}

/** Best first; ties go to the better-covered, then the earlier sentence. */
export function rank(hits: AskHit[]): AskHit[] {
  return hits.sort((a, b) => b.score - a.score || b.coverage - a.coverage || a.sentence - b.sentence);
}

/** The best sentence, and up to `limit - 1` more that score nearly as well; none below `minScore`. */
export function answerHits(ranked: readonly AskHit[], minScore: number, limit: number): AskHit[] {
  const best = ranked[0];
  if (!best || best.score < minScore) return [];
  return [best, ...ranked.slice(1).filter((h) => h.score >= best.score * FOLLOW_SHARE)].slice(0, limit);
}
