/**
 * Finds the sentences that introduce a person: a capitalised name with a job title before
 * it ("WHO Director-General Jane Roe"), an appositive role after it ("Ana Silva, acting
 * director of the WHO, said") or before it ("The minister of health, John Smith, said"), or a
 * speech verb beside it ("said Maria Lopez"). The role finders live in people-role-*-en.ts.
 */
import type { AnnotatedSentence } from '../nlp/annotate.js';
import { atClauseStart, capitalRuns, spanText } from './entities-runs.js';
import { ORG_CUE_WORDS } from './organizations-cues.js';
import { NAME_PARTICLES, THING_NOUNS } from './people-lexicon.js';
import { TITLE_WORDS } from './people-title-words-en.js';
import { GAZETTEER } from './places-gazetteer.js';
import { isRoleHeadEn } from './person-nouns-en.js';
import { isNamedThingOpenerEn, isOrgHeadEn, notAPersonEn, roleIsBrokenEn } from './people-evidence-en.js';
import { isTitle, roleOfOrganisation, rolePhraseBeforeComma, skipDefinition } from './people-roles-en.js';
import { describesAThing, roleAfter, roleInFrontClause } from './people-role-after-en.js';
import { roleBefore, roleFromPluralTitle } from './people-role-before-en.js';
import { roleOfNamed, roleOfRelative } from './people-named-en.js';
import { speechBeside } from './people-speech-en.js';
import { HONORIFICS, ageAfter, isNameWord, nameStart } from './people-tokens-en.js';

/** A person as one sentence introduces them. */
export interface PersonIntro {
  readonly name: string;
  readonly words: readonly string[];
  readonly role: string | null;
  readonly sentence: number;
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
    const namedRole = words.length === 1 ? (roleOfNamed(s, first) ?? roleOfRelative(s, first)) : null;
    if ((words.filter((w) => !NAME_PARTICLES.has(w)).length < 2 && !titledSingle && !namedRole) || words.length > 5)
      continue;
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
      namedRole ??
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
    if (!role && !speech.before && !speech.after && !namedSpeaker && !honorific && !ageAfter(s, last)) continue;
    out.push({ name: spanText(s, first, last), words, role, sentence: s.id });
    const partner = sharedSurnamePartner(s, first, last);
    if (partner) out.push({ name: partner.join(' '), words: partner, role: null, sentence: s.id });
  }
  return out;
}

/**
 * "Peter and Alma Ronning": a lone given name joined by "and" to a two-word name shares its
 * surname, so it names a second person, "Peter Ronning".
 */
function sharedSurnamePartner(s: AnnotatedSentence, first: number, last: number): string[] | null {
  const t = s.tokens;
  const given = t[first - 2];
  if (last - first !== 1 || t[first - 1]?.norm !== 'and' || !given || !isNameWord(given)) return null;
  const before = t[first - 3];
  // "Ama Mensah of Volta and Kofi Boateng": a word after a preposition is a place, not a given name.
  if (!/^\p{Lu}\p{Ll}/u.test(given.text) || /^\p{Lu}/u.test(before?.text ?? '') || before?.pos === 'ADP') return null;
  return [given.text, t[last]!.text];
}
