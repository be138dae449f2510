/**
 * `/who-is hedman`, then `/ask who is paying for the workshop?`, through the signed Slack endpoint (real Bolt HTTPReceiver on Herald's HTTP
 * server, signature check, dispatch, Block Kit render) beside a bare `node:http` server that
 * answers JSON of the same size, on loopback, requests alternating, same run. Target: p99 of
 * the Slack path within 2× of the bare server's. Also the process CPU each request costs over the
 * bare server's (the adapter's cost plus the command's), steadier than the p99 on a busy machine.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSlackApp } from '../src/adapters/slack/app.js';
import type { Logger } from '../src/core/ports.js';
import { createHttpServer } from '../src/http/server.js';
import { loadConfig } from '../src/config/load.js';
import { BUNDLED_SAMPLE_PATH, createHerald } from '../src/main.js';
import { startFakeSlack } from '../tests/slack/fake-slack/server.js';
import type { BenchResult } from './bench-utils.js';

const RUNS = 1000;
const WARMUP = 100;
/** Rounds of CPU_RUNS requests to each server, alternating, for the CPU each request costs. */
const CPU_ROUNDS = 7;
const CPU_RUNS = 150;
const SECRET = 'bench-signing-secret';

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** A slash command to time and a string its answer must hold. */
interface Timed {
  readonly command: string;
  readonly text: string;
}
const WHO_IS: Timed = { command: '/who-is', text: 'hedman' };
/** /ask ranks every sentence with word vectors and WordNet: the heaviest read-only command. */
const ASK: Timed = { command: '/ask', text: 'who is paying for the workshop?' };

/** Each request gets its own trigger_id, as Slack's do (a repeated signed request is refused as a replay). */
let triggers = 0;
function slashBody(cmd: Timed): string {
  return new URLSearchParams({
    token: 'x',
    team_id: 'T0001',
    team_domain: 'example',
    channel_id: 'C2147483705',
    channel_name: 'test',
    user_id: 'U2147483697',
    user_name: 'Steve',
    command: cmd.command,
    text: cmd.text,
    response_url: 'http://127.0.0.1:9/unused',
    trigger_id: `1.2.${++triggers}`,
  }).toString();
}

async function post(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ ms: number; bytes: number; status: number }> {
  const start = performance.now();
  const res = await fetch(url, { method: 'POST', headers, body });
  const text = await res.text();
  return { ms: performance.now() - start, bytes: Buffer.byteLength(text), status: res.status };
}

/** Process CPU time per request (µs) over CPU_RUNS requests. */
async function cpuPerRequest(one: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < CPU_RUNS; i++) await one();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / CPU_RUNS;
}

export async function run(): Promise<BenchResult[]> {
  return [...(await latency(WHO_IS)), ...(await latency(ASK))];
}

async function latency(cmd: Timed): Promise<BenchResult[]> {
  const fake = await startFakeSlack();
  fake.users.set('U2147483697', { id: 'U2147483697' });
  const config = await loadConfig({ env: { HERALD_SAMPLE_ARTICLE: BUNDLED_SAMPLE_PATH }, file: {} });
  if (!config.ok) throw new Error(config.error.message);
  // The app as the composition root builds it, on a private in-memory store.
  const built = await createHerald(config.value, { logger: quiet, store: 'memory' });
  if (!built.ok) throw new Error(built.error.message);
  const app = built.value;
  const http = createHttpServer(quiet);
  const slack = createSlackApp({
    botToken: 'xoxb-bench',
    signingSecret: SECRET,
    apiUrl: fake.apiUrl,
    http,
    registry: app.registry,
    dispatcher: app.dispatcher,
    logger: quiet,
  });
  await slack.start();
  const slackUrl = `http://127.0.0.1:${(await http.listen(0, '127.0.0.1')).port}/slack/events`;
  const signed = (body: string) => {
    const ts = Math.floor(Date.now() / 1000);
    return {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`,
    };
  };
  // The first answer analyses the sample article: done once, outside the measurement.
  const firstBody = slashBody(cmd);
  const first = await post(slackUrl, firstBody, signed(firstBody));
  const sampleBody = slashBody(cmd);
  const sample = await (
    await fetch(slackUrl, { method: 'POST', headers: signed(sampleBody), body: sampleBody })
  ).text();
  const bare = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(sample));
  });
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;

  const times = { slack: [] as number[], bare: [] as number[] };
  const cpu = { bare: [] as number[], extra: [] as number[] };
  try {
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const body = slashBody(cmd);
      const s = await post(slackUrl, body, signed(body));
      const b = await post(bareUrl, body, { 'content-type': 'application/x-www-form-urlencoded' });
      if (s.status !== 200 || s.bytes !== Buffer.byteLength(sample))
        throw new Error(`unexpected Slack answer: ${s.status}, ${s.bytes} bytes`);
      if (i >= WARMUP) {
        times.slack.push(s.ms);
        times.bare.push(b.ms);
      }
    }
    // Process CPU per request (this process is client and both servers): the Slack path's extra
    // over the bare server is the adapter's cost plus the command's. Less swayed by a busy
    // neighbour than the p99, which measures waiting too.
    for (let r = 0; r < CPU_ROUNDS; r++) {
      const bareCpu = await cpuPerRequest(() =>
        post(bareUrl, slashBody(cmd), { 'content-type': 'application/x-www-form-urlencoded' }),
      );
      const slackCpu = await cpuPerRequest(() => {
        const body = slashBody(cmd);
        return post(slackUrl, body, signed(body));
      });
      cpu.extra.push(slackCpu - bareCpu);
      cpu.bare.push(bareCpu);
    }
  } finally {
    await slack.stop();
    await http.close();
    await new Promise<void>((r) => bare.close(() => r()));
    await fake.close();
    await app.close();
  }
  const row = (name: string, xs: number[]) => ({
    name,
    figures: {
      runs: xs.length,
      'p50 ms': percentile(xs, 50),
      'p99 ms': percentile(xs, 99),
      bytes: Buffer.byteLength(sample),
    },
  });
  const ratio = percentile(times.slack, 99) / percentile(times.bare, 99);
  const slackRow = row(`${cmd.command} via signed Slack endpoint`, times.slack);
  return [
    { name: `first ${cmd.command} (analyses the sample)`, figures: { ms: first.ms } },
    row(`bare node:http, same JSON as ${cmd.command}`, times.bare),
    {
      ...slackRow,
      figures: {
        ...slackRow.figures,
        'CPU µs over bare (median)': Math.round(percentile(cpu.extra, 50)),
        'bare CPU µs': Math.round(percentile(cpu.bare, 50)),
      },
      ratios: { 'p99 vs bare node:http': ratio },
      target: { label: `p99 ratio ${ratio.toFixed(2)} <= 2`, met: ratio <= 2 },
    },
  ];
}
