/**
 * Fifth round of fixes, each on text written for the test: page furniture that read as story
 * (pointer lines without "more", media-player prompts, lead-ins whose items were lost) and an
 * organisation name cut short at "and", and an ordinal split at its thousands comma.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analyse/index.js';
import { numbersInSentence } from '../../../src/core/analyse/numbers.js';
import { annotate } from '../../../src/core/nlp/annotate.js';
import { cleanBlocks } from '../../../src/core/ingest/boilerplate.js';
import { articleOf } from './analyse-fixtures.js';

const STORY = 'The harbour board approved a new ferry terminal for the island on Tuesday after a long debate.';
const paragraphsOf = (...texts: string[]) => cleanBlocks(texts.map((text) => ({ text }))).paragraphs;

describe('boilerplate that read as story', () => {
  it('drops "For information about X, visit:" pointers', () => {
    expect(
      paragraphsOf(
        STORY,
        'For information about the harbour board and its projects, visit:',
        'https://example.org/harbour',
      ),
    ).toEqual([STORY]);
  });

  it('drops prompts to a media player', () => {
    expect(
      paragraphsOf(STORY, 'Watch the second episode of “Harbour Lives” and meet the crews who run the ferries.'),
    ).toEqual([STORY]);
    expect(
      paragraphsOf('Pan around inside this 360-degree video to see the terminal from the deck of a ferry.', STORY),
    ).toEqual([STORY]);
  });

  it('keeps prose that only starts with the same verbs', () => {
    const prose = 'Watch parties were held across the island so residents could follow the vote on the broadcast.';
    expect(paragraphsOf(STORY, prose)).toEqual([STORY, prose]);
  });

  it('drops a lead-in whose items were lost, keeps one that introduces items', () => {
    const next = 'Ferries will run every hour from the new terminal. The old pier will close in the spring.';
    expect(paragraphsOf(STORY, 'The new terminal will provide:', next)).toEqual([STORY, next]);
    expect(paragraphsOf(STORY, 'The new terminal will provide:', 'Covered seating for passengers', next)).toEqual([
      STORY,
      'The new terminal will provide:',
      'Covered seating for passengers',
      next,
    ]);
    const story = 'Ferries will run every hour from the new terminal. The stops are:';
    expect(paragraphsOf(STORY, story, next)).toEqual([STORY, story, next]);
  });
});

describe('organisation names cut at "and"', () => {
  it('keeps the whole name, not its first half', () => {
    const facts = analyse(
      articleOf(
        'The council hired the city’s Institute of Rivers and Lakes (IRL) to study the flooding.',
        'Mayor Dana Whitfield said the study would finish next year.',
      ),
    );
    const names = facts.organizations.map((o) => o.name);
    expect(names).toContain('Institute of Rivers and Lakes');
    expect(names).not.toContain('Institute of Rivers');
  });
});

describe('numbers split at a thousands comma', () => {
  it('reads "2,417th" as one ordinal', () => {
    const doc = annotate(articleOf('The ferry made its 2,417th crossing (the 2,417th of the decade) on Friday.'));
    const texts = numbersInSentence(doc.sentences[0]!).map((n) => n.text);
    expect(texts).toContain('2,417th');
    expect(texts).not.toContain('417th');
  });

  it('keeps figures separated by a comma and a space apart', () => {
    const doc = annotate(articleOf('The scores were 4, 100 and 250 in the three rounds of the contest.'));
    expect(numbersInSentence(doc.sentences[0]!).map((n) => n.text)).not.toContain('4, 100');
  });
});
