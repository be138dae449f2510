/**
 * When the best sentence's number is tied to something else than the question asks, a lower
 * sentence whose number the question's own words tie answers instead of a refusal (ADR 022,
 * seventh round), on sentences written for these tests. A sentence tied only by a close word
 * vector ("players" for "fans") does not stand in.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article/types.js';
import { parseQuery } from '../../../src/core/search/query.js';
import { ask, buildSentenceIndex, scoreSentences } from '../../../src/core/search/sentence-index.js';
import { articleOf } from '../analyse/analyse-fixtures.js';

function firstAnswer(article: Article, question: string): string | null {
  const { hits } = ask(buildSentenceIndex(article), question);
  return hits[0] ? article.sentences[hits[0].sentence]!.text : null;
}

function scoreOf(article: Article, question: string, sentence: number): number {
  const index = buildSentenceIndex(article);
  const query = parseQuery(question, { language: index.prepared.language });
  return scoreSentences(index, query).find((h) => h.sentence === sentence)!.score;
}

describe('a tied sentence standing in for an untied best one', () => {
  it('the count the question asks about answers, though a sentence restating the question ranks first', () => {
    const forest = articleOf(
      'Some 300 firefighters are fighting fires in the national forest.',
      'Satellites have recorded 1,200 wildfires since January.',
      'The park service closed two campsites.',
    );
    const q = 'How many fires have there been in the forest this year?';
    const { hits } = ask(buildSentenceIndex(forest), q);
    // Ranked first is the firefighters' count; "wildfires" are fires, the question's own word.
    expect(scoreOf(forest, q, 0)).toBeGreaterThan(scoreOf(forest, q, 1));
    expect(hits.length).toBeGreaterThan(0);
    expect(firstAnswer(forest, q)).toMatch(/1,200 wildfires/);
  });

  it('the sentence that gave way is quoted after the answer, though it states no count', () => {
    const game = articleOf(
      'Ten minutes later, Rossi scored a second goal for Italy from a corner after a long run down the left wing.',
      'Italy won after scoring four goals in the second half.',
      'The stadium was full.',
    );
    const q = 'How many goals did Rossi score?';
    expect(scoreOf(game, q, 0)).toBeGreaterThan(scoreOf(game, q, 1));
    expect(ask(buildSentenceIndex(game), q).hits.map((h) => h.sentence)).toEqual([1, 0]);
  });

  it('a count tied by a word vector alone does not stand in', () => {
    const match = articleOf(
      'Fans at the match in Leeds saw England collect three points and stay top of the group.',
      'Five players were booked.',
    );
    const q = 'How many fans were at the match?';
    const index = buildSentenceIndex(match);
    const five = scoreSentences(index, parseQuery(q, { language: index.prepared.language })).find(
      (h) => h.sentence === 1,
    );
    // "players" ties "fans" by a close vector, so the count is tied, but not by the question's words.
    expect(five).toMatchObject({ tied: true, focused: false });
    expect(scoreOf(match, q, 0)).toBeGreaterThan(five!.score);
    expect(ask(index, q).hits).toEqual([]);
  });
});
