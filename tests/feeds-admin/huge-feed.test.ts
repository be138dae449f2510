/**
 * A feed with 100,000 items: one poll keeps only the newest `maxItemsPerPoll` (so memory and the
 * database grow by a bounded amount), and the event loop turns while they are stored: /healthz is
 * answered after the feed has been downloaded and before the poll ends. (No timing thresholds
 * here; the loop delay is measured by `npm run bench -- huge-feed`.)
 */
import BetterSqlite3 from 'better-sqlite3';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollFeed } from '../../src/app/poll-feed.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { localDeps, startFeedServer, type TestServer } from '../feeds/feed-server.js';
import { tempStore, where } from './helpers.js';
import { manualClock } from './poll-fixtures.js';

const ITEMS = 100_000;
const CAP = 150;
let server: TestServer;
let http: HttpServer;
let sentAt = 0;
const db = tempStore();

/** Items dated one minute apart, listed oldest first, so "newest" must come from the dates. */
function hugeFeed(): string {
  const start = Date.UTC(2026, 0, 1);
  const parts: string[] = [];
  for (let i = 0; i < ITEMS; i++)
    parts.push(
      `<item><title>Item ${i}</title><link>https://huge.example/${i}</link><guid>g${i}</guid><pubDate>${new Date(start + i * 60_000).toUTCString()}</pubDate><description>The harbour board met for the ${i}th time and approved the plan.</description></item>`,
    );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Huge</title><link>https://huge.example/</link><description>d</description>${parts.join('')}</channel></rss>`;
}

beforeAll(async () => {
  server = await startFeedServer();
  const xml = hugeFeed();
  server.route('/huge', (_req, res) => {
    res.on('finish', () => (sentAt = Date.now()));
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(xml);
  });
  http = createHttpServer(pino({ level: 'silent' }));
  await http.listen(0, '127.0.0.1');
});
afterAll(async () => {
  await server.close();
  await http.close();
  await db.cleanup();
});

describe('a 100,000-item feed', () => {
  it('is capped to the newest items per poll, and /healthz answers while the poll runs', async () => {
    const { store } = db;
    const channel = await store.channels.ensure(where('huge'));
    const feed = await store.feeds.ensure(`${server.origin}/huge`);
    await store.subscriptions.subscribe(channel.id, feed.id, { include: [], exclude: [] });
    const port = (http.server.address() as { port: number }).port;

    let pollDone = false;
    const answeredWhilePolling: number[] = [];
    const probe = (async () => {
      // Ask only once the whole feed has left the server: from then on, only the poll is working.
      while (!pollDone && sentAt === 0) await new Promise((r) => setTimeout(r, 5));
      while (!pollDone) {
        // A fresh connection each time: a kept-alive one may be closed by the server while the loop is busy.
        const res = await fetch(`http://127.0.0.1:${port}/healthz`, { headers: { connection: 'close' } }).catch(
          () => null,
        );
        if (!pollDone && res?.ok) answeredWhilePolling.push(res.status);
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    const outcome = await pollFeed(feed, {
      store,
      fetch: { ...localDeps(), limits: { timeoutMs: 120_000, maxBytes: 100_000_000 } },
      clock: manualClock(),
      logger: pino({ level: 'silent' }),
      pollIntervalMs: 60_000,
      disableAfterFailures: 3,
      backoff: { baseMs: 60_000, maxMs: 60_000, jitter: 0, random: () => 0 },
      maxItemsPerPoll: CAP,
    }).finally(() => (pollDone = true));
    await probe;

    expect(outcome).toMatchObject({ kind: 'fetched', items: ITEMS, newItems: CAP });
    const raw = new BetterSqlite3(db.file, { readonly: true });
    const guids = (raw.prepare('SELECT guid FROM articles').all() as { guid: string }[]).map((r) => r.guid);
    raw.close();
    expect(guids).toHaveLength(CAP);
    // The newest by date: the last CAP items of the (oldest-first) feed.
    expect(new Set(guids)).toEqual(new Set(Array.from({ length: CAP }, (_, i) => `g${ITEMS - CAP + i}`)));
    expect(answeredWhilePolling.length).toBeGreaterThan(0);
  }, 300_000);
});
