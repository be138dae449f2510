/**
 * A 100,000-item feed polled once (issue 11, Medium 7): the longest event-loop delay while it is
 * fetched, parsed, capped to `maxItemsPerPoll` and stored, against a 200-item feed polled the same
 * way in the same run, measured with perf_hooks.monitorEventLoopDelay. Also the heap growth and the
 * database growth of the poll. Aim: max delay under 100 ms.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pino from 'pino';
import { pollFeed } from '../src/app/poll-feed.js';
import { parseAllowlist } from '../src/feeds/index.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import type { BenchResult } from './bench-utils.js';

function feedXml(items: number): string {
  const start = Date.UTC(2026, 0, 1);
  const parts: string[] = [];
  for (let i = 0; i < items; i++)
    parts.push(
      `<item><title>Item ${i}</title><link>https://huge.example/${items}/${i}</link><guid>g${items}-${i}</guid><pubDate>${new Date(start + i * 60_000).toUTCString()}</pubDate><description>The harbour board met for the ${i}th time and approved the plan.</description></item>`,
    );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>F${items}</title><link>https://huge.example/</link><description>d</description>${parts.join('')}</channel></rss>`;
}

export async function run(): Promise<BenchResult[]> {
  const feeds = new Map([100_000, 200].map((n) => [`/f${n}.xml`, feedXml(n)]));
  const server = createServer((req, res) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feeds.get(req.url ?? '') ?? ''),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = mkdtempSync(join(tmpdir(), 'herald-huge-bench-'));
  const opened = openSqliteStore({ dataDir: dir });
  if (!opened.ok) throw new Error(opened.error.message);
  const store = opened.value;
  const allow = parseAllowlist(['127.0.0.1']);
  if (!allow.ok) throw new Error(allow.error.message);
  const results: BenchResult[] = [];
  try {
    const channel = await store.channels.ensure({ platform: 'shell', workspaceId: 'local', channelId: 'bench' });
    const measure = async (items: number) => {
      const feed = await store.feeds.ensure(`${origin}/f${items}.xml`);
      await store.subscriptions.subscribe(channel.id, feed.id, { include: [], exclude: [] });
      const dbBefore = statSync(store.file).size;
      global.gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      let heapPeak = heapBefore;
      const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 20);
      const loop = monitorEventLoopDelay({ resolution: 1 });
      loop.enable();
      const started = performance.now();
      const outcome = await pollFeed(feed, {
        store,
        fetch: {
          fetch: globalThis.fetch,
          lookup: async () => [],
          allowlist: allow.value,
          limits: { timeoutMs: 120_000, maxBytes: 100_000_000 },
        },
        clock: { now: () => new Date() },
        logger: pino({ level: 'silent' }),
        pollIntervalMs: 15 * 60_000,
        disableAfterFailures: 3,
        backoff: { baseMs: 60_000, maxMs: 60_000, jitter: 0, random: () => 0 },
      });
      loop.disable();
      clearInterval(sampler);
      const ms = performance.now() - started;
      // WAL pages count too: the database grows by both files until a checkpoint.
      const walSize = (() => {
        try {
          return statSync(`${store.file}-wal`).size;
        } catch {
          return 0;
        }
      })();
      return {
        items,
        stored: outcome.kind === 'fetched' ? outcome.newItems : 0,
        maxDelayMs: loop.max / 1e6,
        p99DelayMs: loop.percentile(99) / 1e6,
        pollMs: ms,
        heapPeakMb: (heapPeak - heapBefore) / 1e6,
        dbGrowthMb: (statSync(store.file).size + walSize - dbBefore) / 1e6,
      };
    };
    const base = await measure(200);
    const huge = await measure(100_000);
    for (const r of [base, huge])
      results.push({
        name: `${r.items.toLocaleString('en')}-item feed`,
        figures: {
          'stored items': r.stored,
          'max loop delay ms': r.maxDelayMs,
          'p99 loop delay ms': r.p99DelayMs,
          'poll ms': r.pollMs,
          'heap growth MB': r.heapPeakMb,
          'db growth MB': r.dbGrowthMb,
          ...(r === huge ? { 'max delay vs 200-item': huge.maxDelayMs / Math.max(1, base.maxDelayMs) } : {}),
        },
        ...(r === huge
          ? {
              ratios: { maxDelayVs200: huge.maxDelayMs / Math.max(1, base.maxDelayMs) },
              target: { label: 'max loop delay < 100 ms', met: huge.maxDelayMs < 100 },
            }
          : {}),
      });
  } finally {
    await store.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
