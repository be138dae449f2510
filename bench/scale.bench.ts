/**
 * Many servers, one Herald (issue 12): the 10,000-channel digest fan-out and the 500-feed poll,
 * run by real Herald processes (bench/scale.child.ts: `createHerald` + `start`) against the fake
 * Discord (gateway + REST) and fake Slack with no rate limits, side by side:
 *   SQLite, one process  ·  PostgreSQL, one process  ·  PostgreSQL, three processes (pg-boss)
 * Each phase is timed from the trigger (sent to every process, as every process's cron and poll
 * tick fire) to the last channel reached / the last feed stored, and the CPU it cost is split
 * between the Herald processes, PostgreSQL and this process (which hosts the fakes and the feed
 * server). The ratio three/one says what a second and third process buy on this machine.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeDiscord } from '../tests/discord/fake-discord/server.js';
import { startFakeSlack } from '../tests/slack/fake-slack/server.js';
import type { BenchResult } from './bench-utils.js';
import { CORES } from './cpu-meter.js';
import { FEEDS, feedXml } from './feeds.bench.js';
import { startHerald, stopHeralds, type Fakes, type Herald } from './scale-herald-processes.js';
import { fetchedIn, phase, reachedIn, type Phase } from './scale-phase.js';
import { dropSchemas, GUILD, openBenchStore, seedChannels, seedFeeds, type Setup } from './scale-store.js';

/**
 * The sizes (10,000 channels, 500 feeds of 50 items) take over ten minutes on a shared
 * two-core machine, so a plain run uses 600 channels and 150 feeds of 10 items;
 * HERALD_BENCH_SCALE=full runs the full sizes (docs/benchmarks.md).
 */
const FULL = process.env['HERALD_BENCH_SCALE'] === 'full';
const CHANNELS = FULL ? 10_000 : 600;
const FEED_COUNT = FULL ? FEEDS : 150;
const ITEMS_PER_FEED = FULL ? 50 : 10;
/** Warm-up work, not measured: every process loads its models and opens its connections first. */
const WARM_CHANNELS = 30;
const WARM_FEEDS = 6;
/** Crons that never fire by themselves during a run (29 February only); the bench names the slot. */
const CRON = '17 3 29 2 *';
const WARM_CRON = '18 3 29 2 *';
const SLOT = '2024-02-29T03:17:00.000Z';
const TARGET_RATIO = 1.5;

const SETUPS: readonly Setup[] = [
  { name: 'SQLite, 1 process', engine: 'sqlite', processes: 1 },
  { name: 'PostgreSQL, 1 process', engine: 'postgres', processes: 1 },
  { name: 'PostgreSQL, 3 processes', engine: 'postgres', processes: 3 },
];

async function runSetup(setup: Setup, k: number, fakes: Fakes): Promise<{ fanOut: Phase; poll: Phase }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-bench-scale-'));
  for (let n = 0; n < setup.processes; n++) mkdirSync(join(dataDir, String(n)));
  const schema = `bench_scale_${process.pid}_${k}`;
  const store = await openBenchStore(setup, dataDir, schema);
  const heralds: Herald[] = [];
  try {
    for (let n = 0; n < setup.processes; n++) heralds.push(startHerald(setup, n, dataDir, schema, fakes));
    await Promise.all(heralds.map((h) => h.ready));
    // Seeded once every process runs, so nothing is due before its phase starts.
    const sink = await store.channels.ensure({
      platform: 'discord',
      workspaceId: GUILD,
      channelId: `83000000000000000${k}`,
    });
    const warm = await seedChannels(store, WARM_CRON, WARM_CHANNELS, k, 1);
    await phase(
      heralds,
      { do: 'slot', cron: WARM_CRON, timezone: 'UTC', slot: SLOT },
      WARM_CHANNELS,
      reachedIn(fakes, warm),
    );
    await seedFeeds(store, sink.id, `${fakes.feedOrigin}/${k}/w`, WARM_FEEDS);
    await phase(heralds, { do: 'poll' }, WARM_FEEDS, fetchedIn(store, fakes, `/${k}/w/`, WARM_FEEDS));

    const measured = await seedChannels(store, CRON, CHANNELS, k, 2);
    const fanOut = await phase(
      heralds,
      { do: 'slot', cron: CRON, timezone: 'UTC', slot: SLOT },
      CHANNELS,
      reachedIn(fakes, measured),
    );
    await seedFeeds(store, sink.id, `${fakes.feedOrigin}/${k}/f`, FEED_COUNT);
    const poll = await phase(heralds, { do: 'poll' }, FEED_COUNT, fetchedIn(store, fakes, `/${k}/f/`, FEED_COUNT));
    return { fanOut, poll };
  } finally {
    await stopHeralds(heralds);
    await store.close();
    if (setup.engine === 'postgres') await dropSchemas(schema);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function startFeedServer(): Promise<{ origin: string; hits: string[]; close: () => Promise<void> }> {
  const docs = Array.from({ length: FEEDS }, (_, i) => feedXml(i, ITEMS_PER_FEED));
  const hits: string[] = [];
  const server = createServer((req, res) => {
    const n = Number(/^\/\d+\/[fw]\/(\d+)\.xml$/u.exec(req.url ?? '')?.[1] ?? -1);
    if (!(n >= 0 && n < FEEDS)) return void res.writeHead(404).end();
    hits.push(req.url!);
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(docs[n]);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

function row(name: string, unit: string, p: Phase): BenchResult {
  return {
    name,
    figures: {
      's wall': p.seconds,
      [`${unit}/s`]: Math.round(p.perSecond),
      'copies each': p.copies,
      'Herald CPU s': p.heraldCpuS,
      'PostgreSQL CPU s': p.postgresCpuS,
      'bench+fakes CPU s': p.benchCpuS,
      [`machine busy % of ${CORES} cores`]: Math.round(p.machineBusyPct),
    },
  };
}

export async function run(): Promise<BenchResult[]> {
  const discord = await startFakeDiscord();
  const slack = await startFakeSlack();
  const feeds = await startFeedServer();
  const fakes: Fakes = { discord, slack, feedOrigin: feeds.origin, feedHits: feeds.hits };
  try {
    const results: { setup: Setup; fanOut: Phase; poll: Phase }[] = [];
    for (const [k, setup] of SETUPS.entries()) results.push({ setup, ...(await runSetup(setup, k, fakes)) });
    const [, one, three] = results;
    const ratio = (pick: (r: (typeof results)[number]) => Phase): number =>
      pick(three!).perSecond / pick(one!).perSecond;
    const exact = results.every((r) => Math.abs(r.fanOut.copies - 1) < 1e-9 && Math.abs(r.poll.copies - 1) < 1e-9);
    const rows: BenchResult[] = [];
    for (const r of results)
      rows.push(row(`fan-out ${CHANNELS.toLocaleString('en')} channels, ${r.setup.name}`, 'channels', r.fanOut));
    for (const r of results)
      rows.push(row(`poll ${FEED_COUNT} feeds x ${ITEMS_PER_FEED} items, ${r.setup.name}`, 'feeds', r.poll));
    const fanOutRatio = ratio((r) => r.fanOut);
    const pollRatio = ratio((r) => r.poll);
    rows.push({
      name: 'PostgreSQL three processes / one',
      figures: { 'fan-out ratio': fanOutRatio, 'poll ratio': pollRatio },
      ratios: { 'fan-out three/one': fanOutRatio, 'poll three/one': pollRatio },
      target: {
        label: `each ratio >= ${TARGET_RATIO}, every channel and feed exactly once`,
        met: exact && fanOutRatio >= TARGET_RATIO && pollRatio >= TARGET_RATIO,
      },
    });
    return rows;
  } finally {
    await discord.close();
    await slack.close();
    await feeds.close();
  }
}
