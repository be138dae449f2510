/**
 * One poll cycle of 500 local feeds with 50 items each (generated RSS served on 127.0.0.1, a real
 * SQLite file), cold and then all-304: items per second, wall time, peak RSS and heap. Plus the
 * per-item costs behind the lazy-analysis choice: ingest (text and HTML bodies) and analysis.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { pollCycle, type PollSummary } from '../src/app/poller.js';
import { analyse } from '../src/core/analyse/index.js';
import { ingestFeedItem } from '../src/core/ingest/index.js';
import { parseAllowlist } from '../src/feeds/index.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import type { BenchResult } from './bench-utils.js';

export const FEEDS = 500;
export const ITEMS = 50;
const MB = 1024 * 1024;

const SENTENCES = [
  'The agency said on Tuesday that the mission would launch next spring.',
  'Officials from three countries met in Geneva to discuss the plan.',
  'The committee approved a budget of 4.2 billion dollars for the project.',
  'Critics argued that the timeline was too ambitious for the teams involved.',
  'Researchers published the findings in a peer-reviewed journal.',
];

function body(feed: number, item: number): string {
  return (
    Array.from({ length: 4 }, (_, k) => SENTENCES[(feed + item + k) % SENTENCES.length]).join(' ') +
    ` Story ${feed}-${item}.`
  );
}

/** One generated RSS document, with plain-text descriptions (see the HTML row for their cost). */
export function feedXml(feed: number, itemCount = ITEMS): string {
  const items = Array.from({ length: itemCount }, (_, i) => {
    const date = new Date(Date.UTC(2025, 0, 6, 9, 0) - i * 3_600_000).toUTCString();
    return `<item><title>Feed ${feed} story ${i}: mission update</title><link>https://news.example/${feed}/${i}</link><guid>f${feed}-i${i}</guid><pubDate>${date}</pubDate><description>${body(feed, i)}</description></item>`;
  }).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench feed ${feed}</title><link>https://news.example/${feed}</link><description>bench</description>${items}</channel></rss>`;
}

/** Samples process memory while `fn` runs; returns its result, wall time and the peaks. */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; rssMb: number; heapMb: number }> {
  let rss = process.memoryUsage().rss;
  let heap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 25);
  const start = performance.now();
  try {
    const value = await fn();
    return { value, ms: performance.now() - start, rssMb: rss / MB, heapMb: heap / MB };
  } finally {
    clearInterval(timer);
  }
}

function perItemMs(count: number, fn: (i: number) => void): number {
  const start = performance.now();
  for (let i = 0; i < count; i++) fn(i);
  return (performance.now() - start) / count;
}

export async function run(): Promise<BenchResult[]> {
  const docs = Array.from({ length: FEEDS }, (_, i) => feedXml(i));
  const etags = docs.map((d) => `"${createHash('sha1').update(d).digest('hex')}"`);
  const server = createServer((req, res) => {
    const n = Number(/^\/f\/(\d+)\.xml$/u.exec(req.url ?? '')?.[1] ?? -1);
    if (!(n >= 0 && n < FEEDS)) return void res.writeHead(404).end();
    if (req.headers['if-none-match'] === etags[n]) return void res.writeHead(304, { etag: etags[n] }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: etags[n] }).end(docs[n]);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = mkdtempSync(join(tmpdir(), 'herald-bench-feeds-'));
  const opened = openSqliteStore({ dataDir: dir });
  if (!opened.ok) throw new Error(opened.error.message);
  const store = opened.value;
  const allow = parseAllowlist(['127.0.0.1']);
  if (!allow.ok) throw new Error(allow.error.message);

  try {
    const channel = await store.channels.ensure({ platform: 'shell', workspaceId: 'local', channelId: 'bench' });
    for (let i = 0; i < FEEDS; i++) {
      const feed = await store.feeds.ensure(`${origin}/f/${i}.xml`);
      await store.subscriptions.subscribe(channel.id, feed.id, { include: [], exclude: [] });
    }
    let now = Date.UTC(2025, 0, 6, 10, 0);
    const deps = {
      store,
      fetch: { fetch: globalThis.fetch, lookup: async () => [], allowlist: allow.value, limits: { timeoutMs: 10_000 } },
      clock: { now: () => new Date(now) },
      logger: pino({ level: 'silent' }),
      options: { concurrency: 8, pollIntervalMs: 15 * 60_000 },
    };
    const cold = await measured(() => pollCycle(deps));
    now += 60 * 60_000;
    const warm = await measured(() => pollCycle(deps));

    const row = (
      name: string,
      m: { value: PollSummary; ms: number; rssMb: number; heapMb: number },
      target: BenchResult['target'],
    ): BenchResult => ({
      name,
      figures: {
        feeds: m.value.due,
        'fetched/304/errors': `${m.value.fetched}/${m.value.notModified}/${m.value.errors}`,
        'new items': m.value.newItems,
        's wall': m.ms / 1000,
        'items/s': Math.round(m.value.items / (m.ms / 1000)),
        'feeds/s': Math.round(m.value.due / (m.ms / 1000)),
        'peak RSS MB': m.rssMb,
        'peak heap MB': m.heapMb,
      },
      ...(target ? { target } : {}),
    });

    const sample = {
      title: 'Story',
      link: 'https://news.example/x',
      guid: 'x',
      isoDate: null,
      categories: [] as string[],
    };
    const textMs = perItemMs(500, (i) => ingestFeedItem({ ...sample, guid: `t${i}`, content: body(i, i) }));
    const htmlMs = perItemMs(300, (i) =>
      ingestFeedItem({ ...sample, guid: `h${i}`, content: `<p>${body(i, i)}</p><p>${body(i + 1, i)}</p>` }),
    );
    const article = ingestFeedItem({ ...sample, content: `${body(1, 2)}\n\n${body(3, 4)}` });
    const analyseMs = article.ok ? perItemMs(100, () => analyse(article.value)) : NaN;

    return [
      row(`cold poll, ${FEEDS} feeds x ${ITEMS} items`, cold, {
        label: 'cold < 60 s, all items new',
        met: cold.ms < 60_000 && cold.value.newItems === FEEDS * ITEMS,
      }),
      {
        ...row('second poll, all 304', warm, {
          label: 'all 304 in < 5 s',
          met: warm.value.notModified === FEEDS && warm.ms < 5_000,
        }),
        ratios: { 'wall vs cold poll': warm.ms / cold.ms },
      },
      {
        name: 'per item (ms)',
        figures: {
          'ingest text': textMs,
          'ingest html': htmlMs,
          analyse: analyseMs,
          'eager analysis of a cold cycle (s)': (analyseMs * FEEDS * ITEMS) / 1000,
        },
      },
    ];
  } finally {
    await store.close();
    await new Promise<void>((r) => server.close(() => r()));
    rmSync(dir, { recursive: true, force: true });
  }
}
