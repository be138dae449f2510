/**
 * Which commas separate list items. Two kinds never do: the comma of a number written with
 * its digits glued ("4,086th"), and the comma inside a place "City, State" ("Reston,
 * Virginia"), which names one place, not two items.
 */
import type { Token } from '../nlp/annotate.js';
import { STATE_OR_COUNTRY } from './places-gazetteer.js';

/** US postal codes and AP abbreviations that follow a city ("Mingo County, WV", "Reston, Va."). */
const STATE_ABBREVIATIONS: ReadonlySet<string> = new Set(
  (
    'al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy dc ' +
    'ala ariz ark calif colo conn del fla ga ill ind kan kans ky md mass mich minn miss mo mont neb nev okla ore pa tenn vt va wash wis wyo'
  ).split(' '),
);

/** Tokens of a state or country name starting at `i` (one or two words), else 0. */
function stateAt(tokens: readonly Token[], i: number): number {
  const one = tokens[i];
  if (!one || !/^\p{Lu}/u.test(one.text)) return 0;
  const two = tokens[i + 1];
  if (two && STATE_OR_COUNTRY.has(`${one.norm} ${two.norm}`)) return 2;
  if (STATE_OR_COUNTRY.has(one.norm) || STATE_ABBREVIATIONS.has(one.norm.replace(/\.$/u, ''))) return 1;
  return 0;
}

/** The comma at `i` sits inside "City, State": a capitalised non-state word before, a state after. */
export function isPlaceComma(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  if (!before || before.pos !== 'PROPN' || STATE_OR_COUNTRY.has(before.norm)) return false;
  // "New York, Virginia": the word before may close a two-word state, which is a list.
  if (tokens[i - 2] && STATE_OR_COUNTRY.has(`${tokens[i - 2]!.norm} ${before.norm}`)) return false;
  const n = stateAt(tokens, i + 1);
  if (n === 0) return false;
  const after = tokens[i + 1 + n];
  // The place ends there: a comma, the sentence end, a preposition or a conjunction follow.
  return !after || after.pos === 'PUNCT' || after.pos === 'ADP' || after.pos === 'CCONJ';
}

/** A comma glued to digits on both sides is part of a number. */
function isNumberComma(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  const t = tokens[i]!;
  return (
    !!before &&
    !!after &&
    before.end === t.start &&
    after.start === t.end &&
    /\d$/u.test(before.text) &&
    /^\d/u.test(after.text)
  );
}

/** True when the token at `i` is a comma that can separate list items. */
export function isItemComma(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  return t.text === ',' && t.entity === null && !isNumberComma(tokens, i) && !isPlaceComma(tokens, i);
}
