/**
 * What the article calls its named things (ADR 022, seventh round), on sentences written for
 * these tests: a question that describes the thing ("the planet") meets the sentence that names
 * it, and a sentence that describes it ("the planet") meets a question that names it.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article/types.js';
import { prepareArticle } from '../../../src/core/search/prepare.js';
import { ask, buildSentenceIndex } from '../../../src/core/search/sentence-index.js';
import { articleOf } from '../analyse/analyse-fixtures.js';

function firstAnswer(article: Article, question: string): string | null {
  const { hits } = ask(buildSentenceIndex(article), question);
  return hits[0] ? article.sentences[hits[0].sentence]!.text : null;
}

const corefOf = (article: Article, sentence: number): string[] => [
  ...prepareArticle(article).sentences[sentence]!.coref,
];

describe('descriptions of named things', () => {
  const survey = articleOf(
    'On Monday astronomers published new data on Zorbin-7, a planet circling a red dwarf.',
    'Zorbin-7 was first spotted in 2011 by a survey telescope.',
    'The planet is about 40 light-years from Earth.',
  );

  it('a sentence naming the thing refers to it by its description; one using the description, by its name', () => {
    expect(corefOf(survey, 1)).toContain('planet');
    expect(corefOf(survey, 2)).toContain('zorbin-7');
  });

  it('a question that describes the thing is answered by the sentence that names it', () => {
    const found = articleOf(
      'On Monday astronomers first published new data on Zorbin-7, a planet circling a red dwarf.',
      'Zorbin-7 was spotted in 2011 by a survey telescope.',
      'It is about 40 light-years from Earth.',
    );
    expect(firstAnswer(found, 'When was the planet first spotted?')).toMatch(/in 2011/);
  });

  it('a title\'s modifiers describe the person too, in sentences naming them or saying "he"', () => {
    const talks = articleOf(
      'On Tuesday the Danish prime minister Anders Holm met union leaders in Aarhus.',
      'Holm called the strike "a setback for everyone".',
    );
    expect(corefOf(talks, 1)).toEqual(expect.arrayContaining(['danish', 'prime', 'minister']));
    expect(firstAnswer(talks, 'What did the Danish PM call the strike?')).toMatch(/setback/);
  });

  it('a description two named things share refers to neither', () => {
    const two = articleOf(
      'Astronomers compared Zorbin-7, a planet circling a red dwarf, with Kell-2, a planet in the same system.',
      'The planet is about 40 light-years from Earth.',
    );
    expect(corefOf(two, 1)).not.toContain('zorbin-7');
    expect(corefOf(two, 1)).not.toContain('kell-2');
  });
});
