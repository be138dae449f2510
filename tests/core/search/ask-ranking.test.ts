/**
 * Which sentence comes first (ADR 022, seventh round), on sentences written for these tests:
 * a paraphrase weighs near a repeated word, a cause said with "because" beats one said with
 * "after", and a sentence naming the asked kind meets the noun that names it ("Which companies").
 * Each test also ranks with the round's change undone, so it fails where the change is missing.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article/types.js';
import { answerNoun } from '../../../src/core/search/answer-noun.js';
import { parseQuery } from '../../../src/core/search/query.js';
import { questionShape } from '../../../src/core/search/question.js';
import { idf, termIdf, vectorValue } from '../../../src/core/search/score-parts.js';
import {
  ask,
  buildSentenceIndex,
  DEFAULT_WEIGHTS,
  REFUSE_BELOW,
  REFUSE_BELOW_WITHOUT_VECTORS,
  refusalThreshold,
  type RankWeights,
} from '../../../src/core/search/sentence-index.js';
import { askLanguageFor, ENGLISH } from '../../../src/core/search/language.js';
import { articleOf } from '../analyse/analyse-fixtures.js';

function firstAnswer(article: Article, question: string, weights: Partial<RankWeights> = {}): string | null {
  const { hits } = ask(buildSentenceIndex(article), question, { weights, minScore: -Infinity });
  return hits[0] ? article.sentences[hits[0].sentence]!.text : null;
}

describe('a paraphrase weighs near a repeated word', () => {
  const comet = articleOf(
    'The comet was photographed again last March, when it passed close to Mars.',
    'Astronomers first identified it in 2011 with a survey telescope in Chile.',
    'Its tail is longer than the distance from the Earth to the Moon.',
  );
  const before = { vectorAtFloor: 0.25, vectorSlope: 0.5 };

  it('a close vector at the floor is worth 0.4 of a repeated word, rising to 1', () => {
    expect(vectorValue(DEFAULT_WEIGHTS.vectorFloor, DEFAULT_WEIGHTS)).toBeCloseTo(0.4);
    expect(vectorValue(1, DEFAULT_WEIGHTS)).toBe(1);
    expect(vectorValue(0.7, DEFAULT_WEIGHTS)).toBeGreaterThan(vectorValue(0.6, DEFAULT_WEIGHTS));
  });

  it('when: "identified" answers "discovered" ahead of the sentence that repeats "comet"', () => {
    expect(firstAnswer(comet, 'When was the comet discovered?')).toMatch(/identified it in 2011/);
    expect(firstAnswer(comet, 'When was the comet discovered?', before)).toMatch(/last March/);
  });
});

describe('why: a cause said outright beats one that only tells time', () => {
  const bridge = articleOf(
    'The council closed the bridge after a meeting on Monday.',
    'The council closed the bridge because engineers found cracks in its supports.',
    'Drivers now take a ten-mile detour through the valley.',
  );

  it('"because" ahead of "after"', () => {
    expect(firstAnswer(bridge, 'Why did the council close the bridge?')).toMatch(/because engineers/);
    expect(firstAnswer(bridge, 'Why did the council close the bridge?', { weakCause: 0 })).toMatch(/after a meeting/);
  });
});

describe('the noun that names the answer', () => {
  it.each([
    ['Which companies got picked?', 'companies'],
    ['Which firms bid for the work?', 'firms'],
    ['Who was the attacker?', 'attacker'],
    ['Which country was the site run from?', 'country'],
    ['Which state put him over the top?', 'state'],
    ['Who tipped off the police?', null],
    ['Which drugs will patients get?', null],
    ['What part of the Moon is it meant for?', null],
  ])('%s → %s', (question, noun) => {
    expect(answerNoun(question, questionShape(question).kind)).toBe(noun);
  });

  it('is marked on the question word it names, in English only', () => {
    const q = parseQuery('Which companies got picked?');
    expect(q.terms.filter((t) => t.answerClass).map((t) => t.key)).toEqual(['company']);
  });

  it('who: a sentence naming the companies meets "companies" though it never says the word', () => {
    const rover = articleOf(
      'The agency has picked three companies for the rover, it said in a statement on its website.',
      'The agency selected Orbit Works, Luna Dynamics and Crater Labs to build the rover.',
      'Crews will drive the rover near the south pole.',
    );
    expect(firstAnswer(rover, 'Which companies got picked for the rover?')).toMatch(/Orbit Works/);
    expect(firstAnswer(rover, 'Which companies got picked for the rover?', { answerClass: 0 })).toMatch(
      /three companies/,
    );
  });
});

describe('a country a reader abbreviates', () => {
  it('"US" is read as the name "United States", not the verb "unite" and the noun "state"', () => {
    const q = parseQuery('What is the US doing about it?');
    const us = q.terms.filter((t) => t.key === 'united' || t.key === 'states');
    expect(us.map((t) => t.key)).toEqual(['united', 'states']);
    expect(us.every((t) => t.name && t.related.size === 0)).toBe(true);
  });

  it('a name typed in lower case weighs by how often the article says the name ("mars", lemma "mar")', () => {
    const story = articleOf(
      'The Mars Sample Return mission is run by the space agency.',
      'Mars has two small moons.',
      'The budget of $11 billion was too expensive, the administrator said.',
    );
    const p = buildSentenceIndex(story).prepared;
    const mars = parseQuery('How much would mars sample return cost?').terms.find((t) => t.keys.has('mars'))!;
    expect(termIdf(p, mars)).toBeCloseTo(idf(p, 'mars'));
    expect(termIdf(p, mars)).toBeLessThan(idf(p, mars.key));
  });

  it('so a sentence about a state governor does not answer a question about the US', () => {
    const story = articleOf(
      'The state governor said the members of the union would unite behind the plan.',
      'The United States sent two navy ships to search the sea.',
    );
    expect(firstAnswer(story, 'What is the US doing about it?')).toMatch(/navy ships/);
  });
});

describe('refusal threshold by language', () => {
  it('scores with English word vectors run higher than scores without them', () => {
    expect(refusalThreshold(ENGLISH)).toBe(REFUSE_BELOW);
    expect(refusalThreshold(askLanguageFor('de'))).toBe(REFUSE_BELOW_WITHOUT_VECTORS);
    expect(REFUSE_BELOW_WITHOUT_VECTORS).toBeLessThan(REFUSE_BELOW);
  });
});
