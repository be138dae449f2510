/**
 * Answer slots no entity tagger marks (ADR 022, sixth round), on sentences written for these
 * tests: a place named after "at the ...", a passive verb's agent for "who", an age for "when",
 * and a question that starts with "who" but also says "where".
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article/types.js';
import { annotateSentence } from '../../../src/core/nlp/annotate.js';
import { ageSlots, agentSlots, governorOf, monthAt } from '../../../src/core/search/answer-phrases.js';
import { questionShape } from '../../../src/core/search/question.js';
import { namesAgent } from '../../../src/core/search/wordnet.js';
import { parseQuery } from '../../../src/core/search/query.js';
import { ask, buildSentenceIndex, scoreSentences } from '../../../src/core/search/sentence-index.js';
import { articleOf } from '../analyse/analyse-fixtures.js';

const tokens = (text: string) => annotateSentence(0, 0, text).tokens;
const words = (text: string, at: readonly number[]): string[] => at.map((i) => tokens(text)[i]!.norm);

function firstAnswer(article: Article, question: string): string | null {
  const { hits } = ask(buildSentenceIndex(article), question);
  return hits[0] ? article.sentences[hits[0].sentence]!.text : null;
}

describe('phrases that fill a slot', () => {
  it('a name after a place preposition and its own determiner or possessive is a place', () => {
    const t = tokens('The old tram will go on show at the Granary Hall next spring.');
    expect(
      governorOf(
        t,
        t.findIndex((x) => x.norm === 'granary'),
      ),
    ).toBe('at');
    const pole = tokens("The rover will work near the Moon's South Pole.");
    expect(
      governorOf(
        pole,
        pole.findIndex((x) => x.norm === 'south'),
      ),
    ).toBe('near');
  });

  it('"to the ..." before a name is not a place: a letter to the President goes to a person', () => {
    const t = tokens('She sent a letter to the President Maria Lopez.');
    expect(
      governorOf(
        t,
        t.findIndex((x) => x.norm === 'maria'),
      ),
    ).toBeNull();
  });

  it('the agent of a passive verb fills "who"; "by" after a noun does not', () => {
    const signed = 'The treaty was signed by the two foreign ministers.';
    expect(words(signed, agentSlots(tokens(signed)))).toContain('ministers');
    expect(words(signed, agentSlots(tokens(signed)))).not.toContain('treaty');
    expect(agentSlots(tokens('Prices rose by ten percent in a year.'))).toEqual([]);
    // A passive whose "by" phrase names a quality, not someone who acts.
    expect(agentSlots(tokens('A partnership marked by openness and trust was announced.'))).toEqual([]);
    expect(namesAgent('minister')).toBe(true);
    expect(namesAgent('board')).toBe(true);
    expect(namesAgent('openness')).toBe(false);
  });

  it('an age stated as a point in time fills "when"', () => {
    const text = 'The boy first fell ill at the age of three months.';
    expect(words(text, ageSlots(tokens(text)))).toEqual(expect.arrayContaining(['age', 'three', 'months']));
    expect(ageSlots(tokens('The average age of the crew is forty.'))).toEqual([]);
  });

  it('a month name that is also a word counts only beside a number or a date preposition', () => {
    const month = (text: string, word: string): boolean => {
      const t = tokens(text);
      return monthAt(
        t,
        t.findIndex((x) => x.text === word),
      );
    };
    expect(month('Members may not debate while the house is closed.', 'may')).toBe(false);
    expect(month('Thousands joined the March for Clean Air.', 'March')).toBe(false);
    expect(month('The house sits again in May.', 'May')).toBe(true);
    expect(month('The vote is on 14 March.', 'March')).toBe(true);
    expect(month('The vote is in October.', 'October')).toBe(true);
  });

  it('a question that starts with "who" asks for a who, whatever it says after', () => {
    expect(questionShape('Who decided where the new stadium goes?').kind).toBe('who');
    expect(questionShape('Where did the minister say the money went?').kind).toBe('where');
  });
});

describe('ask with those slots, on a story written for the test', () => {
  const story = articleOf(
    'Three cities had bid to host the restored steam engine known as the Iron Duchess.',
    'The railway trust said on Monday that the engine would be kept at the Carrow Works Museum.',
    'The decision was taken by the trust’s board after a public vote.',
    'Many of the city’s older residents remember riding behind the engine as children.',
    'The engine was built in 1911 and first broke down at the age of forty years.',
  );

  it('where: the place after "at the", for "which museum"', () => {
    expect(firstAnswer(story, 'Which museum gets the engine?')).toMatch(/Carrow Works Museum/);
  });

  it('who: the passive verb’s agent, a board and not a name', () => {
    expect(firstAnswer(story, 'Who made the decision?')).toMatch(/by the trust’s board/);
  });

  it('when: a date, not a sentence whose "may" is a verb', () => {
    const house = articleOf(
      'During the recess, members of the council may not vote on any new rules for the harbour.',
      'The council will sit again on 3 June, the clerk said.',
    );
    expect(firstAnswer(house, 'When do council members get back to voting?')).toMatch(/3 June/);
  });

  it('a sentence that itself asks a question answers none', () => {
    const rescue = articleOf(
      'A caller to the radio station asked: "Were all 40 passengers saved from the ferry?"',
      'Coastguard crews saved 12 travellers.',
    );
    const first = (weights: { asksQuestion?: number }): number | undefined =>
      ask(buildSentenceIndex(rescue), 'How many passengers were saved?', { weights }).hits[0]?.sentence;
    expect(first({})).toBe(1);
    // Without the rule the quoted question wins: it repeats the reader's words and holds a number.
    expect(first({ asksQuestion: 0 })).toBe(0);
  });

  it('why: a sentence that opens with its purpose ("To ...") gives the reason', () => {
    const plan = articleOf(
      'The city council has changed its plan for the old tram depot.',
      'Many residents had written to the council about the depot over the summer.',
      'To cut the cost of the work in half, the council changed the plan and will keep the walls.',
    );
    expect(firstAnswer(plan, 'Why did the council change the plan?')).toMatch(/To cut the cost/);
  });

  it('where: a place the question already names is not the answer; one after "at the" is', () => {
    const match = articleOf(
      'Two quarter-finals were decided on Saturday.',
      'Spain had the better of the game, played in heavy rain.',
      'The game was held at the Harbour Stadium.',
    );
    const index = buildSentenceIndex(match);
    const fits = scoreSentences(index, parseQuery('Where was the Spain game played?')).map((h) => h.fits);
    expect(fits).toEqual([false, false, true]);
  });

  it('"name" makes a who only when the name is asked for', () => {
    expect(questionShape("What was the driver's name?").kind).toBe('who');
    expect(questionShape('What were the names of the winners?').kind).toBe('who');
    expect(questionShape('What does the new name mean?').kind).toBe('what');
  });

  it('a time counted from now is a "when" answer', () => {
    const jail = articleOf(
      'The two brothers were sentenced on Friday for the bank robbery.',
      'Both men could be released on probation in 12 years, the court heard.',
    );
    const fits = scoreSentences(buildSentenceIndex(jail), parseQuery('When can the brothers be freed?')).map(
      (h) => h.fits,
    );
    expect(fits[1]).toBe(true);
  });

  it('when: an age as the time something happened', () => {
    expect(firstAnswer(story, 'When did it first stop working?')).toMatch(/age of forty years/);
  });
});
