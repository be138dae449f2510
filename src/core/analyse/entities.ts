/**
 * Entity and quote extraction: the one entry point `analyse()` calls. Order matters:
 * acronyms expand organisations, organisations name people's employers, people name
 * speakers, and people and organisations keep their words out of the places.
 */
import type { OrganizationFact, PersonFact, PlaceFact, QuoteFact } from '../facts/types.js';
import type { AnnotatedArticle } from '../nlp/annotate.js';
import { findAcronyms } from './acronyms.js';
import { extractOrganizations } from './organizations.js';
import { extractPeople } from './people.js';
import { extractPlaces } from './places.js';
import { extractQuotes } from './quotes.js';

/** What `extractEntities` finds in one article. */
export interface ArticleEntities {
  readonly people: PersonFact[];
  readonly organizations: OrganizationFact[];
  readonly places: PlaceFact[];
  readonly quotes: QuoteFact[];
}

export function extractEntities(doc: AnnotatedArticle): ArticleEntities {
  const acronyms = findAcronyms(doc);
  const organizations = extractOrganizations(doc, acronyms);
  const people = extractPeople(doc, acronyms, organizations);
  const notPlaces = new Set<string>();
  for (const p of people)
    for (const n of [p.name, ...p.aliases]) for (const w of [n, ...n.split(' ')]) notPlaces.add(w.toLowerCase());
  for (const o of organizations) notPlaces.add(o.name.toLowerCase());
  const places = extractPlaces(doc, notPlaces);
  const quotes = extractQuotes(doc, people);
  return { people, organizations, places, quotes };
}
