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
import { isGivenName } from './given-names.js';
import { portfolioAfter, portfolioBefore } from './portfolio.js';
import { isRoleNoun, roleAfter, roleBefore, rolePredicate } from './roles.js';
import { isAcronym, isCapitalised, tokenize, type WordToken } from './tokens.js';

const ROMAN = /^[IVX]+$/u;

interface Run {
  readonly first: number;
  /** Inclusive. */
  readonly last: number;
  readonly name: string;
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

/** "Karin Albrechts Kabinett" starts with "Karin Albrecht": the name, in the genitive or not, then more words. */
function startsWithName(run: string, name: string): boolean {
  const words = run.split(' ');
  const n = name.split(' ').length;
  if (words.length <= n) return false;
  const head = words.slice(0, n);
  head[n - 1] = head[n - 1]!.replace(/(?:s|['’]s?)$/u, '');
  return head.join(' ') === name || words.slice(0, n).join(' ') === name;
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
        portfolioBefore(s.text, tokens, run.first, table) ??
        portfolioAfter(s.text, tokens, run.last, table) ??
        before ??
        roleAfter(s.text, tokens, run.last, table) ??
        rolePredicate(s.text, tokens, run.last, table);
      const titled =
        table.titles.has(tokens[run.first - 1]?.lower ?? '') ||
        (tokens[run.first - 1]?.text === '.' && table.titles.has(tokens[run.first - 2]?.lower ?? ''));
      // "Theresa May hatte …": a given name opening a run of two or more capitalised words
      // ("Ruta de la Plata", with a particle, is as often a place).
      const given =
        run.last > run.first &&
        isGivenName(tokens[run.first]!.text) &&
        tokens.slice(run.first, run.last + 1).every((t) => isCapitalised(t));
      const evidence = role !== null || titled || given || speechNextTo(tokens, run, table);
      const prev = tokens[run.first - 1]?.lower ?? '';
      const complement = table.connectors.has(prev) || table.determiners.has(prev) || table.particles.has(prev);
      const articled = table.determiners.has(tokens[run.last + 2]?.lower ?? '');
      pending.push({ run, sentence: s.id, role, before: before !== null, evidence, complement, articled });
    }
  }
  // First the full names with evidence, then single words that are their surnames.
  for (const p of pending) {
    const words = p.run.last - p.run.first + 1;
    // A known name followed by more capitals ("Theresa Mays EU-Austrittsabkommen") is that person.
    const known =
      byAlias.get(p.run.name) ??
      drafts.find(
        (d) =>
          d.name.endsWith(` ${p.run.name}`) ||
          startsWithName(p.run.name, d.name) ||
          // "Ana Pastor" after "Ana Pastor García": a name without its second surname.
          (words >= 2 && d.name.startsWith(`${p.run.name} `)),
      );
    if (known) {
      if (known.role === null && p.role !== null) Object.assign(known, { role: p.role, roleSentence: p.sentence });
      if (known.name !== p.run.name) known.aliases.add(p.run.name);
      continue;
    }
    if (words < 2 || !p.evidence) continue;
    // "bezeichnete Mnangagwa Mugabe als …": two people already known, side by side.
    if (p.run.name.split(' ').every((w) => byAlias.has(w))) continue;
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
