/**
 * Shared pieces of the Slack tests: small test commands, a dispatcher over them, a quiet
 * logger that keeps its lines, and Slack's request signing for driving Bolt over real HTTP.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createSlackApp, type SlackApp, type SlackAppOptions } from '../../src/adapters/slack/app.js';
import { createDispatcher, type Dispatcher } from '../../src/core/commands/dispatch.js';
import {
  defineCommand,
  defineCommandGroup,
  defineSubcommand,
  type CommandDefinition,
} from '../../src/core/commands/define.js';
import { createRegistry, type CommandRegistry } from '../../src/core/commands/registry.js';
import { answer, info } from '../../src/core/reply/build.js';
import type { ArticleLibrary, Logger } from '../../src/core/ports.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import type { FakeSlack } from './fake-slack/server.js';

export const SECRET = 'test-signing-secret';
export const TOKEN = 'xoxb-test-token';

export interface LogLine {
  readonly level: string;
  readonly obj: object | string;
  readonly msg?: string;
}

/** A Logger that records instead of printing. */
export function memoryLogger(lines: LogLine[] = []): Logger & { lines: LogLine[] } {
  const make = (): Logger & { lines: LogLine[] } => ({
    lines,
    debug: () => undefined,
    info: (obj, msg) => void lines.push({ level: 'info', obj, ...(msg ? { msg } : {}) }),
    warn: (obj, msg) => void lines.push({ level: 'warn', obj, ...(msg ? { msg } : {}) }),
    error: (obj, msg) => void lines.push({ level: 'error', obj, ...(msg ? { msg } : {}) }),
    child: () => make(),
  });
  return make();
}

/** Text an "article" might contain: a broadcast mention and a user mention. */
export const HOSTILE = 'Niklas Hedman told <!channel> and <@U123> & <!here> about it.';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const held = new Map<string, Promise<void>>();

/**
 * Holds a slow test command until the returned function is called, so a test decides when
 * it finishes instead of racing a wall clock (a loaded machine can stretch any sleep).
 */
export function hold(name: string): () => void {
  let release!: () => void;
  held.set(name, new Promise<void>((r) => (release = r)));
  return () => {
    held.delete(name);
    release();
  };
}

/** Waits for a held command's release, or `ms` when nobody holds it. */
const pause = (name: string, ms: number) => held.get(name) ?? sleep(ms);

/** Polls until `check` holds; generous by default because the suite shares two cores. */
export async function waitFor(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** Small commands covering leaf, group, slow, admin-only and buttons. */
export const testCommands: CommandDefinition[] = [
  defineCommand({
    name: 'who-is',
    description: 'Who is this person in the article?',
    access: 'member',
    category: 'news',
    options: { name: { type: 'string', description: 'Person', required: true } } as const,
    examples: ['/who-is hedman'],
    run: ({ args }) =>
      answer(`Who is ${args.name}`, [
        { type: 'heading', text: `Niklas Hedman (${args.name})` },
        {
          type: 'text',
          text: HOSTILE,
          cite: { sentenceIds: [0], text: [HOSTILE], articleTitle: 'Space <b>', url: 'https://news.example/a' },
        },
        {
          type: 'buttons',
          buttons: [{ kind: 'command', label: 'Quotes', command: 'quotes', args: { speaker: 'Hedman' } }],
        },
      ]),
  }),
  defineCommand({
    name: 'quotes',
    description: 'Quotes from the article',
    access: 'member',
    category: 'news',
    options: { speaker: { type: 'string', description: 'Who said it' } } as const,
    run: ({ args }) => answer('Quotes', [{ type: 'quote', text: 'We go together.', speaker: args.speaker ?? null }]),
  }),
  defineCommand({
    name: 'slow-digest',
    description: 'Slow on purpose',
    access: 'member',
    category: 'news',
    slow: true,
    options: {} as const,
    run: async () => {
      await pause('slow-digest', 300);
      return answer('Digest', [{ type: 'text', text: 'done slowly' }]);
    },
  }),
  defineCommand({
    name: 'sluggish',
    description: 'Not declared slow but takes a while',
    access: 'member',
    category: 'news',
    options: {} as const,
    run: async () => {
      await pause('sluggish', 400);
      return answer('Sluggish', [{ type: 'text', text: 'late but here' }]);
    },
  }),
  defineCommand({
    name: 'admin-set',
    description: 'Admins only',
    access: 'admin',
    category: 'admin',
    options: { value: { type: 'integer', description: 'A number', required: true, min: 1 } } as const,
    run: ({ args }) => info('Set', [{ type: 'text', text: `set to ${args.value}` }]),
  }),
  defineCommandGroup({
    name: 'feeds',
    description: 'Feeds of this channel',
    access: 'member',
    category: 'feeds',
    subcommands: {
      add: defineSubcommand({
        description: 'Follow a feed',
        options: { url: { type: 'string', description: 'Feed URL', required: true } } as const,
        run: ({ args }) => answer('Added', [{ type: 'text', text: `following ${args.url}` }]),
      }),
      list: defineSubcommand({
        description: 'List feeds',
        options: {} as const,
        run: () => answer('Feeds', [{ type: 'list', ordered: true, items: ['a', 'b'] }]),
      }),
    },
  }),
  defineCommand({
    name: 'help',
    description: 'Help',
    access: 'member',
    category: 'help',
    options: {} as const,
    run: () => info('Help', [{ type: 'text', text: 'commands: who-is, quotes' }]),
  }),
];

/**
 * The text each test command is invoked with, for "every command, both forms" tests, and
 * whether its answer can be shared (admin answers and ephemeral-by-design help cannot).
 */
export const sampleText: Record<string, { text: string; expect: string; shareable: boolean }> = {
  'who-is': { text: 'niklas hedman', expect: 'Niklas Hedman (niklas hedman)', shareable: true },
  quotes: { text: 'speaker:"Niklas Hedman"', expect: 'Niklas Hedman', shareable: true },
  'slow-digest': { text: '', expect: 'done slowly', shareable: true },
  sluggish: { text: '', expect: 'late but here', shareable: true },
  'admin-set': { text: '3', expect: 'set to 3', shareable: false },
  feeds: { text: 'add https://example.com/rss', expect: 'following https://example.com/rss', shareable: true },
  help: { text: '', expect: 'commands: who-is', shareable: false },
};

const noLibrary: ArticleLibrary = {
  current: () => Promise.reject(new Error('no article in these tests')),
  find: () => Promise.resolve(null),
  recent: () => Promise.resolve([]),
  recentAnalysed: () => Promise.resolve([]),
};

export function testDispatcher(
  logger: Logger,
  commands = testCommands,
): { registry: CommandRegistry; dispatcher: Dispatcher } {
  const r = createRegistry(commands);
  if (!r.ok) throw new Error(r.error.message);
  const dispatcher = createDispatcher({
    registry: r.value,
    library: noLibrary,
    clock: { now: () => new Date() },
    logger,
    newRef: () => 'ref123',
  });
  return { registry: r.value, dispatcher };
}

/** A Slack app in HTTP mode on Herald's own HTTP server (loopback), against the fake Slack. */
export interface HttpSlack {
  readonly slack: SlackApp;
  readonly http: HttpServer;
  /** The signed endpoint: `http://127.0.0.1:<port>/slack/events`. */
  readonly url: string;
  close(): Promise<void>;
}

/** Starts Bolt in HTTP mode as `herald start` mounts it, signed with SECRET, against `fake`. */
export async function startHttpSlack(
  fake: FakeSlack,
  opts: Omit<SlackAppOptions, 'botToken' | 'signingSecret' | 'apiUrl' | 'http'>,
): Promise<HttpSlack> {
  const http = createHttpServer(opts.logger);
  const slack = createSlackApp({ ...opts, botToken: TOKEN, signingSecret: SECRET, apiUrl: fake.apiUrl, http });
  await slack.start();
  const { port } = await http.listen(0, '127.0.0.1');
  return {
    slack,
    http,
    url: `http://127.0.0.1:${port}/slack/events`,
    async close() {
      await slack.stop();
      await http.close();
    },
  };
}

/** Slack's v0 signature over `v0:<ts>:<body>`. */
export function sign(body: string, ts: number, secret = SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
}

export interface PostOptions {
  readonly ts?: number;
  readonly secret?: string;
  readonly signature?: string;
  readonly contentType?: string;
}

/** POSTs a body to Herald's Slack endpoint, signed as Slack would sign it. */
export async function postSigned(
  url: string,
  body: string,
  o: PostOptions = {},
): Promise<{ status: number; text: string; ms: number }> {
  const ts = o.ts ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': o.contentType ?? 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': o.signature ?? sign(body, ts, o.secret),
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - started };
}

const FIXTURES = new URL('../fixtures/payloads/', import.meta.url);

/**
 * A slash-command body built from the real captured one (weather fixture), with Herald's
 * command, text and a local response_url swapped in.
 */
export function slashBody(
  command: string,
  text: string,
  responseUrl: string,
  overrides: Record<string, string> = {},
): string {
  const params = new URLSearchParams(
    readFileSync(new URL('slack_slash_command_weather_body.txt', FIXTURES), 'utf8').trim(),
  );
  params.set('command', command);
  params.set('text', text);
  params.set('response_url', responseUrl);
  for (const [k, v] of Object.entries(overrides)) params.set(k, v);
  return params.toString();
}

/** The captured block_actions payload with Herald's button, a local response_url and, optionally, another presser. */
export function blockActionsBody(value: string, actionId: string, responseUrl: string | null, userId?: string): string {
  const payload = JSON.parse(
    readFileSync(new URL('slack_block_actions_real_payload.json', FIXTURES), 'utf8'),
  ) as Record<string, unknown> & { actions: Record<string, unknown>[]; user: Record<string, unknown> };
  payload.actions = [{ ...payload.actions[0], action_id: actionId, value, block_id: 'herald' }];
  if (userId) payload.user = { ...payload.user, id: userId };
  if (responseUrl) {
    payload['response_url'] = responseUrl;
    payload['container'] = { type: 'message', message_ts: '1.2', channel_id: 'C2147483705', is_ephemeral: false };
    payload['channel'] = { id: 'C2147483705', name: 'test' };
  }
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export { sleep };
