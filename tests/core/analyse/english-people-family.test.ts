/**
 * People named by family and age evidence (issue 9): an age between commas after a name, a
 * relative named in apposition after a kinship noun. Every sentence is written for the test.
 */
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/core/analyse/entities.js';
import { annotate } from '../../../src/core/nlp/annotate.js';
import { articleFromParagraphs } from '../../helpers/article-from-text.js';

const run = (paragraphs: string[][] | string[]) => extractEntities(annotate(articleFromParagraphs(paragraphs)));
const people = (paragraphs: string[][] | string[]) => run(paragraphs).people.map((p) => [p.name, p.role]);

describe('an age after a name', () => {
  it('makes a name with no role or speech verb a person', () => {
    expect(people(['Marta Quill, 52, who runs a bakery in the square, found the letter.'])).toEqual([
      ['Marta Quill', null],
    ]);
  });

  it('needs the age closed by punctuation: a model number or a count is no age', () => {
    expect(people(['Harbour Lines, 12 ferries strong, sails daily.'])).toEqual([]);
  });
});

describe('a relative named in apposition', () => {
  it('takes the kinship noun phrase after a possessive as the role of one capitalised word', () => {
    expect(
      people([
        'The couple were questioned about the illness of their three-year-old daughter, Nell.',
        'Her uncle Bram drove her to the clinic.',
      ]),
    ).toEqual([
      ['Nell', 'their three-year-old daughter'],
      ['Bram', 'Her uncle'],
    ]);
  });

  it('names no organisation after a noun that is not a relation', () => {
    expect(people(['The bakery sold its oldest recipe to a rival, Crumbworks.'])).toEqual([]);
  });
});

describe('two people sharing one surname', () => {
  it('reads "Peter and Alma Ronning" as two people when the article calls them "the Ronnings"', () => {
    expect(
      people([
        'A judge on Friday jailed Peter and Alma Ronning for neglecting their farm animals.',
        'The Ronnings will be eligible for parole in ten years.',
      ]),
    ).toEqual([
      ['Alma Ronning', null],
      ['Peter Ronning', null],
    ]);
  });

  it('takes no plural that ends no name of the article as a family', () => {
    expect(people(['The Rangers beat Harbour Town and Lake Rovers on Sunday.'])).toEqual([]);
  });
});

describe('a pronoun speaker', () => {
  it('follows a chain of the same pronoun back past names that come after it', () => {
    const { quotes } = run([
      'Ines Varga, 31, reported the theft; she left the station at dawn.',
      'Later she was questioned by inspectors Pavel Brandt and Oskar Lind.',
      'She told a reporter at the gate, "nobody listened to me".',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Ines Varga']);
  });

  it('leaves a "he replied" of nobody known unattributed rather than giving it to another name', () => {
    const { quotes } = run([
      'Lena Ostrova, 6, lost her appetite in May.',
      'A neighbour urged the family to take Lena to a clinic, but he replied "we will manage".',
    ]);
    expect(quotes.map((q) => q.speaker)).not.toContain('Lena Ostrova');
  });
});
