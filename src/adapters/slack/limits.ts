/**
 * Slack's Block Kit limits, and splitting escaped text to fit them (the splitting itself is
 * the one every adapter uses: src/adapters/text/split-text.ts).
 */
import { splitText } from '../text/split-text.js';

export { splitText };

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
      out.push(...splitEscaped(piece, max, escape, Math.max(2, Math.floor((piece.length * max) / escaped.length) - 1)));
  }
  return out;
}

/** Groups items into chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
