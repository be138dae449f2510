/**
 * `herald feeds check`, in process through `main` (the binary's code path): a folder of feed
 * files, a URL served on 127.0.0.1, and an OPML export whose feeds are fetched; text lines and
 * a summary, or `--json`; exit codes.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { startFeedServer, type TestServer } from '../feeds/feed-server.js';
import { ROOT, TEST_DATA_DIR } from '../helpers/spawn-herald.js';

const ODD = join(ROOT, 'tests', 'fixtures', 'feeds-odd');
const FEEDS = join(ROOT, 'tests', 'fixtures', 'feeds');

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let errText = '';
  stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  stderr.setEncoding('utf8').on('data', (d: string) => (errText += d));
  const code = await main(argv, {
    stdin: new PassThrough(),
    stdout,
    stderr,
    // The test server is on 127.0.0.1, allowlisted as an operator would.
    env: { HERALD_DATA_DIR: TEST_DATA_DIR, HERALD_FEED_ALLOWLIST: '127.0.0.1' },
    cwd: ROOT,
  });
  return { code, stdout: out, stderr: errText };
}

let server: TestServer;
let dir: string;
let folder: string;
let opml: string;
beforeAll(async () => {
  server = await startFeedServer();
  server.route('/gone', (_req, res) => res.writeHead(404).end());
  dir = mkdtempSync(join(tmpdir(), 'herald-feeds-check-'));
  folder = join(dir, 'feeds');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(folder);
  for (const f of [
    'node-feedparser__test__feeds__compressed.xml',
    'node-feedparser__test__feeds__notafeed.html',
    'feedparser__tests__entities__query_variable_entry.xml',
  ])
    copyFileSync(join(ODD, f), join(folder, f));
  copyFileSync(join(FEEDS, 'rssparser_heise.atom'), join(folder, 'heise.atom'));
  opml = join(dir, 'export.opml');
  writeFileSync(
    opml,
    `<?xml version="1.0"?><opml version="2.0"><head><title>Export</title></head><body>
      <outline text="Guardian" type="rss" xmlUrl="${server.origin}/feeds/rssparser_guardian.rss"/>
      <outline text="Gone" type="rss" xmlUrl="${server.origin}/gone"/></body></opml>`,
  );
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('herald feeds check', () => {
  it('prints one line per feed and a summary; exits 1 when any feed fails', async () => {
    const r = await cli(['feeds', 'check', folder, opml]);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe(
      `ok    ${join(folder, 'feedparser__tests__entities__query_variable_entry.xml')}: 1 item (note: The feed is not well-formed XML (line 8: an "&" that is not written as &amp;, or an entity XML does not define); Herald read the 1 item it could.)`,
    );
    expect(lines[1]).toMatch(/^ok {4}.*heise\.atom: \d+ items "heise developer neueste Meldungen"$/);
    expect(lines[2]).toMatch(/compressed\.xml: 10 items "Новости Оренбурга и области \/ Раздел Новости"$/);
    expect(lines[3]).toBe(
      `FAIL  ${join(folder, 'node-feedparser__test__feeds__notafeed.html')}: This is an HTML page, not a feed, and the page names no feed of its own. Look on the site for a link named RSS, Atom or Feed, and use that address.`,
    );
    expect(lines[4]).toMatch(
      new RegExp(`^ok {4}${server.origin}/feeds/rssparser_guardian\\.rss: \\d+ items "The Guardian"$`),
    );
    expect(lines[5]).toMatch(new RegExp(`^FAIL  ${server.origin}/gone: .*answered HTTP 404`));
    expect(lines[6]).toMatch(/^Checked 6 feeds in [\d.]+ s: 4 ok \(1 with notes\), 2 failed; \d+ items in all\.$/);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
  });

  it('--json prints an array of { source, ok, items, title, error, notes }; exits 0 when all read', async () => {
    const r = await cli([
      'feeds',
      'check',
      join(folder, 'heise.atom'),
      `${server.origin}/feeds/rssparser_guardian.rss`,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const results = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(results.map((x) => Object.keys(x))).toEqual([
      ['source', 'ok', 'items', 'title', 'error', 'notes'],
      ['source', 'ok', 'items', 'title', 'error', 'notes'],
    ]);
    expect(results[0]).toMatchObject({
      source: join(folder, 'heise.atom'),
      ok: true,
      title: 'heise developer neueste Meldungen',
      error: null,
    });
    expect(results[1]).toMatchObject({ ok: true, title: 'The Guardian', error: null });
    expect(results[1]?.['items']).toBeGreaterThan(10);
  });

  it('a missing file is a failed feed; no argument or an unknown verb is a usage error', async () => {
    const missing = await cli(['feeds', 'check', join(dir, 'nope.xml'), '--json']);
    expect(JSON.parse(missing.stdout)).toEqual([
      { source: join(dir, 'nope.xml'), ok: false, items: 0, title: null, error: 'No such file.', notes: [] },
    ]);
    expect(missing.code).toBe(1);
    expect((await cli(['feeds', 'check'])).code).toBe(2);
    const unknown = await cli(['feeds', 'frob']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/only "feeds check" exists/);
  });
});
