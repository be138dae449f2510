/**
 * Herald's one HTTP server (HTTP_PORT): the Discord interactions endpoint and the Slack
 * events endpoint are routes on it, plus a health check. Adapters register routes; the
 * server knows nothing of either platform.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../core/ports.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HttpServer {
  /** Registers a handler for an exact path (and method, default POST). */
  route(method: string, path: string, handler: RouteHandler): void;
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

export function createHttpServer(logger: Logger): HttpServer {
  const routes = new Map<string, RouteHandler>();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'GET' && path === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    const handler = routes.get(`${req.method} ${path}`);
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
