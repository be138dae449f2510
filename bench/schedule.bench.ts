/**
 * One fan-out tick of the scheduler: 10,000 channels sharing five cron expressions that all fall on
 * the same minute, against a real SQLite file, through the real slot handler (each channel has one
 * new article, so every digest is built) and a no-op delivery port. Compared with the same tick
 * for one channel: wall time, per-channel cost and the event-loop delay the tick causes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createSlotHandler } from '../src/app/slot-handler.js';
import { analyse } from '../src/core/analyse/index.js';
import { ingestText } from '../src/core/ingest/index.js';
import type { DeliveryPort, Logger } from '../src/core/ports.js';
import { ok } from '../src/core/result.js';
import { CronScheduler } from '../src/scheduler/index.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import type { BenchResult } from './bench-utils.js';

/** Five expressions that all match Monday 6 January 2025, 09:00 UTC. */
const EXPRESSIONS = ['0 9 * * *', '0 9 * * 1-5', '0 */3 * * *', '0 9 * * 1', '0 9 6 1 *'];
const SLOT = new Date('2025-01-06T09:00:00Z');
const TARGET_MAX_DELAY_MS = 100;

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
const noDelivery: DeliveryPort = { deliver: async () => ok({ messageId: null }) };

const ARTICLE = `Harbour bridge reopens after two years of repairs

The harbour bridge reopened to traffic on Monday after two years of repairs costing 40 million euros, the city council said.

Mayor Anna Berg said the work would keep the bridge safe for another fifty years.`;

interface Tick {
  readonly ms: number;
  readonly sent: number;
  readonly maxDelayMs: number;
  readonly p99DelayMs: number;
}

/** Builds `channels` channels with schedules spread over the five expressions, then fires the tick. */
async function tick(channels: number): Promise<Tick> {
  const dir = mkdtempSync(join(tmpdir(), 'herald-bench-sched-'));
  const opened = openSqliteStore({
    file: join(dir, 'herald.sqlite'),
    clock: { now: () => new Date('2025-01-06T08:00:00Z') },
  });
  if (!opened.ok) throw new Error(opened.error.message);
  const store = opened.value;
  const parsed = ingestText(ARTICLE, { url: 'https://news.example/bridge', sourceName: 'City News' });
  if (!parsed.ok) throw new Error(parsed.error.message);
  const library = {
    current: async () => {
      throw new Error('unused');
    },
    find: async () => null,
    recent: async () => [],
    recentAnalysed: async () => [],
  };
  const scheduler = new CronScheduler({
    store,
    clock: { now: () => SLOT },
    logger: silent,
    graceMs: 0,
    concurrency: 8,
    onSlot: createSlotHandler({ store, library, delivery: noDelivery, logger: silent }),
  });
  try {
    await store.transaction(async (tx) => {
      const feed = await tx.feeds.ensure('https://news.example/rss', 'City News');
      const { id } = await tx.articles.insert({ article: parsed.value, facts: analyse(parsed.value), feedId: feed.id });
      for (let i = 0; i < channels; i++) {
        const channel = await tx.channels.ensure({
          platform: 'discord',
          workspaceId: `g${i % 50}`,
          channelId: `c${i}`,
        });
        await tx.schedules.create({
          channelId: channel.id,
          cron: EXPRESSIONS[i % EXPRESSIONS.length]!,
          timezone: 'UTC',
          kind: 'new-articles',
        });
        await tx.articles.markReceived(channel.id, id, new Date('2025-01-06T08:30:00Z'));
      }
    });
    await scheduler.start();
    const histogram = monitorEventLoopDelay({ resolution: 5 });
    histogram.enable();
    // A second, plain probe: the longest gap between 1 ms timer callbacks is the worst stall a
    // Discord interaction (3 s to acknowledge) or a Slack ack would have waited through.
    let last = performance.now();
    let longestGap = 0;
    const probe = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 1);
    const started = performance.now();
    // What the five cron tasks do when their shared minute comes: fan out at the same time.
    const reports = await Promise.all(EXPRESSIONS.map((e) => scheduler.fireGroup(e, 'UTC', SLOT)));
    const ms = performance.now() - started;
    // A blocked loop is only sampled once it turns again: let it turn before reading.
    await new Promise((resolve) => setTimeout(resolve, 20));
    histogram.disable();
    clearInterval(probe);
    return {
      ms,
      sent: reports.reduce((n, r) => n + r.sent, 0),
      maxDelayMs: Math.max(histogram.max / 1e6, longestGap),
      p99DelayMs: histogram.percentile(99) / 1e6,
    };
  } finally {
    scheduler.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchResult[]> {
  const one = await tick(1);
  const many = await tick(10_000);
  const row = (name: string, t: Tick, channels: number): BenchResult => ({
    name,
    figures: {
      'tick ms': t.ms,
      sent: t.sent,
      'ms/channel': t.ms / channels,
      'loop delay max ms': t.maxDelayMs,
      'p99 ms': t.p99DelayMs,
    },
  });
  return [
    row('fan-out, 1 channel', one, 1),
    {
      ...row('fan-out, 10,000 channels / 5 expressions', many, 10_000),
      ratios: { 'ms/channel vs 1 channel': many.ms / 10_000 / one.ms },
      target: {
        label: `all sent, loop delay max < ${TARGET_MAX_DELAY_MS} ms`,
        met: many.sent === 10_000 && many.maxDelayMs < TARGET_MAX_DELAY_MS,
      },
    },
  ];
}
