/**
 * Live posting through the real poller on a real SQLite file and a local feed server: the first
 * poll is the baseline (or posts the newest N with backfill), each new item is posted once per
 * channel across polls and a restart, a burst is capped with one "N more" message, a digest
 * feed posts nothing, and posts a killed process claimed are finished by crash recovery.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollCycle } from '../../src/app/poller.js';
import { recoverPendingDeliveries } from '../../src/core/delivery/recovery.js';
import { createLivePoster, type LivePoster } from '../../src/core/live/live-posts.js';
import type { SlotHandler } from '../../src/core/schedule/port.js';
import type { HeraldStore } from '../../src/core/store/repositories.js';
import { localDeps, startFeedServer, type TestServer } from '../feeds/feed-server.js';
import { tempStore, where } from '../feeds-admin/helpers.js';
import { manualClock, recordingDelivery, rss, xmlRoute, type ItemSpec } from '../feeds-admin/poll-fixtures.js';
import { follow, story } from './helpers.js';

const logger = pino({ level: 'silent' });
const clock = manualClock();
const db = tempStore();
let server: TestServer;
const feeds: Record<string, ItemSpec[]> = { a: [], burst: [], digest: [], crash: [] };

beforeAll(async () => {
  server = await startFeedServer();
  for (const name of Object.keys(feeds))
    server.route(`/${name}.xml`, (req, res) => xmlRoute(rss(`Feed ${name}`, feeds[name]!))(req, res));
});
afterAll(async () => {
  await server.close();
  await db.cleanup();
});

const poll = (store: HeraldStore, live: LivePoster) =>
  pollCycle({
    store,
    fetch: { ...localDeps(), limits: { timeoutMs: 20_000 } },
    clock,
    logger,
    live,
    options: { pollIntervalMs: 60_000, all: true },
  });
const noSlots: SlotHandler = async () => ({ messageId: null });

describe('live posting', () => {
  it('baseline, backfill, once per channel across polls and a restart, and digest feeds stay quiet', async () => {
    feeds['a'] = [story(3), story(2), story(1)];
    feeds['digest'] = [story(30)];
    const { store } = db;
    await follow(store, where('quiet'), `${server.origin}/a.xml`);
    await follow(store, where('backfilled'), `${server.origin}/a.xml`, { backfill: 2 });
    await follow(store, where('digests'), `${server.origin}/digest.xml`, { mode: 'digest' });
    const delivery = recordingDelivery();
    const live = createLivePoster({ store, delivery, clock, logger });

    const first = await poll(store, live);
    // The baseline: nothing old in 'quiet'; the newest two in 'backfilled', oldest first.
    expect(delivery.sent.map((s) => `${s.where.channelId} ${s.message.reply.title}`)).toEqual([
      'backfilled Story number 2',
      'backfilled Story number 3',
    ]);
    expect(first.posted).toHaveLength(2);

    feeds['a'] = [story(5), story(4), ...feeds['a']!];
    feeds['digest'] = [story(31), ...feeds['digest']!];
    clock.advance(60_000);
    await poll(store, live);
    const second = delivery.sent.slice(2).map((s) => `${s.where.channelId} ${s.message.reply.title}`);
    expect(second.sort()).toEqual([
      'backfilled Story number 4',
      'backfilled Story number 5',
      'quiet Story number 4',
      'quiet Story number 5',
    ]);
    // A live post is Herald's reading: the title, the lead, the people with their roles, the link.
    const post = delivery.sent.at(-1)!.message.reply;
    const text = JSON.stringify(post.blocks);
    expect(text).toContain('was reported on Monday');
    expect(text).toContain('Maria Lopez, mission director');
    expect(post.blocks.some((b) => b.type === 'source' && b.url === 'https://news.example/story-5')).toBe(true);
    for (const s of delivery.sent)
      expect(await store.deliveries.get(s.message.deliveryKey)).toMatchObject({ status: 'sent' });

    // A restart: a new store and poster on the same file; nothing is posted again.
    const reopened = db.reopen();
    const again = recordingDelivery();
    clock.advance(60_000);
    const third = await poll(reopened, createLivePoster({ store: reopened, delivery: again, clock, logger }));
    expect(third.fetched + third.notModified).toBeGreaterThan(0);
    expect(again.sent).toEqual([]);
  });

  it('a burst of 80 items posts the configured number and one "N more" message', async () => {
    const { store } = db;
    feeds['burst'] = [story(100)];
    await follow(store, where('burst'), `${server.origin}/burst.xml`);
    const delivery = recordingDelivery();
    const live = createLivePoster({ store, delivery, clock, logger, maxPerPoll: 5 });
    clock.advance(60_000);
    await poll(store, live);
    expect(delivery.sent).toEqual([]);

    feeds['burst'] = Array.from({ length: 80 }, (_, i) => story(200 + 79 - i));
    clock.advance(60_000);
    await poll(store, live);
    const inBurst = delivery.sent.filter((s) => s.where.channelId === 'burst');
    expect(inBurst).toHaveLength(6);
    // The five newest, oldest first, then the note.
    expect(inBurst.slice(0, 5).map((s) => s.message.reply.title)).toEqual(
      [275, 276, 277, 278, 279].map((n) => `Story number ${n}`),
    );
    expect(inBurst[5]!.message.reply.title).toMatch(/^75 more new stories from Feed burst .*\/articles/);
  });

  it('posts a killed process claimed are finished by recovery, once each', async () => {
    const dead = db.reopen();
    feeds['crash'] = [story(400)];
    await follow(dead, where('crash'), `${server.origin}/crash.xml`);
    const delivery = recordingDelivery();
    const real = createLivePoster({ store: dead, delivery, clock, logger });
    // The process dies after the poll's transaction committed, before anything was posted.
    const killed: LivePoster = { ...real, post: async () => [] };
    clock.advance(60_000);
    await poll(dead, killed);
    feeds['crash'] = [story(402), story(401), story(400)];
    clock.advance(60_000);
    await poll(dead, killed);
    expect(delivery.sent).toEqual([]);
    const pending = (await dead.deliveries.listPending(10)).map((d) => d.key);
    expect(pending).toHaveLength(2);

    const next = db.reopen();
    const live = createLivePoster({ store: next, delivery, clock, logger });
    const report = await recoverPendingDeliveries({
      store: next,
      onSlot: noSlots,
      clock,
      logger,
      isAlive: (id) => id !== dead.instanceId,
      resumeLive: (key, since) => live.resume(key, since),
    });
    expect(report).toMatchObject({ sent: 2, failed: 0 });
    expect(delivery.sent.map((s) => s.message.reply.title)).toEqual(['Story number 401', 'Story number 402']);
    expect(delivery.sent.every((s) => s.message.resume)).toBe(true);
    expect(await next.deliveries.listPending(10)).toEqual([]);
  });
});
