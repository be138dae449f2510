/**
 * English quote attribution patterns (issue 9); every sentence is written for the test.
 */
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/core/analyse/entities.js';
import { annotate } from '../../../src/core/nlp/annotate.js';
import { articleFromParagraphs } from '../../helpers/article-from-text.js';

const run = (paragraphs: string[][] | string[]) => extractEntities(annotate(articleFromParagraphs(paragraphs)));
const quotes = (paragraphs: string[][] | string[]) => run(paragraphs).quotes.map((q) => [q.speaker, q.text]);

describe('quotes', () => {
  it('shows a quote interrupted by its attribution in parts, never glued into one sentence', () => {
    const q = quotes([['“We lost our shape after the break,” coach Ruth Mays said.', '“We are a one-half side.”']]);
    expect(q).toEqual([['Ruth Mays', 'We lost our shape after the break. … We are a one-half side.']]);
  });

  it('attributes a partial quote inside reported speech to the named person', () => {
    const q = quotes([
      'Opposition leader Marta Kell spoke on Monday.',
      'Kell called the budget a “raid on the young” and “plainly unfair”.',
    ]);
    expect(q).toEqual([
      ['Marta Kell', 'raid on the young'],
      // Two words alone say nothing: shown in their clause, marks kept.
      ['Marta Kell', 'and “plainly unfair”'],
    ]);
  });

  it('leaves out scare quotes with no named speaker', () => {
    expect(quotes(['Analysts called the rally a “dead cat bounce”.'])).toEqual([]);
  });

  it('reads a role noun as the person who holds it: "the inspector said"', () => {
    const q = quotes([
      'Chief inspector Omar Haddad led the search.',
      'The inspector said, “We found nothing in the flat.”',
    ]);
    expect(q).toEqual([['Omar Haddad', 'We found nothing in the flat.']]);
  });

  it('reads a colon introduction naming the speaker', () => {
    const q = quotes([
      'Senator Paula Reyes spoke on Monday.',
      'Reyes rejected the offer: “This deal gives away far too much.”',
    ]);
    expect(q).toEqual([['Paula Reyes', 'This deal gives away far too much.']]);
  });

  it('reads "tweeted NAME" between two parts of a quote', () => {
    const q = quotes([
      'Mayor Ivo Brandt spoke.',
      '“We are ready” tweeted Brandt “to help every family that needs it.”',
    ]);
    // Each part is the mayor's; neither is glued to the other nor repeated.
    expect(q).toEqual([
      ['Ivo Brandt', 'We are ready'],
      ['Ivo Brandt', 'to help every family that needs it.'],
    ]);
  });
});

describe('speakers named by part of a full name', () => {
  it('reads a first surname alone as the person introduced with both surnames', () => {
    const q = quotes([
      'Lucia Ortega Benitez, the mayor of the town, resigned.',
      'Ortega said, “The town deserves better.”',
    ]);
    expect(q).toEqual([['Lucia Ortega Benitez', 'The town deserves better.']]);
  });

  it('reads the name right beside the speech verb before other names in the sentence', () => {
    const q = quotes([
      'The paper quoted critics like lawyer Sam Dunn, and charity worker Ana Ruiz, with Ruiz stating: “The plan is cruel and it will fail.”',
    ]);
    expect(q).toEqual([['Ana Ruiz', 'The plan is cruel and it will fail.']]);
  });

  it('resolves "she said" to the last person named as a subject, not to an object named after it', () => {
    const q = quotes([
      ['Inspector Lena Ward spoke to reporters on Monday.', 'Ward said the search would go on.'],
      ['“We will not stop until we find him,” she said, urging Tom Hale to stay calm.'],
    ]);
    expect(q).toEqual([['Lena Ward', 'We will not stop until we find him.']]);
  });

  it('skips a person named after a preposition: "Speaking to A, he said"', () => {
    const q = quotes([
      'Minister Karl Obi resigned on Friday.',
      'Speaking to reporter Dana Fry, he said, “I made mistakes and I own them.”',
    ]);
    expect(q).toEqual([['Karl Obi', 'I made mistakes and I own them.']]);
  });

  it('gives a passive "was told by" quote to the agent', () => {
    const q = quotes([
      'Mayor Ivan Petrov visited the site.',
      'He was told by fire chief Olga Brandt of “at least ten people still missing”.',
    ]);
    expect(q).toEqual([['Olga Brandt', 'at least ten people still missing']]);
  });

  it('carries a quote over a paragraph break when the next paragraph reopens it with a straight mark', () => {
    const q = quotes([
      ['Union organiser Dev Patel said: "The ferry timetable has been cut twice this year.'],
      ['"Nobody on the island was asked about either change."'],
    ]);
    expect(q).toEqual([
      [
        'Dev Patel',
        'The ferry timetable has been cut twice this year. Nobody on the island was asked about either change.',
      ],
    ]);
  });

  it('joins a quote interrupted mid-sentence by its attribution with an ellipsis', () => {
    const q = quotes([
      'Engineer Lena Fisk inspected the bridge.',
      '“Frankly,” she added, “the bolts are older than the road.”',
    ]);
    expect(q).toEqual([['Lena Fisk', 'Frankly … the bolts are older than the road.']]);
  });

  it('shows a one-word partial quote in its clause, from the verb that carries it', () => {
    const q = quotes(['Councillor Abe Moss called the new parking scheme “chaotic” on Tuesday.']);
    expect(q).toEqual([['Abe Moss', 'called the new parking scheme “chaotic”']]);
  });

  it('passes over a participle before a noun when looking for the clause verb', () => {
    const q = quotes(['Senator Ida Ruiz called the mayor’s revised plan “hopeless”.']);
    expect(q[0]).toEqual(['Ida Ruiz', 'called the mayor’s revised plan “hopeless”']);
  });

  it('gives a quote after "NAME, who <verb>" to the name the relative pronoun stands for', () => {
    const q = quotes([
      'Publisher Tom Hale defended the jury.',
      'Tom Hale chaired the panel with novelist Ruth Ogden, who denounced the prize as a “cosy fix”.',
    ]);
    expect(q).toEqual([['Ruth Ogden', 'denounced the prize as a “cosy fix”']]);
  });

  it('reads a role noun subject before a possessive pronoun later in the clause', () => {
    const q = quotes([
      'Governor Will Haynes met Coach Dana Petty on Friday.',
      'The governor did not resign in his speech, and vowed to keep up “the long campaign for roads”.',
    ]);
    expect(q).toEqual([['Will Haynes', 'the long campaign for roads']]);
  });
});
