import { describe, expect, it } from 'vitest';
import { memoByText } from '../../../src/core/analyse/text-memo.js';
import { isAcronym, isCapWord } from '../../../src/core/analyse/entities-runs.js';
import { isNameWord } from '../../../src/core/analyse/people-tokens-en.js';
import type { Token } from '../../../src/core/nlp/annotate.js';

const token = (text: string, norm = text.toLowerCase()): Token => ({ text, norm }) as unknown as Token;

describe('memoByText', () => {
  it('computes each text once and answers from the table after', () => {
    const calls: string[] = [];
    const upper = memoByText((t) => {
      calls.push(t);
      return t.toUpperCase();
    });
    expect([upper('ab'), upper('ab'), upper('cd'), upper('ab')]).toEqual(['AB', 'AB', 'CD', 'AB']);
    expect(calls).toEqual(['ab', 'cd']);
  });

  it('remembers falsy answers too (false, empty string, undefined)', () => {
    let calls = 0;
    const none = memoByText(() => {
      calls++;
      return undefined;
    });
    none('x');
    none('x');
    expect(calls).toBe(1);
  });

  it('empties the table when it reaches its bound, so memory stays bounded', () => {
    const calls: string[] = [];
    const id = memoByText((t) => (calls.push(t), t), 2);
    id('a');
    id('b');
    id('c'); // table full: emptied, then holds c
    id('a'); // computed again
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});

describe('word tests answer the same the second time (memoised)', () => {
  it('isCapWord, isAcronym and isNameWord', () => {
    for (let round = 0; round < 2; round++) {
      expect(isCapWord(token('Okafor'))).toBe(true);
      expect(isCapWord(token('el-Sisi'))).toBe(true);
      expect(isCapWord(token('okafor'))).toBe(false);
      expect(isAcronym('UNESCO')).toBe(true);
      expect(isAcronym('Unesco')).toBe(false);
      expect(isNameWord(token('Okafor'))).toBe(true);
      expect(isNameWord(token('President'))).toBe(false);
      expect(isNameWord(token('Monday'))).toBe(false);
    }
  });

  it('isNameWord keys on text and norm together', () => {
    // Same text, a different norm: the norm is what the lexicons are asked about.
    expect(isNameWord(token('Okafor', 'okafor'))).toBe(true);
    expect(isNameWord(token('Okafor', 'president'))).toBe(false);
  });
});
