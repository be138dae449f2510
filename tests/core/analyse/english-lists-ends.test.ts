/**
 * Where a series of noun phrases ends and how long its items may be (issue 9): a clause opened
 * by a contracted subject after ", and", and items holding "City, State" or an "&" inside a
 * name. Every sentence is written for the test.
 */
import { describe, expect, it } from 'vitest';
import { listsInSentence } from '../../../src/core/analyse/lists.js';
import { annotateSentence } from '../../../src/core/nlp/annotate.js';

const items = (text: string) => listsInSentence(annotateSentence(0, 0, text)).map((l) => l.items);

describe('a series closed by a clause', () => {
  it('ends before ", and I’m ..." and splits the "and" inside the item before it', () => {
    expect(
      items(
        'The ruling is an insult to the workers at Ashby Steel Plant, the wider Tarn community and the County of Ashby, and I’m angry about it.',
      ),
    ).toEqual([['Ashby Steel Plant', 'wider Tarn community', 'County of Ashby']]);
  });
});

describe('items with places and names inside', () => {
  it('keeps "City, State" and "Flight & Space" inside one item of normal length', () => {
    expect(
      items(
        'The engines will go to the Harbour Museum in Dayton, Ohio, the Coastal Flight & Space Center of Eugene, Oregon, and the Physics Department of Ashby College.',
      ),
    ).toEqual([
      ['Dayton, Ohio', 'Coastal Flight & Space Center of Eugene, Oregon', 'Physics Department of Ashby College'],
    ]);
  });

  it('still refuses a long clause between commas as an item', () => {
    expect(
      items(
        'At the rally, the regional governor of the province Jan Dorsk promised rebuilding Corn Hall, once a market, in May.',
      ),
    ).toEqual([]);
  });
});
