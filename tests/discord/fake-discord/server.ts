/**
 * A fake Discord for tests and benches: REST on 127.0.0.1 (paths as discord.js sends them,
 * `/api/v10/...`) plus the gateway WebSocket on `/gw`. It records every request, stores
 * messages, honours `nonce` + `enforce_nonce` as Discord does, can enforce the documented
 * rate limits, and can be told to fail the next requests (429 storms, 500s, 403/404).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { attachGateway, type FakeGateway } from './gateway.js';
import { createRateLimiter, type RateLimitOptions } from './rate-limits.js';

export interface RecordedRequest {
  readonly method: string;
  /** Decoded path without the `/api/v10` prefix: `/webhooks/1/tok/messages/@original`. */
  readonly path: string;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly headers: IncomingMessage['headers'];
  readonly status: number;
  readonly at: number;
}

export interface StoredMessage {
  readonly id: string;
  readonly channelId: string;
  readonly at: number;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Who this message pinged, as Discord decides from its content and `allowed_mentions`. */
  readonly pinged: readonly string[];
}

/** A thread or forum post the fake made: its id is a channel id, as on Discord. */
export interface StoredThread {
  readonly id: string;
  readonly parentId: string;
  readonly name: string;
  readonly autoArchiveDuration: number;
  readonly appliedTags: readonly string[];
  /** The message it was started from (text channels); a forum post's starter message has the thread's id. */
  readonly messageId: string;
}

/** A channel's kind, as `GET /channels/{id}` answers: 0 text, 5 announcement, 15 forum, 16 media. */
export interface FakeChannel {
  readonly type: 0 | 5 | 15 | 16;
  readonly availableTags?: readonly { readonly id: string; readonly name: string }[];
  /** Forum flags; 16 (REQUIRE_TAG) makes a tag mandatory on each post. */
  readonly flags?: number;
}

const ARCHIVE_DURATIONS = new Set([60, 1440, 4320, 10080]);
const REQUIRE_TAG = 1 << 4;

/**
 * Who a message pings, following Discord's rules: `<@&id>` roles, `<@id>` users and
 * @everyone/@here in `content` only (never in embeds), each only when `allowed_mentions` lets it
 * (`parse` names the kind, or `roles`/`users` lists the id); no `allowed_mentions` = parse all.
 */
export function pingsOf(body: any): string[] {
  // eslint-disable-line @typescript-eslint/no-explicit-any
  const content = typeof body?.content === 'string' ? body.content : '';
  const am = body?.allowed_mentions ?? { parse: ['roles', 'users', 'everyone'] };
  const parse: string[] = am.parse ?? [];
  const roles: string[] = am.roles ?? [];
  const users: string[] = am.users ?? [];
  const out: string[] = [];
  for (const m of content.matchAll(/@(everyone|here)/g)) if (parse.includes('everyone')) out.push(`@${m[1]}`);
  for (const m of content.matchAll(/<@&(\d+)>/g))
    if (parse.includes('roles') || roles.includes(m[1]!)) out.push(`role:${m[1]}`);
  for (const m of content.matchAll(/<@!?(\d+)>/g))
    if (parse.includes('users') || users.includes(m[1]!)) out.push(`user:${m[1]}`);
  return out;
}

/** Discord refuses `parse: ['roles']` together with a `roles` list (and the same for users). */
function badAllowedMentions(body: any): string | null {
  // eslint-disable-line @typescript-eslint/no-explicit-any
  const am = body?.allowed_mentions;
  if (!am) return null;
  if (am.parse?.includes('roles') && am.roles?.length) return 'parse:["roles"] and roles are mutually exclusive';
  if (am.parse?.includes('users') && am.users?.length) return 'parse:["users"] and users are mutually exclusive';
  if ((am.roles?.length ?? 0) > 100) return 'at most 100 roles';
  return null;
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
  readonly gateway: FakeGateway;
  fault(f: Omit<Fault, 'times'> & { times?: number }): void;
  /** Count of 429 answers, by kind. */
  readonly limited: { global: number; route: number; scripted: number };
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
  const invalid = (message: string, code = 50035): [number, unknown] => [400, { message, code }];
  /** Discord's 1-100 character rule for thread names (counted in characters, not UTF-16 units). */
  const badName = (name: unknown): boolean =>
    typeof name !== 'string' ||
    [...name].length < 1 ||
    [...name].length > 100 ||
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u.test(name);
  const store = (channelId: string, body: any, id = snowflake()): StoredMessage => {
    // eslint-disable-line @typescript-eslint/no-explicit-any
    const msg: StoredMessage = { id, channelId, body, at: Date.now(), pinged: pingsOf(body) };
    messages.push(msg);
    return msg;
  };
  // Snowflakes carry their creation time, as Discord's do, so `?after=<snowflake>` means "since then".
  let sequence = 0n;
  const snowflake = (): string => String(((BigInt(Date.now()) - 1_420_070_400_000n) << 22n) + (sequence++ & 0x3fffffn));
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
    if ((m = path.match(/^\/channels\/(\d+)$/)) && method === 'GET') {
      const channelId = m[1]!;
      if (missingChannels.has(channelId)) return [404, { message: 'Unknown Channel', code: 10003 }];
      if (forbiddenChannels.has(channelId)) return [403, { message: 'Missing Access', code: 50001 }];
      const guild = channelGuilds.get(channelId);
      const kind = channelKinds.get(channelId);
      const thread = threads.find((t) => t.id === channelId);
      return [
        200,
        {
          id: channelId,
          type: thread ? 11 : (kind?.type ?? (guild ? 0 : 1)),
          ...(guild ? { guild_id: guild } : {}),
          name: thread?.name ?? `c${channelId}`,
          ...(thread ? { parent_id: thread.parentId } : {}),
          ...(kind?.availableTags
            ? { available_tags: kind.availableTags.map((t) => ({ ...t, moderated: false })) }
            : {}),
          flags: kind?.flags ?? 0,
        },
      ];
    }
    if ((m = path.match(/^\/channels\/(\d+)\/messages\/(\d+)\/threads$/)) && method === 'POST') {
      // Start Thread from Message: the thread's id is the message's id; one thread per message.
      const [, channelId, messageId] = m as unknown as [string, string, string];
      if (!messages.some((x) => x.id === messageId && x.channelId === channelId))
        return [404, { message: 'Unknown Message', code: 10008 }];
      if (threads.some((t) => t.id === messageId))
        return invalid('A thread has already been created for this message', 160004);
      if (badName(body?.name)) return invalid('Invalid Form Body: name must be 1-100 characters');
      if (body?.auto_archive_duration !== undefined && !ARCHIVE_DURATIONS.has(body.auto_archive_duration))
        return invalid('Invalid Form Body: auto_archive_duration');
      const t: StoredThread = {
        id: messageId,
        parentId: channelId,
        name: body.name,
        autoArchiveDuration: body.auto_archive_duration ?? 1440,
        appliedTags: [],
        messageId,
      };
      threads.push(t);
      return [201, { id: t.id, type: 11, parent_id: channelId, name: t.name }];
    }
    if ((m = path.match(/^\/channels\/(\d+)\/threads$/)) && method === 'POST') {
      // Start Thread in Forum or Media Channel: a post is a thread with its starter message.
      const channelId = m[1]!;
      const kind = channelKinds.get(channelId);
      if (!kind || (kind.type !== 15 && kind.type !== 16)) return invalid('Not a forum channel', 50024);
      if (badName(body?.name)) return invalid('Invalid Form Body: name must be 1-100 characters');
      if (body?.auto_archive_duration !== undefined && !ARCHIVE_DURATIONS.has(body.auto_archive_duration))
        return invalid('Invalid Form Body: auto_archive_duration');
      if (!body?.message) return invalid('Invalid Form Body: message is required');
      const tags: string[] = body.applied_tags ?? [];
      if (tags.length > 5) return invalid('Invalid Form Body: applied_tags must have at most 5 items');
      const known = new Set((kind.availableTags ?? []).map((t) => t.id));
      if (tags.some((t) => !known.has(t))) return invalid('Invalid Form Body: unknown tag');
      if ((kind.flags ?? 0) & REQUIRE_TAG && tags.length === 0)
        return invalid('A tag is required to create a forum post in this channel', 40067);
      const bad = badAllowedMentions(body.message);
      if (bad) return invalid(`Invalid Form Body: allowed_mentions ${bad}`);
      const id = snowflake();
      store(id, body.message, id);
      const t: StoredThread = {
        id,
        parentId: channelId,
        name: body.name,
        autoArchiveDuration: body.auto_archive_duration ?? 1440,
        appliedTags: tags,
        messageId: id,
      };
      threads.push(t);
      return [
        201,
        { id, type: 11, parent_id: channelId, name: t.name, applied_tags: tags, message: { id, ...body.message } },
      ];
    }
    if ((m = path.match(/^\/channels\/(\d+)\/messages$/)) && method === 'POST') {
      const channelId = m[1]!;
      if (missingChannels.has(channelId)) return [404, { message: 'Unknown Channel', code: 10003 }];
      if (forbiddenChannels.has(channelId)) return [403, { message: 'Missing Access', code: 50001 }];
      const key = `${channelId}:${body?.nonce}`;
      const earlier = byNonce.get(key);
      if (
        body?.enforce_nonce &&
        body?.nonce !== undefined &&
        earlier &&
        Date.now() - earlier.at < (opts.nonceWindowMs ?? Infinity)
      )
        return [200, { ...earlier.body, id: earlier.id }];
      const kind = channelKinds.get(channelId);
      if (kind && (kind.type === 15 || kind.type === 16))
        return invalid('Cannot send messages in a forum channel: create a post', 50008);
      const bad = badAllowedMentions(body);
      if (bad) return invalid(`Invalid Form Body: allowed_mentions ${bad}`);
      const msg = store(channelId, body);
      if (body?.nonce !== undefined) byNonce.set(key, msg);
      return [200, { id: msg.id, channel_id: channelId, ...body }];
    }
    if ((m = path.match(/^\/channels\/(\d+)\/messages$/)) && method === 'GET') {
      // Newest first, at most `limit` (≤ 100), only ids above `after`; the nonce comes back as sent.
      const channelId = m[1]!;
      const after = BigInt(query.get('after') ?? '0');
      const limit = Math.min(100, Number(query.get('limit') ?? 50));
      const found = messages.filter((x) => x.channelId === channelId && BigInt(x.id) > after).slice(0, limit);
      return [200, found.reverse().map((x) => ({ ...x.body, id: x.id, channel_id: channelId }))];
    }
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
    gateway,
    limited,
    fault(f) {
      faults.push({ times: 1, ...f });
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
