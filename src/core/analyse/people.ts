/**
 * People: introductions from `people-detect`, merged when one person is named two ways,
 * then every later mention by full name, by a single name part ("Porter", "Wang") or by a
 * pronoun tied back to the most recent compatible person.
 */
import { distance } from 'fastest-levenshtein';
import type { OrganizationFact, PersonFact } from '../facts/types.js';
import type { AnnotatedArticle, AnnotatedSentence } from '../nlp/annotate.js';
import { expandAcronyms, type AcronymDefinition } from './acronyms.js';
import { capitalRuns } from './entities-runs.js';
import { introsIn, roleAfterMention, type PersonIntro } from './people-detect.js';
import { speakerWords } from './people-speech-en.js';
import { PERSON_PRONOUNS, THING_NOUNS } from './people-lexicon.js';
import { TITLE_WORDS } from './people-title-words-en.js';
import { indexOfWhole, NOT_IN_WORD_OR_POSSESSIVE } from './whole-words.js';

interface Person {
  variants: string[][];
  roles: { role: string; sentence: number; variant: number }[];
  first: number;
  mentions: Set<number>;
  shortForms: Set<string>;
  gender: 'm' | 'f' | null;
  lastSeen: number;
}

/** How far back (in sentences) a pronoun may reach for its person. */
const PRONOUN_REACH = 2;

function titleWords(role: string | null): Set<string> {
  return new Set(
    (role ?? '')
      .toLowerCase()
      .split(/[^\p{L}.]+/u)
      .filter((w) => TITLE_WORDS.has(w)),
  );
}

/** Same surname is not enough: first names must look alike ("Nicky"/"Nicola") and roles agree. */
function samePerson(p: Person, intro: PersonIntro): boolean {
  const last = intro.words[intro.words.length - 1]!.toLowerCase();
  return p.variants.some((v) => {
    // "President Okafor" after "Ada Okafor" (or "Prime Minister Tuilaepa" after "Tuilaepa Sailele
    // Malielegaoi", family name first): a titled single name is a word of the person named before.
    if (intro.words.length === 1) return v.some((w) => w.toLowerCase() === last);
    if (v[v.length - 1]!.toLowerCase() !== last) return false;
    if (v.length === 1) return true;
    const a = v[0]!.toLowerCase().replace(/\.$/, '');
    const b = intro.words[0]!.toLowerCase().replace(/\.$/, '');
    const firstAlike =
      a.slice(0, 3) === b.slice(0, 3) || (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));
    if (!firstAlike) return false;
    if (!intro.role || p.roles.length === 0) return true;
    const mine = titleWords(intro.role);
    return p.roles.some((r) => [...titleWords(r.role)].some((w) => mine.has(w)));
  });
}

function collect(doc: AnnotatedArticle, speakers: ReadonlySet<string>, orgWords: ReadonlySet<string>): Person[] {
  const people: Person[] = [];
  for (const s of doc.sentences) {
    for (const intro of introsIn(s, speakers, orgWords)) {
      const key = intro.words.join(' ');
      let p =
        people.find((q) => q.variants.some((v) => v.join(' ') === key)) ?? people.find((q) => samePerson(q, intro));
      if (!p) {
        p = {
          variants: [],
          roles: [],
          first: s.id,
          mentions: new Set(),
          shortForms: new Set(),
          gender: null,
          lastSeen: -1,
        };
        people.push(p);
      }
      let vi = p.variants.findIndex((v) => v.join(' ') === key);
      if (vi < 0) vi = p.variants.push([...intro.words]) - 1;
      if (intro.role) p.roles.push({ role: intro.role, sentence: s.id, variant: vi });
      // "Peter and Alma Ronning": the partner's name is not written out, so no run finds it later.
      p.mentions.add(s.id);
    }
  }
  return people;
}

/** Finds which people a sentence mentions, in reading order, including pronouns. */
function scanSentence(
  s: AnnotatedSentence,
  people: Person[],
  index: Map<string, Person[]>,
  startsInQuote: boolean,
): boolean {
  let inQuote = startsInQuote;
  const runs = new Map(capitalRuns(s).map((r) => [r.first, r]));
  const seen = (p: Person): void => {
    p.mentions.add(s.id);
    p.lastSeen = s.id;
  };
  for (let i = 0; i < s.tokens.length; i++) {
    const run = runs.get(i);
    if (run) {
      const words = s.tokens.slice(run.first, run.last + 1).map((t) => t.text);
      const joined = words.join(' ');
      // Only people sharing a word with the run can match it in full; the index finds them.
      const full =
        words.length < 2
          ? undefined
          : words
              .flatMap((w) => index.get(w.toLowerCase()) ?? [])
              .find((p) => p.variants.some((v) => joined.includes(v.join(' '))));
      if (full) seen(full);
      else {
        const bare = words.filter((w) => !TITLE_WORDS.has(w.toLowerCase()));
        const after = s.tokens[run.last + 1];
        const candidates =
          bare.length === 1 && !(after && THING_NOUNS.has(after.norm)) ? index.get(bare[0]!.toLowerCase()) : undefined;
        const p = candidates?.slice().sort((a, b) => b.lastSeen - a.lastSeen || a.first - b.first)[0];
        if (p) {
          seen(p);
          p.shortForms.add(bare[0]!);
          if (p.roles.length === 0) {
            const role = roleAfterMention(s, run.last);
            if (role) p.roles.push({ role, sentence: s.id, variant: 0 });
          }
        }
      }
      i = run.last;
      continue;
    }
    const tok = s.tokens[i]!;
    if (tok.text === '“') inQuote = true;
    else if (tok.text === '”') inQuote = false;
    else if (tok.text === '"') inQuote = !inQuote;
    // Inside a quotation "he" and "she" are people the speaker talks about, not the speaker.
    const gender = inQuote ? undefined : PERSON_PRONOUNS.get(tok.norm);
    if (!gender) continue;
    const p = people
      .filter(
        (q) => q.lastSeen >= 0 && s.id - q.lastSeen <= PRONOUN_REACH && (q.gender === null || q.gender === gender),
      )
      .sort((a, b) => b.lastSeen - a.lastSeen)[0];
    if (p) {
      seen(p);
      p.gender = gender;
    }
  }
  return inQuote;
}

/** Nicknames are shorter than given names, so the longest first name is the formal one. */
function canonicalVariant(p: Person): number {
  let best = 0;
  p.variants.forEach((v, i) => {
    const b = p.variants[best]!;
    // A full name beats a surname alone ("President Okafor"), then the longer first name wins.
    if (v.length > 1 !== b.length > 1 ? v.length > 1 : v[0]!.length > b[0]!.length) best = i;
  });
  return best;
}

function organizationIn(role: string, orgs: readonly OrganizationFact[]): string | null {
  let best: { at: number; name: string } | null = null;
  for (const o of orgs) {
    for (const form of [o.name, o.acronym]) {
      if (!form) continue;
      // "Acme Corp." loses its final period when the role ends the sentence.
      const at = indexOfWhole(role, form.replace(/\.$/, ''), NOT_IN_WORD_OR_POSSESSIVE);
      if (at >= 0 && (!best || at < best.at)) best = { at, name: o.name };
    }
  }
  return best?.name ?? null;
}

/** Every person the article names, in order of first mention. */
export function extractPeople(
  doc: AnnotatedArticle,
  acronyms: ReadonlyMap<string, AcronymDefinition>,
  orgs: readonly OrganizationFact[],
): PersonFact[] {
  const speakers = speakerWords(doc.sentences);
  // Organisations named in one word ("Acme") keep longer phrases with that word out of people.
  const orgWords = new Set(orgs.filter((o) => !o.name.includes(' ')).map((o) => o.name.toLowerCase()));
  const people = collect(doc, speakers, orgWords);
  const index = new Map<string, Person[]>();
  for (const p of people) {
    for (const v of p.variants) {
      // A first name alone counts only where the article uses it as a speaker ("Wang said"):
      // surname-first names work, and a bare "Bill" or "Stephen" elsewhere is not taken.
      const parts = speakers.has(v[0]!.toLowerCase()) ? [v[0]!, v[v.length - 1]!] : [v[v.length - 1]!];
      for (const w of new Set(parts)) {
        const key = w.toLowerCase();
        const list = index.get(key) ?? [];
        if (!list.includes(p)) list.push(p);
        index.set(key, list);
      }
    }
  }
  let inQuote = false;
  doc.sentences.forEach((s, i) => {
    const prev = doc.sentences[i - 1];
    // A quote left open at a paragraph end continues only if the next paragraph reopens it.
    if (prev && prev.paragraph !== s.paragraph && !/^\s*[“"]/.test(s.text)) inQuote = false;
    inQuote = scanSentence(s, people, index, inQuote);
  });
  const facts = people
    .filter((p) => p.mentions.size > 0)
    .sort((a, b) => Math.min(...a.mentions) - Math.min(...b.mentions))
    .map((p) => {
      const ci = canonicalVariant(p);
      const name = p.variants[ci]!.join(' ');
      const roleEntry = p.roles.find((r) => r.variant === ci) ?? p.roles[0] ?? null;
      const role = roleEntry?.role ?? null;
      const aliases = [...p.variants.map((v) => v.join(' ')), ...p.shortForms].filter(
        (a, i, all) => a !== name && all.indexOf(a) === i,
      );
      const mentions = [...p.mentions].sort((a, b) => a - b);
      return {
        name,
        aliases,
        role,
        roleExpanded: role ? expandAcronyms(role, acronyms) : null,
        organization: role ? organizationIn(role, orgs) : null,
        sentence: roleEntry?.sentence ?? mentions[0] ?? null,
        mentions,
      };
    });
  return mergeSpellings(facts);
}

/**
 * "a Polish chef named Łukasz" and, in a quote, "a Polish chef named Luckasz": one-word names
 * with the same role and at most two letters apart are one person spelled two ways.
 */
function mergeSpellings(people: PersonFact[]): PersonFact[] {
  const out: PersonFact[] = [];
  for (const p of people) {
    const same =
      p.role !== null && !p.name.includes(' ')
        ? out.find(
            (q) =>
              !q.name.includes(' ') &&
              q.role?.toLowerCase() === p.role!.toLowerCase() &&
              distance(q.name.toLowerCase(), p.name.toLowerCase()) <= 2,
          )
        : undefined;
    if (!same) {
      out.push(p);
      continue;
    }
    out[out.indexOf(same)] = {
      ...same,
      aliases: [...same.aliases, p.name],
      mentions: [...new Set([...same.mentions, ...p.mentions])].sort((a, b) => a - b),
    };
  }
  return out;
}
