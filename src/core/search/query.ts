/**
 * A reader's question made ready to match: its kind of answer, its content words as lemma keys,
 * each with the keys WordNet relates to it (synonyms, derivations) and its word vector.
 */
import { annotateSentence, type Token } from '../nlp/annotate.js';
import { ENGLISH, type AskLanguage } from './language.js';
import type { QuestionShape } from './question.js';
import { exactKeys, isContent, keyOf } from './prepare.js';
import { wordVectors } from './word-vectors.js';
import { answerNoun } from './answer-noun.js';
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
  /** The noun naming the answer's class ("Which **companies**", "Who was the **attacker**"). */
  readonly answerClass?: boolean;
}

export interface Query {
  readonly text: string;
  readonly shape: QuestionShape;
  readonly terms: readonly QueryTerm[];
  /**
   * The question as typed, tagged, when reading it for terms tagged that same text (no
   * abbreviation spelled out): asked-focus.ts reads it again otherwise, a second wink pass per
   * question (ADR 049).
   */
  readonly tokens?: readonly Token[];
}

/** Relatives too general to say anything ("get", "make", "be") or too short to match safely. */
const LIGHT = new Set(
  'be have do get make go take give put set come see say let keep hold run turn pass point mark call part line place form'.split(
    ' ',
  ),
);

export interface QueryOptions {
  /** Expand words with their WordNet relatives (default true; off for the ADR's ablation). */
  readonly wordnet?: boolean;
  /** The language the question is read in: the article's (default English). */
  readonly language?: AskLanguage;
}

export function parseQuery(question: string, options: QueryOptions = {}): Query {
  const lang = options.language ?? ENGLISH;
  const shape = lang.questionShape(question);
  const spelled = question.replace(/\b[A-Za-z]+\b/g, (w) => {
    const long = lang.abbreviations[w.toLowerCase()];
    // "US" as a word, but never the pronoun "us".
    return long && !(w === 'us') ? long : w;
  });
  if (lang.keysOfText) {
    // A script without word spaces: its keys, once each, none expanded.
    const keys = [...new Set(lang.keysOfText(question, true))];
    const terms = keys.map((k): QueryTerm => ({
      word: k,
      key: k,
      keys: new Set([k]),
      related: new Set(),
      vector: null,
      name: false,
    }));
    return { text: question, shape, terms };
  }
  const tokens = annotateSentence(0, 0, spelled).tokens;
  const typed = spelled === question ? { tokens } : {};
  const classNoun = lang.englishLexicon ? answerNoun(spelled, shape.kind) : null;
  const wv = wordVectors();
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  for (const t of tokens) {
    if (!isContent(t, lang)) continue;
    const key = keyOf(t.lemma);
    if (seen.has(key)) continue;
    seen.add(key);
    const name = t.pos === 'PROPN';
    const related = new Set<string>();
    if (options.wordnet !== false && lang.englishLexicon && !name && /^[a-z]+$/.test(t.lemma)) {
      for (const w of [...relatedWords(t.lemma), ...(t.norm !== t.lemma ? relatedWords(t.norm) : [])])
        if (!LIGHT.has(w) && w.length > 2) related.add(keyOf(w));
      related.delete(key);
    }
    terms.push({
      word: t.norm,
      key,
      keys: exactKeys(t, lang),
      related,
      vector: lang.englishLexicon ? (wv.vector(t.norm) ?? wv.vector(t.lemma)) : null,
      name,
      answerClass: classNoun !== null && (t.norm === classNoun || key === keyOf(classNoun)),
    });
  }
  return { text: question, shape, terms, ...typed };
}
