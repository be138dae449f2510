import { describe, expect, it } from 'vitest';
import { summarise } from '../../../src/core/analyse/summary.js';
import { annotate } from '../../../src/core/nlp/annotate.js';
import { articleOf, FIXTURE_NAMES, fixtureArticle } from './analyse-fixtures.js';

const wordCount = (text: string): number => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

describe('summary', () => {
  it.each(FIXTURE_NAMES)('gives 2–3 sentence ids in reading order, lead first, at most 100 words, for %s', (name) => {
    const article = fixtureArticle(name);
    const ids = summarise(annotate(article));
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(ids.length).toBeLessThanOrEqual(3);
    expect(ids[0]).toBe(0);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(ids.reduce((n, id) => n + wordCount(article.sentences[id]!.text), 0)).toBeLessThanOrEqual(100);
    expect(summarise(annotate(article))).toEqual(ids);
  });

  it.each(FIXTURE_NAMES)('holds back quotes and sentences that lean on an antecedent in %s', (name) => {
    const article = fixtureArticle(name);
    const ids = summarise(annotate(article));
    for (const id of ids) {
      expect(article.sentences[id]!.text).not.toMatch(/[“”"]/);
      expect(article.sentences[id]!.text).not.toMatch(/^(This|These|Such|It|They)\b/);
    }
  });

  it('covers the sample story: the statement of action and where or what it proposes', () => {
    const article = fixtureArticle('xinhua-space-partnership.txt');
    const text = summarise(annotate(article))
      .map((id) => article.sentences[id]!.text)
      .join(' ');
    expect(text).toMatch(/statement of action/);
    expect(text).toMatch(/Workshop|eight areas/);
  });

  it('prefers a short central sentence to a long one that wanders', () => {
    const article = articleOf(
      'The city council approved a new budget for public transport on Tuesday.',
      'Councillors met in the old town hall, which was renovated in the nineteenth century by a famous architect from the north, and whose gardens are open to visitors every weekend in summer.',
      'The transport budget adds forty buses and two tram lines.',
      '“This is a good day,” the mayor said.',
      'The budget for public transport passed by nine votes to four.',
      'Parking fees in the centre will rise next year.',
    );
    const ids = summarise(annotate(article));
    expect(ids[0]).toBe(0);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(ids).not.toContain(1);
    expect(ids).not.toContain(3);
  });

  it('gives 2 sentences for a short article and all of a tiny one', () => {
    const short = articleOf(
      'The city council approved a new budget for public transport on Tuesday.',
      'The budget adds forty buses and extends two tram lines to the northern suburbs.',
      '“This is a good day,” the mayor said.',
      'Work on the tram lines starts in the spring and the buses arrive next year.',
    );
    expect(summarise(annotate(short))).toEqual([0, 1]);
    expect(summarise(annotate(articleOf('One sentence only.')))).toEqual([0]);
  });
});
