/**
 * The behaviour every store implementation must have. Each implementation's test file calls
 * `runStoreContract` with a factory that opens a fresh, empty store (and the articles and
 * dashboard halves: article-contract.ts, dashboard-contract.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/article/types.js';
import type { Where } from '../../src/core/ports.js';
import { deliveryKey, type HeraldStore } from '../../src/core/store/index.js';

export interface StoreUnderTest {
  readonly store: HeraldStore;
  /** Moves the store's clock (creation stamps); tests that need ordering by time use it. */
  readonly setNow: (now: Date) => void;
  readonly cleanup: () => Promise<void>;
}

export const SHELL: Where = { platform: 'shell', workspaceId: 'local', channelId: 'general' };

export function testArticle(id: string, extra: Partial<Article> = {}): Article {
  return {
    id,
    title: `Story ${id}`,
    source: { name: 'Test', url: `https://news.example/${id}`, kind: 'feed-item' },
    publishedAt: '2025-01-06T08:00:00.000Z',
    dateline: null,
    paragraphs: [{ index: 0, text: `Body of ${id}.`, sentenceIds: [0] }],
    sentences: [{ id: 0, paragraph: 0, text: `Body of ${id}.` }],
    tags: [],
    guid: `guid-${id}`,
    ...extra,
  };
}

export function runStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`store contract: ${name}`, () => {
    let t: StoreUnderTest;
    let store: HeraldStore;
    beforeEach(async () => {
      t = await makeStore();
      store = t.store;
    });
    afterEach(async () => t.cleanup());

    it('creates a workspace and channel once, with default settings, and patches settings', async () => {
      const a = await store.channels.ensure(SHELL);
      const b = await store.channels.ensure(SHELL, 'General');
      expect(b.id).toBe(a.id);
      expect(b.name).toBe('General');
      expect(a.settings).toEqual({
        timezone: 'UTC',
        digestFormat: 'compact',
        filters: { include: [], exclude: [] },
        currentArticleId: null,
        unavailable: null,
        feedPosts: {},
      });
      const ws = await store.workspaces.find('shell', 'local');
      expect(ws?.id).toBe(a.workspaceId);
      const patched = await store.channels.updateSettings(a.id, {
        timezone: 'Europe/Paris',
        currentArticleId: undefined,
      });
      expect(patched?.settings.timezone).toBe('Europe/Paris');
      expect(patched?.settings.digestFormat).toBe('compact');
      expect((await store.channels.find(SHELL))?.settings.timezone).toBe('Europe/Paris');
      expect(await store.channels.updateSettings(9999, { timezone: 'UTC' })).toBeNull();
      expect(await store.channels.listByWorkspace(a.workspaceId)).toHaveLength(1);
    });

    it('keeps feeds, fetch state and subscriptions with filters; lists due feeds', async () => {
      const channel = await store.channels.ensure(SHELL);
      const feed = await store.feeds.ensure('https://feeds.example/a.xml', 'A');
      expect((await store.feeds.ensure('https://feeds.example/a.xml')).id).toBe(feed.id);
      expect(feed.fetch).toMatchObject({
        consecutiveFailures: 0,
        itemsSeen: 0,
        disabledReason: null,
        nextAttemptAt: null,
        notes: [],
      });
      const now = new Date('2025-01-06T09:00:00Z');
      expect(await store.feeds.listDue(now)).toEqual([]); // nobody follows it yet
      const sub = await store.subscriptions.subscribe(
        channel.id,
        feed.id,
        { include: ['space'], exclude: ['/sport/i'] },
        'u1',
      );
      expect(sub.filters).toEqual({ include: ['space'], exclude: ['/sport/i'] });
      expect((await store.feeds.listDue(now)).map((f) => f.id)).toEqual([feed.id]);
      const updated = await store.feeds.updateFetchState(feed.id, {
        etag: '"abc"',
        lastError: 'HTTP 500',
        consecutiveFailures: 1,
        nextAttemptAt: '2025-01-06T09:10:00.000Z',
        itemsSeen: 5,
        notes: ['The feed is not well-formed XML (line 3: ...); Herald read the 2 items it could.'],
      });
      expect(updated?.fetch).toMatchObject({
        etag: '"abc"',
        lastError: 'HTTP 500',
        consecutiveFailures: 1,
        itemsSeen: 5,
        notes: ['The feed is not well-formed XML (line 3: ...); Herald read the 2 items it could.'],
      });
      // A patch without notes keeps them; an empty list clears them.
      expect((await store.feeds.updateFetchState(feed.id, { lastError: null }))?.fetch.notes).toHaveLength(1);
      expect((await store.feeds.updateFetchState(feed.id, { notes: [] }))?.fetch.notes).toEqual([]);
      expect(await store.feeds.listDue(now)).toEqual([]);
      expect(await store.feeds.listDue(new Date('2025-01-06T09:10:00Z'))).toHaveLength(1);
      await store.feeds.updateFetchState(feed.id, { disabledReason: '5 failures in a row' });
      expect(await store.feeds.listDue(new Date('2025-01-07T00:00:00Z'))).toEqual([]);
      const again = await store.subscriptions.subscribe(channel.id, feed.id, { include: [], exclude: [] });
      expect(again.id).toBe(sub.id);
      expect((await store.subscriptions.listForFeed(feed.id))[0]?.filters.include).toEqual([]);
      expect(await store.subscriptions.unsubscribe(channel.id, feed.id)).toBe(true);
      expect(await store.subscriptions.listForChannel(channel.id)).toEqual([]);
      expect(await store.feeds.remove(feed.id)).toBe(true);
      expect(await store.feeds.findByUrl('https://feeds.example/a.xml')).toBeNull();
    });

    it('creates, lists, pauses, records runs and removes schedules', async () => {
      const channel = await store.channels.ensure(SHELL);
      const s = await store.schedules.create({
        channelId: channel.id,
        cron: '0 9 * * 1-5',
        timezone: 'Europe/Paris',
        kind: 'new-articles',
        createdBy: 'mod',
      });
      expect(s).toMatchObject({
        cron: '0 9 * * 1-5',
        timezone: 'Europe/Paris',
        kind: 'new-articles',
        paused: false,
        lastRunSlot: null,
        createdBy: 'mod',
      });
      await store.schedules.create({
        channelId: channel.id,
        cron: '0 18 * * *',
        timezone: 'UTC',
        kind: 'current-article',
      });
      expect((await store.schedules.listForChannel(channel.id)).map((x) => x.cron)).toEqual([
        '0 9 * * 1-5',
        '0 18 * * *',
      ]);
      expect((await store.schedules.setPaused(s.id, true))?.paused).toBe(true);
      expect((await store.schedules.get(s.id))?.paused).toBe(true);
      expect(await store.schedules.setPaused(9999, true)).toBeNull();
      await store.schedules.recordRun(s.id, new Date('2025-01-06T08:00:00Z'));
      await store.schedules.recordRun(s.id, new Date('2025-01-03T08:00:00Z')); // never backwards
      expect((await store.schedules.get(s.id))?.lastRunSlot).toBe('2025-01-06T08:00:00.000Z');
      expect(await store.schedules.remove(s.id)).toBe(true);
      expect(await store.schedules.remove(s.id)).toBe(false);
      expect(await store.schedules.listAll()).toHaveLength(1);
    });

    it('lets only the first claimer of a delivery key deliver, and tracks its status', async () => {
      const key = deliveryKey(4, new Date('2025-01-06T08:00:00Z'), 7);
      expect(key).toBe('4:2025-01-06T08:00:00.000Z:7');
      const results = await Promise.all([
        store.deliveries.claim(key),
        store.deliveries.claim(key),
        store.deliveries.claim(key),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.deliveries.get(key)).toMatchObject({ status: 'pending', attempts: 0 });
      await store.deliveries.markFailed(key, 'HTTP 503');
      expect(await store.deliveries.get(key)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'HTTP 503' });
      expect(await store.deliveries.claim(key)).toBe(false);
      expect(
        await Promise.all([store.deliveries.reclaimFailed(key, 3), store.deliveries.reclaimFailed(key, 3)]),
      ).toEqual([true, false]);
      await store.deliveries.markSent(key, 'msg-1');
      expect(await store.deliveries.get(key)).toMatchObject({
        status: 'sent',
        attempts: 2,
        messageId: 'msg-1',
        lastError: null,
      });
      expect(await store.deliveries.reclaimFailed(key, 3)).toBe(false);
      expect(await store.deliveries.get('nope')).toBeNull();
    });

    it('keeps a delivery pending, claimed, while a retry is due, and fails it at the last attempt', async () => {
      expect(await store.deliveries.claim('retry-me')).toBe(true);
      expect(await store.deliveries.markRetrying('retry-me', 'HTTP 502', 3)).toBe(true);
      expect(await store.deliveries.get('retry-me')).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastError: 'HTTP 502',
        claimedBy: store.instanceId,
      });
      expect((await store.deliveries.listPending(10)).map((d) => d.key)).toContain('retry-me');
      expect(await store.deliveries.markRetrying('retry-me', 'HTTP 503', 3)).toBe(true);
      expect(await store.deliveries.markRetrying('retry-me', 'timeout', 3)).toBe(false);
      expect(await store.deliveries.get('retry-me')).toMatchObject({
        status: 'failed',
        attempts: 3,
        lastError: 'timeout',
      });
      // Only a pending delivery is retried: a failed or sent one is left as it is.
      expect(await store.deliveries.markRetrying('retry-me', 'again', 9)).toBe(false);
      expect(await store.deliveries.get('retry-me')).toMatchObject({ status: 'failed', attempts: 3 });
    });

    it('lists pending deliveries oldest first with the instance that claimed them', async () => {
      t.setNow(new Date('2025-01-06T08:00:00Z'));
      await store.deliveries.claim('b');
      t.setNow(new Date('2025-01-06T08:00:01Z'));
      await store.deliveries.claim('a');
      await store.deliveries.claim('done');
      await store.deliveries.markSent('done', 'm1');
      const pending = await store.deliveries.listPending(10);
      expect(pending.map((d) => d.key)).toEqual(['b', 'a']);
      expect(pending[0]!.claimedBy).toBe(store.instanceId);
      expect(store.instanceId).toMatch(/^[^/]+\/\d+\/[0-9a-f]{8}$/);
      expect(await store.deliveries.listPending(1)).toHaveLength(1);
    });

    it('appends audit entries and lists them newest first, even within the same instant', async () => {
      const ws = await store.workspaces.ensure('discord', 'g1', 'Guild');
      t.setNow(new Date('2025-01-06T09:00:00Z'));
      await store.audit.append({
        workspaceId: ws.id,
        actorId: 'u1',
        action: 'feeds.add',
        target: 'https://a',
        after: { url: 'https://a' },
      });
      await store.audit.append({
        workspaceId: ws.id,
        actorId: 'u2',
        actorName: 'Bo',
        action: 'schedule.pause',
        target: 'schedule 1',
        before: { paused: false },
        after: { paused: true },
      });
      await store.audit.append({
        workspaceId: ws.id,
        actorId: 'u1',
        action: 'feeds.remove',
        before: { url: 'https://a' },
      });
      const entries = await store.audit.list(ws.id, 10);
      expect(entries.map((e) => e.action)).toEqual(['feeds.remove', 'schedule.pause', 'feeds.add']);
      expect(entries[1]).toMatchObject({
        actorName: 'Bo',
        before: { paused: false },
        after: { paused: true },
        at: '2025-01-06T09:00:00.000Z',
      });
      expect(entries[0]?.after).toBeNull();
      expect(await store.audit.list(ws.id, 1)).toHaveLength(1);
    });

    it('adds, lists and removes role mappings idempotently', async () => {
      const ws = await store.workspaces.ensure('slack', 'T1');
      const first = await store.roles.add({
        workspaceId: ws.id,
        level: 'moderator',
        kind: 'usergroup',
        externalId: 'S1',
        createdBy: 'admin',
      });
      expect(first.created).toBe(true);
      const again = await store.roles.add({
        workspaceId: ws.id,
        level: 'moderator',
        kind: 'usergroup',
        externalId: 'S1',
      });
      expect(again).toEqual({ mapping: first.mapping, created: false });
      await store.roles.add({ workspaceId: ws.id, level: 'admin', kind: 'user', externalId: 'U9' });
      expect((await store.roles.list(ws.id)).map((m) => `${m.level}/${m.kind}/${m.externalId}`)).toEqual([
        'admin/user/U9',
        'moderator/usergroup/S1',
      ]);
      expect(await store.roles.remove(ws.id, 'moderator', 'usergroup', 'S1')).toBe(true);
      expect(await store.roles.remove(ws.id, 'moderator', 'usergroup', 'S1')).toBe(false);
    });

    it('grants a lease to one holder until it expires or is released', async () => {
      const now = new Date('2025-01-06T09:00:00Z');
      expect(await store.leases.tryLease('poll', 30_000, now)).toBe(true);
      expect(await store.leases.tryLease('poll', 30_000, new Date(now.getTime() + 1000))).toBe(true); // own lease renews
      await store.leases.release('poll');
      expect(await store.leases.tryLease('poll', 30_000, now)).toBe(true);
    });

    it('commits a transaction together, rolls it back on error, and keeps other calls out of it', async () => {
      const channel = await store.channels.ensure(SHELL);
      await expect(
        store.transaction(async (tx) => {
          await tx.schedules.create({
            channelId: channel.id,
            cron: '0 9 * * *',
            timezone: 'UTC',
            kind: 'new-articles',
          });
          throw new Error('import failed half way');
        }),
      ).rejects.toThrow('half way');
      expect(await store.schedules.listAll()).toEqual([]);

      let release!: () => void;
      const hold = new Promise<void>((r) => (release = r));
      const txDone = store.transaction(async (tx) => {
        await tx.schedules.create({ channelId: channel.id, cron: '0 9 * * *', timezone: 'UTC', kind: 'new-articles' });
        await hold;
        throw new Error('rolled back');
      });
      // Issued while the transaction is open: must not become part of it.
      const outside = store.schedules.create({
        channelId: channel.id,
        cron: '0 10 * * *',
        timezone: 'UTC',
        kind: 'new-articles',
      });
      release();
      await expect(txDone).rejects.toThrow('rolled back');
      await outside;
      expect((await store.schedules.listAll()).map((s) => s.cron)).toEqual(['0 10 * * *']);
      const value = await store.transaction(async (tx) => (await tx.feeds.ensure('https://f')).url);
      expect(value).toBe('https://f');
    });
  });
}
