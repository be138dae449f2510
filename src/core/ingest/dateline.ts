/**
 * Wire-service datelines at the start of the first body paragraph:
 *   "HAIKOU, Nov. 21 (Xinhua) —", "WASHINGTON (AP) —", "PARIS, May 16 (Reuters) -",
 *   "SAN JUAN, Puerto Rico (AP) —", "LONDON —".
 * The place is written in capitals by every wire style guide, which is what keeps this
 * from matching an ordinary opening clause. Press releases also write "Tallahassee, FL –" or
 * "Houston, Texas —": a place in ordinary case is accepted only when a US state (postal code,
 * AP abbreviation or name) follows it and a dash closes it, so "Paris, the capital, ..." is not.
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

const STATE =
  String.raw`(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY]|` +
  String.raw`Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|N\.[HJMYCD]|Okla|Ore|Pa|R\.I|S\.[CD]|Tenn|Vt|Va|Wash|W\.Va|Wis|Wyo|` +
  String.raw`Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming)\.?`;
/** "Tallahassee, FL –": a place in ordinary case, then a US state, then the dash. */
const CITY_STATE = new RegExp(
  String.raw`^(\p{Lu}[\p{Ll}\p{M}.'’\-]+(?:\s+\p{Lu}[\p{Ll}\p{M}.'’\-]+){0,2},\s*${STATE})(?:,\s*(${DATE}))?\s*(?:${SOURCE})?\s*${DASH}\s+(?=\S)`,
  'u',
);

/** A dateline and the paragraph text after it. */
export interface DatelineMatch {
  readonly dateline: Dateline;
  readonly rest: string;
}

/** Finds a wire dateline at the start of `paragraph`; null when there is none. */
export function extractDateline(paragraph: string): DatelineMatch | null {
  const cs = CITY_STATE.exec(paragraph);
  if (cs)
    return checked(
      { place: cs[1]!.trim(), date: cs[2]?.trim() ?? null, source: cs[3]?.trim() ?? null },
      paragraph.slice(cs[0].length),
    );
  const m = DATELINE.exec(paragraph);
  if (!m) return null;
  const place = m[1]!.trim();
  const date = (m[2] ?? m[4])?.trim() ?? null;
  const region = m[3]?.trim();
  const source = m[5]?.trim() ?? null;
  // A one-letter "place" is an initial or a list marker, not a city.
  if (place.replace(/[^\p{L}]/gu, '').length < 2) return null;
  return checked({ place: region ? `${place}, ${region}` : place, date, source }, paragraph.slice(m[0].length));
}

function checked(dateline: Dateline, rest: string): DatelineMatch | null {
  // Stories start with a capital, a number or a quote; a lower-case word means the dash was mid-sentence.
  if (!/^["“‘'(\p{Lu}\p{N}]/u.test(rest)) return null;
  return { dateline, rest };
}
