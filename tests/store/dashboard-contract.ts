/**
 * What the dashboard needs from every store: single-use sign-in links, idle-limited sessions, a
 * feed's recent items and a channel's deliveries. Called by both store contract test files.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliveryKey, type HeraldStore } from '../../src/core/store/index.js';
import { SHELL, testArticle, type StoreUnderTest } from './contract.js';

const MIN = 60_000;

export function runDashboardContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`store contract (dashboard): ${name}`, () => {
    let t: StoreUnderTest;
    let store: HeraldStore;
    beforeEach(async () => {
      t = await makeStore();
      store = t.store;
    });
    afterEach(async () => t.cleanup());

    const link = (workspaceId: number, expiresAt: string) => ({
      workspaceId,
      userId: 'u1',
      userName: 'Ada',
      platformLevel: 'admin' as const,
      roleIds: ['r1', 'r2'],
      expiresAt,
    });

    it('gives a link out once, only before it expires, to one of several concurrent takers', async () => {
      const ws = (await store.channels.ensure(SHELL)).workspaceId;
      const now = new Date('2025-01-06T08:00:00Z');
      await store.dashboard.addLink('h-fresh', link(ws, '2025-01-06T08:05:00.000Z'));
      await store.dashboard.addLink('h-old', link(ws, '2025-01-06T08:00:00.000Z'));
      const taken = await Promise.all([
        store.dashboard.takeLink('h-fresh', now),
        store.dashboard.takeLink('h-fresh', now),
        store.dashboard.takeLink('h-fresh', now),
      ]);
      expect(taken.filter((x) => x !== null)).toEqual([link(ws, '2025-01-06T08:05:00.000Z')]);
      expect(await store.dashboard.takeLink('h-fresh', now)).toBeNull();
      // Expiry is exclusive: a link is dead at its expiry instant.
      expect(await store.dashboard.takeLink('h-old', now)).toBeNull();
      expect(await store.dashboard.takeLink('h-unknown', now)).toBeNull();
    });

    it('keeps a session while it is used, ends it after the idle limit, and closes it on demand', async () => {
      const ws = (await store.channels.ensure(SHELL)).workspaceId;
      const t0 = new Date('2025-01-06T08:00:00Z');
      const session = { workspaceId: ws, userId: 'u1', userName: null, level: 'moderator' as const, csrf: 'c' };
      await store.dashboard.openSession('s1', session, t0);
      await store.dashboard.openSession('s2', { ...session, level: 'admin' }, t0);
      const at = (min: number) => new Date(t0.getTime() + min * MIN);
      expect(await store.dashboard.touchSession('s1', at(29), 30 * MIN)).toMatchObject({
        ...session,
        createdAt: t0.toISOString(),
        lastSeenAt: at(29).toISOString(),
      });
      // Seen at 29 min, so still alive at 58; 30 idle minutes later it is gone for good.
      expect(await store.dashboard.touchSession('s1', at(58), 30 * MIN)).not.toBeNull();
      expect(await store.dashboard.touchSession('s1', at(88), 30 * MIN)).toBeNull();
      expect(await store.dashboard.touchSession('s1', at(60), 30 * MIN)).toBeNull();
      await store.dashboard.closeSession('s2');
      expect(await store.dashboard.touchSession('s2', at(1), 30 * MIN)).toBeNull();
    });

    it('purges used and expired links and idle sessions', async () => {
      const ws = (await store.channels.ensure(SHELL)).workspaceId;
      const t0 = new Date('2025-01-06T08:00:00Z');
      await store.dashboard.addLink('used', link(ws, '2025-01-06T09:00:00.000Z'));
      await store.dashboard.takeLink('used', t0);
      await store.dashboard.addLink('expired', link(ws, '2025-01-06T07:59:00.000Z'));
      await store.dashboard.addLink('live', link(ws, '2025-01-06T08:05:00.000Z'));
      const s = { workspaceId: ws, userId: 'u1', userName: null, level: 'admin' as const, csrf: 'c' };
      await store.dashboard.openSession('idle', s, new Date(t0.getTime() - 31 * MIN));
      await store.dashboard.openSession('busy', s, t0);
      expect(await store.dashboard.purge(t0, 30 * MIN)).toBe(3);
      expect(await store.dashboard.takeLink('live', t0)).not.toBeNull();
      expect(await store.dashboard.touchSession('busy', t0, 30 * MIN)).not.toBeNull();
    });

    it("lists a feed's items newest first and a channel's deliveries by their key's channel", async () => {
      const feed = await store.feeds.ensure('https://news.example/feed.xml');
      const other = await store.feeds.ensure('https://other.example/feed.xml');
      t.setNow(new Date('2025-01-06T08:00:00Z'));
      await store.articles.insert({ article: testArticle('f1'), feedId: feed.id });
      t.setNow(new Date('2025-01-06T09:00:00Z'));
      await store.articles.insert({ article: testArticle('f2'), feedId: feed.id });
      await store.articles.insert({ article: testArticle('o1'), feedId: other.id });
      expect((await store.articles.listForFeed(feed.id, 10)).map((a) => a.id)).toEqual(['f2', 'f1']);
      expect((await store.articles.listForFeed(feed.id, 1)).map((a) => a.id)).toEqual(['f2']);

      const slot = new Date('2025-01-06T08:00:00Z');
      t.setNow(new Date('2025-01-06T08:00:01Z'));
      await store.deliveries.claim(deliveryKey(1, slot, 5));
      await store.deliveries.claim(deliveryKey(1, slot, 15));
      t.setNow(new Date('2025-01-06T08:00:02Z'));
      await store.deliveries.claim(`feed-disabled:3:${slot.toISOString()}:5`);
      await store.deliveries.markFailed(`feed-disabled:3:${slot.toISOString()}:5`, 'Missing Access');
      // Live posts name the channel first and end in a feed id (15 here), which is not channel 15.
      t.setNow(new Date('2025-01-06T08:00:03Z'));
      await store.deliveries.claim('live:5:f1:15');
      t.setNow(new Date('2025-01-06T08:00:04Z'));
      await store.deliveries.claim(`live-more:5:15:${slot.toISOString()}`);
      const five = await store.deliveries.listForChannel(5, 10);
      expect(five.map((d) => d.key)).toEqual([
        `live-more:5:15:${slot.toISOString()}`,
        'live:5:f1:15',
        `feed-disabled:3:${slot.toISOString()}:5`,
        deliveryKey(1, slot, 5),
      ]);
      expect(five[2]).toMatchObject({ status: 'failed', lastError: 'Missing Access' });
      expect((await store.deliveries.listForChannel(15, 10)).map((d) => d.key)).toEqual([deliveryKey(1, slot, 15)]);
    });
  });
}
