/**
 * A fake Discord for tests and benches: REST on 127.0.0.1 (paths as discord.js sends them,
 * `/api/v10/...`) plus the gateway WebSocket on `/gw`. It records every request, stores
 * messages, honours `nonce` + `enforce_nonce` as Discord does, can enforce the documented
 * rate limits, and can be told to fail the next requests (429 storms, 500s, 403/404).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCrossposts, type Crossposts } from './crossposts.js';
import { attachGateway, type FakeGateway } from './gateway.js';
import { createRateLimiter, type RateLimitOptions } from './rate-limits.js';
import { channelRoute } from './channel-routes.js';
import { createFakeGuilds, guildRoute, type FakeGuilds } from './guild-routes.js';
import { pingsOf } from './mentions.js';
import type { FakeChannel, FakeDiscordState, StoredMessage, StoredThread } from './state.js';
import { threadRoute } from './thread-routes.js';

export { pingsOf } from './mentions.js';
export type { FakeChannel, StoredMessage, StoredThread } from './state.js';

export interface RecordedRequest {
  readonly method: string;
  /** Decoded path without the `/api/v10` prefix: `/webhooks/1/tok/messages/@original`. */
  readonly path: string;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly headers: IncomingMessage['headers'];
  readonly status: number;
  readonly at: number;
}

/** A scripted failure: the next `times` requests matching method+path get this response. */
export interface Fault {
  readonly method: string;
  readonly path: RegExp;
  times: number;
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  /** Perform the request first, then fail: a response lost on the way back. */
  readonly afterEffect?: boolean;
}

export interface FakeDiscordOptions {
  readonly applicationId?: string;
  readonly rateLimits?: RateLimitOptions;
  /** How long a nonce with `enforce_nonce` returns the first message (Discord: "a few minutes"). Default: forever. */
  readonly nonceWindowMs?: number;
}

export interface FakeDiscord {
  /** Give this to discord.js as `rest.api`. */
  readonly api: string;
  readonly requests: RecordedRequest[];
  readonly messages: StoredMessage[];
  /** Registered commands by scope: 'global' or a guild id. */
  readonly commands: Map<string, any[]>; // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly forbiddenChannels: Set<string>;
  /** What `GET /applications/@me` answers (doctor); edit it to misconfigure the application. */
  readonly application: { name: string; verify_key: string; interactions_endpoint_url: string | null };
  /**
   * Channel id → guild id, for `GET /channels/{id}`. Unknown channels answer without a guild_id
   * (as a DM would): Herald's delivery guard lets them through, an import refuses them.
   */
  readonly channelGuilds: Map<string, string>;
  /** Bot tokens the fake refuses with 401 on `/applications/@me` (a reset or mistyped token). */
  readonly refusedTokens: Set<string>;
  readonly missingChannels: Set<string>;
  /** Channel kinds by id; a channel not listed is a text channel (type 0). */
  readonly channelKinds: Map<string, FakeChannel>;
  readonly threads: StoredThread[];
  /** Roles, the bot's roles and channel overwrites, for the doctor's permission check; the bot's user id is the application's. */
  readonly guilds: FakeGuilds;
  /** Published (crossposted) messages and the 429s of the 10-per-hour limit. */
  readonly crossposts: Crossposts;
  readonly gateway: FakeGateway;
  fault(f: Omit<Fault, 'times'> & { times?: number }): void;
  /** Count of 429 answers, by kind. */
  readonly limited: { global: number; route: number; scripted: number };
  /**
   * The next request matching method+path is never answered (its caller waits until killed);
   * with `perform` it takes effect first, a response lost with its process. Resolves when it came.
   */
  hold(h: { readonly method: string; readonly path: RegExp; readonly perform?: boolean }): Promise<RecordedRequest>;
  /** Resolves when a request matching the predicate has been recorded. */
  waitFor(pred: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? null : JSON.parse(text);
}

export async function startFakeDiscord(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const appId = opts.applicationId ?? '100000000000000001';
  const requests: RecordedRequest[] = [];
  const messages: StoredMessage[] = [];
  const byNonce = new Map<string, StoredMessage>();
  const commands = new Map<string, any[]>(); // eslint-disable-line @typescript-eslint/no-explicit-any
  const faults: Fault[] = [];
  const waiters: { pred: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }[] = [];
  const limiter = opts.rateLimits ? createRateLimiter(opts.rateLimits) : null;
  const limited = { global: 0, route: 0, scripted: 0 };
  const forbiddenChannels = new Set<string>();
  const missingChannels = new Set<string>();
  const application = { name: 'Herald', verify_key: '0'.repeat(64), interactions_endpoint_url: null as string | null };
  const channelGuilds = new Map<string, string>();
  const refusedTokens = new Set<string>();
  const channelKinds = new Map<string, FakeChannel>();
  const threads: StoredThread[] = [];
  const guilds = createFakeGuilds();
  const crossposts = createCrossposts();
  const holds: {
    method: string;
    path: RegExp;
    perform?: boolean;
    resolve: (r: RecordedRequest) => void;
  }[] = [];
  // Snowflakes carry their creation time, as Discord's do, so `?after=<snowflake>` means "since then".
  let sequence = 0n;
  const snowflake = (): string => String(((BigInt(Date.now()) - 1_420_070_400_000n) << 22n) + (sequence++ & 0x3fffffn));
  const state: FakeDiscordState = {
    messages,
    byNonce,
    threads,
    channelKinds,
    channelGuilds,
    forbiddenChannels,
    missingChannels,
    overwrites: guilds.overwrites,
    nonceWindowMs: opts.nonceWindowMs ?? Infinity,
    snowflake,
    store(channelId, body, id = snowflake()) {
      const msg: StoredMessage = { id, channelId, body, at: Date.now(), pinged: pingsOf(body) };
      messages.push(msg);
      return msg;
    },
  };
  let gateway: FakeGateway;

  function record(req: IncomingMessage, path: string, body: unknown, status: number): void {
    const r: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      body,
      headers: req.headers,
      status,
      at: Date.now(),
    };
    requests.push(r);
    for (const w of [...waiters]) if (w.pred(r)) (waiters.splice(waiters.indexOf(w), 1), w.resolve(r));
  }

  /** Performs the request; returns [status, body]. */
  function perform(
    method: string,
    path: string,
    body: any,
    auth = '',
    query = new URLSearchParams(),
  ): [number, unknown] {
    // eslint-disable-line @typescript-eslint/no-explicit-any
    let m: RegExpMatchArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      return [
        200,
        {
          url: gateway.url,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        },
      ];
    }
    if (method === 'GET' && path === '/applications/@me') {
      if (refusedTokens.has(auth.replace(/^Bot /, ''))) return [401, { message: '401: Unauthorized', code: 0 }];
      return [200, { id: appId, ...application, bot_public: true, flags: 0 }];
    }
    if ((m = path.match(/^\/guilds\/(\d+)\/threads\/active$/)) && method === 'GET') {
      const guild = m[1]!;
      const active = threads
        .filter((t) => channelGuilds.get(t.parentId) === guild)
        .map((t) => ({
          id: t.id,
          type: 11,
          guild_id: guild,
          parent_id: t.parentId,
          name: t.name,
          applied_tags: t.appliedTags,
        }));
      return [200, { threads: active, members: [] }];
    }
    const routed =
      channelRoute(state, method, path, body, query) ??
      threadRoute(state, method, path, body) ??
      guildRoute(guilds, appId, method, path);
    if (routed) return routed;
    if ((m = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/)) && method === 'POST') return [204, null];
    if ((m = path.match(/^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/))) {
      if (method === 'DELETE') return [204, null];
      return [200, { id: snowflake(), ...body }];
    }
    if ((m = path.match(/^\/webhooks\/(\d+)\/([^/]+)$/)) && method === 'POST')
      return [200, { id: snowflake(), ...body }];
    if ((m = path.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      if (m[1] !== appId) return [403, { message: 'Missing Access', code: 50001 }];
      const scope = m[2] ?? 'global';
      if (method === 'GET') return [200, commands.get(scope) ?? []];
      if (method === 'PUT') {
        const list = (body as any[]).map((c) => ({
          id: snowflake(),
          application_id: appId,
          version: snowflake(),
          default_member_permissions: null,
          type: 1,
          ...c,
        })); // eslint-disable-line @typescript-eslint/no-explicit-any
        commands.set(scope, list);
        return [200, list];
      }
    }
    return [404, { message: '404: Not Found', code: 0 }];
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!).replace(/^\/api\/v\d+/, '');
    const body = await readJson(req);
    if (path === '/__fake/stats') {
      // For a fake running in another process (benches): what it has seen, in one JSON.
      const channels = new Set(messages.map((m) => m.channelId)).size;
      const first = requests[0]?.at ?? 0;
      const stats = {
        messages: messages.length,
        threads: threads.length,
        channels,
        limited,
        requests: requests.length,
        firstAt: first,
        lastAt: requests.at(-1)?.at ?? 0,
        limitedAt: requests.filter((r) => r.status === 429).map((r) => r.at - first),
      };
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats));
    }
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
      record(req, path, body, status);
      // Like Discord, a 204 has no body and no content type (discord.js would try to parse it).
      if (payload === null || status === 204) return void res.writeHead(status, headers).end();
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(payload));
    };
    const fault = faults.find((f) => f.times > 0 && f.method === method && f.path.test(path));
    if (fault && !fault.afterEffect) {
      fault.times--;
      if (fault.status === 429) limited.scripted++;
      return send(fault.status, fault.body ?? { message: 'scripted failure' }, fault.headers);
    }
    const held = holds.find((h) => h.method === method && h.path.test(path));
    if (held) {
      holds.splice(holds.indexOf(held), 1);
      if (held.perform) perform(method, path, body);
      const r: RecordedRequest = { method, path, body, headers: req.headers, status: 0, at: Date.now() };
      requests.push(r);
      return held.resolve(r);
    }
    const cross = method === 'POST' ? path.match(/^\/channels\/(\d+)\/messages\/(\d+)\/crosspost$/) : null;
    if (cross) {
      const [, channelId, messageId] = cross as unknown as [string, string, string];
      const exists = messages.some((x) => x.id === messageId && x.channelId === channelId);
      const done = crossposts.handle(channelId, messageId, { type: channelKinds.get(channelId)?.type ?? 0, exists });
      return send(done.status, done.body, done.headers);
    }
    let limitHeaders: Record<string, string> = {};
    if (limiter) {
      const m = method === 'POST' ? path.match(/^\/channels\/(\d+)\/messages$/) : null;
      const d = limiter.check(m ? `messages:${m[1]}` : null);
      if (!d.allowed) {
        if (d.body?.global) limited.global++;
        else limited.route++;
        return send(429, d.body, d.headers);
      }
      limitHeaders = d.headers;
    }
    const [status, payload] = perform(
      method,
      path,
      body,
      String(req.headers.authorization ?? ''),
      new URLSearchParams((req.url ?? '').split('?')[1] ?? ''),
    );
    if (fault) {
      fault.times--;
      return send(fault.status, fault.body ?? { message: 'scripted failure' }, fault.headers);
    }
    send(status, payload, limitHeaders);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(JSON.stringify({ message: String(e) }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  gateway = attachGateway(server, `ws://127.0.0.1:${port}/gw`, appId);

  return {
    api: `http://127.0.0.1:${port}/api`,
    requests,
    messages,
    commands,
    forbiddenChannels,
    application,
    channelGuilds,
    refusedTokens,
    missingChannels,
    channelKinds,
    threads,
    guilds,
    crossposts,
    gateway,
    limited,
    fault(f) {
      faults.push({ times: 1, ...f });
    },
    hold(h) {
      return new Promise((resolve) => holds.push({ ...h, resolve }));
    },
    waitFor(pred, timeoutMs = 5000) {
      const found = requests.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const w = { pred, resolve: (r: RecordedRequest) => (clearTimeout(t), resolve(r)) };
        const t = setTimeout(
          () => (waiters.splice(waiters.indexOf(w), 1), reject(new Error('fake discord: request not seen in time'))),
          timeoutMs,
        );
        waiters.push(w);
      });
    },
    async close() {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
