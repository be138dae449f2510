/**
 * Quotation marks in every typographic convention Herald meets: straight "…", English “…”,
 * German „…“ and ‚…‘, French and Spanish «…» (and German »…«), ‹…›, and the CJK corner
 * brackets 「…」 and 『…』. Used to say "the article quotes nobody" only when no quotation is
 * there at all, and by the language modules to find quotes.
 */
import type { Article } from '../article/types.js';

/** Opening mark → the closing marks that may end it (German „ closes with “, English “ with ”). */
export const QUOTE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['"', '"'],
  ['“', '”'],
  ['„', '“”'],
  ['‚', '‘’'],
  ['«', '»'],
  ['»', '«'],
  ['‹', '›'],
  ['「', '」'],
  ['『', '』'],
];

export interface QuotedSpan {
  /** Offsets of the quoted words inside the text, marks excluded. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Every quoted span in `text`, outermost first, in reading order. */
export function quotedSpans(text: string): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const pair = QUOTE_PAIRS.find(([open]) => open === text[i]);
    if (!pair) {
      i += 1;
      continue;
    }
    const [open, closers] = pair;
    let j = i + 1;
    while (j < text.length && !closers.includes(text[j]!)) j += 1;
    if (j >= text.length) {
      i += 1;
      continue;
    }
    const inner = text.slice(i + 1, j).trim();
    if (/[\p{L}\p{N}]/u.test(inner)) out.push({ start: i + 1, end: j, text: inner });
    i = j + 1;
  }
  return out;
}

/** Typographic quotation marks: one alone shows a quotation that runs over several sentences. */
const TYPOGRAPHIC_MARK = /[“”„«»‹›「」『』]/u;

/** Ids of the sentences that hold a quotation or part of one, in reading order. */
export function sentencesWithQuotes(article: Article): number[] {
  return article.sentences
    .filter((s) => TYPOGRAPHIC_MARK.test(s.text) || quotedSpans(s.text).length > 0)
    .map((s) => s.id);
}
