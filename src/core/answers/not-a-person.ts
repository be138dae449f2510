/**
 * What /who-is and /quotes say when a name matches nobody: if the name is an organisation
 * or a place the article gives, say so and quote where; then offer names that are close, or
 * else the people the article does name, without calling them a guess.
 */
import { distance } from 'fastest-levenshtein';
import { normaliseName } from '../facts/lookup.js';
import type { ArticleFacts, PersonFact } from '../facts/types.js';
import type { AnalysedArticle } from '../ports.js';
import { cite, notFound } from '../reply/build.js';
import type { Block, Reply } from '../reply/types.js';

/** The organisation or place a query names, as the article writes it, with its first sentence. */
export function namedThing(
  facts: ArticleFacts,
  query: string,
): { kind: 'organisation' | 'place'; name: string; sentence: number | null } | null {
  const q = normaliseName(query);
  if (q === '') return null;
  for (const o of facts.organizations) {
    const keys = [o.name, o.acronym ?? ''].map(normaliseName);
    if (keys.includes(q))
      return {
        kind: 'organisation',
        name: o.acronym && o.acronym !== o.name ? `${o.name} (${o.acronym})` : o.name,
        sentence: o.mentions[0] ?? null,
      };
  }
  for (const p of facts.places) {
    if (normaliseName(p.name) === q) return { kind: 'place', name: p.name, sentence: p.mentions[0] ?? null };
  }
  return null;
}

/** Whether a name is a plausible typo of one of the person's names or name words. */
function isClose(q: string, person: PersonFact): boolean {
  const names = [person.name, ...person.aliases].map(normaliseName);
  const keys = [...names, ...names.flatMap((n) => n.split(' '))].filter((k) => k.length >= 2);
  const max = Math.max(2, Math.floor(q.length / 3));
  return keys.some((k) => distance(q, k) <= max);
}

/** "Did you mean: X?" for names that are close, else "People in the article: X, Y." */
export function peopleHint(people: readonly PersonFact[], query: string, label = 'People in the article'): Block[] {
  if (people.length === 0) return [];
  const q = normaliseName(query);
  const close = people.filter((p) => isClose(q, p)).map((p) => p.name);
  if (close.length > 0) return [{ type: 'text', text: `Did you mean: ${[...new Set(close)].slice(0, 3).join(', ')}?` }];
  const names = [...new Set(people.map((p) => p.name))];
  const shown = names.slice(0, 5).join(', ');
  return [{ type: 'text', text: `${label}: ${shown}${names.length > 5 ? ` and ${names.length - 5} more` : ''}.` }];
}

/** /who-is for a name no person in the article has. */
export function noSuchPerson(a: AnalysedArticle, query: string): Reply {
  const thing = namedThing(a.facts, query);
  if (thing) {
    const where =
      thing.sentence !== null ? [{ type: 'citation' as const, cite: cite(a.article, [thing.sentence], a.id) }] : [];
    const hint: Block = {
      type: 'text',
      text:
        a.facts.people.length > 0
          ? `/who-is is for people; ${peopleList(a.facts.people)}`
          : '/who-is is for people, and the article names none.',
    };
    return notFound(
      `"${query}" is not a person: the article names ${thing.name} as ${thing.kind === 'place' ? 'a place' : 'an organisation'}.`,
      [],
      [...where, hint],
    );
  }
  return notFound(`The article does not mention "${query}".`, [], peopleHint(a.facts.people, query));
}

function peopleList(people: readonly PersonFact[]): string {
  const names = [...new Set(people.map((p) => p.name))];
  return `the article names ${names.slice(0, 5).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''}.`;
}
