import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollCycle, type PollerDeps } from '../../src/app/poller.js';
import { formatPollSummary, pollOnce } from '../../src/app/poll-once.js';
import { startFeedServer, localDeps, type TestServer } from '../feeds/feed-server.js';
import { tempStore, where } from './helpers.js';
import { MALFORMED, manualClock, recordingDelivery, rss, xmlRoute } from './poll-fixtures.js';

const FIXTURES = [
  'rssparser_guardian.rss',
  'rssparser_heise.atom',
  'rssparser_reddit.rss',
  'nodefeedparser_rss2sample.xml',
  'rssparser_encoding.rss',
];
const shared = {
  guid: 'shared-story-1',
  title: 'Shared story about Mars',
  body: 'Both feeds carry this story about Mars. It is the same item.',
};

let server: TestServer;
const db = tempStore();
const { store } = db;
const clock = manualClock();
const delivery = recordingDelivery();
const MINUTE = 60_000;

beforeAll(async () => {
  server = await startFeedServer();
  server.route('/dead', (_req, res) => res.writeHead(500).end('boom'));
  server.route('/malformed', (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(MALFORMED),
  );
  server.route(
    '/dup-a',
    xmlRoute(
      rss('Feed A', [
        shared,
        { guid: 'a-only', title: 'Only in A about the Moon', body: 'The moon story is only in feed A.' },
      ]),
    ),
  );
  server.route(
    '/dup-b',
    xmlRoute(
      rss('Feed B', [
        { ...shared, title: 'Shared story about Mars' },
        { guid: 'b-sport', title: 'Sport results', body: 'The match ended in a draw.' },
      ]),
    ),
  );
  const c1 = await store.channels.ensure(where('c1'));
  const c2 = await store.channels.ensure(where('c2'));
  const urls = [
    ...FIXTURES.map((f) => `${server.origin}/feeds/${f}`),
    `${server.origin}/dead`,
    `${server.origin}/malformed`,
    `${server.origin}/dup-a`,
  ];
  for (const url of urls)
    await store.subscriptions.subscribe(c1.id, (await store.feeds.ensure(url)).id, { include: [], exclude: [] });
  // c2 follows only feed B, and excludes sport.
  await store.subscriptions.subscribe(c2.id, (await store.feeds.ensure(`${server.origin}/dup-b`)).id, {
    include: [],
    exclude: ['sport'],
  });
});
afterAll(async () => {
  await server.close();
  await db.cleanup();
});

const deps = (): PollerDeps => ({
  store,
  fetch: { ...localDeps(), limits: { timeoutMs: 20_000 } },
  clock,
  logger: pino({ level: 'silent' }),
  delivery,
  options: {
    pollIntervalMs: 10 * MINUTE,
    disableAfterFailures: 3,
    backoff: { baseMs: MINUTE, maxMs: 5 * MINUTE, jitter: 0, random: () => 0 },
  },
});

describe('a poll cycle against local feeds and a real SQLite file', () => {
  it('cold: fetches every due feed, stores items once across feeds, and one bad feed stops no other', async () => {
    const s = await pollCycle(deps());
    expect(s.ran).toBe(true);
    expect(s.due).toBe(FIXTURES.length + 4);
    // Named failures first, so a slow machine's timeout shows up as what it is.
    expect(s.failures.map((f) => `${f.url.split('/').pop()}: ${f.code}`).sort()).toEqual([
      'dead: feed_unreachable',
      'malformed: feed_invalid',
    ]);
    expect(s.fetched).toBe(FIXTURES.length + 2);
    expect(s.errors).toBe(2);
    expect(s.failures.map((f) => f.url.split('/').pop()).sort()).toEqual(['dead', 'malformed']);
    expect(s.failures.find((f) => f.url.endsWith('/malformed'))?.code).toBe('feed_invalid');
    expect(s.newItems).toBeGreaterThan(20);

    const shared1 = await store.articles.findByGuid('shared-story-1');
    expect(shared1).not.toBeNull();
    const c1 = (await store.channels.find(where('c1')))!;
    const c2 = (await store.channels.find(where('c2')))!;
    const c2Got = await store.articles.listReceived(c2.id);
    // The shared story is stored once and reaches both channels; c2's exclude filter drops sport.
    expect(c2Got.map((r) => r.articleId)).toEqual([shared1!.id]);
    expect((await store.articles.listReceived(c1.id)).filter((r) => r.articleId === shared1!.id)).toHaveLength(1);
    const guardian = (await store.feeds.findByUrl(`${server.origin}/feeds/rssparser_guardian.rss`))!;
    expect(guardian.title).toBeTruthy();
    expect(guardian.fetch).toMatchObject({
      lastError: null,
      consecutiveFailures: 0,
      nextAttemptAt: new Date(clock.now().getTime() + 10 * MINUTE).toISOString(),
    });
    expect(guardian.fetch.etag).toBeTruthy();
    expect(guardian.fetch.itemsSeen).toBeGreaterThan(0);
    const dead = (await store.feeds.findByUrl(`${server.origin}/dead`))!;
    expect(dead.fetch).toMatchObject({
      consecutiveFailures: 1,
      disabledReason: null,
      nextAttemptAt: new Date(clock.now().getTime() + MINUTE).toISOString(),
    });
    expect(dead.fetch.lastError).toMatch(/500/);
    expect(formatPollSummary(s)).toMatch(/Polled 9 due feeds .* 7 fetched, 0 unchanged \(304\), 2 failed\./);
  });

  it('nothing is due again before the interval, and failing feeds wait for their back-off', async () => {
    clock.advance(30_000);
    expect((await pollCycle(deps())).due).toBe(0);
  });

  it('second poll: every working feed answers 304, and nothing new is stored', async () => {
    clock.advance(10 * MINUTE);
    const requestsBefore = server.requests.length;
    const s = await pollCycle(deps());
    expect(s.notModified).toBe(FIXTURES.length + 2);
    expect(s.fetched).toBe(0);
    expect(s.newItems).toBe(0);
    expect(s.errors).toBe(2);
    const conditional = server.requests.slice(requestsBefore).filter((r) => r.headers['if-none-match']);
    expect(conditional.length).toBe(FIXTURES.length + 2);
    expect((await store.feeds.findByUrl(`${server.origin}/dead`))!.fetch.consecutiveFailures).toBe(2);
  });

  it('disables a feed after N failures and tells each subscribed channel exactly once', async () => {
    clock.advance(10 * MINUTE);
    const s = await pollCycle(deps());
    expect(s.disabled).toBe(2);
    const dead = (await store.feeds.findByUrl(`${server.origin}/dead`))!;
    expect(dead.fetch.disabledReason).toMatch(/Disabled after 3 failed fetches/);
    const notices = delivery.sent.filter((d) => d.message.deliveryKey.startsWith(`feed-disabled:${dead.id}:`));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.where).toEqual(where('c1'));
    expect(notices[0]!.message.reply.title).toContain('Feed disabled');
    expect(notices[0]!.message.reply.ephemeral).toBe(false);
    expect(await store.deliveries.get(notices[0]!.message.deliveryKey)).toMatchObject({ status: 'sent' });

    // Disabled feeds are never due again, so the channel hears nothing more.
    const sentBefore = delivery.sent.length;
    for (let i = 0; i < 3; i++) {
      clock.advance(60 * MINUTE);
      const later = await pollCycle(deps());
      expect(later.failures).toEqual([]);
    }
    expect(delivery.sent.length).toBe(sentBefore);
  });

  it('skips the cycle while another process holds the poll lease', async () => {
    const other = db.reopen();
    expect(await other.leases.tryLease('feeds:poll', 60_000, clock.now())).toBe(true);
    const s = await pollCycle(deps());
    expect(s.ran).toBe(false);
    expect(formatPollSummary(s)).toContain('Another Herald process is polling');
    await other.leases.release('feeds:poll');
  });

  it('pollOnce runs a cycle and prints its summary', async () => {
    clock.advance(60 * MINUTE);
    const printed: string[] = [];
    const s = await pollOnce({ ...deps(), print: (t) => printed.push(t) });
    expect(s.notModified).toBe(FIXTURES.length + 2);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^Polled 7 due feeds in [\d.]+ s: 0 fetched, 7 unchanged \(304\), 0 failed\./);
  });
});
