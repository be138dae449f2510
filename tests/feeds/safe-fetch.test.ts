/**
 * safeFetch against a real local server: timeouts that hang up, byte caps, redirects re-checked
 * hop by hop, HTTP errors, and charset decoding.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowlist } from '../../src/feeds/address-policy.js';
import { fetchArticlePage } from '../../src/feeds/fetch-article-page.js';
import { safeFetch } from '../../src/feeds/safe-fetch.js';
import { eventually, localDeps, startFeedServer, tableLookup, type TestServer } from './feed-server.js';

let server: TestServer;
const hungUp = new Set<string>();
const reached = new Set<string>();

beforeAll(async () => {
  server = await startFeedServer();
  // Streams a small chunk every 20 ms, forever: only a client that really aborts ends it.
  server.route('/forever', (_req, res) => {
    reached.add('/forever');
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
    const timer = setInterval(() => res.write('<!-- still going -->'), 20);
    res.on('close', () => {
      clearInterval(timer);
      hungUp.add('/forever');
    });
  });
  server.route('/silent', (_req, res) => {
    reached.add('/silent');
    res.on('close', () => hungUp.add('/silent'));
  });
  // 64 KiB chunks as fast as the socket takes them, with no Content-Length to warn the client.
  server.route('/huge', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/xml' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once('drain', pump);
    };
    res.on('close', () => hungUp.add('/huge'));
    pump();
  });
  server.route('/declared-huge', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/xml', 'content-length': String(50 * 1024 * 1024) });
    res.write('<rss>');
    res.on('close', () => hungUp.add('/declared-huge'));
  });
  server.route('/loop', (_req, res) => res.writeHead(302, { location: '/loop' }).end());
  server.route('/moved', (_req, res) => res.writeHead(301, { location: 'feeds/rssparser_heraldsun.rss' }).end());
  server.route('/to-metadata', (_req, res) =>
    res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
  );
  server.route('/to-intranet', (_req, res) => res.writeHead(307, { location: 'http://wiki.corp.example/feed' }).end());
  server.route('/to-file', (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end());
  server.route('/gone', (_req, res) => res.writeHead(410).end('gone'));
  server.route('/latin1-header', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/xml; charset=ISO-8859-1' }).end(Buffer.from('<t>caf\xe9</t>', 'latin1'));
  });
  server.route('/cp1252-prolog', (_req, res) => {
    res
      .writeHead(200, { 'content-type': 'application/xml' })
      .end(Buffer.from('\n<?xml version="1.0" encoding="windows-1252"?><t>\x93quoted\x94 na\xefve</t>', 'latin1'));
  });
  server.route('/utf8-bom', (_req, res) => {
    res
      .writeHead(200, { 'content-type': 'text/xml' })
      .end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<t>Zürich</t>')]));
  });
  server.route('/utf16-bom', (_req, res) => {
    res
      .writeHead(200, { 'content-type': 'text/xml' })
      .end(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<t>Łódź</t>', 'utf16le')]));
  });
  // Warm up: the first fetch in a process loads undici, which on a busy machine can eat a short deadline.
  await safeFetch(`${server.origin}/feeds/rssparser_heraldsun.rss`, {}, localDeps());
});
afterAll(async () => {
  await server.close();
});

describe('safeFetch limits', () => {
  it('aborts a response that streams forever, and the server sees the connection close', async () => {
    const started = Date.now();
    const result = await safeFetch(`${server.origin}/forever`, { timeoutMs: 600 }, localDeps());
    expect(result.ok ? 'ok' : result.error.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(reached.has('/forever')).toBe(true);
    await eventually(() => hungUp.has('/forever'));
  });

  it('aborts a server that never sends headers', async () => {
    const result = await safeFetch(`${server.origin}/silent`, { timeoutMs: 400 }, localDeps());
    expect(result.ok ? 'ok' : result.error.code).toBe('timeout');
    expect(reached.has('/silent')).toBe(true);
    await eventually(() => hungUp.has('/silent'));
  });

  it('stops reading at the byte cap and hangs up', async () => {
    const result = await safeFetch(`${server.origin}/huge`, { maxBytes: 256 * 1024, timeoutMs: 5_000 }, localDeps());
    expect(result.ok ? 'ok' : result.error.code).toBe('too_large');
    await eventually(() => hungUp.has('/huge'));
  });

  it('refuses a declared Content-Length over the cap without reading the body', async () => {
    const result = await safeFetch(`${server.origin}/declared-huge`, { maxBytes: 1024 }, localDeps());
    expect(result.ok ? 'ok' : result.error).toMatchObject({
      code: 'too_large',
      details: { contentLength: 50 * 1024 * 1024 },
    });
    await eventually(() => hungUp.has('/declared-huge'));
  });

  it('gives up after the redirect cap', async () => {
    const before = server.requests.length;
    const result = await safeFetch(`${server.origin}/loop`, { maxRedirects: 3 }, localDeps());
    expect(result.ok ? 'ok' : result.error).toMatchObject({
      code: 'feed_unreachable',
      details: { reason: 'redirect_limit', maxRedirects: 3 },
    });
    expect(server.requests.length - before).toBe(4);
  });

  it('follows a relative redirect and reports the final URL', async () => {
    const result = await safeFetch(`${server.origin}/moved`, {}, localDeps());
    if (!result.ok || result.value.status !== 200) throw new Error('expected a body');
    expect(result.value.finalUrl).toBe(`${server.origin}/feeds/rssparser_heraldsun.rss`);
    expect(result.value.body).toContain('RSS0.92 Example');
  });

  it('re-checks every redirect hop: metadata address, private host name, file scheme', async () => {
    const lookup = tableLookup({ 'wiki.corp.example': ['10.1.2.3'] });
    const metadata = await safeFetch(`${server.origin}/to-metadata`, {}, localDeps({ lookup }));
    expect(metadata.ok ? 'ok' : metadata.error).toMatchObject({
      code: 'url_refused',
      details: { address: '169.254.169.254' },
    });
    const intranet = await safeFetch(`${server.origin}/to-intranet`, {}, localDeps({ lookup }));
    expect(intranet.ok ? 'ok' : intranet.error).toMatchObject({
      code: 'url_refused',
      details: { host: 'wiki.corp.example', address: '10.1.2.3' },
    });
    const file = await safeFetch(`${server.origin}/to-file`, {}, localDeps({ lookup }));
    expect(file.ok ? 'ok' : file.error).toMatchObject({ code: 'url_refused', details: { reason: 'scheme' } });
  });

  it('turns HTTP errors and refused connections into feed_unreachable', async () => {
    const gone = await safeFetch(`${server.origin}/gone`, {}, localDeps());
    expect(gone.ok ? 'ok' : gone.error).toMatchObject({ code: 'feed_unreachable', details: { status: 410 } });

    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((r) => closed.close(() => r()));
    const refused = await safeFetch(`http://127.0.0.1:${port}/feed`, {}, localDeps());
    expect(refused.ok ? 'ok' : refused.error).toMatchObject({
      code: 'feed_unreachable',
      details: { code: 'ECONNREFUSED' },
    });
  });
});

describe('safeFetch address policy against the real server', () => {
  it('refuses 127.0.0.1 unless allowlisted, without sending a request', async () => {
    const before = server.requests.length;
    const result = await safeFetch(
      `${server.origin}/feeds/rssparser_heraldsun.rss`,
      {},
      localDeps({ allowlist: undefined }),
    );
    expect(result.ok ? 'ok' : result.error).toMatchObject({ code: 'url_refused', details: { range: 'loopback' } });
    expect(server.requests.length).toBe(before);
  });

  it('lets a CIDR allowlist entry through', async () => {
    const allow = parseAllowlist(['127.0.0.0/8']);
    if (!allow.ok) throw new Error(allow.error.message);
    const result = await safeFetch(
      `${server.origin}/feeds/rssparser_heraldsun.rss`,
      {},
      localDeps({ allowlist: allow.value }),
    );
    expect(result.ok && result.value.status).toBe(200);
  });
});

describe('safeFetch charset decoding', () => {
  const body = async (path: string) => {
    const result = await safeFetch(`${server.origin}${path}`, {}, localDeps());
    if (!result.ok || result.value.status !== 200) throw new Error(`expected a body from ${path}`);
    return result.value;
  };

  it('uses the Content-Type charset', async () => {
    expect((await body('/latin1-header')).body).toBe('<t>café</t>');
  });
  it('falls back to the XML prolog, even after a leading newline', async () => {
    expect((await body('/cp1252-prolog')).body).toContain('“quoted” naïve');
  });
  it('honours and drops a UTF-8 or UTF-16 byte-order mark', async () => {
    expect((await body('/utf8-bom')).body).toBe('<t>Zürich</t>');
    expect((await body('/utf16-bom')).body).toBe('<t>Łódź</t>');
  });
});

describe('fetchArticlePage', () => {
  it('returns the HTML of a page and refuses a PDF', async () => {
    server.route('/story', (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<html><body><p>Full story.</p></body></html>'),
    );
    server.route('/story.pdf', (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4'),
    );
    const page = await fetchArticlePage(`${server.origin}/story`, localDeps());
    expect(page.ok && page.value).toMatchObject({
      html: expect.stringContaining('Full story.'),
      finalUrl: `${server.origin}/story`,
    });
    const pdf = await fetchArticlePage(`${server.origin}/story.pdf`, localDeps());
    expect(pdf.ok ? 'ok' : pdf.error.code).toBe('unreadable_article');
  });

  it('applies the same limits and address policy', async () => {
    const big = await fetchArticlePage(`${server.origin}/huge`, { ...localDeps(), limits: { maxBytes: 100_000 } });
    expect(big.ok ? 'ok' : big.error.code).toBe('too_large');
    const metadata = await fetchArticlePage('http://169.254.169.254/latest/meta-data/', localDeps());
    expect(metadata.ok ? 'ok' : metadata.error.code).toBe('url_refused');
  });
});

describe('safeFetch deadline covers DNS', () => {
  it('times out a lookup that never answers', async () => {
    const stuck = () => new Promise<never>(() => undefined);
    const result = await safeFetch('https://slow-dns.example/feed', { timeoutMs: 150 }, localDeps({ lookup: stuck }));
    expect(result.ok ? 'ok' : result.error.code).toBe('timeout');
  });
});

describe('safeFetch and dropped connections', () => {
  it('retries a GET once when the server drops the socket before answering (a stale keep-alive)', async () => {
    let calls = 0;
    server.route('/drop-once', (req, res) => {
      calls += 1;
      if (calls === 1) req.socket.destroy();
      else res.writeHead(200, { 'content-type': 'text/xml' }).end('<t>fine</t>');
    });
    const result = await safeFetch(`${server.origin}/drop-once`, {}, localDeps());
    expect(result.ok && result.value.status === 200 && result.value.body).toBe('<t>fine</t>');
    expect(calls).toBe(2);
  });

  it('does not retry forever', async () => {
    server.route('/drop-always', (req) => req.socket.destroy());
    const result = await safeFetch(`${server.origin}/drop-always`, {}, localDeps());
    expect(result.ok ? 'ok' : result.error.code).toBe('feed_unreachable');
  });
});
