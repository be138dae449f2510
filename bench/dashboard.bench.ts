/**
 * The dashboard's main page (`GET /dashboard`: session check, then every channel of a workspace
 * with its schedules, feeds and health, rendered on the server) under load, beside a bare
 * `node:http` server answering the same bytes, on loopback, 8 requests in flight, rounds
 * alternating between the two in the same run. The workspace has 40 channels with 2 schedules
 * and 2 feeds each. Target: p99 of the dashboard within 5× of the bare server's.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config/load.js';
import type { Logger } from '../src/core/ports.js';
import { BUNDLED_SAMPLE_PATH, createHerald } from '../src/main.js';
import type { BenchResult } from './bench-utils.js';

const CHANNELS = 40;
const IN_FLIGHT = 8;
const ROUNDS = 120;
const WARMUP_ROUNDS = 15;

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** One round: IN_FLIGHT requests at once; each one's latency in ms. */
async function round(url: string, cookie: string | null): Promise<number[]> {
  return Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      const start = performance.now();
      const res = await fetch(url, cookie ? { headers: { cookie } } : {});
      const body = await res.text();
      if (res.status !== 200 || !body.includes('channel-39')) throw new Error(`bad answer ${res.status}`);
      return performance.now() - start;
    }),
  );
}

export async function run(): Promise<BenchResult[]> {
  const loaded = await loadConfig({ env: { HERALD_SAMPLE_ARTICLE: BUNDLED_SAMPLE_PATH }, file: {} });
  if (!loaded.ok) throw new Error(loaded.error.message);
  // 80 schedules in one workspace: above the default limit, so raised for the bench.
  const limits = { ...loaded.value.limits, schedulesPerWorkspace: 1000 };
  const config = { ...loaded.value, limits, http: { port: 0, host: '127.0.0.1', publicUrl: null } };
  const built = await createHerald(config, { logger: quiet, store: 'memory' });
  if (!built.ok) throw new Error(built.error.message);
  const herald = built.value;
  const { store, scheduler } = herald;
  for (let i = 0; i < CHANNELS; i++) {
    const ch = await store.channels.ensure(
      { platform: 'slack', workspaceId: 'T1', channelId: `C${i}` },
      `channel-${i}`,
    );
    for (const cron of ['0 9 * * 1-5', '0 18 * * *']) {
      const added = await scheduler.add({ channelId: ch.id, cron, timezone: 'Europe/Paris', kind: 'new-articles' });
      if (!added.ok) throw new Error(added.error.message);
    }
    for (const n of [1, 2]) {
      const feed = await store.feeds.ensure(`https://feeds.example/${i}/${n}.xml`, `Feed ${i}.${n}`);
      await store.subscriptions.subscribe(ch.id, feed.id, { include: ['mars'], exclude: [] });
    }
  }
  const running = await herald.start({ poll: false, dashboard: true });
  const base = `http://127.0.0.1:${running.http!.port}`;
  const link = await herald.dashboard.mint(
    { platform: 'slack', workspaceId: 'T1', channelId: 'C0' },
    { userId: 'U1', platformLevel: 'admin', level: 'admin' },
  );
  if (!link.ok) throw new Error(link.error.message);
  const opened = await herald.dashboard.open(link.value.url.split('/').pop()!);
  if (!opened.ok) throw new Error(opened.error.message);
  const cookie = `herald_dashboard=${opened.value.sessionId}`;
  const page = await (await fetch(`${base}/dashboard`, { headers: { cookie } })).text();

  const bare = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;

  const dash: number[] = [];
  const plain: number[] = [];
  try {
    for (let i = 0; i < WARMUP_ROUNDS; i++) {
      await round(`${base}/dashboard`, cookie);
      await round(bareUrl, null);
    }
    for (let i = 0; i < ROUNDS; i++) {
      // Alternate which goes first, so neither always follows the other's garbage.
      if (i % 2 === 0) {
        dash.push(...(await round(`${base}/dashboard`, cookie)));
        plain.push(...(await round(bareUrl, null)));
      } else {
        plain.push(...(await round(bareUrl, null)));
        dash.push(...(await round(`${base}/dashboard`, cookie)));
      }
    }
  } finally {
    bare.close();
    await herald.close();
  }
  const p = (xs: number[]) => ({ p50: percentile(xs, 50), p99: percentile(xs, 99) });
  const d = p(dash);
  const b = p(plain);
  const ratio = d.p99 / b.p99;
  return [
    {
      name: `bare node:http, same ${Math.round(page.length / 1024)} KB page`,
      figures: { 'p50 ms': b.p50, 'p99 ms': b.p99, requests: plain.length },
    },
    {
      name: `GET /dashboard, ${CHANNELS} channels, ${IN_FLIGHT} in flight`,
      figures: { 'p50 ms': d.p50, 'p99 ms': d.p99, requests: dash.length },
      ratios: { 'p99 vs bare node:http': ratio },
      target: { label: `p99 ratio ${ratio.toFixed(2)} <= 5`, met: ratio <= 5 },
    },
  ];
}
