/**
 * What every store must do with articles: deduplicate them across feeds, record which channel
 * received which, and find them only among those the workspace received. Called by both store
 * contract test files, beside `runStoreContract` (contract.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleFacts } from '../../src/core/facts/types.js';
import type { HeraldStore } from '../../src/core/store/index.js';
import { SHELL, testArticle, type StoreUnderTest } from './contract.js';

const facts: ArticleFacts = {
  title: 'x',
  dateline: null,
  tags: [],
  sentences: [],
  people: [],
  organizations: [],
  places: [],
  lists: [],
  quotes: [],
  numbers: [],
  summary: [],
};

export function runArticleContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`store contract (articles): ${name}`, () => {
    let t: StoreUnderTest;
    let store: HeraldStore;
    beforeEach(async () => {
      t = await makeStore();
      store = t.store;
    });
    afterEach(async () => t.cleanup());

    it('deduplicates articles by guid, link and content hash, across feeds, returning the existing id', async () => {
      const a = await store.feeds.ensure('https://feeds.example/a.xml');
      const b = await store.feeds.ensure('https://feeds.example/b.xml');
      const first = await store.articles.insert({ article: testArticle('h1'), feedId: a.id });
      expect(first).toEqual({ id: 'h1', created: true });
      // Same guid, other text and link, other feed.
      expect(
        await store.articles.insert({
          article: testArticle('h2', {
            guid: 'guid-h1',
            source: { name: null, url: 'https://x/2', kind: 'feed-item' },
          }),
          feedId: b.id,
        }),
      ).toEqual({ id: 'h1', created: false });
      // Same link, other guid and text.
      expect(
        await store.articles.insert({
          article: testArticle('h3', { guid: 'g3' }),
          link: 'https://news.example/h1',
          feedId: b.id,
        }),
      ).toEqual({ id: 'h1', created: false });
      // Same text (hash), other guid and link.
      expect(
        await store.articles.insert({
          article: testArticle('h1', { guid: 'g4', source: { name: null, url: 'https://x/4', kind: 'feed-item' } }),
        }),
      ).toEqual({ id: 'h1', created: false });
      // Empty guids and missing links never count as equal.
      expect((await store.articles.insert({ article: testArticle('h5', { guid: '' }), link: null })).created).toBe(
        true,
      );
      expect((await store.articles.insert({ article: testArticle('h6', { guid: '' }), link: null })).created).toBe(
        true,
      );
      const stored = await store.articles.get('h1');
      expect(stored).toMatchObject({
        id: 'h1',
        guid: 'guid-h1',
        link: 'https://news.example/h1',
        feedId: a.id,
        facts: null,
      });
      expect(stored?.article.sentences[0]?.text).toBe('Body of h1.');
      expect(await store.articles.setFacts('h1', facts)).toBe(true);
      expect((await store.articles.findByGuid('guid-h1'))?.facts?.title).toBe('x');
      expect((await store.articles.findByLink('https://news.example/h1'))?.id).toBe('h1');
    });

    it('records which channel received which article, newest first', async () => {
      const channel = await store.channels.ensure(SHELL);
      for (const id of ['a1', 'a2', 'a3']) await store.articles.insert({ article: testArticle(id) });
      expect(await store.articles.markReceived(channel.id, 'a1', new Date('2025-01-06T08:00:00Z'))).toBe(true);
      expect(await store.articles.markReceived(channel.id, 'a1', new Date('2025-01-06T08:30:00Z'))).toBe(false);
      await store.articles.markReceived(channel.id, 'a2', new Date('2025-01-06T09:00:00Z'));
      await store.articles.markReceived(channel.id, 'a3', new Date('2025-01-06T10:00:00Z'));
      expect((await store.articles.listReceived(channel.id)).map((r) => r.articleId)).toEqual(['a3', 'a2', 'a1']);
      expect((await store.articles.listReceived(channel.id, { limit: 1 })).map((r) => r.articleId)).toEqual(['a3']);
      const since = await store.articles.listReceived(channel.id, { since: new Date('2025-01-06T09:00:00Z') });
      expect(since.map((r) => r.articleId)).toEqual(['a3']);
      expect(since[0]).toMatchObject({
        title: 'Story a3',
        link: 'https://news.example/a3',
        receivedAt: '2025-01-06T10:00:00.000Z',
      });
    });

    it('finds and lists articles only among those some channel of the workspace received', async () => {
      const own = await store.channels.ensure({ platform: 'discord', workspaceId: 'gA', channelId: 'a1' });
      const sibling = await store.channels.ensure({ platform: 'discord', workspaceId: 'gA', channelId: 'a2' });
      const other = await store.channels.ensure({ platform: 'discord', workspaceId: 'gB', channelId: 'b1' });
      for (const id of ['ab01', 'ab02', 'cd03', 'ef04']) await store.articles.insert({ article: testArticle(id) });
      await store.articles.markReceived(own.id, 'ab01', new Date('2025-01-06T08:00:00Z'));
      await store.articles.markReceived(sibling.id, 'ab02', new Date('2025-01-06T09:00:00Z'));
      await store.articles.markReceived(sibling.id, 'ab01', new Date('2025-01-06T07:00:00Z'));
      await store.articles.markReceived(other.id, 'cd03', new Date('2025-01-06T11:00:00Z'));
      const a = { workspaceId: own.workspaceId, channelId: own.id };
      const b = { workspaceId: other.workspaceId, channelId: other.id };
      // The own channel's receipts come first, then the newest (ab02, 09:00, is newer than ab01 in a1).
      expect((await store.articles.findReceivedIn(a, { idPrefix: 'ab' }))?.id).toBe('ab01');
      expect((await store.articles.findReceivedIn({ ...a, channelId: sibling.id }, { idPrefix: 'ab' }))?.id).toBe(
        'ab02',
      );
      expect((await store.articles.findReceivedIn(a, { id: 'ab02' }))?.id).toBe('ab02');
      expect((await store.articles.findReceivedIn(a, { linkOrGuid: 'guid-ab02' }))?.id).toBe('ab02');
      expect((await store.articles.findReceivedIn(a, { linkOrGuid: 'https://news.example/ab01' }))?.id).toBe('ab01');
      // Another workspace's article, and one nobody received, are not there, by any name.
      for (const match of [{ id: 'cd03' }, { idPrefix: 'cd' }, { linkOrGuid: 'guid-cd03' }, { id: 'ef04' }])
        expect(await store.articles.findReceivedIn(a, match)).toBeNull();
      expect((await store.articles.findReceivedIn(b, { linkOrGuid: 'https://news.example/cd03' }))?.id).toBe('cd03');
      expect(await store.articles.findReceivedIn(b, { id: 'ab01' })).toBeNull();
      // A prefix is compared as text, never as a pattern.
      expect(await store.articles.findReceivedIn(a, { idPrefix: '%' })).toBeNull();
      expect(await store.articles.findReceivedIn(a, { idPrefix: '_b' })).toBeNull();

      const listed = await store.articles.listReceivedIn(a, { limit: 10 });
      expect(listed.map((r) => r.articleId)).toEqual(['ab01', 'ab02']);
      expect(listed[0]).toMatchObject({ title: 'Story ab01', receivedAt: '2025-01-06T08:00:00.000Z' });
      expect(
        (await store.articles.listReceivedIn({ ...a, channelId: null }, { limit: 1 })).map((r) => r.articleId),
      ).toEqual(['ab02']);
      expect((await store.articles.listReceivedIn(b, { limit: 10 })).map((r) => r.articleId)).toEqual(['cd03']);
    });
  });
}
