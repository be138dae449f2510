/**
 * People and their roles in a language written with spaces, from three shapes news prose
 * uses in every such language (the words come from the language's `LatinTable`):
 *
 * - role before the name: "die britische Arbeitsministerin Amber Rudd", "la ministre de la
 *   Transition écologique, Agnès Pannier-Runacher", "el presidente Pedro Sánchez";
 * - role in apposition after it: "Gérard Araud, der frühere französische Botschafter in
 *   Washington,", "Didier Reynders, ministre des Finances,";
 * - a name next to a speech verb or a courtesy title: "sagte Merz", "a déclaré Christian
 *   Jacob", "M. Hollande" (a person, role unknown).
 *
 * A capitalised run is a new person only with two or more words and one of these shapes; a
 * single word is a person already introduced (a surname). In German every noun is
 * capitalised, so capitals alone are never evidence.
 */
import type { Sentence } from '../../article/types.js';
import type { PersonFact } from '../../facts/types.js';
import type { LatinTable } from './table.js';
import { isAcronym, isCapitalised, tokenize, type WordToken } from './tokens.js';

/** Words a complement between a role noun and its name may hold. */
const MAX_ROLE_TAIL = 8;
const MAX_APPOSITION = 14;
const ROMAN = /^[IVX]+$/u;

interface Run {
  readonly first: number;
  /** Inclusive. */
  readonly last: number;
  readonly name: string;
}

export function isRoleNoun(t: WordToken, table: LatinTable): boolean {
  return !t.punct && table.roleNoun.test(t.lower);
}

function isNameWord(t: WordToken, table: LatinTable): boolean {
  if (!isCapitalised(t) || isAcronym(t) || table.notNames.has(t.lower) || table.titles.has(t.lower)) return false;
  return !isRoleNoun(t, table);
}

/** Maximal runs of capitalised words, with particles inside ("Ursula von der Leyen"). */
function nameRuns(text: string, tokens: readonly WordToken[], table: LatinTable): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWord(tokens[i]!, table)) {
      i += 1;
      continue;
    }
    let last = i;
    for (;;) {
      const next = tokens[last + 1];
      if (next && (isNameWord(next, table) || (ROMAN.test(next.text) && last > i))) {
        last += 1;
        continue;
      }
      // Particles: "von der Leyen", "de la Fuente", "Le Pen".
      let p = last + 1;
      // In German "Trump den Rücktritt" is a name and an object: an article opens no particle run.
      const opens = !(table.nounsCapitalised && table.determiners.has(tokens[p]?.lower ?? ''));
      while (opens && tokens[p] && table.particles.has(tokens[p]!.lower) && p - last <= 2) p += 1;
      if (p > last + 1 && tokens[p] && isNameWord(tokens[p]!, table)) {
        last = p;
        continue;
      }
      break;
    }
    runs.push({ first: i, last, name: text.slice(tokens[i]!.start, tokens[last]!.end) });
    i = last + 1;
  }
  return runs;
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
      )
        return roleBefore(text, tokens, first - n - 1, table);
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

function phraseAt(tokens: readonly WordToken[], at: number, phrase: readonly string[]): boolean {
  return phrase.every((w, n) => tokens[at + n]?.lower === w);
}

/** A speech verb right before the run ("sagte Merz", "selon Jacob") or right after it ("Merz sagte"). */
export function speechNextTo(
  tokens: readonly WordToken[],
  run: { first: number; last: number },
  table: LatinTable,
): boolean {
  for (const verb of table.speechVerbs) {
    const words = verb.split(' ');
    let after = run.last + 1;
    if (tokens[after]?.text === ',') after += 1;
    if (phraseAt(tokens, after, words)) return true;
    if (phraseAt(tokens, run.first - words.length, words)) return true;
  }
  return false;
}

interface Draft {
  name: string;
  aliases: Set<string>;
  role: string | null;
  sentence: number;
  roleSentence: number | null;
}

function surnameOf(name: string, table: LatinTable): string {
  const words = name.split(/\s+/u).filter((w) => !ROMAN.test(w));
  // "Marine Le Pen" → "Le Pen"; "Ursula von der Leyen" → "von der Leyen".
  let i = words.length - 1;
  while (i > 1 && (table.particles.has(words[i - 1]!) || /^(?:Le|La|De|Di|Da|Van|Von|Del)$/u.test(words[i - 1]!)))
    i -= 1;
  return words.slice(i).join(' ');
}

/** The people of an article, in order of first mention. */
export function findPeopleLatin(sentences: readonly Sentence[], table: LatinTable): PersonFact[] {
  const drafts: Draft[] = [];
  const byAlias = new Map<string, Draft>();
  const pending: {
    run: Run;
    sentence: number;
    role: string | null;
    before: boolean;
    evidence: boolean;
    complement: boolean;
    articled: boolean;
  }[] = [];
  for (const s of sentences) {
    const tokens = tokenize(s.text);
    for (const run of nameRuns(s.text, tokens, table)) {
      const before = roleBefore(s.text, tokens, run.first, table);
      const role =
        before ?? roleAfter(s.text, tokens, run.last, table) ?? rolePredicate(s.text, tokens, run.last, table);
      const titled =
        table.titles.has(tokens[run.first - 1]?.lower ?? '') ||
        (tokens[run.first - 1]?.text === '.' && table.titles.has(tokens[run.first - 2]?.lower ?? ''));
      const evidence = role !== null || titled || speechNextTo(tokens, run, table);
      const prev = tokens[run.first - 1]?.lower ?? '';
      const complement = table.connectors.has(prev) || table.determiners.has(prev) || table.particles.has(prev);
      const articled = table.determiners.has(tokens[run.last + 2]?.lower ?? '');
      pending.push({ run, sentence: s.id, role, before: before !== null, evidence, complement, articled });
    }
  }
  // First the full names with evidence, then single words that are their surnames.
  for (const p of pending) {
    const words = p.run.last - p.run.first + 1;
    const known = byAlias.get(p.run.name) ?? drafts.find((d) => d.name.endsWith(` ${p.run.name}`));
    if (known) {
      if (known.role === null && p.role !== null) Object.assign(known, { role: p.role, roleSentence: p.sentence });
      if (known.name !== p.run.name) known.aliases.add(p.run.name);
      continue;
    }
    if (words < 2 || !p.evidence) continue;
    const surname = surnameOf(p.run.name, table);
    const d: Draft = {
      name: p.run.name,
      aliases: new Set([surname]),
      role: p.role,
      sentence: p.sentence,
      roleSentence: p.role ? p.sentence : null,
    };
    drafts.push(d);
    byAlias.set(p.run.name, d);
    if (!byAlias.has(surname)) byAlias.set(surname, d);
  }
  for (const p of pending) {
    const known = byAlias.get(p.run.name);
    if (known && known.role === null && p.role !== null)
      Object.assign(known, { role: p.role, roleSentence: p.sentence });
    // A titled or role-introduced surname alone ("M. Hollande", "el presidente Aznar") outside German.
    // After a name the role must open with its article ("Barroso, le président de …"), and a
    // word that completes a phrase ("ministro de Educación, el presidente …") is no name.
    const single = p.before || (p.role !== null && p.articled && !p.complement);
    if (!known && p.run.first === p.run.last && p.role !== null && single && !table.nounsCapitalised) {
      const d: Draft = {
        name: p.run.name,
        aliases: new Set(),
        role: p.role,
        sentence: p.sentence,
        roleSentence: p.sentence,
      };
      drafts.push(d);
      byAlias.set(p.run.name, d);
    }
  }
  return drafts.map((d) => {
    const keys = [d.name, ...d.aliases];
    const mentions = sentences.filter((s) => keys.some((k) => s.text.includes(k))).map((s) => s.id);
    return {
      name: d.name,
      aliases: [...d.aliases].filter((a) => a !== d.name),
      role: d.role,
      roleExpanded: d.role,
      organization: null,
      sentence: d.roleSentence ?? d.sentence,
      mentions,
    };
  });
}
