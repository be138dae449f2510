import { beforeAll, describe, expect, it } from 'vitest';
import { NASA, SAMPLE, testApp, type TestApp } from '../helpers/herald-app.js';

describe('/quotes, /ask and /help on the sample article', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(SAMPLE);
  });

  it('/quotes lists the quotes with their speaker', async () => {
    const r = await t.reply('/quotes');
    const quotes = r.blocks.filter((b) => b.type === 'quote');
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.every((q) => q.type === 'quote' && q.cite && q.cite.sentenceIds.length > 0)).toBe(true);
  });

  it('/quotes hedmann matches the speaker despite the typo', async () => {
    const r = await t.reply('/quotes Hedmann');
    expect(r.title).toBe('Quotes from Niklas Hedman');
  });

  it('/quotes for someone never quoted says so plainly', async () => {
    const r = await t.reply('/quotes obama');
    expect(r.kind).toBe('not_found');
    expect(r.title).toBe('The article quotes nobody called "obama".');
    expect(JSON.stringify(r.blocks)).toContain('It quotes: Niklas Hedman.');
    expect(JSON.stringify(r.blocks)).not.toContain('Did you mean');
  });

  it('/quotes for someone the article names but never quotes says that, not that they are unknown', async () => {
    const r = await t.reply('/quotes zhang');
    expect(r.kind).toBe('not_found');
    expect(r.title).toBe('The article names Zhang Kejian but does not quote them.');
    expect(JSON.stringify(r.blocks)).toContain('/who-is zhang shows what it says about them.');
  });

  it('/ask quotes the sentence that answers, with its citation', async () => {
    const r = await t.reply('/ask how many areas does the partnership cover?');
    const c = r.blocks.find((b) => b.type === 'citation');
    expect(c?.type === 'citation' && c.cite.text.join(' ')).toContain('eight areas');
  });

  it('/ask below the threshold says the article does not answer, with a hint', async () => {
    const r = await t.reply('/ask what is the price of bananas?');
    expect(r.kind).toBe('not_found');
    expect(r.title).toBe('The article does not answer that.');
    expect(r.blocks.length).toBeGreaterThan(1);
  });

  it('/ask with only stop words or punctuation asks for words instead of claiming the article is silent', async () => {
    for (const q of ['/ask ?', '/ask the of and']) {
      const r = await t.reply(q);
      expect(r.kind).toBe('not_found');
      expect(r.title).toMatch(/nothing to look for/);
    }
  });

  it('/help lists every command by category with usage lines', async () => {
    const text = await t.text('/help');
    for (const line of [
      'News:',
      'Lists:',
      '/who-is <name> [scope] [article]',
      '/partnership-areas [article]',
      '/ask <question> [scope] [article]',
    ])
      expect(text).toContain(line);
  });

  it('/help who-is shows usage, access, options and examples', async () => {
    const text = await t.text('/help who-is');
    expect(text).toContain('Usage:     /who-is <name> [scope] [article]');
    expect(text).toContain('Access:    member');
    expect(text).toContain('/who-is hedman');
  });

  it('/help for an unknown command suggests the closest', async () => {
    const r = await t.reply('/help whois');
    expect(r.kind).toBe('not_found');
    expect(JSON.stringify(r.blocks)).toContain('/who-is');
  });
});

describe('/quotes and /ask on NASA articles', () => {
  it('quotes Bill Nelson by surname', async () => {
    const t = await testApp(NASA[2]);
    const r = await t.reply('/quotes nelson');
    expect(r.title).toBe('Quotes from Bill Nelson');
  });

  it('answers what NASA will provide for the rover', async () => {
    const t = await testApp(NASA[0]);
    const r = await t.reply('/ask who will launch the Rosalind Franklin rover?');
    expect(r.kind).toBe('answer');
  });
});
