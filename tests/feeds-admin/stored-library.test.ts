import { afterAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse/index.js';
import type { Article } from '../../src/core/article/types.js';
import { createStoredAccess } from '../../src/app/stored-access.js';
import { createStoredLibrary } from '../../src/app/stored-library.js';
import { analysed, tempStore, textArticle, where } from './helpers.js';

const db = tempStore();
afterAll(() => db.cleanup());
const { store } = db;

const sample = analysed(
  textArticle(
    'Sample story about the space partnership\n\nChina and Djibouti signed a deal on space cooperation. The deal covers satellites.',
  ),
);
const first = textArticle(
  'Rover lands on Mars\n\nThe rover landed on Mars on Tuesday. Engineers cheered at the control centre.',
  'https://news.example/mars',
);
const second = textArticle(
  'Moon base plans unveiled\n\nThe agency unveiled plans for a moon base. Construction starts in 2030.',
  'https://news.example/moon',
);

let analyses = 0;
const countingAnalyse = (a: Article) => {
  analyses += 1;
  return analyse(a);
};

describe('the stored article library', () => {
  const library = createStoredLibrary({ store, analyse: countingAnalyse, sample });

  it('falls back to the sample for a channel that received nothing (and one never seen)', async () => {
    expect((await library.current(where('unknown'))).id).toBe(sample.id);
    await store.channels.ensure(where('c1'));
    expect((await library.current(where('c1'))).id).toBe(sample.id);
    expect((await library.recent(where('c1'), 5)).map((a) => a.id)).toEqual([sample.id]);
  });

  it('answers from the newest article the channel received, analysing it once and caching the facts', async () => {
    const channel = await store.channels.ensure(where('c1'));
    for (const [i, a] of [first, second].entries()) {
      await store.articles.insert({ article: a });
      await store.articles.markReceived(channel.id, a.id, new Date(Date.UTC(2025, 0, 6, 9, i)));
    }
    const current = await library.current(where('c1'));
    expect(current.id).toBe(second.id);
    expect(current.facts.sentences.length).toBeGreaterThan(0);
    expect(analyses).toBe(1);
    // A second library (another process) reads the cached facts instead of analysing again.
    const other = createStoredLibrary({ store: db.reopen(), analyse: countingAnalyse, sample });
    expect((await other.current(where('c1'))).id).toBe(second.id);
    await library.current(where('c1'));
    expect(analyses).toBe(1);
    expect((await store.articles.get(second.id))?.facts).not.toBeNull();
    expect((await library.recent(where('c1'), 10)).map((a) => a.title)).toEqual([
      'Moon base plans unveiled',
      'Rover lands on Mars',
    ]);
  });

  it('prefers the article an admin pinned', async () => {
    const channel = await store.channels.ensure(where('c1'));
    await store.channels.updateSettings(channel.id, { currentArticleId: first.id });
    expect((await library.current(where('c1'))).id).toBe(first.id);
    await store.channels.updateSettings(channel.id, { currentArticleId: null });
  });

  it('finds by id prefix, link and title words, in the channel then its workspace', async () => {
    expect((await library.find(where('c1'), first.id.slice(0, 8)))?.id).toBe(first.id);
    expect((await library.find(where('c1'), 'https://news.example/moon'))?.id).toBe(second.id);
    expect((await library.find(where('c1'), 'mars rover'))?.id).toBe(first.id);
    // Another channel of the same workspace finds it too; the sample by its title words.
    expect((await library.find(where('c2'), 'moon base'))?.id).toBe(second.id);
    expect((await library.find(where('c2'), 'space partnership'))?.id).toBe(sample.id);
    expect(await library.find(where('c1'), 'no such words anywhere')).toBeNull();
  });
});

describe('access from stored role mappings', () => {
  it('grants the highest mapped level by user, role or user group, per workspace', async () => {
    const access = createStoredAccess(store);
    const ws = await store.workspaces.ensure('discord', 'g1');
    await store.roles.add({ workspaceId: ws.id, level: 'moderator', kind: 'role', externalId: 'r-editors' });
    await store.roles.add({ workspaceId: ws.id, level: 'admin', kind: 'user', externalId: 'u-boss' });
    const member = { userId: 'u1', platformLevel: 'member' as const };
    expect(await access.levelFor(where(), member)).toBe('member');
    expect(await access.levelFor(where(), { ...member, roleIds: ['r-editors'] })).toBe('moderator');
    expect(await access.levelFor(where(), { ...member, userId: 'u-boss', roleIds: ['r-editors'] })).toBe('admin');
    expect(await access.levelFor(where('c1', 'other-guild'), { ...member, userId: 'u-boss' })).toBe('member');
  });
});
