/**
 * Fourth round on the held-out articles (see tests/fixtures/articles-heldout/SOURCES.md);
 * the rules themselves are tested on written sentences in round4.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { findAcronyms } from '../../../src/core/analyse/acronyms.js';
import { allListItems, loadHeldout } from './heldout-load.js';
import { annotate } from '../../../src/core/nlp/annotate.js';

const load = loadHeldout;
const allItems = allListItems;

describe('held-out round 4', () => {
  it('no list from adjectives, roles of one person, gapped clauses or an acronym spelled out', () => {
    expect(allItems('nasa_crew7_splashdown.md')).not.toContain('safe');
    expect(allItems('nasa_truly_statement.md')).not.toContain('associate administrator');
    expect(allItems('nasa_soyuz_ms25_coverage.md')).not.toContain('fourth for Novitskiy');
    const stem = load('nasa_glenn_stem_students.md');
    expect(stem.facts.lists.flatMap((l) => l.items)).not.toContain('Technology');
    expect(findAcronyms(annotate(stem.article)).get('STEM')?.expansion).toBe(
      'Science, Technology, Engineering, and Mathematics',
    );
  });

  it('keeps every crew member of the "as well as" list', () => {
    const items = allItems('nasa_soyuz_ms25_coverage.md');
    for (const name of ['Jeanette Epps', 'Loral O’Hara', 'Alexander Grebenkin', 'Oleg Kononenko'])
      expect(items).toContain(name);
  });

  it('reads the "City, ST –" dateline and strips it from the first sentence', () => {
    const { facts } = load('florida_awi_emergency_grant.txt');
    expect(facts.dateline).toEqual({ place: 'Tallahassee, FL', date: null, source: null });
    expect(facts.sentences[0]!.text).toMatch(/^The State of Florida/);
  });

  it('no field of study as a place, no "Sun." as a date', () => {
    const { facts } = load('nasa_roman_black_holes.md');
    expect(facts.places.map((p) => p.name)).not.toContain('Astrophysics');
    expect(facts.numbers.map((n) => n.text)).not.toContain('Sun.');
  });
});
