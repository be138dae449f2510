import { describe, expect, it } from 'vitest';
import { summarise } from '../../../src/core/analyse/summary.js';
import { annotate } from '../../../src/core/nlp/annotate.js';
import { articleOf, FIXTURE_NAMES, fixtureArticle } from './analyse-fixtures.js';

describe('summary', () => {
  it.each(FIXTURE_NAMES)('gives 3 sentence ids in reading order, lead first, for %s', (name) => {
    const article = fixtureArticle(name);
    const ids = summarise(annotate(article));
    expect(ids).toHaveLength(3);
    expect(ids[0]).toBe(0);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(summarise(annotate(article))).toEqual(ids);
  });

  it('holds back quotes', () => {
    const article = fixtureArticle('xinhua-space-partnership.txt');
    const quoted = article.sentences.filter((s) => /[“”"]/.test(s.text)).map((s) => s.id);
    expect(quoted.length).toBeGreaterThan(0);
    expect(summarise(annotate(article)).filter((id) => quoted.includes(id))).toEqual([]);
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
