/**
 * Herald with its dashboard on a real HTTP server (port 0), a real SQLite file and a clock the
 * test moves; links are minted by dispatching the real /dashboard command, as a platform would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { Config } from '../../src/config/schema.js';
import type { Invoker, Where } from '../../src/core/ports.js';
import type { Reply } from '../../src/core/reply/types.js';
import { createHerald, type Herald } from '../../src/main.js';
import { testConfig } from '../helpers/test-config.js';

export interface MovableClock {
  now(): Date;
  advance(ms: number): void;
}

export function movableClock(start = Date.now()): MovableClock {
  let t = start;
  return { now: () => new Date(t), advance: (ms) => void (t += ms) };
}

export interface DashboardHerald {
  readonly app: Herald;
  readonly base: string;
  readonly clock: MovableClock;
  /** Dispatches /dashboard as `invoker` in `where` and returns the link the reply carries. */
  mint(where: Where, invoker: Invoker): Promise<string>;
  close(): Promise<void>;
}

/** `allowlist`: feed hosts that may be private (the tests' feed server on 127.0.0.1). */
export async function startDashboardHerald(
  overrides: Partial<Omit<Config, 'feeds'>> & { readonly allowlist?: readonly string[] } = {},
): Promise<DashboardHerald> {
  const { allowlist, ...rest } = overrides;
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-dash-'));
  const base = await testConfig();
  const config = await testConfig({
    dataDir,
    http: { port: 0, host: '127.0.0.1', publicUrl: null },
    ...rest,
    feeds: { ...base.feeds, allowlist: allowlist ?? base.feeds.allowlist },
  });
  const clock = movableClock();
  const built = await createHerald(config, { logger: pino({ level: 'silent' }), clock });
  if (!built.ok) throw new Error(built.error.message);
  const app = built.value;
  const running = await app.start({ poll: false, dashboard: true });
  const url = `http://127.0.0.1:${running.http!.port}`;
  return {
    app,
    base: url,
    clock,
    async mint(where, invoker) {
      const reply: Reply = await app.dispatcher.dispatch({ command: 'dashboard', args: {}, invoker, where });
      for (const b of reply.blocks)
        if (b.type === 'buttons') for (const button of b.buttons) if (button.kind === 'link') return button.url;
      throw new Error(`no link in the reply: ${reply.title} ${JSON.stringify(reply.blocks)}`);
    },
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A browser-like client over fetch: keeps the session cookie, never follows redirects. */
export class Client {
  cookie: string | null = null;
  setCookie: string | null = null;
  constructor(readonly base: string) {}

  async request(method: string, path: string, form?: Record<string, string>, headers: Record<string, string> = {}) {
    const res = await fetch(path.startsWith('http') ? path : `${this.base}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...headers,
      },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    const set = res.headers.get('set-cookie');
    if (set) {
      this.setCookie = set;
      const m = /^herald_dashboard=([^;]*)/u.exec(set);
      if (m) this.cookie = m[1] ? `herald_dashboard=${m[1]}` : null;
    }
    return { status: res.status, location: res.headers.get('location'), text: await res.text(), headers: res.headers };
  }
  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, form: Record<string, string> = {}, headers: Record<string, string> = {}) {
    return this.request('POST', path, form, headers);
  }
  /** The CSRF token of the page at `path`, as its forms carry it. */
  async csrf(path = '/dashboard'): Promise<string> {
    const page = await this.get(path);
    const m = /name="_csrf" value="([^"]+)"/u.exec(page.text);
    if (!m) throw new Error(`no CSRF field on ${path} (${page.status})`);
    return m[1]!;
  }
}

/** Opens a link (the POST its page sends) and returns the signed-in client. */
export async function signIn(base: string, link: string): Promise<Client> {
  const client = new Client(base);
  const opened = await client.post(link);
  if (opened.status !== 303) throw new Error(`sign-in refused: ${opened.status} ${opened.text.slice(0, 300)}`);
  return client;
}
