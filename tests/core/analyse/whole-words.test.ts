import { describe, expect, it } from 'vitest';
import { isAcronym, isCapWord } from '../../../src/core/analyse/entities-runs.js';
import { indexOfWhole, NOT_IN_ALPHANUMERIC, NOT_IN_WORD_OR_POSSESSIVE } from '../../../src/core/analyse/whole-words.js';
import type { Token } from '../../../src/core/nlp/annotate.js';

describe('indexOfWhole', () => {
  it('skips occurrences glued to letters or digits and finds the first whole one', () => {
    expect(indexOfWhole('ACMEX and 2ACME then ACME.', 'ACME', NOT_IN_ALPHANUMERIC)).toBe(21);
    expect(indexOfWhole('the Orbitéacme lab', 'acme', NOT_IN_ALPHANUMERIC)).toBe(-1);
    expect(indexOfWhole('Acme', 'Acme', NOT_IN_ALPHANUMERIC)).toBe(0);
    expect(indexOfWhole('acme', 'Acme', NOT_IN_ALPHANUMERIC)).toBe(-1);
  });

  it('treats astral letters as letters on either side', () => {
    expect(indexOfWhole('𝒜Acme', 'Acme', NOT_IN_ALPHANUMERIC)).toBe(-1);
    expect(indexOfWhole('Acme𝒜 Acme', 'Acme', NOT_IN_ALPHANUMERIC)).toBe(7);
  });

  it('rules out a possessive after the name but allows digits around it', () => {
    const role = 'head of Acme’s lab at Acme';
    expect(indexOfWhole(role, 'Acme', NOT_IN_WORD_OR_POSSESSIVE)).toBe(22);
    expect(indexOfWhole("Acme's unit", 'Acme', NOT_IN_WORD_OR_POSSESSIVE)).toBe(-1);
    expect(indexOfWhole('3Acme', 'Acme', NOT_IN_WORD_OR_POSSESSIVE)).toBe(1);
  });

  it('ends on an empty form or text', () => {
    expect(indexOfWhole('', 'Acme', NOT_IN_ALPHANUMERIC)).toBe(-1);
    expect(indexOfWhole('ab', '', NOT_IN_ALPHANUMERIC)).toBe(-1);
    expect(indexOfWhole('a b', '', NOT_IN_ALPHANUMERIC)).toBe(-1);
    expect(indexOfWhole(' ', '', NOT_IN_ALPHANUMERIC)).toBe(0);
  });
});

describe('capitalised-word checks', () => {
  const tok = (text: string) => ({ text }) as Token;
  it('keeps glued particles and non-ASCII capitals, rejects lower case and punctuation', () => {
    expect(isCapWord(tok('el-Sisi'))).toBe(true);
    expect(isCapWord(tok('well-Known'))).toBe(false);
    expect(isCapWord(tok('Émile'))).toBe(true);
    expect(isCapWord(tok('Porter'))).toBe(true);
    expect(isCapWord(tok('porter'))).toBe(false);
    expect(isCapWord(tok('“'))).toBe(false);
    expect(isAcronym('ESA')).toBe(true);
    expect(isAcronym('ÉSA')).toBe(true);
    expect(isAcronym('esa')).toBe(false);
    expect(isAcronym('3D')).toBe(false);
  });
});
