/**
 * /ask reads a question through its language's words (stop words, question words, stems,
 * abbreviations, whether the English lexicon applies): another language plugs in as one object.
 */
import { describe, expect, it } from 'vitest';
import { askLanguageFor, ENGLISH, type AskLanguage } from '../../../src/core/search/language.js';
import { parseQuery } from '../../../src/core/search/query.js';

describe('AskLanguage', () => {
  it('English for "en", for text too short to tell and for articles stored before detection', () => {
    expect(askLanguageFor('en')).toBe(ENGLISH);
    expect(askLanguageFor('und')).toBe(ENGLISH);
    expect(askLanguageFor(undefined)).toBe(ENGLISH);
  });

  it('English drops stop and question words, spells out abbreviations and relates words', () => {
    const q = parseQuery('Who did the PM meet?');
    expect(q.shape.kind).toBe('who');
    expect(q.terms.map((t) => t.key)).toEqual(['prime', 'minister', 'meet']);
    expect(q.terms.find((t) => t.key === 'meet')!.related.size).toBeGreaterThan(0);
  });

  it('a language module decides which words are topic words and what the question asks', () => {
    const german: AskLanguage = {
      code: 'de',
      isStopWord: (w) => ['der', 'die', 'das', 'hat'].includes(w),
      isQuestionWord: (w) => ['wer', 'wann'].includes(w),
      questionShape: (q) => ({ kind: /^wann\b/i.test(q) ? 'when' : 'what', unit: null }),
      stem: (w) => w.toLowerCase().replace(/(en|e|n)$/, ''),
      abbreviations: {},
      englishLexicon: false,
    };
    const q = parseQuery('Wann hat die Regierung das Gesetz beschlossen?', { language: german });
    expect(q.shape.kind).toBe('when');
    const words = q.terms.map((t) => t.word);
    expect(words).not.toContain('wann');
    expect(words).not.toContain('die');
    expect(words).toContain('gesetz');
    // No English WordNet or vectors for German words.
    expect(q.terms.every((t) => t.related.size === 0 && t.vector === null)).toBe(true);
  });
});
