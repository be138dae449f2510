/**
 * A live post Discord fails for a passing reason (5xx after discord.js's own retries) is not
 * lost: the next posting run tries it again, and it lands once, before the newer item. Nor is it
 * lost when the process stops before that run: the post waits as a pending delivery, and the
 * restarted Herald's crash recovery posts it once (also when the failed attempt had in fact
 * landed and only Discord's answer was lost).
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverPendingDeliveries } from '../../src/core/delivery/recovery.js';
import { createLivePoster } from '../../src/core/live/live-posts.js';
import type { HeraldStore } from '../../src/core/store/repositories.js';
import { processAlive } from '../../src/store/instance-id.js';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord/server.js';
import { startFeedServer, type TestServer } from '../feeds/feed-server.js';
import { tempStore } from '../feeds-admin/helpers.js';
import { manualClock, rss, xmlRoute, type ItemSpec } from '../feeds-admin/poll-fixtures.js';
import { fakeDiscordDelivery, follow, pollLive, story } from './helpers.js';

const logger = pino({ level: 'silent' });
const clock = manualClock();
const db = tempStore();
let server: TestServer;
let discord: FakeDiscord;
let items: ItemSpec[] = [story(1)];
const feedItems: Record<string, ItemSpec[]> = {};
const CHANNEL = '940000000000000001';
const GUILD = '700000000000000001';
const where = (channelId: string) => ({ platform: 'discord' as const, workspaceId: GUILD, channelId });
const livePoster = (store: HeraldStore) =>
  createLivePoster({ store, delivery: fakeDiscordDelivery(discord, logger), clock, logger });
const pollWith = (store: HeraldStore, live: ReturnType<typeof livePoster>) => pollLive({ store, clock, logger, live });

beforeAll(async () => {
  server = await startFeedServer();
  server.route('/retry.xml', (req, res) => xmlRoute(rss('Retry', items))(req, res));
  for (const name of ['lost', 'landed']) {
    feedItems[name] = [story(1)];
    server.route(`/${name}.xml`, (req, res) => xmlRoute(rss(name, feedItems[name]!))(req, res));
  }
  discord = await startFakeDiscord();
  discord.channelGuilds.set(CHANNEL, '700000000000000001');
});
afterAll(async () => {
  await discord.close();
  await server.close();
  await db.cleanup();
});

describe('a live post Discord fails for a passing reason', () => {
  it('is posted at the next run, once, in order', async () => {
    const { store } = db;
    const { channelId, feedId } = await follow(store, where(CHANNEL), `${server.origin}/retry.xml`);
    const live = livePoster(store);
    const poll = () => pollWith(store, live);
    await poll(); // the baseline

    items = [story(2), story(1)];
    discord.fault({ method: 'POST', path: new RegExp(`^/channels/${CHANNEL}/messages$`), status: 500, times: 2 });
    await poll();
    expect(discord.messages).toHaveLength(0);
    const key = `live:${channelId}:${(await store.articles.findByGuid('story-2'))!.id}:${feedId}`;
    // Waiting for its next attempt: still claimed (pending), the failure noted.
    expect(await store.deliveries.get(key)).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await store.deliveries.get(key))!.lastError).toMatch(/HTTP 500/);

    items = [story(3), story(2), story(1)];
    await poll();
    expect(discord.messages.map((m) => m.body.embeds[0].title)).toEqual(['Story number 2', 'Story number 3']);
    expect(await store.deliveries.get(key)).toMatchObject({ status: 'sent' });

    items = [story(4), story(3), story(2), story(1)];
    await poll();
    expect(discord.messages).toHaveLength(3);
  });
});

describe('a live post waiting for its retry when Herald stops', () => {
  it.each([
    ['lost', '950000000000000001', false],
    ['landed', '950000000000000002', true],
  ] as const)(
    'is posted once, with its thread, after a restart (failed attempt %s)',
    async (name, channel, landed) => {
      const first = db.reopen();
      const { channelId, feedId } = await follow(first, where(channel), `${server.origin}/${name}.xml`, {
        patch: { thread: true },
      });
      await pollWith(first, livePoster(first)); // the baseline
      feedItems[name] = [story(2), story(1)];
      // Both of discord.js's attempts fail; with afterEffect Discord made the message but the answers were lost.
      const path = new RegExp(`^/channels/${channel}/messages$`);
      discord.fault({ method: 'POST', path, status: 502, times: 2, afterEffect: landed });
      await pollWith(first, livePoster(first));
      const key = `live:${channelId}:${(await first.articles.findByGuid('story-2'))!.id}:${feedId}`;
      expect(await first.deliveries.get(key)).toMatchObject({ status: 'pending', claimedBy: first.instanceId });
      const inChannel = () => discord.messages.filter((m) => m.channelId === channel);
      expect(inChannel()).toHaveLength(landed ? 1 : 0);

      // The process stops here; a new one opens the same file (same pid: the old claim is a dead process's).
      await first.close();
      const next = db.reopen();
      const live = livePoster(next);
      const report = await recoverPendingDeliveries({
        store: next,
        onSlot: async () => ({ messageId: null }),
        clock,
        logger,
        isAlive: processAlive,
        resumeLive: (k, since) => live.resume(k, since),
      });
      expect(report).toMatchObject({ sent: 1, failed: 0 });
      expect(inChannel()).toHaveLength(1);
      expect(discord.threads.filter((t) => t.parentId === channel).map((t) => t.id)).toEqual([inChannel()[0]!.id]);
      expect(await next.deliveries.get(key)).toMatchObject({ status: 'sent', attempts: 2 });

      // And nothing again: not at the next poll, not at the next recovery.
      await pollWith(next, live);
      await recoverPendingDeliveries({ store: next, onSlot: async () => ({ messageId: null }), clock, logger });
      expect(inChannel()).toHaveLength(1);
    },
    20_000,
  );
});
