/**
 * Given names as evidence of a person in French, German and Spanish: "Theresa May hatte …",
 * "Jack Lang a …" name a person with no role or speech verb beside them. The list is generated
 * from openly licensed data (given-names-data.ts, see SOURCES.md); the set is built on first use.
 */
import { GIVEN_NAME_LINES } from './given-names-data.js';

let names: ReadonlySet<string> | null = null;

/** True when `word` (as written, capitalised) is a given name; "Jean-Luc" when each part is one. */
export function isGivenName(word: string): boolean {
  names ??= new Set(GIVEN_NAME_LINES.flatMap((l) => l.split(' ')));
  const w = word.normalize('NFC');
  if (names.has(w)) return true;
  const parts = w.split(/[-‐]/u);
  return parts.length > 1 && parts.every((p) => names!.has(p));
}
