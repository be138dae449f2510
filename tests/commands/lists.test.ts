import { beforeAll, describe, expect, it } from 'vitest';
import { countCheck, countedNoun, listLabel } from '../../src/core/answers/list-reply.js';
import { createRegistry } from '../../src/core/commands/registry.js';
import type { Reply } from '../../src/core/reply/types.js';
import { buildCommandList, makeListCommand } from '../../commands/index.js';
import { NASA, SAMPLE, testApp, type TestApp } from '../helpers/herald-app.js';

const AREAS = [
  'broad consultation on global governance',
  'promotion of coordination of actions',
  'deepening of project cooperation',
  'promotion of development innovation',
  'sharing scientific results',
  'encouraging diverse participation',
  'establishing cooperation platforms',
  'safeguarding human security',
];

const items = (r: Reply): readonly string[] =>
  r.blocks.find((b) => b.type === 'list')?.type === 'list'
    ? (r.blocks.find((b) => b.type === 'list') as { items: readonly string[] }).items
    : [];

describe('list commands on the sample article', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(SAMPLE);
  });

  it('/partnership-areas lists exactly the eight areas, numbered, with the count check and the sentence', async () => {
    const r = await t.reply('/partnership-areas');
    expect(r.kind).toBe('answer');
    expect(items(r)).toEqual(AREAS);
    expect(r.blocks.some((b) => b.type === 'list' && b.ordered)).toBe(true);
    expect(r.blocks).toContainEqual({ type: 'text', text: 'The article announces eight areas; all eight are listed.' });
    const citation = r.blocks.find((b) => b.type === 'citation');
    expect(citation?.type === 'citation' && citation.cite.text[0]).toMatch(
      /^CNSA proposed the promotion of the new space exploration partnership in eight areas/,
    );
  });

  it('/list picks the same list by topic words and by its number in /lists', async () => {
    const byTopic = await t.reply('/list partnership areas');
    expect(items(byTopic)).toEqual(AREAS);
    const all = await t.reply('/lists');
    const listing = all.blocks.find((b) => b.type === 'list');
    const n = listing?.type === 'list' ? listing.items.findIndex((i) => i.includes('eight areas')) + 1 : 0;
    expect(n).toBeGreaterThan(0);
    expect(items(await t.reply(`/list ${n}`))).toEqual(AREAS);
  });

  it('/lists shows every list with its lead and item count', async () => {
    const r = await t.reply('/lists');
    expect(r.title).toMatch(/^Lists in the article \(\d+\)$/);
    expect(JSON.stringify(r.blocks)).toContain('in eight areas (8 items)');
  });

  it('/list with an unknown topic says so plainly', async () => {
    const r = await t.reply('/list bananas');
    expect(r.kind).toBe('not_found');
    expect(r.title).toBe('The article has no list about "bananas".');
    // The menu is the short one /lists shows, not every lead in full on one line.
    expect(items(r)).toHaveLength(7);
    expect(items(r).every((i) => i.length < 130)).toBe(true);
  });

  it('/list with a number past the last list says how many there are', async () => {
    const r = await t.reply('/list 99');
    expect(r.kind).toBe('not_found');
    expect(r.title).toBe('There is no list 99: the article makes seven lists, numbered 1 to 7.');
    expect(items(r)[2]).toBe(
      'CNSA proposed the promotion of the new space exploration partnership in eight areas — /list 3',
    );
  });
});

describe('a list whose lead is empty', () => {
  it('is named by what it is, never by an empty heading', () => {
    expect(listLabel({ lead: '  ', count: null, items: ['a', 'b', 'c', 'd'], sentence: 4 })).toBe(
      'A list of four items',
    );
    expect(listLabel({ lead: 'the partners', count: null, items: ['a'], sentence: 0 })).toBe('The partners');
  });
});

describe('list commands on a NASA article', () => {
  it('/lists finds the companies NASA selected', async () => {
    const t = await testApp(NASA[1]);
    const r = await t.reply('/lists');
    expect(r.kind).toBe('answer');
    expect(JSON.stringify(r.blocks)).toMatch(/Intuitive Machines|selected/);
  });
});

describe('configured list commands', () => {
  it('become commands by configuration alone and pass registry validation', () => {
    const reg = createRegistry(
      buildCommandList({ listCommands: [{ name: 'mission-goals', description: 'Goals', topic: 'goals' }] }),
    );
    expect(reg.ok && reg.value.get('mission-goals')?.category).toBe('lists');
  });

  it('a duplicate name stops the start with a clear error', () => {
    const reg = createRegistry(buildCommandList({ listCommands: [{ name: 'lists', description: 'x', topic: 'y' }] }));
    expect(!reg.ok && reg.error.message).toContain('/lists: declared twice');
  });

  it('makeListCommand declares a member lists command with the article option', () => {
    const c = makeListCommand({ name: 'areas', description: 'Areas', topic: 'areas' });
    expect([c.access, c.category, c.needs]).toEqual(['member', 'lists', ['article']]);
  });
});

describe('count check wording', () => {
  const list = { lead: 'the partnership in eight areas', count: 8, items: ['a', 'b'], sentence: 0 };
  it('warns plainly when the count does not match', () => {
    expect(countCheck(list)).toBe('Note: the article announces eight areas, but two were found in the text.');
    expect(countedNoun(list)).toBe('areas');
  });
  it('says when no count is announced', () => {
    expect(countCheck({ ...list, count: null })).toBe('The article does not say how many there are; two are listed.');
  });
});
