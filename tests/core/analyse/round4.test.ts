/**
 * Fourth round of extraction fixes, each on sentences written for the test: series that are
 * not enumerations (adjectives, one person's roles, gapped clauses, an acronym's spelled-out
 * form), names lost after "as well as", press-release datelines, and places/dates too eager.
 */
import { describe, expect, it } from 'vitest';
import { findAcronyms } from '../../../src/core/analyse/acronyms.js';
import { analyse } from '../../../src/core/analyse/index.js';
import { extractLists } from '../../../src/core/analyse/lists.js';
import { numbersInSentence } from '../../../src/core/analyse/numbers.js';
import { extractDateline } from '../../../src/core/ingest/dateline.js';
import { annotate } from '../../../src/core/nlp/annotate.js';
import { articleOf } from './analyse-fixtures.js';

const listsOf = (...sentences: string[]) => extractLists(annotate(articleOf(...sentences)));
const itemsOf = (...sentences: string[]) => listsOf(...sentences).flatMap((l) => l.items);

describe('series that are not lists', () => {
  it('coordinated adjectives modify one noun', () => {
    expect(
      listsOf('The aim of the port authority is quick, cheap, and energy-efficient shipping across the bay.'),
    ).toEqual([]);
  });

  it("one person's roles are not several people", () => {
    expect(
      listsOf('The city mourned former police chief, deputy mayor, and senator Alan Whitcombe, who died on Monday.'),
    ).toEqual([]);
  });

  it('gapped items ("fourth for B") are fragments, not a list', () => {
    expect(listsOf('This will be the second marathon for Okafor, fifth for Lindqvist, and first for Moreau.')).toEqual(
      [],
    );
  });

  it('a capitalised series followed by its acronym defines the acronym instead', () => {
    const text = 'Pupils explored careers in Biology, Agriculture, Soil, and Ecology (BASE) sciences at the fair.';
    expect(listsOf(text)).toEqual([]);
    expect(findAcronyms(annotate(articleOf(text))).get('BASE')?.expansion).toBe(
      'Biology, Agriculture, Soil, and Ecology',
    );
  });

  it('still finds ordinary lists', () => {
    expect(itemsOf('The festival offered music, food, and crafts from the region.')).toEqual([
      'music',
      'food',
      'crafts from the region',
    ]);
  });
});

describe('names after "as well as"', () => {
  it('keeps the names of a second group closed by ", and", and splits paired full names', () => {
    const items = itemsOf(
      'The visitors will meet with engineers Paula Grant, Omar Haddad, Rita Moss and Hugo Brandt, as well as pilots Ines Duval, and Tomas Berg and Lena Ortiz, already working at the base.',
    );
    expect(items).toContain('Tomas Berg');
    expect(items).toContain('Lena Ortiz');
    expect(items).toContain('Rita Moss');
    expect(items).toContain('Hugo Brandt');
  });
});

describe('datelines', () => {
  it('reads city-and-state, wire and bare datelines', () => {
    expect(extractDateline('Springfield, IL – The county received a grant.')?.dateline).toEqual({
      place: 'Springfield, IL',
      date: null,
      source: null,
    });
    expect(extractDateline('Austin, Texas — Officials said.')?.dateline.place).toBe('Austin, Texas');
    expect(extractDateline('KEY WEST, Fla. — The storm passed.')?.dateline).toEqual({
      place: 'KEY WEST, Fla.',
      date: null,
      source: null,
    });
    expect(extractDateline('BERLIN, May 3 (Reuters) - Shares fell.')).toEqual({
      dateline: { place: 'BERLIN', date: 'May 3', source: 'Reuters' },
      rest: 'Shares fell.',
    });
    expect(extractDateline('OTTAWA — The House voted.')?.rest).toBe('The House voted.');
  });

  it('does not take an opening place clause for a dateline', () => {
    expect(extractDateline('Paris, the capital, is busy — Really.')).toBeNull();
    expect(extractDateline('Springfield, the county seat, grew.')).toBeNull();
    expect(extractDateline('Springfield, IL is where the grant went.')).toBeNull();
  });
});

describe('places and dates', () => {
  it('a phrase with a place cue but only generic words is no place', () => {
    const facts = analyse(articleOf('Officials said the West Island Province will host the fair.'));
    expect(facts.places.map((p) => p.name)).not.toContain('West Island Province');
  });

  it('generic words with a place cue, and fields of study, are not places', () => {
    const facts = analyse(
      articleOf(
        'Officials of the North Island Province met in Auckland.',
        'The team works in Astrophysics.',
        'They met in Wellington.',
      ),
    );
    const names = facts.places.map((p) => p.name);
    expect(names).not.toContain('North Island Province');
    expect(names).not.toContain('Astrophysics');
    expect(names).toContain('Wellington');
  });

  it('a weekday abbreviation is a date only beside a date', () => {
    const [s] = annotate(articleOf('Some stars weigh eight times as much as our Sun.')).sentences;
    expect(numbersInSentence(s!).map((n) => n.text)).not.toContain('Sun.');
  });
});
