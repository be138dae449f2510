/**
 * Soak (issue 11): mixed slash commands on both signed endpoints (Discord HTTP interactions and
 * Slack HTTP, real adapters on Herald's one HTTP server, fake platforms behind them) for
 * `SOAK_MINUTES` minutes (default 10), with a feed poll cycle a minute against a local feed that
 * gains items each minute. Heap and RSS are sampled every 5 s; the result is their trend (least-
 * squares slope over the run after its first fifth, in MB per minute; the heap measured after a
 * full collection) and the error count.
 * Targets: zero errors, and no growth trend (heap slope under 1 MB/min).
 *
 * `SOAK_MINUTES=1 npm run bench -- soak` is a quick check; the 10-minute run is the real one.
 */
import { createHmac, sign } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { mountDiscordInteractions } from '../src/adapters/discord/http-interactions.js';
import { createInteractionHandler } from '../src/adapters/discord/interactions.js';
import { createDiscordRest } from '../src/adapters/discord/rest.js';
import { createSlackApp } from '../src/adapters/slack/app.js';
import { loadConfig } from '../src/config/load.js';
import type { Logger } from '../src/core/ports.js';
import { createHttpServer } from '../src/http/server.js';
import { BUNDLED_SAMPLE_PATH, createHerald } from '../src/main.js';
import { startFakeDiscord } from '../tests/discord/fake-discord/server.js';
import { keyPair } from '../tests/discord/helpers.js';
import { startFakeSlack } from '../tests/slack/fake-slack/server.js';
import type { BenchResult } from './bench-utils.js';

const APP_ID = '100000000000000001';
const SECRET = 'soak-signing-secret';
const SAMPLE_EVERY_MS = 5_000;
const POLL_EVERY_MS = 60_000;
/** Pause between two requests of one client; two clients (one per platform) run side by side. */
const PAUSE_MS = 40;

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The mix: read-only commands of every weight, listings that read the store, and help. */
const MIX: readonly { name: string; sub?: string; option?: [string, string] }[] = [
  { name: 'who-is', option: ['name', 'hedman'] },
  { name: 'ask', option: ['question', 'who is paying for the workshop?'] },
  { name: 'summary' },
  { name: 'quotes' },
  { name: 'articles' },
  { name: 'help' },
];

/** Least-squares slope of y over x. */
function slope(points: readonly (readonly [number, number])[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

/** A feed whose newest items change every minute, so each poll stores a few new ones. */
function feedXml(minute: number): string {
  const items = Array.from({ length: 20 }, (_, k) => {
    const i = minute * 3 + k;
    return `<item><title>Harbour board meeting ${i}</title><guid>soak-${i}</guid><pubDate>${new Date(Date.UTC(2026, 0, 1, 0, i)).toUTCString()}</pubDate><description>The harbour board met for the ${i}th time and approved plan ${i} for the quay.</description></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Soak</title><link>https://soak.example/</link>${items.reverse().join('')}</channel></rss>`;
}

export async function run(): Promise<BenchResult[]> {
  const minutes = Number(process.env['SOAK_MINUTES'] ?? 10);
  const durationMs = minutes * 60_000;
  const started = performance.now();
  const minute = () => Math.floor((performance.now() - started) / 60_000);
  const feedServer = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedXml(minute())),
  );
  await new Promise<void>((r) => feedServer.listen(0, '127.0.0.1', r));
  const feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/feed.xml`;

  const discord = await startFakeDiscord({ applicationId: APP_ID });
  const slack = await startFakeSlack();
  slack.users.set('U2147483697', { id: 'U2147483697' });
  const config = await loadConfig({
    env: { HERALD_SAMPLE_ARTICLE: BUNDLED_SAMPLE_PATH, HERALD_FEED_ALLOWLIST: '127.0.0.1' },
    file: {},
  });
  if (!config.ok) throw new Error(config.error.message);
  const built = await createHerald(config.value, { logger: quiet, store: 'memory' });
  if (!built.ok) throw new Error(built.error.message);
  const app = built.value;
  const http = createHttpServer(quiet);
  const { privateKey, publicKeyHex } = keyPair();
  const handler = createInteractionHandler({
    dispatcher: app.dispatcher,
    rest: createDiscordRest({ apiUrl: discord.api }),
    applicationId: APP_ID,
    logger: quiet,
  });
  mountDiscordInteractions(http, { publicKey: publicKeyHex, handler, clock: { now: () => new Date() }, logger: quiet });
  const slackApp = createSlackApp({
    botToken: 'xoxb-soak',
    signingSecret: SECRET,
    apiUrl: slack.apiUrl,
    http,
    registry: app.registry,
    dispatcher: app.dispatcher,
    logger: quiet,
  });
  await slackApp.start();
  const base = `http://127.0.0.1:${(await http.listen(0, '127.0.0.1')).port}`;

  // Both channels follow the feed, so each poll hands them its new items.
  for (const where of [
    { platform: 'discord' as const, workspaceId: '2', channelId: '3' },
    { platform: 'slack' as const, workspaceId: 'T0001', channelId: 'C2147483705' },
  ]) {
    const channel = await app.store.channels.ensure(where);
    const feed = await app.store.feeds.ensure(feedUrl);
    await app.store.subscriptions.subscribe(channel.id, feed.id, { include: [], exclude: [] });
  }

  let ids = 0;
  const discordRequest = (cmd: (typeof MIX)[number]) => {
    const body = JSON.stringify({
      id: String(800_000_000_000_000_000n + BigInt(++ids)),
      application_id: APP_ID,
      type: 2,
      token: `soak-${ids}`,
      version: 1,
      guild_id: '2',
      channel_id: '3',
      entitlements: [],
      member: { user: { id: '4', username: 'reader' }, roles: [], permissions: '0' },
      data: {
        id: '5',
        type: 1,
        name: cmd.name,
        options: cmd.option ? [{ type: 3, name: cmd.option[0], value: cmd.option[1] }] : [],
      },
    });
    const ts = String(Math.floor(Date.now() / 1000));
    const headers = {
      'content-type': 'application/json',
      'x-signature-timestamp': ts,
      'x-signature-ed25519': sign(null, Buffer.from(ts + body), privateKey).toString('hex'),
    };
    return fetch(`${base}/discord/interactions`, { method: 'POST', headers, body });
  };
  const slackRequest = (cmd: (typeof MIX)[number]) => {
    const body = new URLSearchParams({
      token: 'x',
      team_id: 'T0001',
      team_domain: 'example',
      channel_id: 'C2147483705',
      channel_name: 'soak',
      user_id: 'U2147483697',
      user_name: 'Steve',
      command: `/${cmd.name}`,
      text: cmd.option?.[1] ?? '',
      response_url: 'http://127.0.0.1:9/unused',
      trigger_id: `1.2.${++ids}`,
    }).toString();
    const ts = Math.floor(Date.now() / 1000);
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`,
    };
    return fetch(`${base}/slack/events`, { method: 'POST', headers, body });
  };

  const counts = { discord: 0, slack: 0, polls: 0, errors: 0 };
  const problems: string[] = [];
  const fail = (what: string) => {
    counts.errors += 1;
    if (problems.length < 5) problems.push(what);
  };
  const samples: [number, number, number][] = [];
  // A full collection before each sample, so the heap figure is what is retained, not garbage.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const sample = () => {
    gc();
    const m = process.memoryUsage();
    samples.push([(performance.now() - started) / 60_000, m.heapUsed / 1e6, m.rss / 1e6]);
  };
  const client = async (platform: 'discord' | 'slack') => {
    for (let i = 0; performance.now() - started < durationMs; i++) {
      const cmd = MIX[i % MIX.length]!;
      try {
        const res = await (platform === 'discord' ? discordRequest(cmd) : slackRequest(cmd));
        const text = await res.text();
        if (res.status !== 200) fail(`${platform} /${cmd.name}: HTTP ${res.status} ${text.slice(0, 120)}`);
        else if (/Something went wrong/.test(text)) fail(`${platform} /${cmd.name}: ${text.slice(0, 120)}`);
        counts[platform] += 1;
      } catch (e) {
        fail(`${platform} /${cmd.name}: ${(e as Error).message}`);
      }
      await sleep(PAUSE_MS);
    }
  };
  const poller = async () => {
    for (let next = 0; performance.now() - started < durationMs; next += POLL_EVERY_MS) {
      const wait = started + next - performance.now();
      if (wait > 0) await sleep(Math.min(wait, durationMs - (performance.now() - started)));
      if (performance.now() - started >= durationMs) break;
      try {
        const summary = await app.pollOnce({ all: true });
        counts.polls += 1;
        if (summary.errors > 0)
          fail(`poll: ${summary.errors} feed(s) failed: ${JSON.stringify(summary.failures).slice(0, 200)}`);
      } catch (e) {
        fail(`poll: ${(e as Error).message}`);
      }
    }
  };
  sample();
  const sampler = setInterval(sample, SAMPLE_EVERY_MS);
  try {
    await Promise.all([client('discord'), client('slack'), poller()]);
  } finally {
    clearInterval(sampler);
    sample();
    await slackApp.stop();
    await http.close();
    await discord.close();
    await slack.close();
    await app.close();
    feedServer.close();
  }
  // The first fifth is warm-up (the sample article analysed, caches and the replay window filling).
  const steady = samples.filter(([t]) => t >= minutes / 5);
  const heapSlope = slope(steady.map(([t, heap]) => [t, heap]));
  const rssSlope = slope(steady.map(([t, , rss]) => [t, rss]));
  const last = samples.at(-1)!;
  if (problems.length > 0) console.error(`soak problems (first ${problems.length}):\n  ${problems.join('\n  ')}`);
  return [
    {
      name: `soak, ${minutes} min, both endpoints + a poll a minute`,
      figures: {
        'discord requests': counts.discord,
        'slack requests': counts.slack,
        polls: counts.polls,
        errors: counts.errors,
        'heap MB/min': heapSlope,
        'rss MB/min': rssSlope,
        'heap MB at end': last[1],
        'rss MB at end': last[2],
        samples: samples.length,
      },
      target: {
        label: 'zero errors, heap slope < 1 MB/min',
        met: counts.errors === 0 && heapSlope < 1,
      },
    },
  ];
}
