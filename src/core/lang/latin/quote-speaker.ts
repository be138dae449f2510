/**
 * Who speaks a quote, in a language written with spaces. News prose in French, German and
 * Spanish gives the speaker in one of these shapes, tried in this order:
 *
 * 1. a speech verb beside the quote and a name beside the verb: "„…“, sagte Merz",
 *    "« … », a déclaré Jacob", "Merz sagte: „…“", "Selon Jacob, « … »";
 * 2. another quote of the same sentence already has a speaker of shape 1;
 * 3. the sentence's subject, a name at its start (after its role, if any): "El presidente del
 *    PNV, Xabier Arzalluz, afirmó que …", "Mélenchon … avait appelé Marine Le Pen « … »";
 * 4. the sentence opens with a role that a person of the article holds: "El lehendakari aseveró
 *    que …", "Der Innenminister sagte …";
 * 5. otherwise ("sagte er", "a-t-il ajouté", "– añadió –", no subject named) the speaker
 *    carried over from the sentences before.
 *
 * A name directly before a speech verb but far from the quote ("Arzalluz afirmó que si el
 * presidente José María Aznar, "…"") is the subject, not the other name nearer the quote.
 */
import type { PersonFact } from '../../facts/types.js';
import { isRoleNoun } from './roles.js';
import type { LatinTable } from './table.js';
import { tokenize, type WordToken } from './tokens.js';

/** How far (in words) a speech verb may stand from its quote. */
const VERB_WINDOW = 6;
/** How far (in words) a name may stand before its speech verb: "Merz sagte am Montag:". */
const NAME_TO_VERB = 4;
/** A fronted phrase before the subject ("Por su parte,", "Dans les colonnes du Times,"), in words. */
const FRONTED = 6;

/** A mention of a person at an offset of the paragraph text. */
export interface Located {
  readonly person: PersonFact;
  readonly at: number;
  readonly end: number;
}

function words(text: string): WordToken[] {
  return tokenize(text).filter((t) => !t.punct);
}

/** Offset (in words from the start of `text`) of the first speech verb, or -1. */
function verbIndex(ws: readonly WordToken[], table: LatinTable, fromEnd: boolean): number {
  const lower = ws.map((w) => w.lower);
  const hits: number[] = [];
  for (const verb of table.speechVerbs) {
    const parts = verb.split(' ');
    for (let i = 0; i + parts.length <= lower.length; i += 1)
      if (parts.every((p, n) => lower[i + n] === p)) hits.push(i);
  }
  if (hits.length === 0) return -1;
  return fromEnd ? Math.max(...hits) : Math.min(...hits);
}

/**
 * True when the last words of `ws` are a speech verb ("… sagte", "… a déclaré"), with perhaps
 * the name's role after it ("selon le président").
 */
function verbEndsAt(words: readonly WordToken[], table: LatinTable): boolean {
  let end = words.length;
  while (end > 0 && isRoleNoun(words[end - 1]!, table)) end -= 1;
  if (end < words.length) {
    while (end > 0 && table.roleModifiers.has(words[end - 1]!.lower)) end -= 1;
    if (end > 0 && table.determiners.has(words[end - 1]!.lower)) end -= 1;
  }
  const ws = words.slice(0, end);
  return table.speechVerbs.some((verb) => {
    const parts = verb.split(' ');
    const tail = ws.slice(-parts.length);
    return tail.length === parts.length && parts.every((p, n) => tail[n]!.lower === p);
  });
}

/**
 * Shape 1: a speech verb right after the quote with a name in the same stretch, or a name with
 * a speech verb beside it right before the quote. `from`/`to` bound the stretch: the sentence,
 * cut at the neighbouring quotes.
 */
export function speakerBeside(
  text: string,
  span: { start: number; end: number },
  bounds: { from: number; to: number },
  named: readonly Located[],
  table: LatinTable,
  byRole: (phrase: string) => PersonFact | null,
): PersonFact | null {
  const after = text.slice(span.end + 1, bounds.to);
  const afterWords = words(after);
  const v = verbIndex(afterWords.slice(0, VERB_WINDOW), table, false);
  if (v >= 0) {
    const there = named.filter((m) => m.at > span.end && m.at < bounds.to);
    // The name belongs with the verb: right after it, or in the words just before it.
    const near = there.find((m) => words(text.slice(span.end + 1, m.at)).length <= v + NAME_TO_VERB);
    if (near) return near.person;
    // "„…“, schrieb der Botschafter", "– agregó el presidente del PNV –": a role someone holds.
    const verb = afterWords[v]!;
    const rest = tokenize(after.slice(verb.start));
    // Past the verb's words ("a déclaré", "ha dicho") to the role's determiner.
    const det = rest.findIndex((t, i) => i > 0 && i <= 2 && table.determiners.has(t.lower));
    const role = det > 0 ? byRole(after.slice(verb.start + rest[det]!.start)) : null;
    if (role) return role;
  }
  // "„…“, hatte Tlaib an den Minister geschrieben": in a verb-second language the quote is the
  // clause's first part, one verb the second, and the name right after it its subject.
  if (table.verbSecond && /^\W*,/u.test(after)) {
    const next = afterWords[1];
    const at = next ? span.end + 1 + next.start : -1;
    const subject = afterWords.length > 1 ? named.find((m) => m.at === at) : undefined;
    if (subject && /^\p{Ll}/u.test(afterWords[0]!.text)) return subject.person;
  }
  const beforeNamed = named.filter((m) => m.at >= bounds.from && m.end <= span.start);
  for (let i = beforeNamed.length - 1; i >= 0; i -= 1) {
    const m = beforeNamed[i]!;
    // "Merz sagte am Montag: „…“": the name, then a verb within a few words, then the quote.
    const tail = words(text.slice(m.end, span.start));
    const at = verbIndex(tail, table, false);
    if (at >= 0 && at < NAME_TO_VERB && tail.length - at <= VERB_WINDOW) return m.person;
    // "selon Jacob, « … »", "sagte Merz: „…“": the verb right before the name (not "nannte
    // auf Twitter Darroch einen „…“", where the name is the object).
    const lead = words(text.slice(bounds.from, m.at));
    if (verbEndsAt(lead, table) && tail.length <= 2) return m.person;
  }
  return null;
}

/**
 * Shape 3: who the sentence is about. A subject pronoun first ("Er nannte …", "Il a ajouté …"),
 * or right after the verb of a verb-second clause ("Des Weiteren hatte sie …"), gives
 * "pronoun": the person spoken of before. Otherwise the first person named when only a short
 * fronted phrase, a determiner and a role stand before the name ("El presidente del PNV, Xabier
 * Arzalluz, …"), or the person named right after the verb of a verb-second clause ("Im April
 * bezeichnete Araud …", "Gleichzeitig dankte Trump …").
 */
export function subjectOf(
  sentence: string,
  offset: number,
  named: readonly Located[],
  table: LatinTable,
): PersonFact | 'pronoun' | null {
  const tokens = tokenize(sentence);
  if (table.pronouns.has(tokens[0]?.lower ?? '')) return 'pronoun';
  const here = named.filter((m) => m.at >= offset && m.at < offset + sentence.length);
  const first = here[0];
  if (first && isSubjectLead(tokenize(sentence.slice(0, first.at - offset)), table)) return first.person;
  if (!table.verbSecond) return null;
  const v = finiteVerbAt(tokens, table);
  const next = v >= 0 ? tokens[v + 1] : undefined;
  if (next && table.pronouns.has(next.lower)) return 'pronoun';
  return (next && here.find((m) => m.at - offset === next.start)?.person) ?? null;
}

/**
 * The finite verb of a verb-second main clause: the first lower-case word after the first one
 * that is no determiner, preposition or particle, before any comma; -1 when there is none.
 */
function finiteVerbAt(tokens: readonly WordToken[], table: LatinTable): number {
  for (let i = 1; i < tokens.length; i += 1) {
    const t = tokens[i]!;
    if (t.punct) {
      if (t.text === '-' || t.text === '.') continue;
      return -1;
    }
    if (!/^\p{Ll}/u.test(t.text)) continue;
    const l = t.lower;
    if (table.determiners.has(l) || table.connectors.has(l) || table.particles.has(l)) continue;
    if (table.objectDeterminers?.has(l)) continue;
    return i;
  }
  return -1;
}

function isSubjectLead(before: readonly WordToken[], table: LatinTable): boolean {
  let i = 0;
  // A fronted phrase closed by a comma: "Por su parte,", "De son côté,".
  const comma = before.findIndex((t) => t.text === ',');
  if (comma >= 0 && comma <= FRONTED && !before.slice(0, comma).some((t) => isRoleNoun(t, table))) i = comma + 1;
  const rest = before.slice(i);
  if (rest.length === 0) return true;
  // Otherwise a role phrase: determiner, modifiers, a role noun, its complement, a comma. It
  // opens the phrase ("Offenbar ärgerte den Präsidenten …" is a clause), and in German a
  // determiner of an object case ("Ihren Widersacher Jeremy Corbyn …") makes no subject.
  const head = rest[0]!;
  const opens =
    (table.determiners.has(head.lower) && !table.objectDeterminers?.has(head.lower)) ||
    table.roleModifiers.has(head.lower) ||
    isRoleNoun(head, table);
  if (!opens) return false;
  if (!rest.some((t) => isRoleNoun(t, table))) return false;
  return !rest.some((t) => table.clauseWords.has(t.lower) && !table.determiners.has(t.lower));
}

/**
 * Shape 4: the sentence opens with "determiner (modifiers) role noun" and a person of the
 * article holds that role; the one named last before `at` if several do.
 */
export function roleSubjectOf(
  sentence: string,
  people: readonly PersonFact[],
  lastMention: ReadonlyMap<PersonFact, number>,
  table: LatinTable,
): PersonFact | null {
  const tokens = tokenize(sentence);
  let i = 0;
  const comma = tokens.findIndex((t) => t.text === ',');
  if (comma >= 0 && comma <= FRONTED && !tokens.slice(0, comma).some((t) => isRoleNoun(t, table))) i = comma + 1;
  if (!tokens[i] || !table.determiners.has(tokens[i]!.lower) || table.objectDeterminers?.has(tokens[i]!.lower))
    return null;
  i += 1;
  while (tokens[i] && !isRoleNoun(tokens[i]!, table) && table.roleModifiers.has(tokens[i]!.lower)) i += 1;
  const noun = tokens[i];
  if (!noun || !isRoleNoun(noun, table)) return null;
  const holders = people.filter((p) =>
    tokenize(p.role ?? '').some((t) => t.lower === noun.lower || stemOf(t.lower) === stemOf(noun.lower)),
  );
  if (holders.length === 0) return null;
  return holders.reduce((a, b) => ((lastMention.get(b) ?? -1) > (lastMention.get(a) ?? -1) ? b : a));
}

/** "Premierministerin" and "Premierminister", "ministra" and "ministro": one role. */
function stemOf(word: string): string {
  return word.replace(/(?:innen|in|en|es|as|os|a|o|e|s|n)$/u, '');
}
