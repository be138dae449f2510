/**
 * Herald's one HTTP server (HTTP_PORT): the Discord interactions endpoint and the Slack
 * events endpoint are routes on it, plus a health check. Adapters register routes; the
 * server knows nothing of either platform.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { Logger } from '../core/ports.js';

/** One part's health: `ok`, and a short reason when not. */
export interface HealthCheck {
  readonly ok: boolean;
  readonly detail?: string;
}

/** What `/healthz` reports: each part (store, each platform, scheduler, poller) on its own. */
export type HealthChecks = Readonly<Record<string, () => HealthCheck | Promise<HealthCheck>>>;

export interface HttpServerOptions {
  /** Served at `GET /metrics` in the Prometheus text format. */
  readonly metrics?: Registry;
  /** Run by `GET /healthz`; any part not ok (or throwing, or slower than 2 s) makes it a 503. */
  readonly health?: HealthChecks;
}

async function runChecks(checks: HealthChecks): Promise<{ ok: boolean; checks: Record<string, HealthCheck> }> {
  const out: Record<string, HealthCheck> = {};
  await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        out[name] = await Promise.race([
          Promise.resolve(check()),
          new Promise<HealthCheck>(
            (r) => (timer = setTimeout(() => r({ ok: false, detail: 'no answer in 2 s' }), 2000)),
          ),
        ]);
      } catch (e) {
        out[name] = { ok: false, detail: (e as Error).message };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return { ok: Object.values(out).every((c) => c.ok), checks: out };
}

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HttpServer {
  /** Registers a handler for an exact path (and method, default POST). */
  route(method: string, path: string, handler: RouteHandler): void;
  /** Hands every request under `prefix` (the path itself and `prefix/…`, any method) to `handler`: the dashboard. */
  mount(prefix: string, handler: RouteHandler): void;
  listen(port: number, host?: string): Promise<{ port: number }>;
  close(): Promise<void>;
  readonly server: Server;
}

/** Reads the raw body bytes, refusing bodies over `maxBytes` (signatures need the exact bytes). */
export async function readRawBody(req: IncomingMessage, maxBytes = 1_000_000): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function createHttpServer(logger: Logger, options: HttpServerOptions = {}): HttpServer {
  const routes = new Map<string, RouteHandler>();
  const mounts: { prefix: string; handler: RouteHandler }[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'GET' && path === '/healthz') {
      void runChecks(options.health ?? {}).then((report) => {
        res.writeHead(report.ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(report));
      });
      return;
    }
    if (req.method === 'GET' && path === '/metrics' && options.metrics) {
      const registry = options.metrics;
      registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
        (e: unknown) => {
          logger.error({ err: e }, 'metrics collection failed');
          res.writeHead(500).end();
        },
      );
      return;
    }
    const handler =
      routes.get(`${req.method} ${path}`) ??
      mounts.find((m) => path === m.prefix || path.startsWith(`${m.prefix}/`))?.handler;
    if (!handler) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    Promise.resolve(handler(req, res)).catch((e: unknown) => {
      logger.error({ err: e, path }, 'http handler failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":"internal"}');
    });
  });
  // Keep-alive connections from platforms are reused; don't let them pin the process on close.
  server.keepAliveTimeout = 5_000;
  return {
    server,
    route(method, path, handler) {
      routes.set(`${method.toUpperCase()} ${path}`, handler);
    },
    mount(prefix, handler) {
      mounts.push({ prefix: prefix.replace(/\/+$/u, ''), handler });
    },
    listen(port, host = '0.0.0.0') {
      return new Promise((resolvePromise, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolvePromise({ port: (server.address() as AddressInfo).port }));
      });
    },
    close() {
      return new Promise((resolvePromise) => {
        server.closeAllConnections?.();
        server.close(() => resolvePromise());
      });
    },
  };
}
