/**
 * English list patterns (issue 9); every sentence is written for the test.
 */
import { describe, expect, it } from 'vitest';
import { listsInSentence } from '../../../src/core/analyse/lists.js';
import { annotateSentence } from '../../../src/core/nlp/annotate.js';

const items = (text: string) => listsInSentence(annotateSentence(0, 0, text)).map((l) => l.items);

describe('series that are not lists', () => {
  it('rejects an appositive chain describing one named thing', () => {
    expect(items('Crews painted Corn Hall, formerly a grain market and now a cinema, on Sunday.')).toEqual([]);
  });

  it('rejects a series whose items change shape from noun phrase to verb phrase', () => {
    expect(items('One of their sons, aged 12, escaped and called the police.')).toEqual([]);
  });

  it('rejects a series that ends in a bare relative pronoun', () => {
    expect(items('The guests included the former mayor, who, as usual, arrived late.')).toEqual([]);
  });

  it('keeps a real list of noun phrases', () => {
    expect(items('The shop sells bread, cheese, olives and wine.')).toEqual([['bread', 'cheese', 'olives', 'wine']]);
  });
});

describe('semicolon series', () => {
  it('reads verb phrases sharing one subject, the subject being the lead', () => {
    const lists = listsInSentence(
      annotateSentence(
        0,
        0,
        'The bakery closed its oldest shop in May; opened two kiosks at the station; and in 2021 bought a mill near Leeds.',
      ),
    );
    expect(lists.map((l) => l.items)).toEqual([
      ['closed its oldest shop in May', 'opened two kiosks at the station', 'in 2021 bought a mill near Leeds'],
    ]);
    expect(lists[0]!.lead).toBe('The bakery');
  });

  it('reads clauses with their own subjects, scores kept whole', () => {
    expect(
      items(
        'On Sunday, Leeds beat York 2 – 1; Hull drew 0 – 0 with Derby; and Bury lost 1 – 3 to Wigan, after a late goal.',
      ),
    ).toEqual([['Leeds beat York 2 – 1', 'Hull drew 0 – 0 with Derby', 'Bury lost 1 – 3 to Wigan']]);
  });

  it('keeps a name and its appositive as one item when every item has one', () => {
    expect(
      items(
        'The three finalists were Oakfield, a village school; Brantwood, a city academy in Leeds; and Eastgate, a college.',
      ),
    ).toEqual([['Oakfield, a village school', 'Brantwood, a city academy in Leeds', 'Eastgate, a college']]);
  });

  it('needs a final "; and": two clauses joined by a semicolon are not a list', () => {
    expect(items('The rain stopped at noon; the match began an hour later.')).toEqual([]);
  });
});

describe('coordinated predicates', () => {
  it('reads finite verb phrases after one subject', () => {
    expect(
      items('The council closed the bridge on Monday, moved the market to the square, and later reopened the road.'),
    ).toEqual([['closed the bridge on Monday', 'moved the market to the square', 'later reopened the road']]);
  });

  it('reads gerunds after a preposition', () => {
    expect(items('The firm saved money by selling its vans, renting smaller offices, and cutting travel.')).toEqual([
      ['selling its vans', 'renting smaller offices', 'cutting travel'],
    ]);
  });

  it('reads bare infinitives after "to"', () => {
    expect(items('Volunteers were asked to sort, weigh, and pack the parcels.')).toEqual([
      ['sort', 'weigh', 'pack the parcels'],
    ]);
  });

  it('rejects a run whose verbs change form: a participle aside and a gerund are not coordinated', () => {
    expect(items('She was freed in May and has been on bail, also called remand, and living in Kent.')).toEqual([]);
  });
});

describe('where a comma series ends', () => {
  it('closes at the first "or" when the next chunk is an adjunct, not an item', () => {
    expect(items('The label must not name any single farm, village, river or valley, under the new rules.')).toEqual([
      ['any single farm', 'village', 'river', 'valley'],
    ]);
  });

  it('keeps "X and Y" inside an item when a final ", and" is still to come', () => {
    expect(
      items('What helps is good roads, good drainage and lighting, good schools, and the care of the old.'),
    ).toEqual([['good roads', 'good drainage and lighting', 'good schools', 'care of the old']]);
  });

  it('leaves the last item open to a list nested in it', () => {
    const found = items(
      'The haze came from a mix of fog, dust, and smoke from fires burning in Chad, Niger, and Mali.',
    );
    expect(found).toContainEqual(['Chad', 'Niger', 'Mali']);
  });
});

describe('shapes the tagger blurs', () => {
  it('reads predicate adjectives as a list', () => {
    expect(items('The judges said the bread was soft, sweet and fragrant.')).toEqual([['soft', 'sweet', 'fragrant']]);
  });

  it('still rejects adjectives that all modify one noun', () => {
    expect(items('They wanted a cheap, quick, and reliable service.')).toEqual([]);
  });

  it('keeps two examples after "like"', () => {
    expect(items('Shoppers moved to cheaper chains like Aldi and Netto.')).toEqual([['Aldi', 'Netto']]);
  });

  it('keeps a list whose last name is followed by a participle', () => {
    expect(items('The side attacked early with Tom Reed, Sam Cole, and Ben Hart making chances.')).toEqual([
      ['Tom Reed', 'Sam Cole', 'Ben Hart'],
    ]);
  });
});
