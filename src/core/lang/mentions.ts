/**
 * Where a word or name occurs in an article, in any language: the ground truth behind "the
 * article does not mention X". Case, accents, letter width (full-width Latin, half-width kana)
 * and apostrophes are normalised; Latin, Cyrillic and other spaced scripts match at the start
 * of a word (so "Lemke" finds "Lemkes", "partnership" finds "partnerships"); Chinese and
 * Japanese match anywhere, since they write no word spaces.
 */
import type { Article } from '../article/types.js';

/** Lower case, no accents, NFKC width, one space between words, punctuation out. */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`´]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/u;

/** True when `query` occurs in `text` under the folding above. */
export function occursIn(text: string, query: string): boolean {
  const q = foldText(query);
  if (q === '') return false;
  const t = foldText(text);
  if (CJK.test(q)) return t.replace(/ /gu, '').includes(q.replace(/ /gu, ''));
  // At the start of a word: after the text start or a space, or after a CJK character.
  let at = t.indexOf(q);
  while (at >= 0) {
    if (at === 0 || t[at - 1] === ' ' || CJK.test(t[at - 1]!)) return true;
    at = t.indexOf(q, at + 1);
  }
  return false;
}

export interface Mentions {
  /** The headline holds it. */
  readonly inTitle: boolean;
  /** Ids of the sentences that hold it, in reading order. */
  readonly sentences: readonly number[];
}

/** Every place the article mentions `query`. */
export function findMentions(article: Article, query: string): Mentions {
  return {
    inTitle: article.title !== null && occursIn(article.title, query),
    sentences: article.sentences.filter((s) => occursIn(s.text, query)).map((s) => s.id),
  };
}
