/**
 * The Slack bench's two servers, in this process: Herald's signed `POST /slack/events` (real
 * Bolt HTTPReceiver on Herald's HTTP server, signature check, dispatch, Block Kit render), built
 * as the composition root builds it on a private in-memory store, and a bare `node:http` server
 * answering JSON of the same size. Kept apart from slack.bench.ts so a profile of the same path
 * (`node --cpu-prof bin/run-ts.mjs ...`) drives exactly what the bench measures.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createSlackApp } from '../src/adapters/slack/app.js';
import type { Logger } from '../src/core/ports.js';
import { createHttpServer } from '../src/http/server.js';
import { loadConfig } from '../src/config/load.js';
import { BUNDLED_SAMPLE_PATH, createHerald } from '../src/main.js';
import { slackSignedHeaders } from '../tests/helpers/signed-endpoints.js';
import { startFakeSlack } from '../tests/slack/fake-slack/server.js';

const SECRET = 'bench-signing-secret';

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };

/** A slash command to time. */
export interface Timed {
  readonly command: string;
  readonly text: string;
}

export interface Answered {
  readonly ms: number;
  readonly bytes: number;
  readonly status: number;
}

export interface SlackRig {
  /** How long the first answer took (it analyses the sample article). */
  readonly firstMs: number;
  /** The JSON Herald answered, byte for byte what the bare server sends back. */
  readonly sample: string;
  /** One signed slash command through Herald, with a fresh trigger_id. */
  slack(): Promise<Answered>;
  /** The same body to the bare server. */
  bare(): Promise<Answered>;
  close(): Promise<void>;
}

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

const signed = (body: string): Record<string, string> => slackSignedHeaders(body, undefined, SECRET);

async function post(url: string, body: string, headers: Record<string, string>): Promise<Answered> {
  const start = performance.now();
  const res = await fetch(url, { method: 'POST', headers, body });
  const text = await res.text();
  return { ms: performance.now() - start, bytes: Buffer.byteLength(text), status: res.status };
}

export async function startSlackRig(cmd: Timed): Promise<SlackRig> {
  const fake = await startFakeSlack();
  fake.users.set('U2147483697', { id: 'U2147483697' });
  const config = await loadConfig({ env: { HERALD_SAMPLE_ARTICLE: BUNDLED_SAMPLE_PATH }, file: {} });
  if (!config.ok) throw new Error(config.error.message);
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
  const slackOnce = () => {
    const body = slashBody(cmd);
    return post(slackUrl, body, signed(body));
  };
  // The first answer analyses the sample article: done once, outside the measurement.
  const first = await slackOnce();
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
  const bytes = Buffer.byteLength(sample);
  return {
    firstMs: first.ms,
    sample,
    async slack() {
      const s = await slackOnce();
      if (s.status !== 200 || s.bytes !== bytes)
        throw new Error(`unexpected Slack answer: ${s.status}, ${s.bytes} bytes`);
      return s;
    },
    bare: () => post(bareUrl, slashBody(cmd), { 'content-type': 'application/x-www-form-urlencoded' }),
    async close() {
      await slack.stop();
      await http.close();
      await new Promise<void>((r) => bare.close(() => r()));
      await fake.close();
      await app.close();
    },
  };
}
