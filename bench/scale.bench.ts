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
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { HeraldStore } from '../src/core/store/repositories.js';
import { openPostgresStore } from '../src/store/postgres/index.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import { startFakeDiscord, type FakeDiscord } from '../tests/discord/fake-discord/server.js';
import { startFakeSlack, type FakeSlack } from '../tests/slack/fake-slack/server.js';
import type { BenchResult } from './bench-utils.js';
import { CORES, cpuBetween, sampleCpu } from './cpu-meter.js';
import { FEEDS, feedXml } from './feeds.bench.js';

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
const GUILD = '710000000000000001';
const PHASE_TIMEOUT_MS = 240_000;
const TARGET_RATIO = 1.5;
// The bench is a script, not Herald: it reads the same variable CI sets for the PostgreSQL tests.
const POSTGRES_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Tags the bench's connections, so only their backends' CPU is counted (other users share the server). */
const APP_NAME = `herald_bench_scale_${process.pid}`;
const CHILD = fileURLToPath(new URL('./scale.child.ts', import.meta.url));

interface Setup {
  readonly name: string;
  readonly engine: 'sqlite' | 'postgres';
  readonly processes: number;
}
const SETUPS: readonly Setup[] = [
  { name: 'SQLite, 1 process', engine: 'sqlite', processes: 1 },
  { name: 'PostgreSQL, 1 process', engine: 'postgres', processes: 1 },
  { name: 'PostgreSQL, 3 processes', engine: 'postgres', processes: 3 },
];

interface Phase {
  readonly seconds: number;
  readonly done: number;
  readonly perSecond: number;
  /** Messages per channel reached (fan-out) or fetches per feed (poll): 1 = exactly once. */
  readonly copies: number;
  readonly heraldCpuS: number;
  readonly postgresCpuS: number;
  readonly benchCpuS: number;
  readonly machineBusyPct: number;
}

interface Herald {
  readonly child: ChildProcess;
  /** Resolves on the child's { ready: true }; rejects if it exits first. */
  readonly ready: Promise<void>;
  log: string;
}

interface Fakes {
  readonly discord: FakeDiscord;
  readonly slack: FakeSlack;
  readonly feedOrigin: string;
  readonly feedHits: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, ok: () => Promise<boolean> | boolean, heralds: readonly Herald[]): Promise<void> {
  const end = Date.now() + PHASE_TIMEOUT_MS;
  while (!(await ok())) {
    if (Date.now() > end)
      throw new Error(
        `scale bench: timed out waiting for ${what}\n${heralds.map((h) => h.log.slice(-2000)).join('\n')}`,
      );
    await sleep(250);
  }
}

function withAppName(url: string): string {
  const u = new URL(url);
  u.searchParams.set('application_name', APP_NAME);
  return u.toString();
}

/** pids of the PostgreSQL backends serving the bench's Herald processes. */
async function benchBackends(): Promise<number[]> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    const r = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [
      APP_NAME,
    ]);
    return r.rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}

function startHerald(setup: Setup, n: number, dataDir: string, schema: string, fakes: Fakes): Herald {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(DISCORD|SLACK|LOG_LEVEL|HERALD|DATABASE)_?/.test(k)),
  );
  const child = fork(CHILD, [], {
    cwd: dataDir,
    // tsx from this checkout: the child runs in a temporary directory.
    execArgv: ['--import', import.meta.resolve('tsx'), '--max-semi-space-size=32'],
    env: {
      ...env,
      HERALD_DATA_DIR: setup.engine === 'sqlite' ? dataDir : join(dataDir, String(n)),
      ...(setup.engine === 'postgres' ? { DATABASE_URL: withAppName(POSTGRES_URL), DATABASE_SCHEMA: schema } : {}),
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      HERALD_FEED_ALLOWLIST: '127.0.0.1',
      HERALD_POLL_INTERVAL_MINUTES: '60',
      DISCORD_TOKEN: 'scale-bench',
      DISCORD_API_URL: fakes.discord.api,
      SLACK_BOT_TOKEN: 'xoxb-scale-bench',
      SLACK_SIGNING_SECRET: 'scale-bench-secret',
      SLACK_API_URL: fakes.slack.apiUrl,
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) =>
      reject(new Error(`a Herald process exited (${code}) before it was ready:\n${herald.log}`)),
    );
  });
  const herald: Herald = { child, ready, log: '' };
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (herald.log = (herald.log + d).slice(-20_000)));
  return herald;
}

const ask = <T>(h: Herald, command: object): Promise<T> =>
  new Promise((resolve) => {
    h.child.once('message', (m) => resolve(m as T));
    h.child.send(command);
  });

async function heraldCpuMs(heralds: readonly Herald[]): Promise<number> {
  const answers = await Promise.all(heralds.map((h) => ask<{ cpuMs: number }>(h, { do: 'cpu' })));
  return answers.reduce((sum, a) => sum + a.cpuMs, 0);
}

/** Runs one phase: trigger in every process, wait for `done() === total`, measure. */
async function phase(
  heralds: readonly Herald[],
  command: object,
  total: number,
  progress: () => Promise<{ done: number; copies: number }>,
): Promise<Phase> {
  const backends = await benchBackends();
  const cpu0 = sampleCpu(backends);
  const herald0 = await heraldCpuMs(heralds);
  for (const h of heralds) h.child.send(command);
  let last = { done: 0, copies: 0 };
  await until(
    `${total} done (${JSON.stringify(command)})`,
    async () => (last = await progress()).done >= total,
    heralds,
  );
  const cpu1 = sampleCpu([...new Set([...backends, ...(await benchBackends())])]);
  const herald1 = await heraldCpuMs(heralds);
  const seconds = (cpu1.at - cpu0.at) / 1000;
  const spent = cpuBetween(cpu0, cpu1);
  return {
    seconds,
    done: last.done,
    perSecond: last.done / seconds,
    copies: last.copies,
    heraldCpuS: (herald1 - herald0) / 1000,
    postgresCpuS: spent.postgresS,
    benchCpuS: spent.selfS,
    machineBusyPct: spent.machineBusyPct,
  };
}

async function openBenchStore(setup: Setup, dataDir: string, schema: string): Promise<HeraldStore> {
  if (setup.engine === 'sqlite') {
    const opened = openSqliteStore({ dataDir });
    if (!opened.ok) throw new Error(opened.error.message);
    return opened.value;
  }
  const opened = await openPostgresStore({ url: POSTGRES_URL, schema, migrate: 'auto' });
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

async function dropSchemas(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE`);
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** `count` channels, half Discord, half Slack, each with a schedule on `cron`; returns their ids. */
async function seedChannels(store: HeraldStore, cron: string, count: number, k: number, group: number) {
  const ids = { discord: new Set<string>(), slack: new Set<string>() };
  await store.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const discord = i % 2 === 0;
      const channelId = discord
        ? String(820000000000000000n + BigInt(k) * 1_000_000n + BigInt(group) * 100_000n + BigInt(i))
        : `C${k}${group}${String(i).padStart(6, '0')}`;
      (discord ? ids.discord : ids.slack).add(channelId);
      const channel = await tx.channels.ensure({
        platform: discord ? 'discord' : 'slack',
        workspaceId: discord ? GUILD : 'T1',
        channelId,
      });
      await tx.schedules.create({ channelId: channel.id, cron, timezone: 'UTC', kind: 'current-article' });
    }
  });
  return ids;
}

async function seedFeeds(store: HeraldStore, sinkId: number, prefix: string, count: number): Promise<void> {
  await store.transaction(async (tx) => {
    for (let n = 0; n < count; n++) {
      const feed = await tx.feeds.ensure(`${prefix}/${n}.xml`);
      await tx.subscriptions.subscribe(sinkId, feed.id, { include: [], exclude: [] }, 'bench');
    }
  });
}

/** Channels reached so far among `ids`, and messages per channel reached (1 = exactly once). */
function reachedIn(fakes: Fakes, ids: { discord: Set<string>; slack: Set<string> }) {
  const discordFrom = fakes.discord.messages.length;
  const slackFrom = fakes.slack.posted.length;
  return async () => {
    const d = fakes.discord.messages.slice(discordFrom).filter((m) => ids.discord.has(m.channelId));
    const s = fakes.slack.posted.slice(slackFrom).filter((m) => ids.slack.has(m.channel));
    const reached = new Set(d.map((m) => m.channelId)).size + new Set(s.map((m) => m.channel)).size;
    return { done: reached, copies: (d.length + s.length) / Math.max(1, reached) };
  };
}

/** Feeds under `path` whose poll is stored, and fetches per such feed (1 = exactly once). */
function fetchedIn(store: HeraldStore, fakes: Fakes, path: string, total: number) {
  const from = fakes.feedHits.length;
  let hits = 0;
  return async () => {
    // The store is read only once every feed has been fetched: reading it costs PostgreSQL too.
    if (hits < total) {
      hits = fakes.feedHits.slice(from).filter((h) => h.startsWith(path)).length;
      if (hits < total) return { done: 0, copies: 0 };
    }
    const feeds = await store.feeds.list();
    const fetched = feeds.filter((f) => f.url.includes(path) && f.fetch.lastFetchAt !== null).length;
    hits = fakes.feedHits.slice(from).filter((h) => h.startsWith(path)).length;
    return { done: fetched, copies: hits / Math.max(1, fetched) };
  };
}

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
    await Promise.all(
      heralds.map(async (h) => {
        if (h.child.exitCode !== null) return;
        const exited = new Promise((r) => h.child.once('exit', r));
        h.child.send({ do: 'stop' });
        await Promise.race([exited, sleep(15_000)]);
        if (h.child.exitCode === null) h.child.kill('SIGKILL');
      }),
    );
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
