import { describe, expect, it } from 'vitest';
import { extractLists } from '../../../src/core/analyse/lists.js';
import { findList } from '../../../src/core/analyse/lists-find.js';
import { annotate } from '../../../src/core/nlp/annotate.js';
import { articleOf, fixtureArticle } from './analyse-fixtures.js';

const listsOf = (...sentences: string[]) => extractLists(annotate(articleOf(...sentences)));

describe('lists in the sample article', () => {
  const lists = extractLists(annotate(fixtureArticle('xinhua-space-partnership.txt')));

  it('finds the eight partnership areas exactly, with the announced count', () => {
    const areas = lists.find((l) => l.count === 8);
    expect(areas).toBeDefined();
    expect(areas!.items).toEqual([
      'broad consultation on global governance',
      'promotion of coordination of actions',
      'deepening of project cooperation',
      'promotion of development innovation',
      'sharing scientific results',
      'encouraging diverse participation',
      'establishing cooperation platforms',
      'safeguarding human security',
    ]);
    expect(areas!.countMatches).toBe(true);
    expect(areas!.lead).toBe('CNSA proposed the promotion of the new space exploration partnership in eight areas');
  });

  it('keeps "X and Y" pairs whole when every item is a pair', () => {
    const pairs = lists.find((l) => l.items[0] === 'equality and mutual benefit');
    expect(pairs?.items).toEqual([
      'equality and mutual benefit',
      'openness and inclusiveness',
      'peaceful use and benefit of mankind',
    ]);
  });

  it('reads "such as ..., as well as ..." as one list', () => {
    const areas = lists.find((l) => l.items.includes('rule-making'));
    expect(areas?.items).toEqual([
      'rule-making',
      'strategic planning',
      'realization of space missions',
      'sharing and application of scientific data',
    ]);
  });

  it('picks the partnership areas for the topic "partnership areas"', () => {
    expect(findList(lists, 'partnership areas')?.list.count).toBe(8);
    expect(findList(lists, 'bananas and football')).toBeNull();
    expect(findList(lists, '')).toBeNull();
  });
});

describe('lists in the NASA releases', () => {
  it('splits a semicolon list announced by "This includes:" and ties the lead to the previous sentence', () => {
    const lists = extractLists(annotate(fixtureArticle('nasa_mars_sample_return.md')));
    const response = lists.find((l) => l.items.length === 5);
    expect(response?.items.slice(0, 4)).toEqual([
      'updated mission design with reduced complexity',
      'improved resiliency',
      'risk posture',
      'stronger accountability and coordination',
    ]);
    expect(response?.items[4]).toMatch(/^overall budget likely in the \$8 billion to \$11 billion range$/);
    expect(findList(lists, 'review board response')?.list).toBe(response);
  });

  it('finds the selected companies and the end-to-end services', () => {
    const lists = extractLists(annotate(fixtureArticle('nasa_lunar_terrain_vehicle.md')));
    expect(lists.map((l) => l.items)).toContainEqual(['Intuitive Machines', 'Lunar Outpost', 'Venturi Astrolab']);
    const services = findList(lists, 'end-to-end services');
    expect(services?.list.items).toEqual([
      'LTV development',
      'delivery to the Moon',
      'execution of operations on the lunar surface',
    ]);
  });
});

describe('list shapes', () => {
  it('reads a count announced before a colon', () => {
    const [list] = listsOf('The plan has three goals: cutting emissions, protecting forests and funding research.');
    expect(list).toMatchObject({ lead: 'The plan has three goals', count: 3, countMatches: true });
    expect(list!.items).toEqual(['cutting emissions', 'protecting forests', 'funding research']);
  });

  it('reports a count that the items do not match', () => {
    const [list] = listsOf('The report names four risks, including floods, droughts and wildfires.');
    expect(list).toMatchObject({ count: 4, countMatches: false, items: ['floods', 'droughts', 'wildfires'] });
  });

  it('lets the announced count choose which "and" separates items', () => {
    const [list] = listsOf(
      'The budget funds three priorities, including roads and bridges, schools and clinics and clean water.',
    );
    expect(list?.items).toEqual(['roads and bridges', 'schools and clinics', 'clean water']);
    expect(list?.countMatches).toBe(true);
  });

  it('cuts the last item where the clause goes on', () => {
    const [list] = listsOf(
      'The city hired Acme Builders, Northwind Transit, and Contoso Water to repair the old bridge.',
    );
    expect(list).toMatchObject({
      lead: 'The city hired',
      items: ['Acme Builders', 'Northwind Transit', 'Contoso Water'],
    });
  });

  it('finds verb-phrase lists', () => {
    const [list] = listsOf('Volunteers will plant trees, clean the river banks, and repair the old footpaths.');
    expect(list?.items).toEqual(['plant trees', 'clean the river banks', 'repair the old footpaths']);
  });

  it('ignores clauses joined by commas and short name pairs', () => {
    expect(listsOf('Ten ministers will give speeches, and delegates from many cities and towns will attend.')).toEqual(
      [],
    );
    expect(listsOf('When the rain stopped, the match resumed, and the crowd cheered.')).toEqual([]);
    // A pair is a list only after a list cue (issue 9): "including Smith and Jones" is one.
    expect(listsOf('The award went to Smith and Jones.')).toEqual([]);
  });

  it('does not split dates with commas', () => {
    const [list] = listsOf('The probes launched on July 23, 2020, May 5, 2021, and June 1, 2022 respectively.');
    expect(list?.items ?? []).not.toContain('2020');
  });
});

describe('list leads read as phrases', () => {
  it('gives a list in subject position the clause that follows it', () => {
    const [list] = listsOf(
      'The mayor said buses like the Route 9 express, the night shuttle and the airport line have all been cancelled for the strike.',
    );
    expect(list?.lead).toBe('buses that have all been cancelled for the strike');
    expect(list?.items).toEqual(['Route 9 express', 'night shuttle', 'airport line']);
  });

  it('gives a clause its subject back across an appositive', () => {
    const [list] = listsOf(
      'Maria Lopez, chair of the board, stressed in her annual letter the value of patience, discipline and long-term planning.',
    );
    expect(list?.lead).toBe('Maria Lopez stressed the value');
    expect(list?.items).toEqual(['patience', 'discipline', 'long-term planning']);
  });

  it('does not take an infinitive clause as the last item of a noun list', () => {
    const lists = listsOf(
      'Engineers will visit the plant for safety checks, equipment repairs, staff training, and to inspect the new turbines.',
    );
    for (const list of lists) expect(list.items.some((i) => /^to /.test(i))).toBe(false);
  });

  it('keeps leads free of a dangling appositive on the fixtures', () => {
    const lists = extractLists(annotate(fixtureArticle('xinhua-space-partnership.txt')));
    expect(lists.map((l) => l.lead)).toContain('spacecraft that have all taken off from Hainan');
    expect(lists.map((l) => l.lead)).toContain('Zhang Kejian noted the importance');
    for (const l of lists) expect(l.lead).not.toMatch(/^(noted|said|Party chief)\b/);
  });
});
