/**
 * How a quote is shown when its words alone would not make sense to a reader.
 *
 * - A partial quote of one or two words inside reported speech (Roe called the plan
 *   “reckless”) says nothing on its own: it is shown in the clause that carries it, marks kept,
 *   from the verb before it (called the plan “reckless”), so the reader sees which words are
 *   the speaker's and what they describe. Every word still stands verbatim in the sentence.
 * - A quote interrupted by its attribution mid-sentence (“Overall,” he said, “the plan
 *   works.”) is one quote shown in its parts: “Overall … the plan works.”
 */
import type { AnnotatedSentence } from '../nlp/annotate.js';

/** Fewer words than this and a quote is shown in its clause. */
export const MIN_QUOTE_WORDS = 3;
/** Words of clause at most before a short quote (past that, the verb is too far to help). */
const MAX_CONTEXT_WORDS = 10;

export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/**
 * The short quote between `open` (offset of its opening mark) and `close` (offset just after its
 * closing mark) in sentence `s`, with the clause before it back to its verb; or, with no verb
 * in reach, with the words around it until it has {@link MIN_QUOTE_WORDS} words.
 */
export function quoteInClause(s: AnnotatedSentence, open: number, close: number): string {
  const quoted = s.text.slice(open, close);
  let from = open;
  let words = wordCount(quoted);
  let verb = false;
  let taken = 0;
  for (let i = s.tokens.length - 1; i >= 0; i--) {
    const t = s.tokens[i]!;
    if (t.end > open) continue;
    // A quote mark or a clause break ends the clause: another quote is never pulled in.
    if (t.pos === 'PUNCT' || t.pos === 'SYM') break;
    from = t.start;
    taken++;
    // "May's proposed deal", "the revised plan": a participle before a noun is no clause verb.
    const modifier = t.pos === 'VERB' && (s.tokens[i - 1]?.pos === 'DET' || s.tokens[i - 1]?.pos === 'PART');
    if ((t.pos === 'VERB' && !modifier) || taken >= MAX_CONTEXT_WORDS) {
      verb = t.pos === 'VERB';
      break;
    }
  }
  words += wordCount(s.text.slice(from, open));
  // No verb in reach: only the nearest words, enough to read the quote by.
  if (!verb && words > MIN_QUOTE_WORDS) {
    from = open;
    words = wordCount(quoted);
    for (let i = s.tokens.length - 1; i >= 0 && words < MIN_QUOTE_WORDS; i--) {
      const t = s.tokens[i]!;
      if (t.end > open) continue;
      if (t.pos === 'PUNCT' || t.pos === 'SYM') break;
      from = t.start;
      words += wordCount(t.text);
    }
  }
  let to = close;
  for (const t of s.tokens) {
    if (words >= MIN_QUOTE_WORDS) break;
    if (t.start < close) continue;
    if (t.pos === 'PUNCT' || t.pos === 'SYM') break;
    to = t.end;
    words += wordCount(t.text);
  }
  return s.text.slice(from, to).trim();
}

/** True when a quote's last part stops on a comma, mid-sentence ("Overall,"). */
export function endsOnComma(raw: string): boolean {
  return /,\s*$/.test(raw.trim());
}

/** Words between two parts of a quote that are only its attribution: " he continued, ". */
export function onlyAttribution(between: string): boolean {
  return /,\s*$/.test(between) && wordCount(between) <= 6 && !/[.;:!?]/.test(between);
}

/** True when a quote's first word continues a sentence rather than starting one. */
export function startsMidSentence(text: string): boolean {
  return /^\p{Ll}/u.test(text.trim());
}
