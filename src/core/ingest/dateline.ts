/**
 * Wire-service datelines at the start of the first body paragraph:
 *   "HAIKOU, Nov. 21 (Xinhua) —", "WASHINGTON (AP) —", "PARIS, May 16 (Reuters) -",
 *   "SAN JUAN, Puerto Rico (AP) —", "LONDON —".
 * The place is written in capitals by every wire style guide, which is what keeps this
 * from matching an ordinary opening clause.
 */
import type { Dateline } from '../article/types.js';

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const WEEKDAY = String.raw`(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?`;
const DATE = String.raw`(?:${MONTH}\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+${MONTH}(?:\s+\d{4})?|${WEEKDAY})`;
/** All-caps place, possibly several words or dotted ("ST. LOUIS", "U.N."). */
const PLACE = String.raw`\p{Lu}[\p{Lu}\p{M}.'’\-]*(?:\s+\p{Lu}[\p{Lu}\p{M}.'’\-]*)*`;
/** Optional region after the place, in ordinary case: "Puerto Rico", "Calif.". */
const REGION = String.raw`\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,2}`;
const SOURCE = String.raw`\(([^()]{1,40})\)`;
const DASH = String.raw`(?:—|–|--|-)`;

const DATELINE = new RegExp(
  String.raw`^(${PLACE})(?:,\s*(${DATE}))?(?:,\s*(?!${DATE})(${REGION}))?(?:,\s*(${DATE}))?\s*(?:${SOURCE})?\s*${DASH}\s+(?=\S)`,
  'u',
);

/** A dateline and the paragraph text after it. */
export interface DatelineMatch {
  readonly dateline: Dateline;
  readonly rest: string;
}

/** Finds a wire dateline at the start of `paragraph`; null when there is none. */
export function extractDateline(paragraph: string): DatelineMatch | null {
  const m = DATELINE.exec(paragraph);
  if (!m) return null;
  const place = m[1]!.trim();
  const date = (m[2] ?? m[4])?.trim() ?? null;
  const region = m[3]?.trim();
  const source = m[5]?.trim() ?? null;
  // A one-letter "place" is an initial or a list marker, not a city.
  if (place.replace(/[^\p{L}]/gu, '').length < 2) return null;
  const rest = paragraph.slice(m[0].length);
  // Stories start with a capital, a number or a quote; a lower-case word means the dash was mid-sentence.
  if (!/^["“‘'(\p{Lu}\p{N}]/u.test(rest)) return null;
  return {
    dateline: { place: region ? `${place}, ${region}` : place, date, source },
    rest,
  };
}
