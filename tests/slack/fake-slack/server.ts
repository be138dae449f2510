/**
 * A fake Slack Web API on 127.0.0.1, for driving the real Bolt App and WebClient over HTTP.
 * It records every call, answers the methods Herald uses, and can be told to answer the next
 * call of a method with a 429 + Retry-After, an `ok: false` error, a 500, or a dropped socket.
 * It also records `response_url` posts (`/respond/<id>`) and hosts a fake Socket Mode
 * WebSocket (`/link`) that `apps.connections.open` points at.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { readBody, slackPings } from './request-fields.js';

export { slackPings } from './request-fields.js';

export interface RecordedCall {
  readonly method: string;
  readonly params: Record<string, unknown>;
  readonly at: number;
}

export type Scripted =
  | { readonly kind: 'ratelimit'; readonly retryAfter: number }
  | { readonly kind: 'error'; readonly error: string }
  | { readonly kind: 'status'; readonly status: number }
  /** The request is processed (the message is stored) but the connection is dropped before answering. */
  | { readonly kind: 'drop-after-processing' };

export interface FakeUser {
  readonly id: string;
  readonly name?: string;
  readonly is_admin?: boolean;
  readonly is_owner?: boolean;
}

interface Posted {
  readonly ts: string;
  readonly channel: string;
  readonly text: string;
  readonly blocks: unknown;
  readonly metadata: { event_type: string; event_payload: Record<string, unknown> } | null;
  /** The parent's ts when posted as a thread reply. */
  readonly threadTs: string | null;
  /** Who it notified: `<!subteam^S…>` groups, `<!channel>`/`<!here>`/`<!everyone>`, `<@U…>` users, in text or blocks. */
  readonly pinged: readonly string[];
}

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  /** Bodies posted to response URLs, by id. */
  readonly responses = new Map<string, Record<string, unknown>[]>();
  readonly users = new Map<string, FakeUser>();
  readonly usergroups: { id: string; users: string[]; handle?: string }[] = [];
  readonly posted: Posted[] = [];
  /** Channels the bot is not in: chat.postMessage answers `not_in_channel`. */
  readonly notInChannel = new Set<string>();
  /**
   * Channel id → the team ids of a Slack Connect channel, as `conversations.info` reports them
   * (`context_team_id` is the first). Channels not listed answer without team ids.
   */
  readonly channelTeams = new Map<string, string[]>();
  /** Scopes `auth.test` reports in x-oauth-scopes (doctor compares them with the manifest's). */
  scopes: string[] = [
    'commands',
    'chat:write',
    'users:read',
    'usergroups:read',
    'channels:read',
    'groups:read',
    'channels:history',
    'groups:history',
    'app_mentions:read',
  ];
  /** Response-URL ids whose posts are recorded but answered 500 (an expired or broken response_url). */
  readonly failingResponses = new Set<string>();
  /** Tokens the fake answers with invalid_auth. */
  readonly refusedTokens = new Set<string>();
  private readonly scripts = new Map<string, Scripted[]>();
  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private sockets = new Set<WebSocket>();
  private tsCounter = 1_700_000_000;
  port = 0;

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => {
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        this.sockets.add(ws);
        ws.on('close', () => this.sockets.delete(ws));
        ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' } }));
      });
    });
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  /** The next call(s) of `method` get these answers, in order. */
  script(method: string, ...answers: Scripted[]): void {
    this.scripts.set(method, [...(this.scripts.get(method) ?? []), ...answers]);
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with the next `response_url` post for `id`. */
  async waitForResponse(id: string, count = 1, timeoutMs = 5000): Promise<Record<string, unknown>[]> {
    const start = Date.now();
    while ((this.responses.get(id)?.length ?? 0) < count) {
      if (Date.now() - start > timeoutMs) throw new Error(`no response posted to ${id}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.responses.get(id)!;
  }

  /** Sends a Socket Mode envelope to every connected client and resolves with the client's ack. */
  async sendEnvelope(
    type: string,
    payload: Record<string, unknown>,
    timeoutMs = 5000,
  ): Promise<Record<string, unknown>> {
    const ws = [...this.sockets][0];
    if (!ws) throw new Error('no Socket Mode client connected');
    const envelopeId = `env-${Math.random().toString(36).slice(2)}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no ack')), timeoutMs);
      const onMessage = (data: Buffer) => {
        const msg = JSON.parse(data.toString()) as Record<string, unknown>;
        if (msg['envelope_id'] !== envelopeId) return;
        clearTimeout(timer);
        ws.off('message', onMessage);
        resolve(msg);
      };
      ws.on('message', onMessage);
      ws.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: type !== 'events_api',
          retry_attempt: 0,
          retry_reason: '',
        }),
      );
    });
  }

  get connectedSockets(): number {
    return this.sockets.size;
  }

  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const params = await readBody(req);
    const respond = url.match(/^\/respond\/([^/?]+)/);
    if (respond) {
      const list = this.responses.get(respond[1]!) ?? [];
      list.push(params);
      this.responses.set(respond[1]!, list);
      if (this.failingResponses.has(respond[1]!)) res.writeHead(500, { 'content-type': 'text/plain' }).end('no');
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const m = url.match(/^\/api\/([a-zA-Z.]+)/);
    if (!m) {
      res.writeHead(404).end();
      return;
    }
    const method = m[1]!;
    this.calls.push({ method, params, at: Date.now() });
    const scripted = this.scripts.get(method)?.shift();
    if (scripted?.kind === 'ratelimit') {
      res
        .writeHead(429, { 'retry-after': String(scripted.retryAfter), 'content-type': 'application/json' })
        .end('{"ok":false,"error":"ratelimited"}');
      return;
    }
    if (scripted?.kind === 'status') {
      res.writeHead(scripted.status, { 'content-type': 'text/plain' }).end('upstream trouble');
      return;
    }
    if (scripted?.kind === 'error') return this.json(res, { ok: false, error: scripted.error });
    const token = String(req.headers.authorization ?? '').replace(/^Bearer /, '') || String(params['token'] ?? '');
    if (this.refusedTokens.has(token)) return this.json(res, { ok: false, error: 'invalid_auth' });
    const answer = this.answer(method, params);
    if (scripted?.kind === 'drop-after-processing') {
      res.socket?.destroy();
      return;
    }
    this.json(res, answer);
  }

  private json(res: import('node:http').ServerResponse, body: unknown): void {
    // Slack lists the token's scopes on every Web API answer.
    res
      .writeHead(200, { 'content-type': 'application/json', 'x-oauth-scopes': this.scopes.join(',') })
      .end(JSON.stringify(body));
  }

  private answer(method: string, p: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake.slack.com/',
          team: 'Fake',
          user: 'herald',
          team_id: 'T0001',
          user_id: 'UBOT',
          bot_id: 'BBOT',
        };
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${this.port}/link?ticket=fake` };
      case 'users.info': {
        const u = this.users.get(String(p['user']));
        return u
          ? { ok: true, user: { name: u.id.toLowerCase(), real_name: u.name ?? u.id, ...u } }
          : { ok: false, error: 'user_not_found' };
      }
      case 'usergroups.list':
        return {
          ok: true,
          usergroups: this.usergroups.map((g) => ({
            id: g.id,
            handle: g.handle ?? g.id.toLowerCase(),
            users: g.users,
          })),
        };
      case 'conversations.info': {
        const id = String(p['channel']);
        if (id.startsWith('CGONE')) return { ok: false, error: 'channel_not_found' };
        return {
          ok: true,
          channel: {
            id,
            name: id.toLowerCase(),
            is_member: !this.notInChannel.has(id),
            is_archived: false,
            ...(this.channelTeams.has(id)
              ? { context_team_id: this.channelTeams.get(id)![0], shared_team_ids: this.channelTeams.get(id) }
              : {}),
          },
        };
      }
      case 'users.list':
        // One page: enough for the tests; the real API pages with response_metadata.next_cursor.
        return {
          ok: true,
          members: [...this.users.values()].map((u) => ({
            id: u.id,
            name: u.id.toLowerCase(),
            profile: { display_name: u.name ?? '', real_name: u.name ?? u.id },
          })),
          response_metadata: { next_cursor: '' },
        };
      case 'chat.postMessage': {
        const channel = String(p['channel']);
        if (this.notInChannel.has(channel)) return { ok: false, error: 'not_in_channel' };
        const ts = `${this.tsCounter++}.000100`;
        const metadata = (p['metadata'] as Posted['metadata']) ?? null;
        const text = String(p['text'] ?? '');
        const threadTs = p['thread_ts'] ? String(p['thread_ts']) : null;
        if (threadTs && !this.posted.some((m) => m.channel === channel && m.ts === threadTs))
          return { ok: false, error: 'thread_not_found' };
        this.posted.push({
          ts,
          channel,
          text,
          blocks: p['blocks'],
          metadata,
          threadTs,
          pinged: slackPings(text, p['blocks']),
        });
        return { ok: true, channel, ts, message: { text: p['text'], ts } };
      }
      case 'conversations.replies':
      case 'conversations.history': {
        const channel = String(p['channel']);
        // history lists the channel's own messages (thread replies stay in their thread); replies, one thread.
        const inThread = method === 'conversations.replies' ? String(p['ts']) : null;
        const messages = this.posted
          .filter((m) => m.channel === channel)
          .filter((m) => (inThread ? m.ts === inThread || m.threadTs === inThread : m.threadTs === null))
          .reverse()
          .map((m) => ({
            type: 'message',
            ts: m.ts,
            text: m.text,
            bot_id: 'BBOT',
            ...(p['include_all_metadata'] && m.metadata ? { metadata: m.metadata } : {}),
          }));
        return { ok: true, messages, has_more: false };
      }
      default:
        return { ok: true };
    }
  }
}

/** Starts a fake Slack on an ephemeral loopback port. */
export async function startFakeSlack(): Promise<FakeSlack> {
  return new FakeSlack().start();
}
