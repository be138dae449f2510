import { describe, expect, it } from 'vitest';
import {
  compileFilter,
  compileFilters,
  MAX_MATCH_TEXT,
  MAX_PATTERN_LENGTH,
  parseFilterList,
  parseFilterOptions,
  passesFilters,
  unsupportedRegexReason,
} from '../../src/core/feeds/filters.js';

const compiled = (include: string[], exclude: string[] = []) => {
  const c = compileFilters({ include, exclude });
  if (!c.ok) throw new Error(c.error.message);
  return c.value;
};

describe('subscription filters', () => {
  it('matches keywords case-insensitively on whole words, in any script', () => {
    const f = compiled(['Mars', 'moon base', 'König']);
    expect(passesFilters(f, 'NASA returns to MARS')).toBe(true);
    expect(passesFilters(f, 'The marshal said no')).toBe(false);
    expect(passesFilters(f, 'Plans for a Moon\nbase')).toBe(true);
    expect(passesFilters(f, 'Der könig kommt')).toBe(true);
    expect(passesFilters(f, 'Königsberg')).toBe(false);
  });

  it('treats keyword punctuation literally, never as a pattern', () => {
    const f = compiled(['c++ (lang)']);
    expect(passesFilters(f, 'News about c++ (lang) today')).toBe(true);
    expect(passesFilters(f, 'News about cc (lang)')).toBe(false);
  });

  it('includes when any include matches and excludes on any exclude match', () => {
    const f = compiled(['mars', '/artemis (ii|2)/i'], ['sport']);
    expect(passesFilters(f, 'Artemis II crew named')).toBe(true);
    expect(passesFilters(f, 'artemis 2 delayed')).toBe(true);
    expect(passesFilters(f, 'Mars sport league')).toBe(false);
    expect(passesFilters(f, 'Weather today')).toBe(false);
    expect(passesFilters(compiled([], ['sport']), 'Anything else')).toBe(true);
  });

  it('a filter cannot freeze the bot: /(a+){5}$/ against 300 "a"s and "!" answers (linear-time engine)', () => {
    // On a backtracking engine this one match runs for minutes and blocks the event loop.
    const f = compiled(['/(a+){5}$/']);
    expect(passesFilters(f, `${'a'.repeat(300)}!`)).toBe(false);
    expect(passesFilters(f, 'a'.repeat(300))).toBe(true);
    expect(passesFilters(f, 'aaaa')).toBe(false);
  });

  it('runs the shapes a backtracking engine chokes on, with the right answers', () => {
    const hostile = `${'a'.repeat(5_000)}!`;
    for (const [pattern, matching] of [
      ['/(a+)+$/', 'xaaa'],
      ['/(\\w*)*x/', 'abcx'],
      ['/(a|aa)+b/', 'aaab'],
      ['/((ab)+c)*d/', 'ababcd'],
      ['/\\s*\\s*z/', '  z'],
      ['/.*a.*b/', 'xaxb'],
      [`/${'a?'.repeat(20)}${'a'.repeat(20)}$/`, 'a'.repeat(20)],
    ] as const) {
      const f = compiled([pattern]);
      expect(passesFilters(f, hostile), pattern).toBe(false);
      expect(passesFilters(f, matching), pattern).toBe(true);
    }
  });

  it('refuses patterns the linear-time engine cannot express, saying what to write instead', () => {
    for (const [pattern, why, instead] of [
      ['/(x)\\1/', 'backreference', 'repeat the text'],
      ['/(?<n>x)\\k<n>/', 'backreference', 'repeat the text'],
      ['/mars(?=\\s+rover)/', 'lookahead', 'exclude filter'],
      ['/mars(?!\\s+bar)/', 'lookahead', 'exclude filter'],
      ['/(?<=red )planet/', 'lookbehind', 'exclude filter'],
      ['/(?<!chocolate )mars/i', 'lookbehind', 'exclude filter'],
    ] as const) {
      const r = compileFilter(pattern);
      expect(r.ok, pattern).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('bad_input');
        expect(r.error.message).toContain(why);
        expect(r.error.message).toContain(instead);
        expect(r.error.hint).toContain('keyword');
      }
    }
    expect(unsupportedRegexReason('[(?=\\1]x')).toBeNull();
    expect(compileFilter(`/${'a'.repeat(MAX_PATTERN_LENGTH + 1)}/`).ok).toBe(false);
    expect(compileFilter('/mars/g').ok).toBe(false);
    expect(compileFilter('/unclosed (group/').ok).toBe(false);
  });

  it('keeps the JavaScript filter syntax people already use: flags, named groups, escapes, classes', () => {
    for (const [pattern, yes, no] of [
      ['/artemis\\s+ii/i', 'ARTEMIS  II', 'artemis 3'],
      ['/colou?r/', 'color', 'colr'],
      ['/(?:mars|moon) rover/i', 'Moon Rover', 'sun rover'],
      ['/\\d{4}-\\d{2}/', 'in 2026-12', 'in 26-12'],
      ['/[a-z+*]+ news/', 'c++ news', 'news'],
      ['/(?<year>\\d{4})/', '1999', '99'],
      ['/caf\\u00e9/', 'café', 'cafe'],
      ['/^rocket$/m', 'x\nrocket\ny', 'x rocket y'],
      ['/a.b/s', 'a\nb', 'ab'],
      ['/\\p{Lu}{3}/u', 'NASA', 'nasa'],
      ['/a\\/b/', 'a/b', 'ab'],
    ] as const) {
      const f = compiled([pattern]);
      expect(passesFilters(f, yes), `${pattern} on ${yes}`).toBe(true);
      expect(passesFilters(f, no), `${pattern} on ${no}`).toBe(false);
    }
  });

  it('matches over the first MAX_MATCH_TEXT characters of a huge item, and no further', () => {
    const f = compiled(['/[a-z]+x/']);
    expect(passesFilters(f, 'a'.repeat(1_000_000))).toBe(false);
    expect(passesFilters(f, `${'a'.repeat(MAX_MATCH_TEXT - 10)}x`)).toBe(true);
    expect(passesFilters(f, `${' '.repeat(MAX_MATCH_TEXT)}ax`)).toBe(false);
  });

  it('splits comma-separated input without splitting a regular expression', () => {
    expect(parseFilterList('mars, /a{1,3}b/i , moon base,,')).toEqual(['mars', '/a{1,3}b/i', 'moon base']);
    expect(parseFilterList('/x,y/')).toEqual(['/x,y/']);
    expect(parseFilterList(undefined)).toEqual([]);
    const bad = parseFilterOptions('mars', '/(x)\\1/');
    expect(bad.ok).toBe(false);
    expect(parseFilterOptions('mars', 'sport')).toEqual({ ok: true, value: { include: ['mars'], exclude: ['sport'] } });
  });
});
