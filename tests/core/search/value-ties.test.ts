/**
 * What a number or a name in a sentence is tied to, and the refusal built on it (ADR 022,
 * seventh round), on sentences written for these tests: a count is tied to the noun it counts
 * and the verb of its clause, so "How many were hurt?" is not answered by "three people died";
 * "What was the driver's name?" is not answered by a sentence that names no one as the driver.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article/types.js';
import { annotateSentence } from '../../../src/core/nlp/annotate.js';
import { askedFocus } from '../../../src/core/search/asked-focus.js';
import { parseQuery } from '../../../src/core/search/query.js';
import { ask, buildSentenceIndex } from '../../../src/core/search/sentence-index.js';
import { nameLinks } from '../../../src/core/search/name-links.js';
import { valueLinks, type ValueLink } from '../../../src/core/search/value-links.js';
import { articleOf } from '../analyse/analyse-fixtures.js';

/** Each value of a sentence as text: kind, the value, what it counts and its predicate words. */
function links(text: string): { kind: string; value: string; counted: string; predicate: string }[] {
  const s = annotateSentence(0, 0, text);
  const words = (at: readonly number[]): string =>
    [...at]
      .sort((a, b) => a - b)
      .map((i) => s.tokens[i]!.norm)
      .join(' ');
  return valueLinks(s).map((l: ValueLink) => ({
    kind: l.kind,
    value: words(Array.from({ length: l.last - l.first + 1 }, (_, k) => l.first + k)),
    counted: words(l.counted),
    predicate: words(l.predicate),
  }));
}

const linkOf = (text: string, value: string) => links(text).find((l) => l.value === value);

function firstAnswer(article: Article, question: string): string | null {
  const { hits } = ask(buildSentenceIndex(article), question);
  return hits[0] ? article.sentences[hits[0].sentence]!.text : null;
}

describe('what a number is tied to', () => {
  it('a count and the noun it counts, and the verb it is the object of', () => {
    expect(linkOf('The storm killed 12 people in the valley.', '12')).toMatchObject({
      kind: 'count',
      counted: 'people',
      predicate: 'killed',
    });
  });

  it('a count that is the subject: the verb or predicate adjective after it', () => {
    expect(linkOf('A total of 39 are confirmed dead.', '39')?.predicate).toBe('confirmed dead');
    expect(linkOf('More than 200 workers have been arrested since May.', '200')?.predicate).toBe('arrested');
    // A relative clause between the count and its verb is stepped over.
    expect(linkOf('Five sailors, who were all crew, were rescued at dawn.', 'five')?.predicate).toBe('rescued');
  });

  it('a clause boundary keeps each count with its own verb', () => {
    const text = 'Two of the climbers died, and three others were seriously injured.';
    expect(linkOf(text, 'two')).toMatchObject({ counted: 'climbers', predicate: 'died' });
    expect(linkOf(text, 'three')?.predicate).toBe('injured');
  });

  it('an aside after a comma is no predicate: ", including ..."', () => {
    expect(linkOf('The plan covers nine regions, including the coast.', 'nine')?.predicate).toBe('covers');
  });

  it('a count in a relative clause of its own does not take the next verb', () => {
    expect(linkOf('Fishermen rescued 80 travellers whose ferry sank.', '80')?.predicate).toBe('rescued');
  });

  it('money: the currency makes the kind; a copula ties it to its subject, over an aside', () => {
    expect(linkOf('The repairs will cost $5 million in total.', '5 million')?.kind).toBe('money');
    expect(linkOf('The asking price, to be paid in cash, is 40 million euros.', '40 million')).toMatchObject({
      kind: 'money',
      predicate: 'asking price',
    });
  });

  it('lengths of time: a number before a unit of time, "within a month", a modifier between', () => {
    expect(linkOf('The bridge will stay closed for two weeks.', 'two')?.kind).toBe('duration');
    expect(linkOf('The board must decide within a month.', 'a')?.kind).toBe('duration');
    expect(linkOf('Forms must be returned within ten working days.', 'ten')?.kind).toBe('duration');
  });

  it('a number that looks like a year but counts people is a count; a share counts what follows', () => {
    expect(linkOf('Over 1800 people have died in the outbreak.', '1800')).toMatchObject({
      kind: 'count',
      predicate: 'died',
    });
    expect(linkOf('There were 85% more floods this year.', '85')?.counted).toBe('floods');
  });
});

describe('what the question asks a number about', () => {
  const focus = (q: string) => {
    const f = askedFocus(parseQuery(q));
    return { unit: f.unit?.key ?? null, verbs: f.verbs.map((v) => v.key), named: f.named?.key ?? null };
  };

  it('the counted noun and the verb', () => {
    expect(focus('How many people were hurt?')).toMatchObject({ unit: 'people', verbs: ['hurt'] });
    expect(focus('How many same-sex couples are expected to get married?')).toMatchObject({
      unit: 'couple',
      verbs: ['married'],
    });
  });

  it('the main clause only; a phrasal verb whose sense is in its particle asks no verb', () => {
    expect(focus('How many sailors drowned when the ship went down?').verbs).toEqual(['drown']);
    expect(focus('How many people turned up?').verbs).toEqual([]);
  });

  it('"what was the vote count" counts votes; a name question names its noun', () => {
    expect(focus('What was the vote count?').unit).toBe('vote');
    expect(focus("What was the driver's name?").named).toBe('driver');
    expect(focus('What were the names of the two men who escaped?').named).toBe('man');
    expect(focus('What does the name stand for?').named).toBeNull();
  });
});

describe('names and the nouns set beside them', () => {
  const roles = (text: string): string[] => {
    const s = annotateSentence(0, 0, text);
    return nameLinks(s).flatMap((n) => n.role.map((i) => s.tokens[i]!.norm));
  };

  it('a title, an apposition, "named"', () => {
    expect(roles('The driver, Tom Hale, walked away unhurt.')).toContain('driver');
    expect(roles('Coach Maria Lind praised the team.')).toContain('coach');
    expect(roles('A dog named Rex found the boy.')).toContain('dog');
  });

  it('a possessive names the owner, not the noun after it', () => {
    expect(roles("Two of Hale's passengers were hurt.")).not.toContain('passengers');
  });
});

describe('refusing a number or name tied to something else', () => {
  const crash = articleOf(
    'A coach carrying 40 passengers left the road near Ostrava on Sunday night.',
    'Officials said three people died at the scene.',
    'More than 20 passengers have been taken to hospital.',
    'The driver was unhurt, police said.',
    'The road was closed on Monday morning.',
  );

  it("how many: answers the count the question asks about, refuses another event's count", () => {
    expect(firstAnswer(crash, 'How many people died?')).toMatch(/three people died/);
    expect(firstAnswer(crash, 'How many passengers were taken to hospital?')).toMatch(/More than 20/);
    expect(ask(buildSentenceIndex(crash), 'How many people were arrested?').hits).toEqual([]);
  });

  it('how long: a date is no length of time', () => {
    expect(ask(buildSentenceIndex(crash), 'How long will the road stay closed?').hits).toEqual([]);
    const closed = articleOf('The road will stay closed for two weeks while engineers check the bridge.');
    expect(firstAnswer(closed, 'How long will the road stay closed?')).toMatch(/two weeks/);
  });

  it('paraphrases still tie: any person noun for "people", a phrasal verb, the asked object in the clause', () => {
    const final = articleOf('Some 5,000 fans attended the final in Lisbon.', 'The home side won 2-0.');
    expect(firstAnswer(final, 'How many people went to the final?')).toMatch(/5,000 fans/);
    const flights = articleOf('Over 300 flights were cancelled at the airport.', 'Passengers slept in the terminal.');
    expect(firstAnswer(flights, 'How many flights were called off?')).toMatch(/300 flights/);
    const storm = articleOf('The storm left 40,000 homes without power.', 'Crews worked through the night.');
    expect(firstAnswer(storm, 'How many homes lost power?')).toMatch(/40,000 homes/);
  });

  it('a level reached names no event, an event noun counts its people, an apposition keeps its own verb out', () => {
    const toll = articleOf('Officials met on Monday.', 'The death toll rose to 40 on Tuesday, officials said.');
    expect(firstAnswer(toll, 'How many people were killed?')).toMatch(/rose to 40/);
    const report = articleOf('Officials met on Monday.', 'Officials reported 40 deaths and 120 injuries.');
    expect(firstAnswer(report, 'How many people were injured?')).toMatch(/120 injuries/);
    const village = articleOf('Officials met on Monday.', 'The village, a town of 5,000 residents, sits on the river.');
    expect(firstAnswer(village, 'How many people live there?')).toMatch(/5,000 residents/);
  });

  it("a thing counted by the question's own word ties in any verb; a count of people still needs its event", () => {
    const plant = articleOf('The carmaker will cut 1,200 jobs at its plant in Ohio.', 'The plant opened in 1990.');
    expect(firstAnswer(plant, 'How many jobs will be lost?')).toMatch(/1,200 jobs/);
    const shift = articleOf(
      'Officials said 1,200 workers were evacuated from the plant in Ohio.',
      'The plant opened in 1990.',
    );
    expect(ask(buildSentenceIndex(shift), 'How many workers were hurt at the plant?').hits).toEqual([]);
  });

  it('a place or occasion in the question is no object: "hurt in the protests" is not met by an arrest there', () => {
    const protests = articleOf(
      'Protests filled the streets of the capital for a third week.',
      'More than 200 people were arrested during the protests, police said.',
    );
    expect(ask(buildSentenceIndex(protests), 'How many people were hurt in the protests?').hits).toEqual([]);
  });

  it('a name: answered where a name stands beside the noun, refused where none does', () => {
    expect(ask(buildSentenceIndex(crash), "What was the driver's name?").hits).toEqual([]);
    const named = articleOf('The driver, Tom Hale, walked away unhurt.', ...crash.sentences.map((s) => s.text));
    expect(firstAnswer(named, "What was the driver's name?")).toMatch(/Tom Hale/);
  });
});
