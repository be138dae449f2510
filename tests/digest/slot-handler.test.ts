import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/text/render-text.js';
import type { HeraldStore } from '../../src/core/store/index.js';
import { manualClock, type ManualClock } from '../helpers/manual-clock.js';
import { tempDatabase } from '../scheduler/helpers.js';
import { openHarness, textArticle, where, type Harness } from '../schedules/harness.js';

let db: ReturnType<typeof tempDatabase>;
let clock: ManualClock;
const open: Harness[] = [];
beforeEach(() => {
  db = tempDatabase();
  clock = manualClock(new Date('2025-01-06T08:00:00Z'));
});
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
  db.cleanup();
});
async function harness(): Promise<Harness> {
  const h = await openHarness(db, { clock });
  open.push(h);
  return h;
}

const ROVER_A = `NASA picks three companies to build lunar terrain vehicle

NASA has selected Intuitive Machines, Lunar Outpost and Venturi Astrolab to develop the lunar terrain vehicle that Artemis astronauts will drive on the Moon.

The agency plans to award one of the teams a demonstration mission later this decade.`;
const ROVER_B = `Three firms selected to develop NASA's Moon rover

NASA selected Intuitive Machines, Lunar Outpost and Venturi Astrolab on Wednesday to develop a lunar terrain vehicle for Artemis astronauts.

Each company will now complete a year-long feasibility study for the agency.`;
const MARS = `NASA updates Mars Sample Return plan

NASA said it will choose between two landing approaches for Mars Sample Return next year to cut costs.

The decision follows an independent review of the mission's budget.`;

/** Stores an article from `feedUrl` and marks it received by each channel at `at`. */
async function receive(
  store: HeraldStore,
  text: string,
  feed: { url: string; title: string },
  link: string,
  channels: readonly string[],
  at: Date,
): Promise<void> {
  const f = await store.feeds.ensure(feed.url, feed.title);
  const a = textArticle(text, { url: link, sourceName: feed.title });
  const stored = await store.articles.insert({ article: a.article, link, feedId: f.id });
  for (const c of channels)
    await store.articles.markReceived((await store.channels.ensure(where(c))).id, stored.id, at);
}

const SLOT = new Date('2025-01-06T09:00:00Z');
const CHANNELS = ['c1', 'c2', 'c3'];

describe('the slot handler', () => {
  it('delivers a new-articles digest to each of 3 channels once, even when the slot fires twice', async () => {
    const h = await harness();
    for (const c of CHANNELS)
      expect((await h.run('/schedule add 0 9 * * *', { level: 'moderator', channel: c })).kind).toBe('answer');
    const at = new Date('2025-01-06T08:30:00Z');
    await receive(
      h.store,
      ROVER_A,
      { url: 'https://spacedaily.example/rss', title: 'Space Daily' },
      'https://spacedaily.example/ltv',
      CHANNELS,
      at,
    );
    await receive(
      h.store,
      ROVER_B,
      { url: 'https://orbit.example/feed', title: 'Orbit News' },
      'https://orbit.example/moon-rover',
      CHANNELS,
      at,
    );
    await receive(
      h.store,
      MARS,
      { url: 'https://spacedaily.example/rss', title: 'Space Daily' },
      'https://spacedaily.example/msr',
      ['c1'],
      at,
    );

    const first = await h.scheduler.fireGroup('0 9 * * *', 'UTC', SLOT);
    const second = await h.scheduler.fireGroup('0 9 * * *', 'UTC', SLOT);
    expect(first).toMatchObject({ sent: 3, failed: 0 });
    expect(second).toMatchObject({ sent: 0, claimedElsewhere: 3 });
    expect(h.delivery.sent.map((s) => s.where.channelId).sort()).toEqual(CHANNELS);
    const keys = h.delivery.sent.map((s) => s.message.deliveryKey);
    expect(new Set(keys).size).toBe(3);
    const c1 = h.delivery.sent.find((s) => s.where.channelId === 'c1')!;
    expect(c1.where).toEqual({ platform: 'discord', workspaceId: 'g1', channelId: 'c1' });
    const channelId = (await h.store.channels.find(where('c1')))!.id;
    expect(c1.message.deliveryKey).toBe(`1:2025-01-06T09:00:00.000Z:${channelId}`);
    // The rover story from two feeds is one story with both links; Mars is the other.
    expect(c1.message.reply.title).toBe('2 new stories since Mon, 6 Jan 2025, 08:00 UTC');
    const text = renderText(c1.message.reply);
    expect(text).toContain('https://spacedaily.example/ltv');
    expect(text).toContain('(Orbit News) — https://orbit.example/moon-rover');
    const lines = c1.message.reply.blocks.filter((b) => b.type === 'text' && b.cite);
    expect(lines).toHaveLength(2);
    expect(lines.filter((b) => b.type === 'text' && b.text.includes('Intuitive Machines'))).toHaveLength(1);
    expect(await h.store.deliveries.get(c1.message.deliveryKey)).toMatchObject({
      status: 'sent',
      messageId: expect.stringMatching(/^msg-/),
    });
  });

  it('never delivers twice when two schedulers on one database race for the same slot', async () => {
    const a = await harness();
    for (const c of CHANNELS) await a.run('/schedule add 0 9 * * *', { level: 'moderator', channel: c });
    await receive(
      a.store,
      MARS,
      { url: 'https://spacedaily.example/rss', title: 'Space Daily' },
      'https://spacedaily.example/msr',
      CHANNELS,
      new Date('2025-01-06T08:10:00Z'),
    );
    const b = await harness();
    await Promise.all([
      a.scheduler.fireGroup('0 9 * * *', 'UTC', SLOT),
      b.scheduler.fireGroup('0 9 * * *', 'UTC', SLOT),
    ]);
    const all = [...a.delivery.sent, ...b.delivery.sent];
    expect(all.map((s) => s.where.channelId).sort()).toEqual(CHANNELS);
  });

  it('posts only what arrived since the last run, and nothing (logged) when nothing did', async () => {
    const h = await harness();
    await h.run('/schedule add 0 * * * *', { level: 'moderator' });
    await receive(
      h.store,
      MARS,
      { url: 'https://spacedaily.example/rss', title: 'Space Daily' },
      'https://spacedaily.example/msr',
      ['c1'],
      new Date('2025-01-06T08:20:00Z'),
    );
    await h.scheduler.fireGroup('0 * * * *', 'UTC', SLOT);
    expect(h.delivery.sent).toHaveLength(1);
    // The 10:00 slot: the Mars story was in the 09:00 digest, nothing new since.
    clock.set(new Date('2025-01-06T10:00:00Z'));
    await h.scheduler.fireGroup('0 * * * *', 'UTC', new Date('2025-01-06T10:00:00Z'));
    expect(h.delivery.sent).toHaveLength(1);
    expect(h.logger.lines.some((l) => l.msg === 'no new articles: nothing posted' && l.obj['scheduleId'] === 1)).toBe(
      true,
    );
    const preview = await h.run('/schedule preview 1', { level: 'moderator' });
    expect(preview.ephemeral).toBe(true);
    expect(preview.title).toBe('No new articles since Mon, 6 Jan 2025, 10:00 UTC.');
  });

  it('delivers the full digest of the current article for current-article schedules, as the preview shows it', async () => {
    const h = await harness();
    h.library.add(textArticle(ROVER_A, { url: 'https://spacedaily.example/ltv', sourceName: 'Space Daily' }));
    await h.run('/schedule add 0 9 * * * UTC current-article', { level: 'moderator' });
    const preview = await h.run('/schedule preview 1', { level: 'moderator' });
    await h.scheduler.fireGroup('0 9 * * *', 'UTC', SLOT);
    const [posted] = h.delivery.sent;
    expect(posted!.message.reply.title).toBe('NASA picks three companies to build lunar terrain vehicle');
    expect(posted!.message.reply.blocks).toEqual(preview.blocks);
    expect(posted!.message.reply.ephemeral).toBe(false);
    expect(renderText(posted!.message.reply)).toContain(
      'Source: NASA picks three companies to build lunar terrain vehicle (Space Daily) — https://spacedaily.example/ltv',
    );
  });

  it('marks the delivery failed when the platform refuses it', async () => {
    const h = await harness();
    h.library.add(textArticle(MARS));
    await h.run('/schedule add 0 9 * * * UTC current-article', { level: 'moderator' });
    h.delivery.deliver = async () => ({ ok: false, error: { code: 'platform_error', message: 'Missing Access' } });
    const report = await h.scheduler.fireGroup('0 9 * * *', 'UTC', SLOT);
    expect(report).toMatchObject({ sent: 0, failed: 1 });
    const channelId = (await h.store.channels.find(where()))!.id;
    expect(await h.store.deliveries.get(`1:${SLOT.toISOString()}:${channelId}`)).toMatchObject({
      status: 'failed',
      lastError: 'platform_error: Missing Access',
    });
  });
});
