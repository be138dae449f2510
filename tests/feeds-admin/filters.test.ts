import { describe, expect, it } from 'vitest';
import {
  compileFilter,
  compileFilters,
  MAX_PATTERN_LENGTH,
  parseFilterList,
  parseFilterOptions,
  passesFilters,
  unsafeRegexReason,
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

  it('refuses regular expressions that could run away, saying why', () => {
    for (const [pattern, why] of [
      ['/(a+)+$/', 'repeats a group'],
      ['/(\\w*)*x/', 'repeats a group'],
      ['/(a|aa)+b/', 'repeats a group'],
      ['/((ab)+c)*/', 'repeats a group'],
      ['/\\s*\\s*x/', 'more than one part'],
      ['/.*a.*b/', 'more than one part'],
      ['/(x)\\1/', 'backreference'],
      [`/${'a?'.repeat(20)}${'a'.repeat(20)}/`, 'optional parts'],
      ['/(?<n>x)\\k<n>/', 'backreference'],
    ] as const) {
      const r = compileFilter(pattern);
      expect(r.ok, pattern).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('bad_input');
        expect(r.error.message).toContain(why);
        expect(r.error.hint).toContain('keyword');
      }
    }
    expect(compileFilter(`/${'a'.repeat(MAX_PATTERN_LENGTH + 1)}/`).ok).toBe(false);
    expect(compileFilter('/mars/g').ok).toBe(false);
    expect(compileFilter('/unclosed (group/').ok).toBe(false);
  });

  it('accepts ordinary expressions with one repetition, bounded repeats and character classes', () => {
    for (const pattern of [
      '/artemis\\s+ii/i',
      '/colou?r/',
      '/(?:mars|moon) rover/i',
      '/\\d{4}-\\d{2}/',
      '/[a-z+*]+ news/',
      '/(ab)+/',
    ]) {
      expect(unsafeRegexReason(pattern.slice(1, pattern.lastIndexOf('/'))), pattern).toBeNull();
      expect(compileFilter(pattern).ok, pattern).toBe(true);
    }
  });

  it('bounds the text a regular expression sees, so matching stays fast on huge items', () => {
    const f = compiled(['/[a-z]+x/']);
    const started = performance.now();
    expect(passesFilters(f, 'a'.repeat(1_000_000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('splits comma-separated input without splitting a regular expression', () => {
    expect(parseFilterList('mars, /a{1,3}b/i , moon base,,')).toEqual(['mars', '/a{1,3}b/i', 'moon base']);
    expect(parseFilterList('/x,y/')).toEqual(['/x,y/']);
    expect(parseFilterList(undefined)).toEqual([]);
    const bad = parseFilterOptions('mars', '/(a+)+/');
    expect(bad.ok).toBe(false);
    expect(parseFilterOptions('mars', 'sport')).toEqual({ ok: true, value: { include: ['mars'], exclude: ['sport'] } });
  });
});
