import { describe, expect, it } from 'vitest';
import { extractNumbers } from '../../../src/core/analyse/numbers.js';
import { annotate } from '../../../src/core/nlp/annotate.js';
import { articleOf, fixtureArticle } from './analyse-fixtures.js';

const numbersOf = (...sentences: string[]) =>
  extractNumbers(annotate(articleOf(...sentences))).map((n) => `${n.kind}: ${n.text}`);

describe('numbers and dates', () => {
  it('keeps a measure with its unit and its conversion in brackets', () => {
    const facts = extractNumbers(annotate(fixtureArticle('nasa_esa_rosalind_franklin.md')));
    expect(facts).toContainEqual(expect.objectContaining({ text: 'up to 6.5 feet (2 meters)', kind: 'quantity' }));
  });

  it('merges money ranges and keeps qualifiers', () => {
    const facts = extractNumbers(annotate(fixtureArticle('nasa_mars_sample_return.md'))).map(
      (n) => `${n.kind}: ${n.text}`,
    );
    expect(facts).toContain('money: $8 billion to $11 billion');
    expect(facts).toContain('quantity: more than 33 million miles');
    expect(facts).toContain('date: September 2023');
    expect(facts).not.toContain('money: $8 billion');
  });

  it('counts with the counted noun, and announced list sizes are kept as facts', () => {
    const facts = extractNumbers(annotate(fixtureArticle('xinhua-space-partnership.txt'))).map(
      (n) => `${n.kind}: ${n.text}`,
    );
    expect(facts).toContain('count: more than 80 countries');
    expect(facts).toContain('count: eight areas');
  });

  it('does not report the year of a full date twice', () => {
    expect(numbersOf('The probe was launched on July 23, 2020 from the coast.')).toEqual(['date: July 23, 2020']);
  });

  it('reads percentages, years and money, and cites the sentence', () => {
    const facts = extractNumbers(annotate(articleOf('Nothing here.', 'Sales rose 12% in 2019 to $3.5 million.')));
    expect(facts.map((f) => f.kind)).toEqual(['percent', 'date', 'money']);
    expect(facts.every((f) => f.sentence === 1)).toBe(true);
  });

  it('skips time words with no figure', () => {
    expect(numbersOf('It was a year-long study of the decades ahead.')).toEqual([]);
  });
});
