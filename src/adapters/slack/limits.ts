/**
 * Slack's Block Kit limits, and splitting text to fit them. Text is split at paragraph,
 * line, sentence or word boundaries, in that order of preference, and never cut silently.
 */

/** Limits from the Block Kit reference (https://docs.slack.dev/reference/block-kit/blocks). */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  fieldsPerSection: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 2000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  /** The top-level `text` fallback; Slack truncates past 40,000, we stay far below. */
  fallbackText: 3000,
} as const;

/**
 * Splits `text` into pieces of at most `max` characters. Prefers the last paragraph break,
 * then line break, then sentence end, then space inside the window; hard-splits only a
 * single word longer than `max`. Concatenating the pieces (with the whitespace removed at
 * the cut) gives back the text.
 */
export function splitText(text: string, max: number): string[] {
  if (max < 1) throw new RangeError('max must be positive');
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const cut = lastBoundary(window, max);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

function lastBoundary(window: string, max: number): number {
  // Not below a third of the window, so one early newline does not make tiny pieces.
  const floor = Math.floor(max / 3);
  for (const pattern of [/\n\s*\n/g, /\n/g, /[.!?]["'”’)]?\s/g, /\s/g]) {
    let best = -1;
    for (const m of window.matchAll(pattern)) {
      const end = m.index + m[0].length;
      if (end <= max && m.index >= floor) best = pattern.source === '\\s' ? m.index : end;
    }
    if (best > 0) return best;
  }
  return max;
}

/**
 * Splits raw (unescaped) text so that each piece, once `escape`d, fits `max`. Escaping
 * lengthens text (`&` becomes `&amp;`), so a piece that grew too long is split again.
 */
export function splitEscaped(raw: string, max: number, escape: (s: string) => string, rawBudget = max): string[] {
  const out: string[] = [];
  for (const piece of splitText(raw, rawBudget)) {
    const escaped = escape(piece);
    if (escaped.length <= max) out.push(escaped);
    // Shrink the raw budget in proportion to how much escaping grew this piece; the escaped limit stays.
    else
      out.push(...splitEscaped(piece, max, escape, Math.max(1, Math.floor((piece.length * max) / escaped.length) - 1)));
  }
  return out;
}

/** Groups items into chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
