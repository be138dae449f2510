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
