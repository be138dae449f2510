/**
 * /ask per kind of question, on short stories written for these tests: the question is worded
 * the way a reader would, never with the sentence's own words, so each case needs the
 * paraphrase machinery (lemmas, WordNet, vectors) or the answer-kind matching to pass.
 */
import { describe, expect, it } from 'vitest';
import { askArticle } from '../../../src/core/answers/ask-article.js';
import { analyse } from '../../../src/core/analyse/index.js';
import type { Article } from '../../../src/core/article/types.js';
import { questionShape } from '../../../src/core/search/question.js';
import { parseQuery, type QueryTerm } from '../../../src/core/search/query.js';
import {
  ask,
  buildSentenceIndex,
  DEFAULT_WEIGHTS,
  rarity,
  slotDensity,
} from '../../../src/core/search/sentence-index.js';
import { cosine, wordVectors } from '../../../src/core/search/word-vectors.js';
import { relatedWords } from '../../../src/core/search/wordnet.js';
import { articleOf } from '../analyse/analyse-fixtures.js';

function firstAnswer(article: Article, question: string): string | null {
  const { hits } = ask(buildSentenceIndex(article), question);
  return hits[0] ? article.sentences[hits[0].sentence]!.text : null;
}

describe('questionShape', () => {
  it.each([
    ['Who signed the letter?', 'who', null],
    ['Which companies got picked?', 'who', null],
    ["What's the mayor's name?", 'who', null],
    ['When does the bridge open?', 'when', null],
    ['What time did the fire start?', 'when', null],
    ['Which year was it built?', 'when', null],
    ['Where was the summit held?', 'where', null],
    ['Which city hosts the final?', 'where', null],
    ['How many people died?', 'count', 'people'],
    ['How many more stores will close?', 'count', 'store'],
    ['What was the final vote count?', 'count', null],
    ['How much did the deal cost?', 'money', null],
    ['How much are they paying for it?', 'money', null],
    ['How long will the closure last?', 'duration', null],
    ['How far away is the planet?', 'measure', null],
    ['Why was the match called off?', 'why', null],
    ['What caused the crash?', 'why', null],
    ['How did police find the site?', 'why', null],
    ['What did the minister announce?', 'what', null],
    ['Did anyone survive?', 'what', null],
  ])('%s → %s', (question, kind, unit) => {
    expect(questionShape(question)).toEqual({ kind, unit });
  });
});

describe('lexical resources', () => {
  it('WordNet relates the forms readers and reporters use for the same thing', () => {
    expect(relatedWords('die')).toContain('death');
    expect(relatedWords('buy')).toContain('purchase');
    expect(relatedWords('kill')).toContain('murder');
    expect(relatedWords('acquire')).toContain('acquisition');
    expect(relatedWords('qwzxv')).toEqual([]);
  });

  it('word vectors put paraphrases close and unrelated words apart', () => {
    const v = wordVectors();
    const died = v.vector('died')!;
    expect(cosine(died, v.vector('dead')!)).toBeGreaterThan(0.6);
    expect(cosine(v.vector('arrested')!, v.vector('detained')!)).toBeGreaterThan(0.7);
    expect(cosine(died, v.vector('banana')!)).toBeLessThan(0.3);
    expect(v.vector('qwzxv')).toBeNull();
  });
});

describe('ask by kind of question, on sentences written for the test', () => {
  const fire = articleOf(
    'A fire swept through a four-storey hotel in the port city of Varna late on Friday.',
    'Officials said the blaze started in a kitchen on the ground floor.',
    'A total of 14 guests are confirmed dead, the regional governor told reporters.',
    'Firefighters from three towns fought the flames for six hours.',
    'The hotel had been inspected in May 2023 and passed every check.',
    'Investigators believe a faulty gas heater triggered the fire.',
    'Its owner, Petar Ivanov, said he would pay for the funerals.',
    'The regional government promised each family a payment of 500,000 rubles.',
  );

  it('how many: the sentence with the count, though it says "dead" where the reader says "died"', () => {
    expect(firstAnswer(fire, 'How many people died?')).toMatch(/14 guests/);
  });

  it('why: the causal sentence, worded differently from the question', () => {
    expect(firstAnswer(fire, 'What caused the blaze?')).toMatch(/gas heater triggered/);
  });

  it('when: a sentence stating a date', () => {
    expect(firstAnswer(fire, 'When was the building last checked?')).toMatch(/May 2023/);
  });

  it('where: the lead names the place of the story for a question with no topic word', () => {
    expect(firstAnswer(fire, 'Where did it happen?')).toMatch(/Varna/);
  });

  it('who: a sentence naming someone the question does not', () => {
    expect(firstAnswer(fire, 'Who owns the hotel?')).toMatch(/Petar Ivanov/);
  });

  it('money: an amount in any currency the sentence names', () => {
    expect(firstAnswer(fire, 'How much money will the families get?')).toMatch(/500,000 rubles/);
  });

  it('duration: how long, answered by a length of time', () => {
    expect(firstAnswer(fire, 'How long did crews battle the fire?')).toMatch(/six hours/);
  });

  const deal = articleOf(
    'The grocer Northfield has agreed to sell its 120 shops in Latvia to Baltic Retail Group.',
    'The buyer will pay 310 million euros for the business, the companies said on Tuesday.',
    'Northfield is leaving because it has lost money there for five years as shoppers moved to discount chains.',
    'Baltic Retail Group plans to turn most of the shops into its own discount stores.',
  );

  it('money: the amount, for "how much ... paying"', () => {
    expect(firstAnswer(deal, 'How much is the purchase price?')).toMatch(/310 million euros/);
  });

  it('who: the buyer, for a question that says "buying" where the article says "sell"', () => {
    expect(firstAnswer(deal, "Who is buying Northfield's stores?")).toMatch(/Baltic Retail Group/);
  });

  it('why: the reason for leaving, in other words than the article', () => {
    expect(firstAnswer(deal, 'Why is Northfield pulling out of Latvia?')).toMatch(/lost money/);
  });

  it('refuses a question the story does not touch', () => {
    expect(ask(buildSentenceIndex(deal), 'What is the weather forecast for the football match?').hits).toEqual([]);
  });

  it('states the asked number first, quoted from the sentence, then cites it', async () => {
    const reply = await askArticle(
      { id: deal.id, article: deal, facts: analyse(deal) },
      'How many shops are in the sale?',
    );
    expect(reply.kind).toBe('answer');
    const [heading, lead, first] = reply.blocks;
    expect(heading).toEqual({ type: 'heading', text: 'How many shops are in the sale?' });
    expect(lead?.type === 'text' && lead.text).toMatch(/^“(its )?120 shops”/);
    expect(first?.type === 'citation' && first.cite.text[0]).toMatch(/120 shops in Latvia/);
  });

  it('keeps the plain refusal wording and code', async () => {
    const reply = await askArticle(
      { id: deal.id, article: deal, facts: analyse(deal) },
      'Who won the chess tournament?',
    );
    expect(reply.kind).toBe('not_found');
    expect(reply.title).toBe('The article does not answer that.');
  });
});

describe('slot filling and word weights (ADR 022, second round)', () => {
  const flood = articleOf(
    'Heavy rain swelled the river Lys above the town of Merville on Sunday.',
    'People in the valley left their homes and were evacuated, officials said.',
    'Around 2,000 residents were moved out by bus.',
    'The council approved the new bridge in June 2020.',
    'In June 2020 the mayor opened a school, thanked the teachers, planted a tree, and the council approved the new bridge.',
  );
  const index = buildSentenceIndex(flood);

  it('how many: a sentence with no number is not the answer, though it repeats more of the question', () => {
    const { hits } = ask(index, 'How many people were evacuated from their homes?');
    expect(hits[0]?.sentence).toBe(2);
    expect(hits.map((h) => h.sentence)).not.toContain(1);
  });

  it('a date next to the question’s words fills the slot better than one a clause away', () => {
    const query = parseQuery('When did the council approve the bridge?');
    const weights = query.terms.map(() => 1);
    const density = (id: number): number =>
      slotDensity(query, index.prepared.sentences[id]!, weights, weights.length, DEFAULT_WEIGHTS);
    expect(density(3)).toBeGreaterThan(density(4));
    expect(density(3)).toBeGreaterThan(0.3);
    // No date at all: nothing fills the slot.
    expect(density(1)).toBe(0);
  });

  it('common words weigh less than rare ones, and unknown words (names) weigh fully', () => {
    const term = (q: string): QueryTerm => parseQuery(q).terms[0]!;
    expect(rarity(term('first'))).toBeLessThan(rarity(term('attacker')));
    expect(rarity(term('out'))).toBeLessThan(0.7);
    expect(rarity(term('qwzxv'))).toBe(1);
  });
});
