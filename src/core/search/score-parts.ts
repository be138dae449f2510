/**
 * The signals /ask weighs for each sentence against a question (ADR 022), kept apart from their
 * weights so the calibration can fit the weights on the development questions: how much of the
 * question the sentence covers, how close its meaning is, whether it holds the kind of answer
 * asked and where that answer stands, the counted noun, and the sentence's place in the story.
 */
import { askedFocus, namesAsked, valueTie } from './asked-focus.js';
import { keyOf, centroidOf, type IndexedSentence, type PreparedArticle } from './prepare.js';
import type { Query, QueryTerm } from './query.js';
import type { AnswerKind } from './question.js';
import type { StatedValue } from './sentence-kinds.js';
import { ALL_FEATURES, DEFAULT_WEIGHTS, type RankFeatures, type RankWeights } from './weights.js';
import { cosine, wordVectors } from './word-vectors.js';

const K1 = 1.2;
const B = 0.75;
/** Coverage given to every sentence when the question names no topic of its own. */
const TOPIC_OF_STORY = 0.6;

/** A sentence that ends in a question mark, inside closing quotes or not ("?", "?”", "？"). */
const ASKS = /[?？]\s*["”’']?\s*$/;

/** Rank in the frequency list at which a word counts fully; more frequent words weigh less. */
const FULL_WEIGHT_RANK = 2000;

/** Whether a sentence holds one of the word's WordNet relatives, walking the smaller of the two. */
function relatedIn(t: QueryTerm, tf: ReadonlyMap<string, number>): boolean {
  if (t.related.size <= tf.size) {
    for (const r of t.related) if (tf.has(r)) return true;
  } else for (const k of tf.keys()) if (t.related.has(k)) return true;
  return false;
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
  if (f.wordnet && best < 0.6 && relatedIn(t, s.tf)) best = 0.6;
  if (f.vectors && best < 0.7 && t.vector && !t.name) {
    let c = 0;
    for (const v of s.vectors) c = Math.max(c, cosine(t.vector, v));
    // Only close neighbours count ("died"/"dead" 0.71, "arrested"/"detained" 0.89).
    if (c >= w.vectorFloor) best = Math.max(best, vectorValue(c, w));
  }
  return best;
}

/**
 * What a close word vector is worth as a match, from `vectorAtFloor` at the floor upwards by
 * `vectorSlope` over the rest of the cosine's range: a paraphrase ("oversaw" for "monitored",
 * "picked" for "selected") must weigh near a repeated word, or the sentence that repeats the
 * question's other words outranks the one that answers it (ADR 022, seventh round).
 */
export function vectorValue(c: number, w: RankWeights): number {
  return Math.min(1, w.vectorAtFloor + (w.vectorSlope * (c - w.vectorFloor)) / (1 - w.vectorFloor));
}

/** 0.2–1: how rare a word is in English, from its rank in the vectors' frequency list (unknown words are rare). */
export function rarity(t: QueryTerm): number {
  const wv = wordVectors();
  const r = wv.rank(t.word) ?? wv.rank(t.key);
  if (r === null) return 1;
  return Math.min(1, Math.max(0.2, Math.log10(r + 10) / Math.log10(FULL_WEIGHT_RANK)));
}

export function idf(p: PreparedArticle, key: string): number {
  const n = p.sentences.length;
  const df = p.documentFrequency.get(key) ?? 0;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * A question word's IDF by the most frequent of the forms it matches under: "mars" typed in
 * lower case has the lemma "mar", which no sentence holds when the article writes the name
 * "Mars", so its own key alone would make the story's subject look like its rarest word.
 */
export function termIdf(p: PreparedArticle, t: QueryTerm): number {
  let best = idf(p, t.key);
  for (const k of t.keys) best = Math.min(best, idf(p, k));
  return best;
}

/** How well one question word is met by one sentence word: 1 the same, 0.6 a WordNet relative, less a close vector. */
export function wordMatch(
  t: QueryTerm,
  keys: ReadonlySet<string>,
  vector: Float32Array | null,
  w: RankWeights,
): number {
  for (const k of t.keys) if (keys.has(k)) return 1;
  let best = 0;
  // A word has one to three keys and a question word dozens of relatives: walk the keys.
  for (const k of keys) if (t.related.has(k)) best = 0.6;
  if (t.vector && vector && !t.name) {
    const c = cosine(t.vector, vector);
    if (c >= w.vectorFloor) best = Math.max(best, vectorValue(c, w));
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
  // The matched words of all terms in two flat arrays, term i's ending at ends[i]: this runs for
  // every sentence of every question, and an object per matched word was most of /ask's garbage.
  const at: number[] = [];
  const match: number[] = [];
  const ends: number[] = [];
  // A word the question already says is not the answer ("Who did Biden ...": Biden fills nothing).
  const said: number[] = [];
  for (const t of q.terms) {
    for (const x of s.words) {
      const m = wordMatch(t, x.keys, x.vector, w);
      if (m <= 0) continue;
      at.push(x.at);
      match.push(m);
      if (m === 1) said.push(x.at);
    }
    ends.push(at.length);
  }
  let best = 0;
  for (const p of slots) {
    if (said.includes(p)) continue;
    let sum = 0;
    for (let i = 0, k = 0; i < ends.length; i++) {
      let m = 0;
      for (; k < ends[i]!; k++) m = Math.max(m, match[k]! / (1 + Math.abs(p - at[k]!) / w.slotSpan));
      sum += weights[i]! * m;
    }
    best = Math.max(best, sum / total);
  }
  return best;
}

/** The stated value that answers a how-many/how-much/when question, preferring one beside the asked unit. */
export function valueFor(q: Query, s: IndexedSentence): StatedValue | null {
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

/** Whether `keys` holds one that `asked` does not (a loop: this runs per sentence per question). */
function someNotIn(keys: ReadonlySet<string>, asked: ReadonlySet<string>): boolean {
  for (const k of keys) if (!asked.has(k)) return true;
  return false;
}

/** How many of the headline's keys the sentence holds. */
function titleHits(title: ReadonlySet<string>, s: IndexedSentence): number {
  let n = 0;
  for (const k of title) if (s.tf.has(k)) n++;
  return n;
}

/** Does the sentence hold the kind of answer asked? A person or place must be one the question does not already name. */
export function holds(s: IndexedSentence, kind: AnswerKind, asked: ReadonlySet<string>): boolean {
  if (kind === 'who') return s.kinds.agent || someNotIn(s.names, asked);
  if (kind === 'where') return someNotIn(s.places, asked) || s.kinds.placePhrase;
  return s.kinds.holds.has(kind);
}

/** 1 when a number in the sentence counts the asked noun, less for a near synonym ("users" for "people"). */
export function unitMatch(s: IndexedSentence, unit: string, vector: Float32Array | null): number {
  let best = 0;
  for (const c of s.counted) {
    if (c.key === unit) return 1;
    if (vector && c.vector) best = Math.max(best, cosine(vector, c.vector));
  }
  return best >= 0.45 ? best : 0;
}

/** One sentence's signals for one question, before weighting. */
export interface ScoreParts {
  readonly sentence: number;
  /** IDF-weighted share of the question's content words the sentence matches (0–1+). */
  readonly coverage: number;
  /** Cosine of the question's and the sentence's mean word vectors above 0.3 (0 when off). */
  readonly vector: number;
  readonly kind: AnswerKind;
  /** Whether the sentence holds the kind of answer asked (always, for "what" questions). */
  readonly fits: boolean;
  /** Whether the question asks for a number or date. */
  readonly numeric: boolean;
  /** Slot density (0–1); 0 when answer kinds are off or the question is a "what". */
  readonly slot: number;
  /** How closely a number in the sentence counts the asked noun (0–1). */
  readonly unit: number;
  /** e^(−position / leadSpan); 0 when the lead prior is off. */
  readonly lead: number;
  /** Share of the headline's words the sentence repeats. */
  readonly title: number;
  /** Whether its only causal cues are weak ones ("after", "since"), for a "why" question. */
  readonly weakCause: boolean;
  /** Whether the sentence is itself a question (a quoted "they can't get off?"). */
  readonly asks: boolean;
  readonly value: StatedValue | null;
  /**
   * For a question that asks for a count, an amount, a length or a measure: whether one of the
   * sentence's such values is tied to the question's counted noun and verb (`asked-focus.ts`);
   * null for other questions. Used by the refusal, not the ranking (ADR 022, seventh round).
   */
  readonly tied: boolean | null;
  /** Whether the tie is by the asked words themselves (`valueTie` 'focused'): may stand in for an untied best. */
  readonly focused: boolean;
}

/** Every sentence's signals for `query`. */
export function scoreParts(
  p: PreparedArticle,
  query: Query,
  features: RankFeatures = ALL_FEATURES,
  w: RankWeights = DEFAULT_WEIGHTS,
): ScoreParts[] {
  // Word rarity comes from the English vectors' frequency list: other languages weigh by IDF alone.
  const weights = query.terms.map(
    (t) => termIdf(p, t) * (p.language.englishLexicon ? Math.pow(rarity(t), w.informativeness) : 1),
  );
  const total = weights.reduce((a, b) => a + b, 0);
  const qCentroid = features.vectors
    ? centroidOf(query.terms.flatMap((t) => (t.vector && !t.name ? [t.vector] : [])))
    : null;
  const kind = query.shape.kind;
  const unit = query.shape.unit ? keyOf(query.shape.unit) : null;
  const unitVector = unit ? (wordVectors().vector(unit) ?? wordVectors().vector(query.shape.unit!)) : undefined;
  const asked = new Set(query.terms.flatMap((t) => [...t.keys]));
  const numeric = kind === 'count' || kind === 'money' || kind === 'when' || kind === 'duration' || kind === 'measure';
  const typed = features.types && kind !== 'what';
  // Which word a number is tied to is read from English tags only; a date's tie to its event is
  // not asked (it refused right answers and no unanswerable question on the development set).
  const focus = features.types && p.language.englishLexicon ? askedFocus(query) : null;
  const counts = numeric && kind !== 'when';
  const tieOf = (s: IndexedSentence): { tied: boolean | null; focused: boolean } => {
    if (focus?.named) return { tied: namesAsked(focus.named, s), focused: false };
    if (!focus || !counts) return { tied: null, focused: false };
    const t = valueTie(kind, focus, s);
    return { tied: t !== 'untied', focused: t === 'focused' };
  };
  return p.sentences.map((s) => {
    const fits = kind === 'what' || holds(s, kind, asked);
    let covered = 0;
    query.terms.forEach((t, i) => {
      const m = termMatch(t, s, p, features, w);
      // A sentence naming one of the asked kind meets the noun that names the kind ("Which companies").
      covered += weights[i]! * (typed && t.answerClass && fits ? Math.max(m, w.answerClass) : m);
    });
    return {
      sentence: s.id,
      // "Where did it happen?" names no topic: the story's own is meant, so kind and lead decide.
      coverage: total === 0 ? TOPIC_OF_STORY : covered / total,
      vector: qCentroid && s.centroid ? Math.max(0, cosine(qCentroid, s.centroid) - 0.3) : 0,
      kind,
      fits,
      numeric,
      // Slots stand at the tagger's token indexes; a language keyed by its own text (Chinese) has none to meet.
      slot: typed && !p.language.keysOfText ? slotDensity(query, s, weights, total, w) : 0,
      unit: features.types && unitVector !== undefined ? unitMatch(s, unit!, unitVector) : 0,
      lead: features.lead ? Math.exp(-s.id / w.leadSpan) : 0,
      title: features.lead && p.title.size > 0 ? titleHits(p.title, s) / p.title.size : 0,
      asks: ASKS.test(s.text),
      weakCause: kind === 'why' && s.kinds.weakCause,
      value: numeric ? valueFor(query, s) : null,
      ...tieOf(s),
    };
  });
}

/** A sentence's score: its signals weighted; comparable across questions and articles. */
export function combine(x: ScoreParts, w: RankWeights, features: RankFeatures = ALL_FEATURES): number {
  let score = Math.min(x.coverage, 1.1) + w.sentenceVector * x.vector;
  if (features.types && x.kind !== 'what') {
    if (x.fits) score += x.weakCause ? w.type - w.weakCause : w.type;
    else score -= x.kind === 'why' ? w.whyMissing : x.numeric ? w.type + w.numberMissing : w.type;
    score += w.slot * x.slot;
  }
  if (x.asks) score -= w.asksQuestion;
  return score + w.unit * x.unit + w.lead * x.lead + w.title * x.title;
}
