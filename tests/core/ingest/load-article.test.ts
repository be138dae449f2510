import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIo } from '../../../src/app/article-io.js';
import { feedFetchDeps } from '../../../src/app/feed-service.js';
import { loadArticle, type LoadDeps } from '../../../src/core/ingest/index.js';
import { systemClock } from '../../../src/core/ports.js';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const storyHtml = readFileSync(`${fixtures}html/harbour-ferry-story.html`, 'utf8');
const markdown = readFileSync(`${fixtures}articles/nasa_mars_sample_return.md`, 'utf8');
/** Article loading as the app wires it: the safe fetch, with the local test server allowlisted. */
function io(limits: { timeoutMs?: number; maxBytes?: number } = {}): LoadDeps {
  const fetchDeps = feedFetchDeps(
    {
      allowlist: ['127.0.0.1'],
      timeoutMs: limits.timeoutMs ?? 2000,
      maxBytes: limits.maxBytes ?? 5e6,
      maxRedirects: 5,
    },
    { fetch, clock: systemClock },
  );
  if (!fetchDeps.ok) throw new Error(fetchDeps.error.message);
  return articleIo(fetchDeps.value);
}
const deps = io();

let server: Server;
let base: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'herald-ingest-'));
  server = createServer((req, res) => {
    switch (req.url) {
      case '/story':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(storyHtml);
        return;
      case '/release.md':
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(markdown);
        return;
      case '/slow':
        // Never answers; the client's timeout must end the request.
        return;
      case '/big':
        res.writeHead(200, { 'content-type': 'text/html' }).end('<p>' + 'x'.repeat(5000) + '</p>');
        return;
      default:
        res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

describe('loadArticle from files', () => {
  it('loads and sniffs a Markdown file', async () => {
    const r = await loadArticle(`${fixtures}articles/nasa_mars_sample_return.md`, deps);
    expect(r.ok && r.value.source.kind).toBe('markdown');
    expect(r.ok && r.value.source.path).toBe(`${fixtures}articles/nasa_mars_sample_return.md`);
  });

  it('reports a missing file as not_found, naming the path', async () => {
    const missing = join(dir, 'nope.txt');
    const r = await loadArticle(missing, deps);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('not_found');
      expect(r.error.message).toContain(missing);
    }
  });

  it.each([
    ['empty.txt', '   \n\n  '],
    [
      'nav-only.html',
      '<!doctype html><html><body><nav><a href="/">Home</a><a href="/x">News</a></nav><footer>© 2024</footer></body></html>',
    ],
    ['binary.txt', 'PNG\u0000\u0000\u0001IHDR\u0000'],
  ])('reports %s as unreadable_article', async (name, content) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    const r = await loadArticle(path, deps);
    expect(r.ok ? 'ok' : r.error.code).toBe('unreadable_article');
  });

  it('reports a file over the size cap as too_large', async () => {
    const r = await loadArticle(`${fixtures}articles/nasa_mars_sample_return.md`, { ...deps, maxBytes: 100 });
    expect(r.ok ? 'ok' : r.error.code).toBe('too_large');
  });
});

describe('loadArticle from URLs', () => {
  it('loads an HTML page', async () => {
    const r = await loadArticle(`${base}/story`, deps);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.source.kind).toBe('html');
    expect(r.value.title).toBe('Harbour ferry service to run all night from June');
  });

  it('loads Markdown served as text/plain by its extension', async () => {
    const r = await loadArticle(`${base}/release.md`, deps);
    expect(r.ok && r.value.source.kind).toBe('markdown');
  });

  it('reports HTTP 404 as article_unavailable', async () => {
    const r = await loadArticle(`${base}/gone`, deps);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('article_unavailable');
      expect(r.error.details).toMatchObject({ status: 404 });
    }
  });

  it('reports a timeout as article_unavailable', async () => {
    const started = Date.now();
    const r = await loadArticle(`${base}/slow`, io({ timeoutMs: 300 }));
    expect(Date.now() - started).toBeLessThan(1500);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('article_unavailable');
      expect(r.error.details).toMatchObject({ reason: 'timeout' });
    }
  });

  it('reports an oversized body as too_large', async () => {
    const r = await loadArticle(`${base}/big`, io({ maxBytes: 1000 }));
    expect(r.ok ? 'ok' : r.error.code).toBe('too_large');
  });

  it('refuses other schemes', async () => {
    const r = await loadArticle('ftp://example.org/a.txt', deps);
    expect(r.ok ? 'ok' : r.error.code).toBe('url_refused');
  });
});
