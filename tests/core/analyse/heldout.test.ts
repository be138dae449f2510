/**
 * Held-out articles: real releases the extractors were not written against (see
 * tests/fixtures/articles-heldout/SOURCES.md). Expectations are what a careful reader would
 * extract; roles match on their key words so harmless wording differences do not fail.
 */
import { describe, expect, it } from 'vitest';
import { findAcronyms } from '../../../src/core/analyse/acronyms.js';
import type { ArticleFacts } from '../../../src/core/facts/types.js';
import { loadHeldout } from './heldout-load.js';
import { annotate } from '../../../src/core/nlp/annotate.js';

function load(file: string) {
  const { article, facts } = loadHeldout(file);
  const acronyms = findAcronyms(annotate(article));
  const person = (name: string) => facts.people.find((p) => p.name === name);
  const speakers = () => facts.quotes.map((q) => q.speaker);
  const text = facts.sentences.map((s) => s.text).join('\n');
  return { facts, acronyms, person, speakers, text };
}

/** Each [name, role pattern] is found, with a role matching the pattern. */
function expectPeople(facts: ArticleFacts, expected: [string, RegExp][]): void {
  for (const [name, role] of expected) {
    const p = facts.people.find((x) => x.name === name);
    expect(p, name).toBeDefined();
    expect(p!.role ?? '', name).toMatch(role);
  }
}

describe('held-out NASA releases', () => {
  it('Roman black holes: two scientists, their quotes, no captions or sign-off', () => {
    const a = load('nasa_roman_black_holes.md');
    expectPeople(a.facts, [
      ['William DeRocco', /postdoctoral researcher/i],
      ['Kailash Sahu', /astronomer/i],
    ]);
    expect(a.facts.people.map((p) => p.name)).not.toContain('Santa Cruz');
    expect(a.speakers()).toEqual(['William DeRocco', 'Kailash Sahu', 'William DeRocco', 'Kailash Sahu']);
    expect(a.facts.quotes[0]!.text).toMatch(/shake up the field/);
    expect(a.acronyms.get('MOA')?.expansion).toBe('Microlensing Observations in Astrophysics');
    expect(a.text).not.toMatch(
      /artist’s concept|This infographic|Goddard Space Flight Center$|By Ashley|Media Contact|claire\.andreoli|Primordial Black Hole Recipe/m,
    );
  });

  it('Curiosity: "said the project’s scientist, Name of Org" and a contact block without "-end-"', () => {
    const a = load('nasa_curiosity_gediz_vallis.md');
    expectPeople(a.facts, [['Ashwin Vasavada', /project scientist/i]]);
    expect(a.speakers()).toEqual(['Ashwin Vasavada']);
    expect(a.facts.people.map((p) => p.name)).not.toContain('Andrew Good');
    expect(a.text).not.toMatch(
      /NASA\/JPL-Caltech|Credit:|Andrew Good|News Media Contacts|Viewing the Channel Up Close|818-393/,
    );
  });

  it('Soyuz MS-25: titles before names, people listed after a plural title, no caption or contacts', () => {
    const a = load('nasa_soyuz_ms25_coverage.md');
    expectPeople(a.facts, [
      ['Tracy C. Dyson', /NASA astronaut/],
      ['Oleg Novitskiy', /cosmonaut/],
      ['Marina Vasilevskaya', /participant/],
      ['Mike Barratt', /astronaut/],
      ['Jeanette Epps', /astronaut/],
      ['Loral O’Hara', /astronaut/],
      ['Nikolai Chub', /cosmonaut/],
      ['Oleg Kononenko', /cosmonaut/],
    ]);
    expect(a.person('Tracy C. Dyson')!.aliases).toContain('Dyson');
    expect(a.facts.organizations.map((o) => o.name)).toContain('Roscosmos');
    expect(
      a.facts.lists.some((l) =>
        ['Dyson', 'Novitskiy', 'Vasilevskaya'].every((n) => l.items.some((i) => i.includes(n))),
      ),
    ).toBe(true);
    expect(a.text).not.toMatch(/Credits:|Editor’s note|Joshua Finch|202-358|Sandra Jones/);
  });

  it('Crew-7 splashdown: a crew of four with agencies expanded, and the administrator’s quote', () => {
    const a = load('nasa_crew7_splashdown.md');
    expectPeople(a.facts, [
      ['Jasmin Moghbeli', /^NASA astronaut$/],
      ['Andreas Mogensen', /ESA.*astronaut/],
      ['Satoshi Furukawa', /JAXA.*astronaut/],
      ['Konstantin Borisov', /Roscosmos cosmonaut/],
      ['Bill Nelson', /administrator/i],
    ]);
    expect(a.speakers()).toEqual(['Bill Nelson']);
    expect(a.facts.quotes[0]!.sentences?.length ?? 0).toBeGreaterThanOrEqual(4);
    expect(a.acronyms.get('ESA')?.expansion).toBe('European Space Agency');
    expect(a.acronyms.get('JAXA')?.expansion).toBe('Japan Aerospace Exploration Agency');
    expect(a.text).not.toMatch(/NASA\/Joel Kowsky|Steve Siceloff|321-867|shortly after having landed/);
  });

  it('Truly statement: an eight-paragraph quote introduced by "a statement from" the administrator', () => {
    const a = load('nasa_truly_statement.md');
    expectPeople(a.facts, [
      ['Bill Nelson', /administrator/i],
      ['Richard Truly', /astronaut|administrator/i],
    ]);
    expect(a.facts.quotes).toHaveLength(1);
    expect(a.facts.quotes[0]).toMatchObject({ speaker: 'Bill Nelson' });
    expect(a.facts.quotes[0]!.text).toMatch(/great public servant\.?$/);
    expect(a.text).not.toMatch(/Faith McKie|202-358-1600|Richard Truly\. NASA/);
  });

  it('Glenn STEM day: a title-cased role before the name, acronyms defined in parentheses', () => {
    const a = load('nasa_glenn_stem_students.md');
    expectPeople(a.facts, [['Clarence Jones', /specialist/i]]);
    expect(a.speakers()).toEqual(['Clarence Jones']);
    expect(a.facts.quotes[0]!.sentences).toHaveLength(2);
    expect(a.acronyms.get('CMSD')?.expansion).toBe('Cleveland Metropolitan School District');
    expect(a.text).not.toMatch(/Credit: NASA|robotic dog/);
  });
});

describe('held-out government releases', () => {
  it('Commerce: headline lines kept out of the lead, the secretary and his quote, three agencies', () => {
    const a = load('commerce_locke_recovery_grants.txt');
    expectPeople(a.facts, [['Gary Locke', /^Commerce Secretary$/]]);
    expect(a.speakers()).toEqual(['Gary Locke']);
    expect(a.facts.sentences[0]!.text).toMatch(/^Commerce Secretary Gary Locke announced today/);
    for (const [acr, long] of [
      ['EDA', 'Economic Development Administration'],
      ['MBDA', 'Minority Business Development Agency'],
      ['NIST', 'National Institute of Standards and Technology'],
    ]) {
      expect(a.facts.organizations.find((o) => o.acronym === acr)?.name).toBe(long);
    }
    expect(a.facts.lists.some((l) => ['Michigan', 'Ohio', 'Minnesota'].every((n) => l.items.includes(n)))).toBe(true);
  });

  it('Florida: governor and agency director quoted, the director’s role keeps its agency', () => {
    const a = load('florida_awi_emergency_grant.txt');
    expectPeople(a.facts, [
      ['Charlie Crist', /governor/i],
      ['Monesia T. Brown', /Agency for Workforce Innovation Director/],
    ]);
    expect(a.speakers()).toEqual(['Charlie Crist', 'Monesia T. Brown']);
    expect(a.facts.organizations.map((o) => o.name)).not.toContain(
      'Agency for Workforce Innovation Director Monesia T. Brown',
    );
    expect(a.facts.organizations.map((o) => o.name)).toContain('Department of Labor');
    expect(a.text).not.toMatch(/Blvd\.|Robby Cunningham|# # #/);
  });

  it('USDA: the state director and the department expanded; the all-caps headline is not a sentence', () => {
    const a = load('usda_williamson_police_grant.txt');
    expectPeople(a.facts, [['Bobby Lewis', /state director/i]]);
    expect(a.facts.organizations.find((o) => o.acronym === 'USDA')?.name).toBe(
      'United States Department of Agriculture',
    );
    expect(a.text).not.toMatch(/APPROVES COMMUNITY FACILITIES/);
  });
});
