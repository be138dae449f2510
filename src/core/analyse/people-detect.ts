/**
 * Finds the sentences that introduce a person: a capitalised name with a job title before
 * it ("WHO Director-General Jane Roe"), an appositive role after it ("Ana Silva, acting
 * director of the WHO, said") or before it ("The minister of health, John Smith, said"), or a
 * speech verb beside it ("said Maria Lopez").
 */
import type { AnnotatedSentence, Token } from '../nlp/annotate.js';
import { atClauseStart, capitalRuns, isAcronym, spanText, type Run } from './entities-runs.js';
import { ORG_CUE_WORDS } from './organizations-cues.js';
import {
  CALENDAR_WORDS,
  NAME_PARTICLES,
  NON_NAME_WORDS,
  SPEECH_WORDS,
  THING_NOUNS,
  TITLE_WORDS,
} from './people-lexicon.js';
import { GAZETTEER, PLACE_CUE_WORDS } from './places-gazetteer.js';
import { isRoleHeadEn, singularEn } from './person-nouns-en.js';
import { isNamedThingOpenerEn, isOrgHeadEn, notAPersonEn, roleIsBrokenEn } from './people-evidence-en.js';
import {
  ROLE_MODIFIERS,
  isRoleModifier,
  isTitle,
  roleOfOrganisation,
  rolePhraseBeforeComma,
  skipDefinition,
} from './people-roles-en.js';

/** A person as one sentence introduces them. */
export interface PersonIntro {
  readonly name: string;
  readonly words: readonly string[];
  readonly role: string | null;
  readonly sentence: number;
}

const DELIMS: ReadonlySet<string> = new Set([',', '—', '–', '-', '--']);
const CHAIN_JOINERS: ReadonlySet<string> = new Set(['of', 'for', 'the', 'and', '’s', "'s", 'at', 'on']);
/** "who leads the agency" is a role; "who took the video" is not. */
const ROLE_VERBS: ReadonlySet<string> = new Set([
  'leads',
  'led',
  'heads',
  'headed',
  'runs',
  'ran',
  'chairs',
  'chaired',
  'directs',
  'directed',
  'oversees',
  'oversaw',
  'manages',
  'managed',
  'founded',
  'represents',
  'serves',
  'served',
  'coaches',
  'coached',
  'owns',
  'commands',
  'commanded',
  'is',
  'was',
]);
const HONORIFICS: ReadonlySet<string> = new Set([
  'dr.',
  'mr.',
  'mrs.',
  'ms.',
  'prof.',
  'dr',
  'mr',
  'mrs',
  'ms',
  'sir',
  'dame',
]);
const QUOTE_MARKS = /^[“”"‘’']$/;
const CLAUSE_POS: ReadonlySet<string> = new Set(['DET', 'PRON', 'ADP', 'SCONJ', 'CCONJ', 'ADV', 'AUX', 'VERB', 'PART']);
/** Joiners inside an owner's name; not "and", which more often joins two people ("Fox and ESA’s Director"). */
const OWNER_JOINERS: ReadonlySet<string> = new Set(['of', 'for']);

/** Can this token be part of a personal name? */
export function isNameWord(t: Token): boolean {
  if (NAME_PARTICLES.has(t.text)) return true;
  if (isAcronym(t.text) || /\d/.test(t.text) || !/^\p{Lu}/u.test(t.text)) return false;
  const n = t.norm;
  // "President-elect", "Vice-Chancellor": a hyphenated title is still a title.
  const dash = n.indexOf('-');
  if (dash > 0 && (TITLE_WORDS.has(n.slice(0, dash)) || TITLE_WORDS.has(n.slice(dash + 1)))) return false;
  // "Presidents", "Senators": a plural title opens a list of names, it is not one.
  if (n.endsWith('s') && TITLE_WORDS.has(singularEn(n))) return false;
  return !(
    CALENDAR_WORDS.has(n) ||
    NON_NAME_WORDS.has(n) ||
    ORG_CUE_WORDS.has(n) ||
    PLACE_CUE_WORDS.has(n) ||
    TITLE_WORDS.has(n) ||
    THING_NOUNS.has(n) ||
    GAZETTEER.has(n)
  );
}

/** Months that are also names: "Theresa May", "Ellen August". */
const NAME_MONTHS: ReadonlySet<string> = new Set(['may', 'june', 'april', 'august']);

/** A month word ending a name: after a given name, and not before a day number ("May 16"). */
function monthAsSurname(s: AnnotatedSentence, k: number): boolean {
  const t = s.tokens[k]!;
  const prev = s.tokens[k - 1];
  return (
    NAME_MONTHS.has(t.norm) &&
    prev !== undefined &&
    isNameWord(prev) &&
    /^\p{Lu}\p{Ll}/u.test(prev.text) &&
    !/^\d/.test(s.tokens[k + 1]?.text ?? '')
  );
}

/** Index where the name starts: the longest run suffix of name words. */
function nameStart(s: AnnotatedSentence, run: Run): number {
  let k = run.last;
  if (!isNameWord(s.tokens[k]!) && !monthAsSurname(s, k)) return run.last + 1;
  while (k > run.first && isNameWord(s.tokens[k - 1]!)) k--;
  return k;
}

/** Role written before the name, ending at `end`: "Acme Chief Executive", "party chief". */
function roleBefore(s: AnnotatedSentence, end: number, depth = 0): string | null {
  let k = end + 1;
  let sawTitle = false;
  let inModifiers = false;
  while (k - 1 >= 0) {
    const t = s.tokens[k - 1]!;
    // "ESA (European Space Agency) astronaut": an acronym's definition sits inside the owner.
    if (sawTitle && t.text === ')') {
      let j = k - 2;
      while (j > 0 && k - j < 14 && s.tokens[j]!.text !== '(') j--;
      if (j > 0 && s.tokens[j]!.text === '(' && /^\p{Lu}/u.test(s.tokens[j - 1]!.text)) {
        k = j;
        continue;
      }
      break;
    }
    // A capital at the clause start says nothing only on function words ("The", "After").
    // "Yesterday Kenyan Ambassador ...": a date owns no role.
    const capital =
      /^\p{Lu}/u.test(t.text) &&
      t.entity !== 'DATE' &&
      t.entity !== 'TIME' &&
      !(atClauseStart(s, k - 1) && CLAUSE_POS.has(t.pos) && !isTitle(t));
    const before = s.tokens[k - 2];
    // Past the title only the owner may follow ("ESA’s Director ...", "Agency for X Director"), never another clause.
    const ownerPart =
      capital ||
      /^[’']s$/.test(t.text) ||
      (OWNER_JOINERS.has(t.norm) && before !== undefined && /^\p{Lu}/u.test(before.text));
    // Right before the head, lower-case words of the same noun phrase belong to the role:
    // "Greek prime minister", "criminology professor", "trade and industry commissioner".
    const modifier: boolean =
      inModifiers &&
      (isRoleModifier(t) ||
        (t.norm === 'and' && before !== undefined && isRoleModifier(before) && isRoleModifier(s.tokens[k]!)));
    // "director-general": a hyphen glued between two words of the title keeps them one word.
    const glued =
      s.tokens[k] !== undefined && before !== undefined && before.end === t.start && t.end === s.tokens[k]!.start;
    if ((t.text === '-' || t.text === '‑') && glued && isTitle(s.tokens[k]) && /^\p{L}/u.test(before.text)) {
      k -= 2;
      sawTitle = true;
      inModifiers = !/^\p{Lu}/u.test(before.text);
      continue;
    }
    // "Ambassador to the United States": "to" joins a title to what it is held towards.
    const towards = t.norm === 'to' && isTitle(before);
    if (!(sawTitle ? ownerPart || modifier : capital || isTitle(t) || CHAIN_JOINERS.has(t.norm) || towards)) break;
    // "divers A B and C D": an "and" right before the name joins two people, not two parts of a title.
    if (k - 1 === end && t.norm === 'and') break;
    if (isTitle(t)) sawTitle = true;
    inModifiers = sawTitle && (modifier || isTitle(t)) && !capital;
    k--;
  }
  while (k <= end && CHAIN_JOINERS.has(s.tokens[k]!.norm)) k++;
  if (!sawTitle || k > end) return null;
  // "former NASA Administrator": a lower-case word that changes what the title means stays.
  while (k > 0 && ROLE_MODIFIERS.has(s.tokens[k - 1]!.norm)) k--;
  // "former NASA Administrator and astronaut Richard Truly": two roles of one person. Only
  // when a title word itself closes the first one, so "Bill Nelson and astronaut X" stays apart.
  if (s.tokens[k - 1]?.norm === 'and' && isTitle(s.tokens[k - 2]) && depth < 1) {
    const first = roleBefore(s, k - 2, depth + 1);
    // The first role is a verbatim slice ending at k - 2, so its length gives its start.
    if (first) return s.text.slice(s.tokens[k - 2]!.end - first.length, s.tokens[end]!.end);
  }
  // An honorific alone ("Dr.", "Mr.") is a form of address, not a role.
  const words = s.tokens.slice(k, end + 1);
  if (words.every((t) => HONORIFICS.has(t.norm))) return null;
  // "NASA astronauts A B and C D": each of them is one "NASA astronaut".
  const one = singularTitle(s.tokens[end]);
  const text = spanText(s, k, end);
  const head = s.tokens[end]!.text;
  return one && !TITLE_WORDS.has(head.toLowerCase()) && head.toLowerCase().startsWith(one)
    ? text.slice(0, text.length - (head.length - one.length))
    : text;
}

/** Cleans an appositive into a role: drops articles, "who is", trailing punctuation. */
function cleanRole(text: string): string | null {
  let r = text
    .trim()
    .replace(/^(?:who\s+(?:is|was|are|has been|had been)?\s*)/i, '')
    .replace(/^(?:the|a|an)\s+/i, '');
  r = r.replace(/[\s,.;:—–"“”]+$/u, '').trim();
  return r.length > 1 ? r : null;
}

/** A title heads the phrase: it comes early and before any verb ("acting" as a first word is a modifier). */
function hasTitle(toks: readonly Token[]): boolean {
  for (let i = 0; i < Math.min(toks.length, 7); i++) {
    const t = toks[i]!;
    if (isTitle(t)) return true;
    // "a convicted murderer": a participle right before the head modifies it.
    // Only after an article: "addressed reporters" opening the phrase is a clause.
    if (
      t.pos === 'VERB' &&
      /ed$/.test(t.norm) &&
      isTitle(toks[i + 1]) &&
      ['a', 'an', 'the'].includes(toks[i - 1]?.norm ?? '')
    )
      continue;
    // Only an "-ing" modifier may open a role ("acting director"); "says the president" is a clause.
    // A possessive may open it ("his widow"); any other pronoun starts a clause.
    const possessive = i === 0 && ['his', 'her', 'their'].includes(t.norm);
    if (
      t.pos === 'AUX' ||
      (t.pos === 'PRON' && !possessive) ||
      t.pos === 'SCONJ' ||
      (t.pos === 'VERB' && (i > 0 || !t.norm.endsWith('ing')))
    )
      return false;
  }
  return false;
}

function whoRole(toks: readonly Token[]): boolean {
  return toks[0]?.norm === 'who' && (ROLE_VERBS.has(toks[1]?.norm ?? '') || hasTitle(toks.slice(1)));
}

/** Appositive after the name: up to a delimiter followed by a verb, or the end of the sentence. */
function roleAfter(s: AnnotatedSentence, last: number, speechBefore: boolean): string | null {
  const toks = s.tokens;
  const open = toks[last + 1];
  if (!open || !DELIMS.has(open.text)) return null;
  let end = toks.length - 1;
  let closedByVerb = false;
  let firstDelim = -1;
  for (let k = last + 2; k < toks.length; k++) {
    const t = toks[k]!;
    if (QUOTE_MARKS.test(t.text) && t.text !== '’') {
      end = k - 1;
      break;
    }
    if (DELIMS.has(t.text)) {
      if (firstDelim < 0) firstDelim = k;
      let n = k + 1;
      while (toks[n]?.pos === 'ADV') n++;
      const next = toks[n];
      // "said John Roe, the Secretary of State, contacted ...": a verb closes the appositive
      // after a speech verb too.
      if (next && (next.pos === 'VERB' || next.pos === 'AUX' || SPEECH_WORDS.has(next.norm))) {
        end = k - 1;
        closedByVerb = true;
        break;
      }
      // ", and Eva Lind, ..." starts the next person of a list.
      if (!speechBefore && next?.pos === 'CCONJ') break;
    }
  }
  // Without a closing verb the appositive is only up to the next comma: "Smith, director of X, and Jones met".
  if (!speechBefore && !closedByVerb && firstDelim > 0) end = firstDelim - 1;
  // "James Ford, 42, a convicted murderer ...": an age first, then the appositive.
  if (end === last + 2 && /^\d{1,3}$/.test(toks[last + 2]!.text) && toks[last + 3]?.text === ',')
    return roleAfter(s, last + 2, speechBefore);
  const slice = toks.slice(last + 2, end + 1);
  if (slice.length === 0 || slice.length > 30) return null;
  // "NASA astronaut A B, ESA astronaut C D, and ...": the next item of a list of people, not a role.
  if (
    slice.some(
      (t, i) =>
        isTitle(t) &&
        // "fiancée of journalist A B": a title after a preposition belongs to the role's owner.
        slice[i - 1]?.pos !== 'ADP' &&
        slice[i + 1] !== undefined &&
        slice[i + 2] !== undefined &&
        isNameWord(slice[i + 1]!) &&
        isNameWord(slice[i + 2]!),
    )
  )
    return null;
  // "A B, Labour MP (Member of Parliament) C D, and ...": the slice ends in the next person's name.
  const tail = slice.slice(-2);
  const beforeTail = slice[slice.length - 3];
  if (
    tail.length === 2 &&
    // "of Hong Kong", "the Greek Energy Forum" end in capitals too, but no title stands before them.
    beforeTail !== undefined &&
    (isTitle(beforeTail) || beforeTail.text === ')') &&
    slice[slice.length - 4]?.pos !== 'ADP' &&
    tail.every((t) => isNameWord(t) && /^\p{Lu}\p{Ll}/u.test(t.text)) &&
    slice.some((t) => isTitle(t))
  )
    return null;
  // "Goodall, a primatologist, praised ...": an indefinite noun phrase closed by a verb is a role too.
  // ... but only when a person noun heads it ("a primatologist"), not "a similar project".
  const describes =
    ['a', 'an', 'the'].includes(slice[0]!.norm) &&
    (closedByVerb || speechBefore) &&
    slice.length <= 12 &&
    slice.some((t) => isTitle(t));
  if (!(hasTitle(slice) || whoRole(slice) || describes)) return null;
  return cleanRole(spanText(s, last + 2, modifierEnd(toks, last + 2, end)));
}

/**
 * "a convicted murderer approaching the end of his sentence": after the role's head noun, an
 * "-ing" participle or a relative pronoun opens a clause about the person, not the role.
 */
function modifierEnd(toks: readonly Token[], from: number, end: number): number {
  let head = -1;
  for (let k = from; k <= end; k++) {
    const t = toks[k]!;
    if (head < 0) {
      if (isTitle(t) && t.norm !== 'who') head = k;
      continue;
    }
    const ing = t.pos === 'VERB' && t.norm.endsWith('ing');
    if (ing || (RELATIVE_STARTS.has(t.norm) && k > head + 1)) return k - 1;
  }
  return end;
}

const RELATIVE_STARTS: ReadonlySet<string> = new Set(['who', 'which', 'that', 'whose']);

/**
 * "The minister of health, John Smith, said": the role is the clause before the comma. After a
 * speech verb the name needs no closing comma: "said the agency’s project scientist, Jane Roe of X."
 */
function roleInFrontClause(s: AnnotatedSentence, first: number, last: number): string | null {
  if (s.tokens[first - 1]?.text !== ',') return null;
  let k = first - 2;
  while (k >= 0 && !DELIMS.has(s.tokens[k]!.text) && !QUOTE_MARKS.test(s.tokens[k]!.text)) k--;
  let from = k + 1;
  const spoken = SPEECH_WORDS.has(s.tokens[from]?.norm ?? '');
  if (spoken) from++;
  if (!spoken && !DELIMS.has(s.tokens[last + 1]?.text ?? '')) return null;
  const slice = s.tokens.slice(from, first - 1);
  if (slice.length === 0 || slice.length > 15 || !hasTitle(slice)) return null;
  // "His widow, Jane Roe," opens with a possessive as well as with an article.
  const possessive = ['his', 'her', 'their'].includes(slice[0]!.norm);
  if (!(slice[0]!.pos === 'DET' || possessive || isTitle(slice[0]) || (spoken && /^\p{Lu}/u.test(slice[0]!.text))))
    return null;
  return cleanRole(spanText(s, from, first - 2));
}

/** An appositive right after the name that opens with an article and names no kind of person. */
function describesAThing(s: AnnotatedSentence, last: number): boolean {
  if (!DELIMS.has(s.tokens[last + 1]?.text ?? '') || !['a', 'an', 'the'].includes(s.tokens[last + 2]?.norm ?? ''))
    return false;
  for (let k = last + 3; k < s.tokens.length && !DELIMS.has(s.tokens[k]!.text); k++)
    if (isTitle(s.tokens[k])) return false;
  return true;
}

/** Singular of a plural title word ("astronauts" → "astronaut"), or null when it is not one. */
function singularTitle(t: Token | undefined): string | null {
  if (!t || !/s$/.test(t.norm)) return null;
  const one = singularEn(t.norm);
  return one !== t.norm && isRoleHeadEn(one, TITLE_WORDS) ? one : null;
}

/** "NASA astronauts A B, C D and E F": each name of a list after a plural title shares it. */
function roleFromPluralTitle(s: AnnotatedSentence, first: number): string | null {
  let k = first - 1;
  // "Presidents A B of Nigeria and C D of Benin": each name may carry its own "of Place".
  while (
    k >= 0 &&
    first - k < 40 &&
    (s.tokens[k]!.text === ',' ||
      s.tokens[k]!.norm === 'and' ||
      (s.tokens[k]!.norm === 'of' && isNameWord(s.tokens[k - 1] ?? s.tokens[k]!)) ||
      isNameWord(s.tokens[k]!) ||
      (/^\p{Lu}/u.test(s.tokens[k]!.text) && !singularTitle(s.tokens[k])))
  )
    k--;
  const one = singularTitle(s.tokens[k]);
  if (k < 0 || !one) return null;
  let o = k;
  while (
    o > 0 &&
    /^\p{Lu}/u.test(s.tokens[o - 1]!.text) &&
    !(atClauseStart(s, o - 1) && CLAUSE_POS.has(s.tokens[o - 1]!.pos))
  )
    o--;
  return o < k ? `${spanText(s, o, k - 1)} ${one}` : one;
}

function speechBeside(s: AnnotatedSentence, first: number, last: number): { before: boolean; after: boolean } {
  const prev = s.tokens[first - 1];
  const prev2 = s.tokens[first - 2];
  const before =
    (prev !== undefined && SPEECH_WORDS.has(prev.norm)) || (prev?.norm === 'to' && prev2?.norm === 'according');
  let n = last + 1;
  // "Jane Roe of Acme said": the organisation or place she is of sits between name and verb.
  if (s.tokens[n]?.norm === 'of') {
    let m = n + 1;
    if (s.tokens[m]?.norm === 'the') m++;
    while (/^\p{Lu}/u.test(s.tokens[m]?.text ?? '')) m++;
    if (m > n + 1 && SPEECH_WORDS.has(s.tokens[m]?.norm ?? '')) n = m;
  }
  while (s.tokens[n]?.pos === 'ADV') n++;
  let after = SPEECH_WORDS.has(s.tokens[n]?.norm ?? '');
  // "John Smith, 45, said" / "Jane Doe — who ... — told": the verb closes the appositive.
  if (!after && DELIMS.has(s.tokens[last + 1]?.text ?? '')) {
    for (let k = last + 2; k < Math.min(s.tokens.length, last + 30) && !after; k++) {
      const t = s.tokens[k]!;
      if (QUOTE_MARKS.test(t.text) && t.text !== '’') break;
      if (DELIMS.has(t.text)) {
        let m = k + 1;
        while (s.tokens[m]?.pos === 'ADV') m++;
        after = SPEECH_WORDS.has(s.tokens[m]?.norm ?? '');
      }
    }
  }
  return { before, after };
}

/**
 * Single words used as speakers ("Musk said", "according to Shen"): a two- or three-word
 * name elsewhere that ends or starts with one of them is a person even without a role.
 */
export function speakerWords(sentences: readonly AnnotatedSentence[]): Set<string> {
  const out = new Set<string>();
  for (const s of sentences) {
    for (const run of capitalRuns(s)) {
      // "President Okafor": a surname after a title names a person as surely as a speech verb.
      const lastTok = s.tokens[run.last]!;
      if (run.last > run.first && TITLE_WORDS.has(s.tokens[run.last - 1]!.norm) && isNameWord(lastTok))
        out.add(lastTok.norm);
      if (run.first !== run.last || !isNameWord(s.tokens[run.first]!)) continue;
      const sp = speechBeside(s, run.first, run.last);
      if (sp.before || sp.after) out.add(s.tokens[run.first]!.norm);
    }
  }
  return out;
}

/** Role in an appositive right after a known person's short name ("Smith — who leads the agency — said"). */
export function roleAfterMention(s: AnnotatedSentence, last: number): string | null {
  return roleAfter(s, last, speechBeside(s, last, last).before);
}

/** All people this sentence introduces (names of two or more words with evidence). */
export function introsIn(
  s: AnnotatedSentence,
  speakers: ReadonlySet<string> = new Set(),
  orgWords: ReadonlySet<string> = new Set(),
): PersonIntro[] {
  const out: PersonIntro[] = [];
  for (const run of capitalRuns(s)) {
    let first = nameStart(s, run);
    // A run right after "of"/"and" inside a title ("Director of Human and Robotic Exploration
    // Jane Doe") starts in the role: keep the last two words as the name.
    const joiner = s.tokens[run.first - 1];
    if (joiner && (['of', 'for'].includes(joiner.norm) || (joiner.norm === 'and' && first === run.first))) {
      // "Centers for Disease Control", "University of California Santa Cruz": an organisation goes on.
      let k = run.first - 2;
      let orgBefore = false;
      for (; k >= 0 && /^\p{Lu}/u.test(s.tokens[k]!.text); k--)
        if (ORG_CUE_WORDS.has(s.tokens[k]!.norm)) orgBefore = true;
      // ... unless a title inside the run makes the organisation its owner: "Agency for X Director Jane Roe".
      const titled = s.tokens.slice(run.first, first).some((t) => isTitle(t));
      if (orgBefore && !titled) continue;
      if (first === run.first && run.last - run.first >= 2) first = run.last - 1;
    }
    // "Broadcaster Jane Roe said": a sentence opens with a person noun, capitalised only
    // because it comes first, before a name of two words or more.
    let openingRole: string | null = null;
    const opener = s.tokens[first]!;
    if (
      first === run.first &&
      run.last - first >= 2 &&
      atClauseStart(s, first) &&
      !TITLE_WORDS.has(opener.norm) &&
      isRoleHeadEn(opener.norm, TITLE_WORDS)
    ) {
      openingRole = opener.text;
      first++;
    }
    // "Ambassador to the United States Jane Roe": a place closing the role opens the run.
    const lead = s.tokens[run.first - 1];
    if (lead && (['the', 'of', 'to', 'for'].includes(lead.norm) || isTitle(lead))) {
      for (const n of [2, 1]) {
        const place = s.tokens
          .slice(run.first, run.first + n)
          .map((t) => t.norm)
          .join(' ');
        if (run.first + n > first && run.last - run.first + 1 - n >= 2 && GAZETTEER.has(place)) {
          first = run.first + n;
          break;
        }
      }
    }
    const last = run.last;
    const words = s.tokens.slice(first, last + 1).map((t) => t.text);
    // One word is a name only right after a capitalised title: "President Okafor", "Pope Linus".
    const titledSingle =
      words.length === 1 &&
      first > run.first &&
      TITLE_WORDS.has(s.tokens[first - 1]!.norm) &&
      isNameWord(s.tokens[first]!);
    if ((words.filter((w) => !NAME_PARTICLES.has(w)).length < 2 && !titledSingle) || words.length > 5) continue;
    if (GAZETTEER.has(words.join(' ').toLowerCase())) continue;
    const next = s.tokens[last + 1];
    const afterNext = s.tokens[last + 2];
    // "White House chief of staff", "the Curie probe": the run modifies the noun after it.
    if (next && (THING_NOUNS.has(next.norm) || ORG_CUE_WORDS.has(next.norm) || TITLE_WORDS.has(next.norm))) continue;
    // "21st Century Fox": a name never follows a number.
    if (/\d/.test(s.tokens[first - 1]?.text ?? '')) continue;
    if (next && /^[’']s$/.test(next.text) && afterNext && THING_NOUNS.has(afterNext.norm)) continue;
    // Credit lines ("Credits: ESA/Jane Doe") name photographers, not people in the story.
    if (/\b(?:credits?|photo|image|courtesy)\s*:/i.test(s.text.slice(0, s.tokens[first]!.start))) continue;
    const preRole = roleBefore(s, skipDefinition(s, first - 1)) ?? openingRole;
    const speech = speechBeside(s, first, last);
    const leadingDet = first === run.first && ['the', 'a', 'an'].includes(s.tokens[first - 1]?.norm ?? '');
    if (leadingDet && !preRole) continue;
    const role =
      roleAfter(s, last, speech.before) ??
      roleInFrontClause(s, first, last) ??
      preRole ??
      roleFromPluralTitle(s, first) ??
      rolePhraseBeforeComma(s, first) ??
      roleOfOrganisation(s, last);
    if (notAPersonEn(s.tokens.slice(first, last + 1), orgWords)) continue;
    if (first > run.first && isNamedThingOpenerEn(s.tokens[first - 1]!.norm)) continue;
    // "victim group Ending Clergy Abuse", "the firm Acme Lee": a lower-case kind of body names an organisation.
    const kind = s.tokens[run.first - 1];
    if (kind && /^\p{Ll}/u.test(kind.text) && kind.pos === 'NOUN' && isOrgHeadEn(kind.norm) && !role) continue;
    // "X, a planned cable between two islands, said": the appositive says X is a thing.
    if (!role && !speech.before && describesAThing(s, last)) continue;
    // "director of the Energy Forum": the phrase is what the role is of, not who holds it.
    if (role && roleIsBrokenEn(role)) continue;
    const namedSpeaker = speakers.has(words[0]!.toLowerCase()) || speakers.has(words[words.length - 1]!.toLowerCase());
    const honorific = HONORIFICS.has(s.tokens[first - 1]?.norm ?? '');
    if (!role && !speech.before && !speech.after && !namedSpeaker && !honorific) continue;
    out.push({ name: spanText(s, first, last), words, role, sentence: s.id });
  }
  return out;
}
