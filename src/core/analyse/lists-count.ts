/**
 * Announced list sizes: "in four fields", "three goals:", "a dozen steps", "5 priorities".
 */
import type { Token } from '../nlp/annotate.js';

const COUNT_WORDS: Readonly<Record<string, number>> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  dozen: 12,
  pair: 2,
  couple: 2,
};

/** The value of a count word or small integer, else null. Years and money are not counts. */
export function countValue(token: Token): number | null {
  if (token.entity === 'MONEY' || token.entity === 'DATE' || token.entity === 'PERCENT') return null;
  const word = COUNT_WORDS[token.norm];
  if (word !== undefined) return word;
  if (/^\d{1,2}$/.test(token.text)) {
    const n = Number(token.text);
    return n >= 2 && n <= 40 ? n : null;
  }
  return null;
}

/**
 * Finds the announced count at the end of a lead ("... in four fields"): a count word
 * followed within two tokens by a noun, among the last few tokens of the lead.
 */
export function announcedCount(tokens: readonly Token[], leadFirst: number, leadLast: number): number | null {
  for (let i = leadLast; i >= Math.max(leadFirst, leadLast - 5); i--) {
    const tok = tokens[i];
    if (!tok) continue;
    const value = countValue(tok);
    if (value === null) continue;
    for (let j = i + 1; j <= Math.min(leadLast, i + 3); j++) {
      const pos = tokens[j]?.pos;
      if (pos === 'NOUN' || pos === 'PROPN') return value;
    }
  }
  return null;
}
