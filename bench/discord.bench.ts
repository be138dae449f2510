/**
 * Discord benches.
 * 1. `/who-is hedman`, then `/ask who is paying for the workshop?`, through the signed HTTP interactions endpoint (Ed25519 verify, dispatch,
 *    embed render) beside a bare `node:http` server answering JSON of the same size, both on
 *    loopback, requests sent open-loop at a fixed rate (latency counted from the scheduled
 *    send time), alternating. Target: p99 within 2× of the bare server's.
 * 2. One digest fanned out to 2,000 channels through the delivery port against the fake
 *    enforcing Discord's documented limits (50 requests/s global, 5 messages/5 s per channel).
 *    Target: achieved rate > 0.9 of the allowed rate, and no 429 at all (discord.js's queue
 *    paces the global limit itself; per-channel buckets are never exceeded at one message).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { sign } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createDiscordDelivery } from '../src/adapters/discord/delivery.js';
import { mountDiscordInteractions } from '../src/adapters/discord/http-interactions.js';
import { createInteractionHandler } from '../src/adapters/discord/interactions.js';
import { createDiscordRest } from '../src/adapters/discord/rest.js';
import type { Logger } from '../src/core/ports.js';
import type { Reply } from '../src/core/reply/types.js';
import { createHttpServer } from '../src/http/server.js';
import { loadConfig } from '../src/config/load.js';
import { BUNDLED_SAMPLE_PATH, createHerald } from '../src/main.js';
import { startFakeDiscord, type FakeDiscordOptions } from '../tests/discord/fake-discord/server.js';
import { keyPair } from '../tests/discord/helpers.js';
import type { BenchResult } from './bench-utils.js';

const APP_ID = '100000000000000001';
const RATE_PER_SECOND = 100;
const RUNS = 400;
const WARMUP = 40;
const CHANNELS = 2000;
const GLOBAL_PER_SECOND = 50;

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** A slash command to time: its interaction data and a string its answer must hold. */
interface Timed {
  readonly label: string;
  readonly data: { readonly name: string; readonly options: readonly { type: number; name: string; value: string }[] };
  readonly expect: string;
}

const WHO_IS: Timed = {
  label: '/who-is',
  data: { name: 'who-is', options: [{ type: 3, name: 'name', value: 'hedman' }] },
  expect: 'Niklas Hedman',
};
/** /ask ranks every sentence with word vectors and WordNet: the heaviest read-only command. */
const ASK: Timed = {
  label: '/ask',
  data: { name: 'ask', options: [{ type: 3, name: 'question', value: 'who is paying for the workshop?' }] },
  // The bench times the command; that it answered (with cited sentences) is all it checks.
  expect: 'The article says',
};

async function latency(cmd: Timed): Promise<BenchResult[]> {
  const fake = await startFakeDiscord({ applicationId: APP_ID });
  const config = await loadConfig({ env: { HERALD_SAMPLE_ARTICLE: BUNDLED_SAMPLE_PATH }, file: {} });
  if (!config.ok) throw new Error(config.error.message);
  // The app as the composition root builds it, on a private in-memory store.
  const built = await createHerald(config.value, { logger: quiet, store: 'memory' });
  if (!built.ok) throw new Error(built.error.message);
  const { privateKey, publicKeyHex } = keyPair();
  const http = createHttpServer(quiet);
  const handler = createInteractionHandler({
    dispatcher: built.value.dispatcher,
    rest: createDiscordRest({ apiUrl: fake.api }),
    applicationId: APP_ID,
    logger: quiet,
  });
  mountDiscordInteractions(http, { publicKey: publicKeyHex, handler, clock: { now: () => new Date() }, logger: quiet });
  const discordUrl = `http://127.0.0.1:${(await http.listen(0, '127.0.0.1')).port}/discord/interactions`;
  // Each request is a new interaction (its own id): a repeated id is refused as a replay.
  let ids = 0;
  const bodyFor = (): string =>
    JSON.stringify({
      id: String(++ids),
      application_id: APP_ID,
      type: 2,
      token: 'bench',
      version: 1,
      guild_id: '2',
      channel_id: '3',
      entitlements: [],
      member: { user: { id: '4', username: 'reader' }, roles: [], permissions: '0' },
      data: { id: '5', type: 1, ...cmd.data },
    });
  const signed = (body: string): Record<string, string> => {
    const ts = String(Math.floor(Date.now() / 1000));
    return {
      'content-type': 'application/json',
      'x-signature-timestamp': ts,
      'x-signature-ed25519': sign(null, Buffer.from(ts + body), privateKey).toString('hex'),
    };
  };
  // The first answer analyses the sample article (and /ask loads the word vectors): once, outside the measurement.
  const t0 = performance.now();
  const sampleBody = bodyFor();
  const sample = await (
    await fetch(discordUrl, { method: 'POST', headers: signed(sampleBody), body: sampleBody })
  ).text();
  const firstMs = performance.now() - t0;
  if (!sample.includes(cmd.expect)) throw new Error(`unexpected Discord answer: ${sample.slice(0, 200)}`);
  const bare = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(sample));
  });
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;

  const times = { discord: [] as number[], bare: [] as number[] };
  const interval = 1000 / RATE_PER_SECOND;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  try {
    for (let i = 0; i < 2 * (WARMUP + RUNS); i++) {
      const due = start + i * interval;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const toDiscord = i % 2 === 0;
      const body = bodyFor();
      const headers = toDiscord ? signed(body) : { 'content-type': 'application/json' };
      const measured = i >= 2 * WARMUP;
      // Open loop: requests go out on schedule whether or not earlier ones have been answered,
      // so a stalled server still shows its queue; latency is counted from the actual send.
      const sent = performance.now();
      inFlight.push(
        fetch(toDiscord ? discordUrl : bareUrl, { method: 'POST', headers, body }).then(async (res) => {
          const text = await res.text();
          if (res.status !== 200 || text.length !== sample.length) throw new Error(`unexpected answer ${res.status}`);
          if (measured) (toDiscord ? times.discord : times.bare).push(performance.now() - sent);
        }),
      );
    }
    await Promise.all(inFlight);
  } finally {
    await http.close();
    await new Promise<void>((r) => bare.close(() => r()));
    await fake.close();
    await built.value.close();
  }
  const row = (name: string, xs: number[]) => ({
    name,
    figures: {
      runs: xs.length,
      'req/s': RATE_PER_SECOND / 2,
      'p50 ms': percentile(xs, 50),
      'p99 ms': percentile(xs, 99),
      bytes: Buffer.byteLength(sample),
    },
  });
  const ratio = percentile(times.discord, 99) / percentile(times.bare, 99);
  return [
    { name: `first ${cmd.label} (analyses the sample)`, figures: { ms: firstMs } },
    row(`bare node:http, same JSON as ${cmd.label}`, times.bare),
    {
      ...row(`${cmd.label} via signed Discord endpoint`, times.discord),
      ratios: { 'p99 vs bare node:http': ratio },
      target: { label: `p99 ratio ${ratio.toFixed(2)} <= 2`, met: ratio <= 2 },
    },
  ];
}

/** Starts the fake in its own process (see standalone.ts) and returns its API URL. */
async function spawnFake(opts: FakeDiscordOptions): Promise<{ api: string; child: ChildProcess }> {
  const file = fileURLToPath(new URL('../tests/discord/fake-discord/standalone.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', file, JSON.stringify(opts)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const api = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/READY (\S+)/);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`fake discord exited with ${code}`)));
  });
  return { api, child };
}

interface FakeStats {
  messages: number;
  channels: number;
  limited: { global: number; route: number };
  limitedAt: number[];
}

async function fanOut(channels: number): Promise<BenchResult[]> {
  const { api, child } = await spawnFake({
    applicationId: APP_ID,
    rateLimits: { globalPerSecond: GLOBAL_PER_SECOND, perChannel: { limit: 5, windowMs: 5000 } },
  });
  const delivery = createDiscordDelivery({
    rest: createDiscordRest({ token: 'bench-token', apiUrl: api }),
    logger: quiet,
  });
  const digest: Reply = {
    kind: 'answer',
    ephemeral: false,
    title: 'Morning digest',
    blocks: [
      { type: 'heading', text: 'Space deal signed' },
      { type: 'list', ordered: true, items: ['lunar research', 'deep space exploration', 'space debris'] },
      { type: 'source', title: 'Space deal signed', url: 'https://example.org/space', name: 'Xinhua' },
    ],
  };
  let failed = 0;
  let stats: FakeStats;
  const start = performance.now();
  try {
    const results = await Promise.all(
      Array.from({ length: channels }, (_, i) =>
        delivery.deliver(
          { platform: 'discord', workspaceId: '1', channelId: String(10_000 + i) },
          { reply: digest, deliveryKey: 'bench-digest' },
        ),
      ),
    );
    failed = results.filter((r) => !r.ok).length;
  } finally {
    stats = (await (await fetch(`${api.replace(/\/api$/, '')}/__fake/stats`)).json()) as FakeStats;
    child.kill('SIGTERM');
  }
  const seconds = (performance.now() - start) / 1000;
  const duplicates = stats.messages - stats.channels;
  const perSecond = stats.messages / seconds;
  const fraction = perSecond / GLOBAL_PER_SECOND;
  const rejected = stats.limited.global + stats.limited.route;
  return [
    {
      name: `digest to ${channels} channels (limit ${GLOBAL_PER_SECOND}/s)`,
      figures: {
        s: seconds,
        'msg/s': perSecond,
        'of allowed': fraction,
        delivered: stats.channels,
        duplicates,
        failed,
        '429 global': stats.limited.global,
        '429 route': stats.limited.route,
      },
      target: {
        label: `fraction ${fraction.toFixed(2)} > 0.9, no 429, each once`,
        met: fraction > 0.9 && rejected === 0 && stats.channels === channels && duplicates === 0,
      },
    },
  ];
}

/** Both Discord benches; `channels` can be lowered for a quick look. */
export async function run(opts: { channels?: number } = {}): Promise<BenchResult[]> {
  return [...(await latency(WHO_IS)), ...(await latency(ASK)), ...(await fanOut(opts.channels ?? CHANNELS))];
}
