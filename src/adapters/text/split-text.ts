/**
 * Splitting text to a platform's limits without losing any of it: at paragraph breaks first,
 * then line breaks, then sentence ends (a closing quote or bracket may follow the stop), then
 * spaces, and only as a last resort mid-word, never inside a surrogate pair. Nothing is ever
 * cut off; callers page the pieces into further embeds, blocks or messages. One splitter for
 * every adapter: Slack's copy could cut an emoji in half.
 */

const BREAKS: readonly RegExp[] = [/\n\s*\n/g, /\n/g, /(?<=[.!?]|[.!?]["'”’)])\s/g, /\s/g];

/** The last index ≤ `max` at which `text` can be cut with the given break pattern, or -1. */
function lastBreak(text: string, max: number, pattern: RegExp): number {
  let best = -1;
  pattern.lastIndex = 0;
  // Only the head can hold a cut point; scanning the whole text each time would be quadratic.
  const head = text.slice(0, max + 2);
  for (let m = pattern.exec(head); m && m.index <= max; m = pattern.exec(head)) {
    if (m.index > 0) best = m.index;
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return best;
}

/** Avoids cutting a UTF-16 surrogate pair (emoji) in half when forced to cut mid-word. */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}

/**
 * Splits `text` into pieces of at most `max` characters whose concatenation (modulo the
 * whitespace at the cut points) is the whole text.
 */
export function splitText(text: string, max: number): string[] {
  if (max < 2) throw new RangeError('max must be at least 2');
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    let cut = -1;
    for (const pattern of BREAKS) {
      cut = lastBreak(rest, max, pattern);
      // A cut in the first quarter would leave tiny pages; prefer a finer break instead.
      if (cut > max / 4) break;
    }
    if (cut <= 0) cut = safeCut(rest, max);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** Clips a single-line label (button, choice) to `max`, marking the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, safeCut(text, max - 1))}…`;
}
