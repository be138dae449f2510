/**
 * An article made ready for /ask: per sentence, its lemmas (counted, for BM25), the names it
 * refers to only by pronoun or description (coreference, from the analysed people and
 * organisations), its content words' vectors, and what kinds of answer it holds.
 */
import type { Article, Sentence } from '../article/types.js';
import { analyseAnnotated } from '../analyse/index.js';
import type { ArticleFacts } from '../facts/types.js';
import { annotate, type AnnotatedSentence, type Token } from '../nlp/annotate.js';
import { askLanguageFor, ENGLISH, type AskLanguage } from './language.js';
import { sentenceKinds, type SentenceKinds } from './sentence-kinds.js';
import { descriptionRefs } from './descriptions.js';
import { nameLinks, type NameLink } from './name-links.js';
import { valueLinks, type ValueLink } from './value-links.js';
import { wordVectors } from './word-vectors.js';

export interface IndexedSentence extends Sentence {
  /** Lemma key → count in the sentence. */
  readonly tf: ReadonlyMap<string, number>;
  readonly length: number;
  /** Keys of names the sentence refers to without spelling them ("he", "the company"). */
  readonly coref: ReadonlySet<string>;
  /** Unit vectors of its content words (those in the vocabulary). */
  readonly vectors: readonly Float32Array[];
  /** Keys of the names it holds (people, organisations, other proper nouns), pronouns resolved. */
  readonly names: ReadonlySet<string>;
  /** Keys of the places it names. */
  readonly places: ReadonlySet<string>;
  /** The nouns counted by its numbers ("337 suspected users" → user), with their vectors. */
  readonly counted: readonly { readonly key: string; readonly vector: Float32Array | null }[];
  /** Mean of `vectors`, normalised; null when none. */
  readonly centroid: Float32Array | null;
  readonly kinds: SentenceKinds;
  /** Its content words where they stand (token index), for how close a match is to an answer slot. */
  readonly words: readonly SentenceWord[];
  /** Its numbers and dates with the words each is tied to (English only; empty otherwise). */
  readonly links: readonly ValueLink[];
  /** Its names with their titles and appositions (English only; empty otherwise). */
  readonly nameLinks: readonly NameLink[];
}

/** One content word of a sentence: its token index, its match keys and its vector. */
export interface SentenceWord {
  readonly at: number;
  readonly keys: ReadonlySet<string>;
  readonly vector: Float32Array | null;
}

export interface PreparedArticle {
  readonly sentences: readonly IndexedSentence[];
  readonly documentFrequency: ReadonlyMap<string, number>;
  readonly averageLength: number;
  /** Keys of the headline's words, for the lead prior. */
  readonly title: ReadonlySet<string>;
  /** The article's language as /ask reads it; questions about it are read the same way. */
  readonly language: AskLanguage;
}

/** The key words are matched on: the lemma, lower case (derived forms meet through WordNet). */
export const keyOf = (lemma: string): string => lemma.toLowerCase().replace(/[’']s$/, '');

/** A token that carries topic: a word, not a stop word, not punctuation or a bare symbol. */
export function isContent(t: Token, lang: AskLanguage = ENGLISH): boolean {
  if (t.pos === 'PUNCT' || t.pos === 'SYM' || t.pos === 'X' || t.pos === 'SPACE') return false;
  if (!/[\p{L}\p{N}]/u.test(t.text) || /^['’]/.test(t.text)) return false;
  if (lang.isStopWord(t.norm) || lang.isQuestionWord(t.norm)) return false;
  // "owns" is a verb with a topic although its lemma "own" is a stop word ("their own").
  return !lang.isStopWord(t.lemma) || t.pos === 'VERB' || t.pos === 'NOUN';
}

/**
 * The forms a word is matched under: its lemma, the word as written, its light stem (a
 * fallback where the lemmatiser leaves "funders" alone), and the parts of a hyphenated word.
 */
export function exactKeys(t: Token, lang: AskLanguage = ENGLISH): Set<string> {
  // wink's lemmas are English: another language keys on the word as written and its own stem.
  // An English name is matched as written: "United States" is neither "unite" nor "state".
  const name = lang.englishLexicon && t.pos === 'PROPN';
  const keys = new Set(
    name ? [keyOf(t.norm)] : [...(lang.englishLexicon ? [keyOf(t.lemma)] : []), keyOf(t.norm), lang.stem(t.norm)],
  );
  if (t.norm.includes('-')) for (const part of t.norm.split('-')) if (part.length > 2) keys.add(lang.stem(part));
  keys.delete('');
  return keys;
}

/** Content-word keys of a name ("Niklas Hedman" → niklas, hedman). */
function nameKeys(name: string, lang: AskLanguage): string[] {
  return name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !lang.isStopWord(w))
    .map(keyOf);
}

/** Normalised mean of unit vectors. */
export function centroidOf(vs: readonly Float32Array[]): Float32Array | null {
  if (vs.length === 0) return null;
  const c = new Float32Array(vs[0]!.length);
  for (const v of vs) for (let d = 0; d < c.length; d++) c[d]! += v[d]!;
  let n = 0;
  for (let d = 0; d < c.length; d++) n += c[d]! * c[d]!;
  n = Math.sqrt(n) || 1;
  for (let d = 0; d < c.length; d++) c[d]! /= n;
  return c;
}

export function prepareArticle(article: Article, givenFacts?: ArticleFacts): PreparedArticle {
  const language = askLanguageFor(article.language);
  const keysOf = (name: string): string[] =>
    language.keysOfText ? language.keysOfText(name) : nameKeys(name, language);
  const doc = annotate(article);
  const facts = givenFacts ?? analyseAnnotated(doc);
  const kinds = sentenceKinds(doc.sentences, facts, language.answerWords);
  const coref = new Map<number, Set<string>>();
  const placesAt = new Map<number, Set<string>>();
  for (const p of facts.places)
    for (const m of p.mentions) placesAt.set(m, new Set([...(placesAt.get(m) ?? []), ...keysOf(p.name)]));
  for (const x of [
    ...facts.people.map((p) => ({ names: [p.name, ...p.aliases], mentions: p.mentions })),
    ...facts.organizations.map((o) => ({ names: [o.name, ...(o.acronym ? [o.acronym] : [])], mentions: o.mentions })),
  ]) {
    const keys = x.names.flatMap(keysOf);
    for (const m of x.mentions) {
      const set = coref.get(m) ?? new Set<string>();
      for (const k of keys) set.add(k);
      coref.set(m, set);
    }
  }
  const documentFrequency = new Map<string, number>();
  const indexed = doc.sentences.map((s: AnnotatedSentence): IndexedSentence => {
    const tf = new Map<string, number>();
    let length = 0;
    const words: SentenceWord[] = [];
    const wv = wordVectors();
    if (language.keysOfText)
      language.keysOfText(s.text).forEach((k, at) => {
        length += 1;
        tf.set(k, (tf.get(k) ?? 0) + 1);
        words.push({ at, keys: new Set([k]), vector: null });
      });
    else
      s.tokens.forEach((t, at) => {
        if (!isContent(t, language)) return;
        length += 1;
        const keys = exactKeys(t, language);
        for (const k of keys) tf.set(k, (tf.get(k) ?? 0) + 1);
        words.push({ at, keys, vector: language.englishLexicon ? (wv.vector(t.norm) ?? wv.vector(t.lemma)) : null });
      });
    for (const k of tf.keys()) documentFrequency.set(k, (documentFrequency.get(k) ?? 0) + 1);
    const vectors = words.flatMap((w) => (w.vector ? [w.vector] : []));
    const own = coref.get(s.id) ?? new Set<string>();
    const names = new Set(own);
    s.tokens.forEach((t, i) => {
      // A capitalised word inside the sentence is a name; the first word is capitalised anyway.
      if (t.pos === 'PROPN' && (i > 0 || s.tokens.length === 1) && !language.isStopWord(t.norm) && !t.entity)
        names.add(keyOf(t.norm));
    });
    return {
      id: s.id,
      paragraph: s.paragraph,
      text: s.text,
      tf,
      length,
      coref: new Set([...own].filter((k) => !tf.has(k))),
      vectors,
      names,
      places: placesAt.get(s.id) ?? new Set(),
      counted: countedNouns(s.tokens),
      centroid: centroidOf(vectors),
      kinds: kinds.get(s.id)!,
      words,
      links: language.englishLexicon ? valueLinks(s) : [],
      nameLinks: language.englishLexicon ? nameLinks(s) : [],
    };
  });
  const byId = new Map(indexed.map((s) => [s.id, s]));
  const described = language.englishLexicon
    ? descriptionRefs(
        doc.sentences,
        new Map(indexed.map((s) => [s.id, s.nameLinks])),
        (id, key) => byId.get(id)!.names.has(key) || byId.get(id)!.tf.has(key),
        keyOf,
      )
    : new Map<number, Set<string>>();
  const sentences = indexed.map((s): IndexedSentence => {
    const extra = [...(described.get(s.id) ?? [])].filter((k) => !s.tf.has(k) && !s.coref.has(k));
    return extra.length === 0 ? s : { ...s, coref: new Set([...s.coref, ...extra]) };
  });
  const averageLength = sentences.reduce((n, s) => n + s.length, 0) / Math.max(1, sentences.length);
  const title = new Set(
    language.keysOfText
      ? language.keysOfText(article.title ?? '')
      : (article.title ?? '')
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u)
          .filter((w) => w.length > 1 && !language.isStopWord(w))
          .map(keyOf),
  );
  return { sentences, documentFrequency, averageLength, title, language };
}

const NUMBER_WORDS = new Set(
  'one two three four five six seven eight nine ten eleven twelve dozen dozens hundred hundreds thousand thousands million millions billion billions'.split(
    ' ',
  ),
);

/** The noun each number counts: the first noun within four words after it. */
function countedNouns(tokens: readonly Token[]): IndexedSentence['counted'] {
  const wv = wordVectors();
  const out: { key: string; vector: Float32Array | null }[] = [];
  tokens.forEach((t, i) => {
    if (!(t.pos === 'NUM' || /^\d/.test(t.text) || NUMBER_WORDS.has(t.norm))) return;
    for (let j = i + 1; j < Math.min(tokens.length, i + 5); j++) {
      const n = tokens[j]!;
      if (n.pos === 'NOUN' || n.pos === 'PROPN') {
        out.push({ key: keyOf(n.lemma), vector: wv.vector(n.norm) ?? wv.vector(n.lemma) });
        break;
      }
      if (n.pos === 'VERB' || n.pos === 'PUNCT' || n.pos === 'ADP') break;
    }
  });
  return out;
}
