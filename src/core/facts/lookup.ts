/**
 * Finding a person or a speaker the way users type them: surname, full name, an alias,
 * any case, small typos ("hedman", "Hedmann", "niklas hedman"). Nothing here knows any
 * particular article; every key comes from the facts.
 */
import { distance } from 'fastest-levenshtein';
import { closest } from '../text/closest.js';
import type { ArticleFacts, PersonFact } from './types.js';

// Constants, not literals in normaliseName: each evaluation of a literal is a new RegExp object,
// and /who-is normalises every name and alias of the article on each request.
const MARKS = /\p{M}/gu;
const NOT_LETTERS = /[^\p{L}\p{N}]+/gu;

/** Lower case, accents and punctuation out, single spaces: "Chang’e" and "change" meet. */
export function normaliseName(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(NOT_LETTERS, ' ').trim();
}

/** Every way a user may type this person: full name, aliases, and each word of them. */
function keysOf(person: PersonFact): string[] {
  const names = [person.name, ...person.aliases].map(normaliseName).filter((n) => n.length > 0);
  const words = names.flatMap((n) => n.split(' ')).filter((w) => w.length >= 2);
  return [...new Set([...names, ...words])];
}

export interface PersonMatch {
  readonly people: readonly PersonFact[];
  /** True when no key matched exactly and a typo-tolerant match was used. */
  readonly fuzzy: boolean;
}

/**
 * The people a query means, best first. Exact keys win over fuzzy ones; several people
 * are returned only when they match equally (two people sharing a surname).
 */
export function findPeople(facts: ArticleFacts, query: string): PersonMatch {
  return matchPeople(facts.people, query);
}

/** `findPeople` over any set of people (one article's, or a channel's across articles). */
export function matchPeople(people: readonly PersonFact[], query: string): PersonMatch {
  const q = normaliseName(query);
  if (q === '') return { people: [], fuzzy: false };
  const exact = people.filter((p) => keysOf(p).includes(q));
  if (exact.length > 0) return { people: exact, fuzzy: false };
  const byKey = new Map<string, PersonFact[]>();
  for (const p of people) for (const k of keysOf(p)) byKey.set(k, [...(byKey.get(k) ?? []), p]);
  const best = closest(q, [...byKey.keys()], { limit: 1 })[0];
  return { people: best ? [...new Set(byKey.get(best))] : [], fuzzy: true };
}

/** The names of the article's people nearest to a query, for "did you mean". */
export function closestPeople(
  facts: ArticleFacts | { readonly people: readonly PersonFact[] },
  query: string,
  limit = 3,
): string[] {
  const q = normaliseName(query);
  const ranked = facts.people
    .map((p) => {
      const d = Math.min(...keysOf(p).map((k) => distance(q, k)));
      return { name: p.name, d };
    })
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name));
  return [...new Set(ranked.map((r) => r.name))].slice(0, limit);
}

/** Whether a quote's speaker is this person (by full name or any alias). */
export function isSpeaker(person: PersonFact, speaker: string | null): boolean {
  if (!speaker) return false;
  const s = normaliseName(speaker);
  return [person.name, ...person.aliases].some((n) => normaliseName(n) === s);
}

/**
 * The speaker names a query means. Speakers are matched through the people facts first
 * (so "hedman" finds the quotes of "Niklas Hedman"), then directly, with typos allowed.
 */
export function findSpeakers(facts: ArticleFacts, query: string): string[] {
  const speakers = [...new Set(facts.quotes.map((q) => q.speaker).filter((s): s is string => !!s))];
  const people = findPeople(facts, query).people;
  const viaPeople = speakers.filter((s) => people.some((p) => isSpeaker(p, s)));
  if (viaPeople.length > 0) return viaPeople;
  const q = normaliseName(query);
  const direct = speakers.filter((s) => normaliseName(s) === q || normaliseName(s).split(' ').includes(q));
  if (direct.length > 0) return direct;
  const keys = new Map<string, string>();
  for (const s of speakers) for (const k of [normaliseName(s), ...normaliseName(s).split(' ')]) keys.set(k, s);
  const best = closest(q, [...keys.keys()], { limit: 1 })[0];
  return best ? [keys.get(best)!] : [];
}
