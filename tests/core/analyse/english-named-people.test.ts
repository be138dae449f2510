/**
 * English people introduced by a naming word ("a nurse named Maria"), names with a glued
 * Arabic article ("el-Sisi"), letters wink does not know ("Łukasz") and one person spelled two
 * ways. Every sentence is written for the test.
 */
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/core/analyse/entities.js';
import { annotate } from '../../../src/core/nlp/annotate.js';
import { articleFromParagraphs } from '../../helpers/article-from-text.js';

const run = (paragraphs: string[]) => extractEntities(annotate(articleFromParagraphs(paragraphs)));
const roles = (paragraphs: string[]) => run(paragraphs).people.map((p) => [p.name, p.role]);

describe('a one-word name after a naming word', () => {
  it('is a person with the noun phrase before it as role', () => {
    expect(roles(['Later a night nurse named Maria said she had seen the van.'])).toContainEqual([
      'Maria',
      'night nurse',
    ]);
    expect(roles(['"We stay," said a striker using the pseudonym Tomas.'])).toContainEqual(['Tomas', 'striker']);
  });
  it('needs a kind of person before the naming word', () => {
    expect(roles(['The storm, named Ophelia, hit the coast on Monday.'])).toEqual([]);
  });
  it('keeps a name that starts with a letter the tagger does not know whole', () => {
    expect(roles(['A Polish baker named Łukasz chased the thief down the street.'])).toContainEqual([
      'Łukasz',
      'Polish baker',
    ]);
  });
  it('takes two spellings with the same role for one person', () => {
    const people = run([
      'A Polish baker named Łukasz chased the thief.',
      '"The hero is a Polish baker named Lukasz," a witness wrote.',
    ]).people;
    expect(people.filter((p) => p.role === 'Polish baker')).toHaveLength(1);
  });
});

describe('a glued Arabic article in a name', () => {
  it('keeps "el-" and "al-" inside the name', () => {
    expect(roles(['Egyptian President Abdel Fattah el-Sisi opened the meeting in Cairo.'])).toContainEqual([
      'Abdel Fattah el-Sisi',
      'Egyptian President',
    ]);
    expect(roles(["Yemen's foreign minister, Khalid al-Yamani, said talks would resume."])).toContainEqual([
      'Khalid al-Yamani',
      "Yemen's foreign minister",
    ]);
  });
});
