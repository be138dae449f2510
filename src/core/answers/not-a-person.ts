/**
 * What /who-is and /quotes say when a name matches nobody: if the name is an organisation
 * or a place the article gives, say so and quote where; then offer names that are close, or
 * else the people the article does name, without calling them a guess.
 */
import { distance } from 'fastest-levenshtein';
import { normaliseName } from '../facts/lookup.js';
import { findMentions } from '../lang/mentions.js';
import { sentencesWithQuotes } from '../lang/quote-marks.js';
import { languageName, readsLanguage } from '../lang/names.js';
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
  const mentioned = mentionedReply(a, query);
  if (mentioned) return mentioned;
  return notFound(`The article does not mention "${query}".`, [], peopleHint(a.facts.people, query));
}

/** Sentences quoted when a word occurs but is no person the article introduces. */
const MAX_MENTIONS_SHOWN = 3;

/**
 * "Does not mention" is said only when no form of the words occurs: when they do, say so and
 * quote where, and when the article is in a language Herald does not read people in, say that.
 */
export function mentionedReply(a: AnalysedArticle, query: string): Reply | null {
  const found = findMentions(a.article, query);
  if (!found.inTitle && found.sentences.length === 0) return null;
  const language = a.article.language ?? 'en';
  const where: Block[] =
    found.sentences.length > 0
      ? [{ type: 'citation', cite: cite(a.article, found.sentences.slice(0, MAX_MENTIONS_SHOWN), a.id) }]
      : [{ type: 'text', text: `In the headline: ${a.article.title}` }];
  const more = found.sentences.length - MAX_MENTIONS_SHOWN;
  if (more > 0) where.push({ type: 'text', text: `…and in ${more} more sentence${more === 1 ? '' : 's'}.` });
  const message = readsLanguage(language)
    ? `The article mentions "${query}" but does not say who that is: it names no person called that.`
    : `The article mentions "${query}", but Herald cannot read people in ${languageName(language)} articles yet; here is the text.`;
  const extra: Block[] = readsLanguage(language) ? peopleHint(a.facts.people, query) : [];
  return notFound(message, [], [...where, ...extra]);
}

/**
 * /quotes when no quote was attributed: "quotes nobody" only when no quotation mark of any
 * convention is there; otherwise quote the sentences that hold quotations.
 */
export function noQuotes(a: AnalysedArticle): Reply {
  const ids = sentencesWithQuotes(a.article);
  if (ids.length === 0) return notFound('The article quotes nobody.');
  const language = a.article.language ?? 'en';
  const message = readsLanguage(language)
    ? 'Herald found no quote it could attribute to a speaker; these sentences hold quotations:'
    : `Herald cannot attribute quotes in ${languageName(language)} articles yet; these sentences hold quotations:`;
  const where: Block[] = [{ type: 'citation', cite: cite(a.article, ids.slice(0, MAX_MENTIONS_SHOWN), a.id) }];
  const more = ids.length - MAX_MENTIONS_SHOWN;
  if (more > 0) where.push({ type: 'text', text: `…and ${more} more sentence${more === 1 ? '' : 's'}.` });
  return notFound(message, [], where);
}

function peopleList(people: readonly PersonFact[]): string {
  const names = [...new Set(people.map((p) => p.name))];
  return `the article names ${names.slice(0, 5).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''}.`;
}
