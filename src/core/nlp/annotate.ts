/**
 * One pass of wink-nlp over every sentence, shared by every extractor, so the whole
 * analysis costs a small multiple of tagging alone (see bench/).
 */
import type { Article } from '../article/types.js';
import { getNlp } from './wink.js';

/** A token with its part of speech and character span inside its sentence. */
export interface Token {
  readonly text: string;
  /** Lower-cased text. */
  readonly norm: string;
  /** Universal POS tag from wink: PROPN, NOUN, VERB, AUX, ADP, PUNCT, PRON, DET, ADJ, NUM, CCONJ, ... */
  readonly pos: string;
  /** Character offsets of the token in the sentence text. */
  readonly start: number;
  readonly end: number;
  /** Lemma when wink provides one (lower case). */
  readonly lemma: string;
  /** Entity type from wink's entity recogniser covering this token (DATE, CARDINAL, MONEY, ...), if any. */
  readonly entity: string | null;
}

/** A wink entity span: token indexes [first, last] inclusive. */
export interface EntitySpan {
  readonly type: string;
  readonly value: string;
  readonly first: number;
  readonly last: number;
}

export interface AnnotatedSentence {
  readonly id: number;
  readonly paragraph: number;
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly entities: readonly EntitySpan[];
}

export interface AnnotatedArticle {
  readonly article: Article;
  readonly sentences: readonly AnnotatedSentence[];
}

/** Tokenises and tags each sentence of the article once. */
export function annotate(article: Article): AnnotatedArticle {
  return { article, sentences: article.sentences.map((s) => annotateSentence(s.id, s.paragraph, s.text)) };
}

export function annotateSentence(id: number, paragraph: number, text: string): AnnotatedSentence {
  const { nlp, its } = getNlp();
  const doc = nlp.readDoc(text);
  const words: string[] = doc.tokens().out();
  const pos: string[] = doc.tokens().out(its.pos);
  const lemmas: string[] = doc.tokens().out(its.lemma as never);
  const entities: EntitySpan[] = [];
  doc.entities().each((e: any) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const [first, last] = e.out(its.span) as [number, number];
    const detail = e.out(its.detail) as { value: string; type: string };
    entities.push({ type: detail.type, value: detail.value, first, last });
  });
  const entityAt = new Array<string | null>(words.length).fill(null);
  for (const e of entities) for (let i = e.first; i <= e.last; i++) entityAt[i] = e.type;
  const tokens: Token[] = [];
  let cursor = 0;
  words.forEach((w, i) => {
    // wink keeps token text verbatim, so a forward search recovers offsets.
    const at = text.indexOf(w, cursor);
    const start = at >= 0 ? at : cursor;
    const end = start + w.length;
    cursor = at >= 0 ? end : cursor;
    tokens.push({ text: w, norm: w.toLowerCase(), pos: pos[i] ?? 'X', start, end, lemma: (lemmas[i] ?? w).toLowerCase(), entity: entityAt[i] ?? null });
  });
  return { id, paragraph, text, tokens, entities };
}
