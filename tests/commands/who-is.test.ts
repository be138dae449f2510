import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, Reply } from '../../src/core/reply/types.js';
import { NASA, SAMPLE, testApp, type TestApp } from '../helpers/herald-app.js';

const texts = (r: Reply): string => JSON.stringify(r.blocks);
const fields = (r: Reply): Record<string, string> =>
  Object.fromEntries(
    r.blocks.flatMap((b: Block) => (b.type === 'fields' ? b.fields.map((f) => [f.name, f.value]) : [])),
  );
const cited = (r: Reply): number[] => r.blocks.flatMap((b) => ('cite' in b && b.cite ? b.cite.sentenceIds : []));

describe('/who-is on the sample article', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(SAMPLE);
  });

  it('names Niklas Hedman as acting director of UNOOSA, expands UNOOSA and cites the sentence', async () => {
    const r = await t.reply('/who-is hedman');
    expect(r.kind).toBe('answer');
    expect(r.title).toBe('Niklas Hedman, acting director of UNOOSA');
    expect(fields(r)['Organisation']).toBe('United Nations Office for Outer Space Affairs');
    expect(texts(r)).toContain('United Nations Office for Outer Space Affairs (UNOOSA)');
    const intro = r.blocks.find((b) => b.type === 'text');
    expect(intro?.type === 'text' && intro.cite?.text[0]).toMatch(/^Niklas Hedman, acting director of UNOOSA, said/);
    // What he said, quoted with its sentences.
    const quote = r.blocks.find((b) => b.type === 'quote');
    expect(quote?.type === 'quote' && quote.text).toContain(
      'international cooperation will undoubtedly be the best practice',
    );
    expect(quote?.type === 'quote' && quote.speaker).toBe('Niklas Hedman');
  });

  it.each(['hedman', 'Hedman', 'HEDMAN', 'Hedmann', 'hedmn', 'niklas hedman', 'Niklas Hedmann'])(
    'finds Niklas Hedman from "%s"',
    async (q) => {
      expect((await t.reply(`/who-is ${q}`)).title).toBe('Niklas Hedman, acting director of UNOOSA');
    },
  );

  it('gives Zhang Kejian, head of CNSA, with CNSA expanded', async () => {
    const r = await t.reply('/who-is zhang');
    expect(r.title).toBe('Zhang Kejian, head of CNSA');
    expect(fields(r)['Organisation']).toBe('China National Space Administration');
    expect(cited(r).length).toBeGreaterThan(0);
  });

  it('gives Shen Xiaoming, Party chief of Hainan, and what he said in reported speech', async () => {
    const r = await t.reply('/who-is shen');
    expect(r.title).toBe('Shen Xiaoming, Party chief of Hainan');
    expect(texts(r)).toContain('Shen noted that Hainan is striving');
  });

  it('says plainly that the article does not mention Obama, and suggests names from the article', async () => {
    const r = await t.reply('/who-is obama');
    expect(r.kind).toBe('not_found');
    expect(r.title).toBe('The article does not mention "obama".');
    // Not a guess: nothing is close to "obama", so the names are offered as what the article has.
    expect(texts(r)).toContain('People in the article: Zhang Kejian, Niklas Hedman, Shen Xiaoming.');
    expect(texts(r)).not.toContain('Did you mean');
  });

  it('says an organisation is not a person, names it in full and quotes where the article gives it', async () => {
    const r = await t.reply('/who-is CNSA');
    expect(r.kind).toBe('not_found');
    expect(r.title).toBe(
      '"CNSA" is not a person: the article names China National Space Administration (CNSA) as an organisation.',
    );
    expect(cited(r)).toEqual([2]);
    expect(texts(r)).toContain('/who-is is for people; the article names Zhang Kejian, Niklas Hedman, Shen Xiaoming.');
  });

  it('says a place is a place, in any case', async () => {
    const r = await t.reply('/who-is haikou');
    expect(r.title).toBe('"haikou" is not a person: the article names Haikou as a place.');
    expect(cited(r)).toEqual([1]);
  });
});

describe('/who-is on the NASA articles', () => {
  it('finds Vanessa Wyche by surname with her role and quote', async () => {
    const t = await testApp(NASA[1]);
    const r = await t.reply('/who-is wyche');
    expect(r.title).toBe('Vanessa Wyche, director of NASA’s Johnson Space Center in Houston');
    expect(r.blocks.some((b) => b.type === 'quote' && b.text.startsWith('We look forward'))).toBe(true);
  });

  it('finds Bill Nelson with a typo', async () => {
    const t = await testApp(NASA[2]);
    expect((await t.reply('/who-is nelsen')).title).toMatch(/^Bill Nelson, /);
  });
});
