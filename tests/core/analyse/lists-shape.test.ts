/**
 * Lists must be enumerations of parallel items. Each case is a sentence written for the
 * test, in the shape of a failure seen on real articles.
 */
import { describe, expect, it } from 'vitest';
import { findAcronyms } from '../../../src/core/analyse/acronyms.js';
import { analyse } from '../../../src/core/analyse/index.js';
import { extractLists } from '../../../src/core/analyse/lists.js';
import { annotate } from '../../../src/core/nlp/annotate.js';
import { articleOf } from './analyse-fixtures.js';

const listsOf = (...sentences: string[]) => extractLists(annotate(articleOf(...sentences)));

describe('list shape', () => {
  it('does not read an attribution clause as an item', () => {
    expect(
      listsOf('The driver was taken to a clinic but found unharmed on admission, firefighters and nurses said.'),
    ).toEqual([]);
  });

  it('does not read a range as an item', () => {
    const lists = listsOf(
      'She sailed around the cape three times between 1971 and 1979, leading two of the voyages and navigating two others.',
    );
    expect(lists.flatMap((l) => l.items)).not.toContain('1971 and 1979');
  });

  it('keeps "City, State" as one place and rejects items that start with a preposition among others', () => {
    const lists = listsOf(
      'The city hired Blue Harbor Logistics of Dayton, Ohio, for cleaning and repair work at the port in Toledo, and Lake Yard in Erie.',
    );
    expect(lists).toEqual([]);
  });

  it('stops the last item at a time adjunct', () => {
    const [list] = listsOf(
      'The boat will collect divers Ana Ruiz, Tom Bell, and Kai Moss after their long, 40-mile swim.',
    );
    expect(list?.items.slice(1)).toEqual(['Tom Bell', 'Kai Moss']);
  });

  it('keeps a bracketed aside together', () => {
    const lists = listsOf('Mud slides (fast, wet flows) or a flood could have cut the valley.');
    expect(lists.flatMap((l) => l.items).some((i) => i.includes(')'))).toBe(false);
  });

  it('keeps a closing item opened by a participle ("continued progress")', () => {
    const [list] = listsOf(
      'Her achievements include a new wing for the hospital, expansion of the clinic, training the nursing staff, and continued growth of the research unit.',
    );
    expect(list?.items).toHaveLength(4);
    expect(list?.items[3]).toBe('continued growth of the research unit');
  });

  it('does not split a number with a comma', () => {
    expect(
      listsOf('Taken on May 4, 2021, the 3,412th day of the survey, or sol.').flatMap((l) => l.items),
    ).not.toContain('412th day of the survey');
  });
});

describe('roles and names', () => {
  it('joins two roles over "and" before a name', () => {
    const facts = analyse(
      articleOf('The board praised former Acme President and engineer Maria Lopez, who retired in May.'),
    );
    expect(facts.people.find((p) => p.name === 'Maria Lopez')?.role).toBe('former Acme President and engineer');
  });

  it('keeps the seat of a company out of its name', () => {
    const facts = analyse(
      articleOf('The agency selected Blue Harbor Logistics Corporation of Dayton, Ohio, for the work.'),
    );
    expect(facts.organizations.map((o) => o.name)).toContain('Blue Harbor Logistics Corporation');
  });

  it('reads ", or X" after a capitalised name as its short form', () => {
    const defs = findAcronyms(annotate(articleOf('The lander carries a Deep Drill Probe, or Dedripro, for the ice.')));
    expect(defs.get('Dedripro')?.expansion).toBe('Deep Drill Probe');
  });
});
