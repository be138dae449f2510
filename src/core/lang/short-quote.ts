/**
 * A partial quote of one or two words ("Il a qualifié ces passeurs de « mules »", "他称此举
 * “非法”") says nothing on its own. Like the English analyser (analyse/quotes-partial.ts), every
 * language shows it with the words of its sentence right before it, marks kept, until it reads
 * as a phrase: « des « mules » », never a word torn from its clause. Every word still stands
 * verbatim in the sentence, so the quote stays grounded in the sentence it cites.
 */

/** Fewer words than this (a CJK character counts as one) and a quote is shown in context. */
export const MIN_QUOTE_WORDS = 3;

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/u;
/** A word of a spaced script, or one CJK character. */
const WORD = /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]|[\p{L}\p{N}]+/gu;

/** Words as a reader (and the scorer) counts them: CJK characters one by one. */
export function wordsIn(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** A character that may sit inside the context taken around a quote: letters, digits, spaces, ' and -. */
function joins(ch: string | undefined): boolean {
  return ch !== undefined && (/[\p{L}\p{N}\p{M}'’\-‐ ]/u.test(ch) || CJK.test(ch));
}

/**
 * The quote whose words run from `start` to `end` in `text` (its marks just outside), shown
 * with its marks and, when it has fewer than {@link MIN_QUOTE_WORDS} words, with the words
 * before it (then after it) inside [from, to), never across punctuation or another quote.
 */
export function quoteWithContext(text: string, start: number, end: number, from: number, to: number): string {
  const inner = text.slice(start, end).trim();
  if (wordsIn(inner) >= MIN_QUOTE_WORDS) return inner;
  let a = Math.max(from, start - 1);
  let b = Math.min(to, end + 1);
  const count = (): number => wordsIn(text.slice(a, b));
  // Step left one word (or one CJK character) at a time.
  while (count() < MIN_QUOTE_WORDS && a > from) {
    let k = a;
    while (k > from && text[k - 1] === ' ') k -= 1;
    if (k === from || !joins(text[k - 1])) break;
    if (CJK.test(text[k - 1]!)) k -= 1;
    else while (k > from && joins(text[k - 1]) && text[k - 1] !== ' ' && !CJK.test(text[k - 1]!)) k -= 1;
    a = k;
  }
  while (count() < MIN_QUOTE_WORDS && b < to) {
    let k = b;
    while (k < to && text[k] === ' ') k += 1;
    if (k === to || !joins(text[k])) break;
    if (CJK.test(text[k]!)) k += 1;
    else while (k < to && joins(text[k]) && text[k] !== ' ' && !CJK.test(text[k]!)) k += 1;
    b = k;
  }
  return count() > wordsIn(inner) ? text.slice(a, b).trim() : inner;
}
