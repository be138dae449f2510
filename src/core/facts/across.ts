/**
 * People across a channel's articles: the same person named in several stories becomes one
 * entry, article by article (docs/decisions/016-people-across-articles.md).
 *
 * Two people are the same when, after `normaliseName`:
 * - they share a full name (their name or an alias of two words or more), or
 * - both full names have the same surname (last word) and first initial: "Nicola Fox" and
 *   "Nicky Fox", "N. Fox" and "Nicola Fox".
 * The rule is transitive (grouped with union-find). It can join two different people with
 * the same surname and initial; within one channel's news that is rare, and each article's
 * role is shown next to its name, so a wrong join is visible to the reader.
 */
import type { AnalysedArticle } from '../ports.js';
import { isSpeaker, matchPeople, normaliseName } from './lookup.js';
import type { PersonFact } from './types.js';

/** One person as one article names them. */
export interface Appearance {
  readonly article: AnalysedArticle;
  readonly person: PersonFact;
}

/** One person across articles; appearances in the order of the articles given (newest first). */
export interface PersonAcross {
  /** The name the newest article uses. */
  readonly name: string;
  /** Every distinct name the articles use, `name` first. */
  readonly names: readonly string[];
  readonly appearances: readonly Appearance[];
}

const fullNames = (p: PersonFact): string[] =>
  [p.name, ...p.aliases].map(normaliseName).filter((n) => n.split(' ').length >= 2);

/** Whether two people facts (from any articles) name the same person; see the module comment. */
export function samePerson(a: PersonFact, b: PersonFact): boolean {
  const aNames = fullNames(a);
  const bNames = fullNames(b);
  if (aNames.some((n) => bNames.includes(n))) return true;
  const key = (n: string): string => {
    const words = n.split(' ');
    return `${words[0]![0]} ${words[words.length - 1]}`;
  };
  const aKeys = new Set(aNames.map(key));
  return bNames.some((n) => aKeys.has(key(n)));
}

/** Groups appearances into people with union-find over `samePerson`. */
function group(all: readonly Appearance[]): Appearance[][] {
  const parent = all.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      if (samePerson(all[i]!.person, all[j]!.person)) parent[root(j)] = root(i);
    }
  }
  const groups = new Map<number, Appearance[]>();
  all.forEach((x, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), x]));
  return [...groups.values()];
}

/** Every person of the articles, for matching and "did you mean". */
export function peopleOf(articles: readonly AnalysedArticle[]): Appearance[] {
  return articles.flatMap((article) => article.facts.people.map((person) => ({ article, person })));
}

/**
 * The people a query means across articles, each merged with their appearances in the other
 * articles. Matching is `findPeople`'s (exact keys, else the closest key) over every article's
 * people at once, so a typo is judged against the whole channel, not article by article.
 */
export function findPeopleAcross(articles: readonly AnalysedArticle[], query: string): PersonAcross[] {
  const all = peopleOf(articles);
  const matched = new Set(
    matchPeople(
      all.map((x) => x.person),
      query,
    ).people,
  );
  if (matched.size === 0) return [];
  const order = new Map(articles.map((a, i) => [a.id, i]));
  return group(all)
    .filter((g) => g.some((x) => matched.has(x.person)))
    .map((g) => {
      const appearances = [...g].sort((x, y) => order.get(x.article.id)! - order.get(y.article.id)!);
      const names = [...new Set(appearances.map((x) => x.person.name))];
      return { name: names[0]!, names, appearances };
    });
}

/**
 * The speakers a query means, per article id: the quotes of the people it matches (merged
 * across articles), else speakers whose name or one of its words is the query.
 */
export function findSpeakersAcross(articles: readonly AnalysedArticle[], query: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const speakersOf = (a: AnalysedArticle): string[] => [
    ...new Set(a.facts.quotes.map((q) => q.speaker).filter((s): s is string => !!s)),
  ];
  for (const person of findPeopleAcross(articles, query)) {
    for (const { article, person: p } of person.appearances) {
      const hits = speakersOf(article).filter((s) => isSpeaker(p, s));
      if (hits.length > 0) out.set(article.id, [...new Set([...(out.get(article.id) ?? []), ...hits])]);
    }
  }
  if (out.size > 0) return out;
  const q = normaliseName(query);
  for (const a of articles) {
    const hits = speakersOf(a).filter((s) => normaliseName(s) === q || normaliseName(s).split(' ').includes(q));
    if (hits.length > 0) out.set(a.id, hits);
  }
  return out;
}
