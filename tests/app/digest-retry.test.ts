/**
 * A scheduled digest the platform fails for a passing reason (5xx, 429, no answer) is retried
 * with backoff and posted exactly once, also when the failed attempt had landed and only the
 * answer was lost, and also across a restart; it is never posted after the hour's window or after
 * the schedule's next slot, nor once its schedule is gone; a refusal (no access) is not retried and
 * shows where moderators look. Wired as the composition root wires it: the real scheduler's
 * `deliverSlot` (what a delivery job runs), the real slot handler, the real Discord and Slack
 * adapters against the fake platforms, channel health, and the operations' recovery pass that
 * `herald start` runs every minute; on a SQLite file and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordDelivery } from '../../src/adapters/discord/delivery.js';
import { createDiscordRest } from '../../src/adapters/discord/rest.js';
import { createSlackDelivery } from '../../src/adapters/slack/delivery.js';
import { createChannelHealth } from '../../src/app/channel-health.js';
import { createDeliveryRouter } from '../../src/app/delivery-router.js';
import { createOperations } from '../../src/app/operations.js';
import { createSlotHandler } from '../../src/app/slot-handler.js';
import { unavailableNotice } from '../../src/core/admin/unavailable.js';
import { DIGEST_ATTEMPTS } from '../../src/core/delivery/retry.js';
import { createMemoryLibrary } from '../../src/core/library/memory-library.js';
import type { Where } from '../../src/core/ports.js';
import { deliveryKey, type Schedule } from '../../src/core/store/records.js';
import type { HeraldStore } from '../../src/core/store/repositories.js';
import { CronScheduler, slotsAround } from '../../src/scheduler/index.js';
import { silentLogger } from '../discord/helpers.js';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord/server.js';
import { manualClock, type ManualClock } from '../helpers/manual-clock.js';
import { storeEngines } from '../helpers/store-engines.js';
import { textArticle } from '../schedules/harness.js';
import { captureLogger } from '../scheduler/helpers.js';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack/server.js';
import { TOKEN } from '../slack/helpers.js';

const MINUTE = 60_000;
let discord: FakeDiscord;
let slack: FakeSlack;

const ENGINES = storeEngines(import.meta.url);

/** One Herald process on `store`: adapters, channel health, slot handler, scheduler, recovery. */
function herald(store: HeraldStore, clock: ManualClock) {
  const logger = captureLogger();
  const health = createChannelHealth({ store, clock, logger });
  const delivery = createDeliveryRouter({
    discord: createDiscordDelivery({
      // One retry of discord.js's own: a fault of 2 fails an attempt.
      rest: createDiscordRest({ token: 'bot', apiUrl: discord.api, overrides: { offset: 0, retries: 1 } }),
      logger: silentLogger,
      onChannelUnavailable: (where, reason) => health.unavailable(where, reason),
    }),
    slack: createSlackDelivery({
      botToken: TOKEN,
      apiUrl: slack.apiUrl,
      journal: store.deliveries,
      logger: silentLogger,
      maxAttempts: 2,
      retryDelayMs: 1,
      onChannelUnavailable: (where, reason) => health.unavailable(where, reason),
    }),
  });
  const onSlot = createSlotHandler({ store, library: createMemoryLibrary(), delivery, logger });
  const scheduler = new CronScheduler({
    store,
    clock,
    logger,
    onSlot,
    graceMs: 15 * MINUTE,
    onSchedulesPaused: (listener) => health.onSchedulesPaused(listener),
  });
  const operations = createOperations({
    store,
    onSlot,
    clock,
    logger,
    cronSlots: slotsAround,
  });
  return { scheduler, operations, logger };
}

let channelSeq = 0;
/**
 * A schedule in a new channel with one story received before its slot. The slot is this minute
 * (Discord's look-up for a lost answer reads messages by the time in their ids, which the fake
 * takes from the real clock), made a daily slot unless `cron` says otherwise.
 */
async function scheduled(
  store: HeraldStore,
  clock: ManualClock,
  platform: 'discord' | 'slack',
  slot: Date,
  cron = `${slot.getUTCMinutes()} ${slot.getUTCHours()} * * *`,
): Promise<{ schedule: Schedule; where: Where; key: string }> {
  channelSeq += 1;
  // The schedule was made half an hour before its slot; the story came in between.
  const at = clock.now();
  clock.set(new Date(slot.getTime() - 30 * MINUTE));
  const channelId = platform === 'discord' ? String(960_000_000_000_000_000n + BigInt(channelSeq)) : `CR${channelSeq}`;
  const where: Where = { platform, workspaceId: platform === 'discord' ? '700000000000000001' : 'T1', channelId };
  const channel = await store.channels.ensure(where);
  const schedule = await store.schedules.create({ channelId: channel.id, cron, timezone: 'UTC', kind: 'new-articles' });
  const a = textArticle(
    `Harbour ferry returns after storm repairs ${channelSeq}\n\nThe city's harbour ferry resumed service on Tuesday after two weeks of repairs to its landing stage, the port authority said.\n\nCommuters had used buses during the closure.`,
    { url: `https://news.example/ferry-${channelSeq}`, sourceName: 'Harbour News' },
  );
  const feed = await store.feeds.ensure('https://news.example/rss', 'Harbour News');
  const stored = await store.articles.insert({
    article: a.article,
    link: `https://news.example/ferry-${channelSeq}`,
    feedId: feed.id,
  });
  await store.articles.markReceived(channel.id, stored.id, new Date(slot.getTime() - 10 * MINUTE));
  clock.set(at);
  return { schedule, where, key: deliveryKey(schedule.id, slot, channel.id) };
}

const thisMinute = (): Date => new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
const inDiscord = (channelId: string) => discord.messages.filter((m) => m.channelId === channelId);
const postsTo = (channelId: string) =>
  discord.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`).length;

beforeAll(async () => {
  // Discord's nonce guard lasts only minutes: with no window at all, only the look-up prevents a duplicate.
  discord = await startFakeDiscord({ nonceWindowMs: 0 });
  slack = await startFakeSlack();
});
afterAll(async () => {
  await discord.close();
  await slack.close();
});

describe.each(ENGINES)('retrying a scheduled digest ($name)', (engine) => {
  const db = engine.skip ? null! : engine.make();
  afterAll(async () => {
    await db?.cleanup();
  });

  /** One Herald process, its clock a second after `slot`, and one schedule in a new channel. */
  const begin = async (platform: 'discord' | 'slack' = 'discord', slot = thisMinute(), cron?: string) => {
    const clock = manualClock(slot.getTime() + 1000);
    const store = await db.open(clock);
    const made = await scheduled(store, clock, platform, slot, cron);
    /** Discord's route for posting in the schedule's channel, for faults. */
    const path = new RegExp(`^/channels/${made.where.channelId}/messages$`);
    return { slot, clock, store, h: herald(store, clock), path, ...made };
  };

  it.skipIf(engine.skip).each([
    ['lost before Discord made it', false],
    ['made by Discord, its answer lost', true],
  ] as const)(
    'a digest Discord fails with a 503 is tried again after the backoff and is in the channel once (%s)',
    async (_, landed) => {
      const { slot, clock, store, h, schedule, where, key, path } = await begin();
      // discord.js tries twice; when `landed`, Discord made the first one and its answer was lost.
      discord.fault({ method: 'POST', path, status: 503, afterEffect: landed });
      discord.fault({ method: 'POST', path, status: 503 });

      expect(await h.scheduler.deliverSlot(schedule, slot, false)).toBe('retrying');
      expect(await store.deliveries.get(key)).toMatchObject({ status: 'pending', attempts: 1 });
      expect((await store.deliveries.get(key))!.lastError).toMatch(/HTTP 503/);
      expect(inDiscord(where.channelId)).toHaveLength(landed ? 1 : 0);

      // Not before its backoff.
      clock.advance(30_000);
      await h.operations.recover();
      expect(await store.deliveries.get(key)).toMatchObject({ status: 'pending', attempts: 1 });
      expect(postsTo(where.channelId)).toBe(2);

      clock.advance(31_000);
      await h.operations.recover();
      expect(await store.deliveries.get(key)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
      expect(inDiscord(where.channelId)).toHaveLength(1);
      // The same digest as the first attempt: the story received before the slot.
      expect(inDiscord(where.channelId)[0]!.body.embeds[0].title).toMatch(/^1 new story since/);
      // The retry looked first: a landed attempt was found by its nonce and not posted again.
      expect(postsTo(where.channelId)).toBe(landed ? 2 : 3);
      expect(h.logger.lines.some((l) => l.msg === 'scheduled digest retried' && l.obj['outcome'] === 'sent')).toBe(
        true,
      );

      // Nothing more: not at the next passes, not when a repeated job delivers the slot again.
      clock.advance(60 * MINUTE);
      await h.operations.recover();
      expect(await h.scheduler.deliverSlot(schedule, slot, false)).toBe('claimed-elsewhere');
      expect(inDiscord(where.channelId)).toHaveLength(1);
      await store.close();
    },
    20_000,
  );

  it.skipIf(engine.skip)(
    `stops after ${DIGEST_ATTEMPTS} attempts in all, inside the hour, and posts nothing`,
    async () => {
      const { slot, clock, store, h, schedule, where, key, path } = await begin();
      discord.fault({
        method: 'POST',
        path,
        status: 502,
        times: 100,
      });

      expect(await h.scheduler.deliverSlot(schedule, slot, false)).toBe('retrying');
      const attempts: number[] = [];
      for (const wait of [1, 5, 15, 30]) {
        clock.advance(wait * MINUTE + 1000);
        await h.operations.recover();
        attempts.push((await store.deliveries.get(key))!.attempts);
      }
      expect(attempts).toEqual([2, 3, 4, 5]);
      const row = await store.deliveries.get(key);
      expect(row).toMatchObject({ status: 'failed', attempts: DIGEST_ATTEMPTS });
      expect(row!.lastError).toMatch(/HTTP 502/);
      expect(postsTo(where.channelId)).toBe(2 * DIGEST_ATTEMPTS);
      expect(inDiscord(where.channelId)).toHaveLength(0);
      clock.advance(60 * MINUTE);
      await h.operations.recover();
      expect(postsTo(where.channelId)).toBe(2 * DIGEST_ATTEMPTS);
      await store.close();
    },
    30_000,
  );

  it.skipIf(engine.skip)("is not posted once the schedule's next slot has come", async () => {
    const quarter = new Date(Math.floor(Date.now() / (15 * MINUTE)) * 15 * MINUTE);
    const { slot, clock, store, h, schedule, where, key, path } = await begin('discord', quarter, '*/15 * * * *');
    discord.fault({
      method: 'POST',
      path,
      status: 500,
      times: 4,
    });

    expect(await h.scheduler.deliverSlot(schedule, slot, false)).toBe('retrying');
    clock.advance(MINUTE + 1000);
    await h.operations.recover(); // the second attempt fails too; the next is due 5 minutes later
    expect(await store.deliveries.get(key)).toMatchObject({ status: 'pending', attempts: 2 });
    // Discord would take it now, but the 15-minute schedule's next slot has come: that digest is the news.
    clock.advance(15 * MINUTE);
    await h.operations.recover();
    const row = await store.deliveries.get(key);
    expect(row).toMatchObject({ status: 'failed' });
    expect(row!.lastError).toMatch(/^the schedule's next slot .* has come \(last failure: .*HTTP 500/);
    expect(inDiscord(where.channelId)).toHaveLength(0);
    await store.close();
  });

  it.skipIf(engine.skip)('a channel Discord refuses (no access) is not retried, and says why', async () => {
    const { slot, clock, store, h, schedule, where, key } = await begin();
    discord.forbiddenChannels.add(where.channelId);

    expect(await h.scheduler.deliverSlot(schedule, slot, false)).toBe('failed');
    const row = await store.deliveries.get(key);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row!.lastError).toMatch(/can no longer post in channel .*missing access/);
    // Channel health paused the schedule and recorded the reason that /schedule list and the dashboard show.
    expect((await store.schedules.get(schedule.id))?.paused).toBe(true);
    const channel = (await store.channels.find(where))!;
    expect(JSON.stringify(unavailableNotice(channel))).toMatch(/Missing Access.*schedules were paused/);
    const asked = postsTo(where.channelId);
    expect(asked).toBe(1);

    discord.forbiddenChannels.delete(where.channelId);
    for (const wait of [2, 10, 30]) {
      clock.advance(wait * MINUTE);
      await h.operations.recover();
    }
    expect(postsTo(where.channelId)).toBe(asked);
    expect(inDiscord(where.channelId)).toHaveLength(0);
    await store.close();
  });

  it.skipIf(engine.skip)('a digest whose schedule was removed while it waited is not posted', async () => {
    const { slot, clock, store, h, schedule, where, key, path } = await begin();
    discord.fault({
      method: 'POST',
      path,
      status: 503,
      times: 2,
    });
    expect(await h.scheduler.deliverSlot(schedule, slot, false)).toBe('retrying');
    expect((await h.scheduler.remove(schedule.id)).ok).toBe(true);
    clock.advance(2 * MINUTE);
    await h.operations.recover();
    expect(await store.deliveries.get(key)).toMatchObject({
      status: 'failed',
      lastError: expect.stringMatching(/^its schedule was removed/),
    });
    expect(inDiscord(where.channelId)).toHaveLength(0);
    await store.close();
  });

  it.skipIf(engine.skip)(
    'a retry pending when the process stops is made once by the next process (its attempt had landed)',
    async () => {
      const slot = thisMinute();
      const clock = manualClock(slot.getTime() + 1000);
      const first = await db.open(clock);
      const { schedule, where, key } = await scheduled(first, clock, 'discord', slot);
      const path = new RegExp(`^/channels/${where.channelId}/messages$`);
      discord.fault({ method: 'POST', path, status: 502, afterEffect: true });
      discord.fault({ method: 'POST', path, status: 502 });
      expect(await herald(first, clock).scheduler.deliverSlot(schedule, slot, false)).toBe('retrying');
      expect(await first.deliveries.get(key)).toMatchObject({ status: 'pending', claimedBy: first.instanceId });
      await first.close(); // the process stops before its retry is due

      clock.advance(3 * MINUTE);
      const next = await db.open(clock);
      const h = herald(next, clock);
      await h.operations.start(); // `herald start`: heartbeat, then a recovery pass
      await h.operations.stop();
      expect(await next.deliveries.get(key)).toMatchObject({ status: 'sent', attempts: 2 });
      expect(inDiscord(where.channelId)).toHaveLength(1);
      expect(postsTo(where.channelId)).toBe(2);
      await h.operations.recover();
      expect(inDiscord(where.channelId)).toHaveLength(1);
      await next.close();
    },
    20_000,
  );

  it.skipIf(engine.skip)('a digest Slack fails with 500s is retried and posted once', async () => {
    const { slot, clock, store, h, schedule, where, key } = await begin('slack');
    slack.script('chat.postMessage', { kind: 'status', status: 500 }, { kind: 'status', status: 503 });

    expect(await h.scheduler.deliverSlot(schedule, slot, false)).toBe('retrying');
    expect((await store.deliveries.get(key))!.lastError).toMatch(/http_503/);
    clock.advance(MINUTE + 1000);
    await h.operations.recover();
    expect(await store.deliveries.get(key)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(slack.posted.filter((m) => m.channel === where.channelId)).toHaveLength(1);
    clock.advance(60 * MINUTE);
    await h.operations.recover();
    expect(slack.posted.filter((m) => m.channel === where.channelId)).toHaveLength(1);
    await store.close();
  });
});
