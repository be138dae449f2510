/**
 * A real HTTP server on 127.0.0.1 for feed tests: serves the fixture feeds with ETag and
 * Last-Modified (honouring conditional GET), records requests, and counts closed connections
 * so a test can prove a timeout or byte cap really hung up.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { parseAllowlist, type LookupFn } from '../../src/feeds/address-policy.js';
import type { SafeFetchDeps } from '../../src/feeds/safe-fetch.js';

export const FIXTURE_DIR = join(import.meta.dirname, '..', 'fixtures', 'feeds');
export const FIXTURE_LAST_MODIFIED = 'Wed, 21 Oct 2015 07:28:00 GMT';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly requests: { path: string; headers: IncomingMessage['headers'] }[];
  /** Sockets the server has seen close (the client hung up or the exchange ended). */
  closedSockets(): number;
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  xml: 'text/xml',
};

function serveFixture(name: string): Handler {
  const bytes = readFileSync(join(FIXTURE_DIR, name));
  const etag = `"${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}"`;
  const type = CONTENT_TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream';
  return (req, res) => {
    const fresh = req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === FIXTURE_LAST_MODIFIED;
    res.setHeader('etag', etag);
    res.setHeader('last-modified', FIXTURE_LAST_MODIFIED);
    if (fresh) {
      res.writeHead(304).end();
      return;
    }
    // No charset on purpose: the ISO-8859-1 fixture must be decoded from its XML prolog.
    res.writeHead(200, { 'content-type': type, 'content-length': bytes.byteLength }).end(bytes);
  };
}

/** The fixture feed file names (everything but SOURCES.md). */
export const fixtureNames = (): string[] =>
  readdirSync(FIXTURE_DIR)
    .filter((f) => !f.endsWith('.md'))
    .sort();

export async function startFeedServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  for (const name of fixtureNames()) routes.set(`/feeds/${name}`, serveFixture(name));
  const requests: TestServer['requests'] = [];
  const sockets = new Set<Socket>();
  let closed = 0;

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    requests.push({ path, headers: req.headers });
    const handler = routes.get(path);
    if (handler) handler(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      closed += 1;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    closedSockets: () => closed,
    route: (path, handler) => routes.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A lookup that answers from a table and fails for anything else, so no test touches real DNS. */
export function tableLookup(table: Record<string, readonly string[]>): LookupFn {
  return async (host) => {
    const addresses = table[host];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

/** Real fetch, a table lookup, and 127.0.0.1 allowlisted the way an admin would in config. */
export function localDeps(extra: Partial<SafeFetchDeps> = {}): SafeFetchDeps {
  const allow = parseAllowlist(['127.0.0.1']);
  if (!allow.ok) throw new Error(allow.error.message);
  return { fetch: globalThis.fetch, lookup: tableLookup({}), allowlist: allow.value, ...extra };
}

/** Waits until `check` holds, polling briefly; for asserting on the server's view after a client hang-up. */
export async function eventually(check: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
