/**
 * Quotes split by sentence and paragraph breaks (issue 9): an attribution the sentence
 * splitter put in the next sentence, and a quote carried over a paragraph break without a
 * reopening mark. Every sentence is written for the test.
 */
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/core/analyse/entities.js';
import { annotate } from '../../../src/core/nlp/annotate.js';
import { articleFromParagraphs } from '../../helpers/article-from-text.js';

const quotes = (paragraphs: string[][] | string[]) =>
  extractEntities(annotate(articleFromParagraphs(paragraphs))).quotes.map((q) => [q.speaker, q.text]);

describe('an attribution in the sentence after its quote', () => {
  it('attributes a quote ending in "!" to the speaker opening the next sentence', () => {
    expect(
      quotes([
        [
          'Mayor Hilde Brandvold spoke on Monday.',
          '"The river is rising. Leave the lower town now!"',
          'Brandvold told residents on the radio.',
        ],
      ]),
    ).toEqual([['Hilde Brandvold', 'The river is rising. Leave the lower town now!']]);
  });

  it('does not take a speech verb deep in the next sentence as the attribution', () => {
    const q = quotes([
      [
        'Mayor Hilde Brandvold spoke on Monday.',
        '"Leave the lower town now!"',
        'The ferry to the island stopped at noon and Brandvold said more later.',
      ],
    ]);
    expect(q.map(([speaker]) => speaker)).not.toContain('Hilde Brandvold');
  });
});

describe('a quote carried over a paragraph break without a reopening mark', () => {
  it('runs on to the mark that closes it, and the next quote keeps its own speaker', () => {
    const q = quotes([
      ['Coach Ari Mendes said, "We started slowly.'],
      ['We found our feet after the break." Captain Lotte Ries said, "They pressed us hard all game.'],
      ['Next week we need to be sharper."'],
    ]);
    expect(q).toEqual([
      ['Ari Mendes', 'We started slowly. We found our feet after the break.'],
      ['Lotte Ries', 'They pressed us hard all game. Next week we need to be sharper.'],
    ]);
  });
});

describe('speakers named away from the speech verb', () => {
  it('gives a quote after "the Bishop read" to the person titled Bishop', () => {
    expect(
      quotes([
        'On Sunday, Bishop Anselm opened the synod.',
        'The letter signed by the Bishop read "Every parish must keep its doors open to the poor".',
      ]),
    ).toEqual([['Anselm', 'Every parish must keep its doors open to the poor']]);
  });

  it('prefers the subject to a name inside a prepositional phrase or a possessive', () => {
    expect(
      quotes([
        'Mayor Dora Vik and councillor Emil Rask both ran for mayor.',
        'After the count of Rask’s votes, Vik issued a statement saying, "The town has chosen to keep going".',
      ]),
    ).toEqual([['Dora Vik', 'The town has chosen to keep going']]);
  });

  it('reads a quote after "X issued a statement" in the sentence before as X’s', () => {
    expect(
      quotes([
        [
          'Councillor Emil Rask spoke at length.',
          '"We will keep the library open," Rask said.',
          'Senator Ida Holm, a Green from Tarn, issued a statement on the closure.',
          '"I am dismayed that the county chose to close a library that serves four villages."',
        ],
      ]),
    ).toEqual([
      ['Emil Rask', 'We will keep the library open.'],
      ['Ida Holm', 'I am dismayed that the county chose to close a library that serves four villages.'],
    ]);
  });

  it('reads "in the words of the prosecutor, X," as X’s attribution', () => {
    expect(
      quotes([
        'The trial heard from prosecutor Lars Feld on Monday.',
        'The boat was old, and in the words of the prosecutor, Lars Feld, "it should never have left the harbour".',
      ]),
    ).toEqual([['Lars Feld', 'it should never have left the harbour']]);
  });
});
