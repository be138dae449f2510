import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analyse/index.js';
import { FIXTURE_NAMES, fixtureArticle } from './analyse-fixtures.js';

describe('analyse', () => {
  it('assembles facts that cite existing sentences', () => {
    const article = fixtureArticle('xinhua-space-partnership.txt');
    const facts = analyse(article);
    expect(facts.title).toBe(article.title);
    expect(facts.dateline).toEqual(article.dateline);
    expect(facts.tags).toEqual(article.tags);
    expect(facts.sentences).toEqual(article.sentences);
    expect(facts.lists.some((l) => l.count === 8 && l.countMatches)).toBe(true);
    expect(facts.numbers.length).toBeGreaterThan(0);
    expect(facts.summary.length).toBeGreaterThanOrEqual(2);
    expect(facts.summary.length).toBeLessThanOrEqual(3);
    const ids = new Set(article.sentences.map((s) => s.id));
    for (const cited of [
      ...facts.lists.map((l) => l.sentence),
      ...facts.numbers.map((n) => n.sentence),
      ...facts.summary,
    ]) {
      expect(ids.has(cited)).toBe(true);
    }
    // The shape is the JSON of `herald analyze --json`.
    expect(JSON.parse(JSON.stringify(facts))).toEqual(facts);
  });

  it.each(FIXTURE_NAMES)('is deterministic on %s', (name) => {
    const article = fixtureArticle(name);
    expect(analyse(article)).toEqual(analyse(article));
  });
});
