import { describe, expect, it } from 'vitest';
import { ask, buildSentenceIndex, overlap } from '../../../src/core/search/sentence-index.js';
import { stem, terms } from '../../../src/core/search/terms.js';
import { articleOf, fixtureArticle } from '../analyse/analyse-fixtures.js';

const textOf = (article: ReturnType<typeof fixtureArticle>, id: number | undefined) =>
  article.sentences.find((s) => s.id === id)?.text ?? '';

describe('terms', () => {
  it('stems so questions meet the article', () => {
    expect(stem('sponsors')).toBe(stem('sponsored'));
    expect(stem('areas')).toBe(stem('area'));
    expect(stem('planning')).toBe(stem('plans'));
    expect(terms("Who are the workshop's sponsors?")).toEqual(['workshop', stem('sponsor')]);
  });
});

describe('ask', () => {
  const xinhua = fixtureArticle('xinhua-space-partnership.txt');
  const index = buildSentenceIndex(xinhua);

  it('finds the sentence naming the sponsors', () => {
    const { hits } = ask(index, "Who are the workshop's sponsors?");
    expect(textOf(xinhua, hits[0]?.sentence)).toMatch(/co-sponsored by/);
    expect(hits[0]!.coverage).toBeGreaterThan(0.9);
  });

  it('answers who leads an organisation and how many countries attend', () => {
    expect(textOf(xinhua, ask(index, 'Who is the head of CNSA?').hits[0]?.sentence)).toMatch(/head of CNSA/);
    expect(textOf(xinhua, ask(index, 'How many countries will attend?').hits[0]?.sentence)).toMatch(/80 countries/);
  });

  it('has no hits when the article does not answer', () => {
    expect(ask(index, 'What is the price of bananas?').hits).toEqual([]);
    expect(ask(index, 'Who won the football match?').hits).toEqual([]);
    expect(ask(index, 'what is it?')).toMatchObject({ hits: [], terms: [] });
  });

  it('works on the NASA releases', () => {
    const ltv = fixtureArticle('nasa_lunar_terrain_vehicle.md');
    expect(textOf(ltv, ask(buildSentenceIndex(ltv), 'What is the contract value?').hits[0]?.sentence)).toMatch(
      /\$4\.6 billion/,
    );
    const msr = fixtureArticle('nasa_mars_sample_return.md');
    const msrIndex = buildSentenceIndex(msr);
    expect(
      ask(msrIndex, 'What is the budget?')
        .hits.map((h) => textOf(msr, h.sentence))
        .join(' '),
    ).toMatch(/\$11 billion budget/);
    expect(ask(msrIndex, 'What is the price of bananas?').hits).toEqual([]);
  });

  it('indexes plain sentence arrays and respects the limit', () => {
    const article = articleOf('Apples are red.', 'Apples grow on trees.', 'Apples are sweet.', 'Pears are green.');
    const { hits } = ask(buildSentenceIndex(article), 'apples', { limit: 2 });
    expect(hits).toHaveLength(2);
    expect(hits.every((h) => h.sentence <= 2)).toBe(true);
  });

  it('a follower adds to the answer: a sentence saying the same again is left out', () => {
    const article = articleOf(
      'The council approved the new bridge over the river on Monday.',
      'On Monday, the council approved the new bridge over the river.',
      'The bridge over the river will cost the council 12 million euros.',
    );
    const { hits } = ask(buildSentenceIndex(article), 'When did the council approve the bridge?');
    const cited = hits.map((h) => h.sentence);
    // One of the two sentences that say the same, not both.
    expect(cited.filter((id) => id === 0 || id === 1)).toHaveLength(1);
    const keys = (...ks: string[]) => new Map(ks.map((k) => [k, 1]));
    expect(overlap(keys('a', 'b'), keys('a', 'b', 'c'))).toBe(1);
    expect(overlap(keys('a', 'd'), keys('a', 'b', 'c'))).toBe(0.5);
  });
});
