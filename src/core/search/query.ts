/**
 * A reader's question made ready to match: its kind of answer, its content words as lemma keys,
 * each with the keys WordNet relates to it (synonyms, derivations) and its word vector.
 */
import { annotateSentence } from '../nlp/annotate.js';
import { questionShape, type QuestionShape } from './question.js';
import { exactKeys, isContent, keyOf } from './prepare.js';
import { wordVectors } from './word-vectors.js';
import { relatedWords } from './wordnet.js';

export interface QueryTerm {
  /** The word as typed, lower case. */
  readonly word: string;
  readonly key: string;
  /** Every exact form: the lemma and the word as typed. */
  readonly keys: ReadonlySet<string>;
  /** WordNet relatives as keys (the term's own key excluded). */
  readonly related: ReadonlySet<string>;
  readonly vector: Float32Array | null;
  /** A proper noun: matched literally, never expanded. */
  readonly name: boolean;
}

export interface Query {
  readonly text: string;
  readonly shape: QuestionShape;
  readonly terms: readonly QueryTerm[];
}

/** Relatives too general to say anything ("get", "make", "be") or too short to match safely. */
const LIGHT = new Set(
  'be have do get make go take give put set come see say let keep hold run turn pass point mark call part line place form'.split(
    ' ',
  ),
);

/** Abbreviations readers type for titles that articles spell out. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  vp: 'vice president',
  pm: 'prime minister',
  ceo: 'chief executive',
  mp: 'member of parliament',
  mps: 'members of parliament',
  cops: 'police',
  cop: 'police',
  gov: 'government',
  govt: 'government',
  uk: 'united kingdom',
  us: 'united states',
};

export function parseQuery(question: string, options: { readonly wordnet?: boolean } = {}): Query {
  const shape = questionShape(question);
  const spelled = question.replace(/\b[A-Za-z]+\b/g, (w) => {
    const long = ABBREVIATIONS[w.toLowerCase()];
    // "US" as a word, but never the pronoun "us".
    return long && !(w === 'us') ? long : w;
  });
  const tokens = annotateSentence(0, 0, spelled).tokens;
  const wv = wordVectors();
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  for (const t of tokens) {
    if (!isContent(t)) continue;
    const key = keyOf(t.lemma);
    if (seen.has(key)) continue;
    seen.add(key);
    const name = t.pos === 'PROPN';
    const related = new Set<string>();
    if (options.wordnet !== false && !name && /^[a-z]+$/.test(t.lemma)) {
      for (const w of [...relatedWords(t.lemma), ...(t.norm !== t.lemma ? relatedWords(t.norm) : [])])
        if (!LIGHT.has(w) && w.length > 2) related.add(keyOf(w));
      related.delete(key);
    }
    terms.push({
      word: t.norm,
      key,
      keys: exactKeys(t),
      related,
      vector: wv.vector(t.norm) ?? wv.vector(t.lemma),
      name,
    });
  }
  return { text: question, shape, terms };
}
