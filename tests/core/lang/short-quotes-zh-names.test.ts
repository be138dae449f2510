/**
 * One- and two-word partial quotes shown in their clause (every language), and Chinese
 * transliterated names with hyphens, "‧" and a middle part used alone: sentences written for the test.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analyse/index.js';
import type { ArticleFacts } from '../../../src/core/facts/types.js';
import { ingestText } from '../../../src/core/ingest/index.js';
import { quoteWithContext } from '../../../src/core/lang/short-quote.js';

function facts(text: string): ArticleFacts {
  const a = ingestText(text);
  if (!a.ok) throw new Error(a.error.message);
  return analyse(a.value);
}
const person = (f: ArticleFacts, name: string) => f.people.find((p) => p.name === name);

describe('a partial quote of one or two words', () => {
  it('is shown with the words before it in its clause, marks kept, and never across a comma', () => {
    const t = 'Le maire, furieux, a qualifié ce projet de « gâchis » hier.';
    // Offsets as quotedSpans gives them: from just after the opening mark to the closing one.
    expect(quoteWithContext(t, t.indexOf('«') + 1, t.indexOf('»'), 0, t.length)).toBe('projet de « gâchis »');
    const u = 'Furieux, « gâchis », a-t-il dit.';
    expect(quoteWithContext(u, u.indexOf('«') + 1, u.indexOf('»'), 0, u.length)).toBe('gâchis');
  });
  it('counts a Chinese character as a word', () => {
    const t = '他称此举“非法”。';
    const open = t.indexOf('“') + 1;
    expect(quoteWithContext(t, open, open + 2, 0, t.length)).toBe('举“非法”');
    expect(quoteWithContext(t, open, open + 2, 0, t.length)).not.toContain('。');
  });
  it('keeps a quote of three words or more as it is', () => {
    const t = 'Er nannte den Plan „einen großen Fehler“.';
    const open = t.indexOf('„') + 1;
    expect(quoteWithContext(t, open, t.indexOf('“'), 0, t.length)).toBe('einen großen Fehler');
  });
  it('in an article: the German quote reads in its clause and still stands in its sentence', () => {
    const f = facts(
      'Streit um Windpark\n\nUmweltministerin Petra Albers sagte am Montag, der Plan sei „unsinnig“. Der Bürgermeister Jan Korte widersprach.\n',
    );
    const q = f.quotes.find((x) => x.text.includes('unsinnig'));
    expect(q?.text).toBe('Plan sei „unsinnig“');
    expect(f.sentences[q!.sentence]!.text).toContain(q!.text);
  });
});

describe('Chinese transliterated names', () => {
  const f = facts(
    [
      '法院宣判',
      '',
      '法官玛丽亚·洛佩斯-加西亚(María López-García)在法庭上说，这是“严重的犯罪”。',
      '',
      '美国学者约翰‧史密斯表示，此案影响深远。',
      '',
      '前球员阿里·坎特·和平在社交媒体上写道：“正义终将到来。”坎特曾多次批评该公司。',
      '',
      '“我们不会放弃。”王明对美国之音(VOA)说。',
      '',
      '王明说，案件还将上诉。',
    ].join('\n'),
  );
  it('keeps a hyphenated surname whole ("洛佩斯-加西亚")', () => {
    expect(person(f, '玛丽亚·洛佩斯-加西亚')?.role).toBe('法官');
  });
  it('reads a name joined by "‧" like one joined by "·"', () => {
    expect(person(f, '约翰‧史密斯')?.aliases).toContain('史密斯');
  });
  it('takes a middle part the article uses alone as an alias', () => {
    expect(person(f, '阿里·坎特·和平')?.aliases).toContain('坎特');
  });
  it('finds the speech verb past a bracketed aside ("王明对美国之音(VOA)说")', () => {
    expect(f.quotes.find((q) => q.text === '我们不会放弃。')?.speaker).toBe('王明');
  });
});
