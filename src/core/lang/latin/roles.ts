/**
 * Roles in a language written with spaces, around a name: before it ("die scheidende
 * Premierministerin Theresa May"), in apposition after it ("Gérard Araud, der frühere
 * französische Botschafter,"), or as its predicate ("Ben Wallace ist neuer Verteidigungsminister").
 */
import type { LatinTable } from './table.js';
import { isAcronym, isCapitalised, type WordToken } from './tokens.js';

/** Words a complement between a role noun and its name may hold. */
const MAX_ROLE_TAIL = 8;
const MAX_APPOSITION = 14;

export function isRoleNoun(t: WordToken, table: LatinTable): boolean {
  return !t.punct && table.roleNoun.test(t.lower);
}

function isAdjectiveBefore(t: WordToken, table: LatinTable): boolean {
  return (
    table.adjectivesBeforeRole &&
    /^\p{Ll}/u.test(t.text) &&
    /(?:e|en|er|es|em)$/u.test(t.lower) &&
    !table.determiners.has(t.lower) &&
    !table.connectors.has(t.lower)
  );
}

/** Extends a role leftwards from its noun over modifiers ("scheidende", "premier", "ex"). */
function roleStart(tokens: readonly WordToken[], noun: number, table: LatinTable): number {
  let m = noun - 1;
  while (m >= 0) {
    const t = tokens[m]!;
    if (t.punct && t.text !== '-') break;
    if (table.determiners.has(t.lower)) break;
    // "secretario general", "Vize-Premier": role nouns in a row make one role.
    if (table.roleModifiers.has(t.lower) || isAdjectiveBefore(t, table) || isRoleNoun(t, table)) m -= 1;
    else break;
  }
  return m + 1;
}

/** "(SICA)": a bracket around an acronym inside a role's complement. */
function isAcronymBracket(tokens: readonly WordToken[], k: number): boolean {
  const t = tokens[k]!.text;
  if (t === '(') return tokens[k + 2]?.text === ')' && isAcronym(tokens[k + 1]!);
  if (t === ')') return tokens[k - 2]?.text === '(' && isAcronym(tokens[k - 1]!);
  return false;
}

/** "die scheidende Premierministerin | Theresa May": the role right before a name. */
export function roleBefore(
  text: string,
  tokens: readonly WordToken[],
  first: number,
  table: LatinTable,
): string | null {
  // "El primer ministro francés, el socialista Lionel Jospin": a role, then a second apposition.
  if (!table.nounsCapitalised) {
    for (const n of [1, 2]) {
      const words = tokens.slice(first - n, first);
      const det = tokens[first - n - 1];
      if (
        words.length === n &&
        words.every((t) => /^\p{Ll}/u.test(t.text) && !table.clauseWords.has(t.lower)) &&
        det &&
        table.determiners.has(det.lower) &&
        tokens[first - n - 2]?.text === ','
      ) {
        const outer = roleBefore(text, tokens, first - n - 1, table);
        // "Dans un entretien au journal local, le maire Paul Girard": no role before the comma.
        if (outer !== null) return outer;
      }
    }
  }
  let j = first - 1;
  const comma = tokens[j]?.text === ',';
  if (comma) j -= 1;
  if (j < 0) return null;
  // "ministre des | Finances", "presidente de la | Junta": the run completes the role, it is no name.
  const prev = tokens[j]!;
  if (
    !comma &&
    (table.connectors.has(prev.lower) || table.determiners.has(prev.lower) || table.particles.has(prev.lower))
  )
    return null;
  let k = j;
  for (; k >= 0 && j - k <= MAX_ROLE_TAIL; k -= 1) {
    const t = tokens[k]!;
    if (isRoleNoun(t, table)) break;
    if (t.punct && !["'", '’', '-'].includes(t.text) && !isAcronymBracket(tokens, k)) return null;
    // "de Obras Públicas y Transportes": a conjunction between capitalised words stays in the role.
    if (table.clauseWords.has(t.lower) && !(table.conjunctions.has(t.lower) && isCapitalised(tokens[k + 1] ?? t)))
      return null;
  }
  if (k < 0 || j - k > MAX_ROLE_TAIL) return null;
  // "los analistas, Jospin": a plural role before a comma names no one.
  if (comma && k === j && !table.nounsCapitalised && /s$/u.test(tokens[k]!.lower)) return null;
  const tail = tokens.slice(k + 1, j + 1);
  if (tail.length > 0) {
    const adjectives = table.adjectiveAfterRole;
    // Up to two adjectives ("andaluza", "francés"), then nothing or a complement ("de Obras …").
    let a = 0;
    const adjective = (t: WordToken | undefined, next: WordToken | undefined): boolean =>
      t !== undefined &&
      !table.clauseWords.has(t.lower) &&
      ((adjectives !== null && adjectives.test(t.lower)) ||
        (/^\p{Ll}/u.test(t.text) && next !== undefined && table.connectors.has(next.lower)));
    while (a < 2 && adjective(tail[a], tail[a + 1])) a += 1;
    const ok = a === tail.length || table.connectors.has(tail[a]!.lower);
    if (!ok) return null;
  }
  const start = roleStart(tokens, k, table);
  return text.slice(tokens[start]!.start, tokens[j]!.end);
}

/** "Gérard Araud, der frühere französische Botschafter in Washington,": a role after a name. */
export function roleAfter(text: string, tokens: readonly WordToken[], last: number, table: LatinTable): string | null {
  if (tokens[last + 1]?.text !== ',') return null;
  // "Christos Staïkouras, nommé vice-ministre,": a participle of naming opens the apposition.
  let i = last + 2;
  while (tokens[i] && table.copulas.has(tokens[i]!.lower)) i += 1;
  return roleNounPhrase(text, tokens, i, table);
}

/**
 * "Ben Wallace ist neuer Verteidigungsminister", "X a été nommé ministre de la Défense": a role
 * as the predicate of a name, after a copula (and its participle); "a"/"ha" before one is skipped.
 */
export function rolePredicate(
  text: string,
  tokens: readonly WordToken[],
  last: number,
  table: LatinTable,
): string | null {
  let i = last + 1;
  if (['a', 'ha'].includes(tokens[i]?.lower ?? '') && table.copulas.has(tokens[i + 1]?.lower ?? '')) i += 1;
  if (!table.copulas.has(tokens[i]?.lower ?? '')) return null;
  while (tokens[i] && table.copulas.has(tokens[i]!.lower)) i += 1;
  return roleNounPhrase(text, tokens, i, table, true);
}

/** The role noun phrase that starts at token `at`: determiners, modifiers, the noun and its complement. */
function roleNounPhrase(
  text: string,
  tokens: readonly WordToken[],
  at: number,
  table: LatinTable,
  predicate = false,
): string | null {
  let i = at;
  while (tokens[i] && table.determiners.has(tokens[i]!.lower)) i += 1;
  const from = i;
  // Modifiers, then the role noun.
  while (
    tokens[i] &&
    !isRoleNoun(tokens[i]!, table) &&
    (table.roleModifiers.has(tokens[i]!.lower) || isAdjectiveBefore(tokens[i]!, table))
  )
    i += 1;
  if (!tokens[i] || !isRoleNoun(tokens[i]!, table)) return null;
  const noun = i;
  let end = i;
  for (;;) {
    const next = tokens[end + 1];
    if (!next || /^[,.;:()«»„“”"!?–—]$/u.test(next.text)) break;
    // "Vorsitzende der Volkspartei": a connector right after the noun opens its complement,
    // even where it also starts clauses (German "der").
    if (table.clauseWords.has(next.lower) && !(end === noun && table.connectors.has(next.lower))) break;
    const joined = (t: WordToken): boolean =>
      table.connectors.has(t.lower) || table.determiners.has(t.lower) || table.particles.has(t.lower);
    // A predicate has no comma to close it: past the noun, a lower-case word only right after a
    // connector ("directeur du budget"), not "consejera de Sanidad | tras la dimisión".
    if (predicate && !isCapitalised(next) && !joined(next) && !joined(tokens[end]!) && !isAcronym(next)) break;
    // A name inside ("… leader frontiste Jean-Marie Le Pen décrit …") ends the apposition: it was a clause.
    const before = tokens[end]!;
    if (
      isCapitalised(next) &&
      !isAcronym(next) &&
      !table.nounsCapitalised &&
      !(
        table.connectors.has(before.lower) ||
        table.determiners.has(before.lower) ||
        table.particles.has(before.lower) ||
        isCapitalised(before)
      )
    )
      return null;
    end += 1;
    if (end - from >= MAX_APPOSITION) return null;
  }
  while (end > noun && table.connectors.has(tokens[end]!.lower)) end -= 1;
  return text.slice(tokens[from]!.start, tokens[end]!.end);
}
