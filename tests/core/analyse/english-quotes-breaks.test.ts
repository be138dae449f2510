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
