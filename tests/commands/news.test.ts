import { beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply/types.js';
import { everything, NASA, SAMPLE, testApp, type TestApp } from '../helpers/herald-app.js';

const cited = (r: Reply): number[] => r.blocks.flatMap((b) => ('cite' in b && b.cite ? b.cite.sentenceIds : []));
const BOILERPLATE = ['Photo released', 'Leave a Comment', 'Required fields', '#China', 'Your email address'];

describe('news commands on the sample article', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(SAMPLE);
  });

  it('/digest has headline, dateline, cited summary, key points, who is who, a quote, source and buttons', async () => {
    const r = await t.reply('/digest');
    expect(r.kind).toBe('answer');
    expect(r.blocks[0]).toEqual({ type: 'heading', text: 'China, UN promote new space exploration partnership' });
    expect(r.blocks[1]).toEqual({ type: 'text', text: 'HAIKOU, Nov. 21 (Xinhua)' });
    const summary = r.blocks[2];
    expect(summary?.type === 'text' && summary.cite?.sentenceIds.length).toBeGreaterThanOrEqual(2);
    expect(r.blocks.some((b) => b.type === 'list' && b.title === 'Key points')).toBe(true);
    const who = r.blocks.find((b) => b.type === 'fields');
    expect(who?.type === 'fields' && who.fields.map((f) => f.name)).toEqual(
      expect.arrayContaining(['Niklas Hedman', 'Zhang Kejian', 'Shen Xiaoming']),
    );
    expect(r.blocks.some((b) => b.type === 'quote' && b.speaker === 'Niklas Hedman')).toBe(true);
    expect(r.blocks.some((b) => b.type === 'source')).toBe(true);
    const buttons = r.blocks.find((b) => b.type === 'buttons');
    expect(buttons?.type === 'buttons' && buttons.buttons[0]).toMatchObject({
      kind: 'command',
      label: 'More quotes',
      command: 'quotes',
    });
  });

  it('/summary quotes two or three cited sentences', async () => {
    const r = await t.reply('/summary');
    expect(cited(r).length).toBeGreaterThanOrEqual(2);
    expect(cited(r).length).toBeLessThanOrEqual(3);
  });

  it('/facts gives numbers and dates with their sentence', async () => {
    const r = await t.reply('/facts');
    const more = r.blocks.find((b) => b.type === 'text' && b.text.includes('more than 80 countries'));
    expect(more?.type === 'text' && more.cite?.text[0]).toMatch(/^More than 10 heads of space agencies/);
  });

  it('/source gives title, source, dateline', async () => {
    const r = await t.reply('/source');
    const f = r.blocks.find((b) => b.type === 'fields');
    const byName = Object.fromEntries(f?.type === 'fields' ? f.fields.map((x) => [x.name, x.value]) : []);
    expect(byName).toMatchObject({
      Title: 'China, UN promote new space exploration partnership',
      Source: 'Xinhua',
      Dateline: 'HAIKOU, Nov. 21 (Xinhua)',
    });
  });

  it.each([
    '/digest',
    '/summary',
    '/facts',
    '/source',
    '/lists',
    '/list 1',
    '/partnership-areas',
    '/quotes',
    '/who-is hedman',
    '/who-is zhang',
    '/who-is shen',
    '/ask what did china issue?',
    '/ask photo released',
  ])('%s contains no caption, comment form or hashtag line', async (line) => {
    const all = everything(await t.reply(line));
    for (const bad of BOILERPLATE) expect(all).not.toContain(bad);
  });
});

describe('news commands on NASA articles', () => {
  it.each(NASA)('/digest, /summary, /facts, /source answer with citations on %s', async (name) => {
    const t = await testApp(name);
    for (const line of ['/digest', '/summary', '/facts']) {
      const r = await t.reply(line);
      expect(r.kind, line).toBe('answer');
      expect(cited(r).length, line).toBeGreaterThan(0);
      expect(everything(r)).not.toMatch(/-end-|202-358-1600/);
    }
    const source = await t.reply('/source');
    expect(source.title).toMatch(/^Source: NASA/);
  });

  it('/facts finds the $4.6 billion contract value', async () => {
    const t = await testApp(NASA[1]);
    expect(JSON.stringify((await t.reply('/facts')).blocks)).toContain('$4.6 billion');
  });
});
