/**
 * The odd-feed sample (tests/fixtures/feeds-odd: files from four feed parsers' own suites),
 * served over real HTTP from 127.0.0.1 and read through `fetchFeed`, the path `poll` uses.
 * What each file should give comes from the file itself where its suite says so (feedparser's
 * `Expect:` line, and `Header:` for the Content-Type it is served with); for the other suites
 * the table below says what their tests expect. Every file whose suite expects entries must
 * yield them with readable titles; every other file must be either an empty feed or refused
 * with a specific message that names the problem in words, never a parser's own text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFeed } from '../../src/feeds/fetch-feed.js';
import { plainText } from '../../src/feeds/feed-text.js';
import { localDeps, startFeedServer, type TestServer } from './feed-server.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'feeds-odd');
const FILES = readdirSync(DIR).filter((f) => !f.startsWith('LICENSE') && !f.endsWith('.md'));

/** Non-feedparser files: what their suite's test expects of them (entries or not) and what Herald says. */
const OTHER_SUITES: Record<string, { entries: boolean; reason?: string }> = {
  'gofeed__testdata__parser__atom__atom10_feed_title_xhtml_inline_markup.xml': { entries: false, reason: 'malformed' },
  'gofeed__testdata__parser__json__invalid__invalid.json': { entries: false, reason: 'json_malformed' },
  'gofeed__testdata__parser__universal__invalid.json': { entries: false, reason: 'json_malformed' },
  'gofeed__testdata__parser__rss__rss_channel_language.xml': { entries: false, reason: 'malformed' },
  'gofeed__testdata__parser__rss__version_rdf_090.xml': { entries: false },
  'gofeed__testdata__parser__universal__empty_feed.xml': { entries: false, reason: 'empty' },
  'gofeed__testdata__parser__universal__unknown_feed.xml': { entries: false, reason: 'not_a_feed' },
  'node-feedparser__test__feeds__compressed.xml': { entries: true },
  'node-feedparser__test__feeds__invalid-characters-gzipped.xml': { entries: true },
  'node-feedparser__test__feeds__nondefaultnamespace.atom': { entries: true },
  'node-feedparser__test__feeds__notafeed.html': { entries: false, reason: 'html' },
  'rss-parser__test__input__unrecognized.rss': { entries: false, reason: 'html' },
};

/** A Python string literal's value ('don\u2019t', 'testing \xef entity'). */
function pythonString(literal: string): string {
  return literal
    .slice(1, -1)
    .replace(/\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})|\\(['"\\])/g, (_, u, x, q) =>
      u || x ? String.fromCharCode(parseInt(u ?? x, 16)) : q,
    );
}

interface Expectation {
  readonly entries: boolean;
  readonly header: string | null;
  /** feedparser's `Expect:` checks Herald has a field for: item title, description, link; feed title. */
  readonly checks: { field: 'title' | 'description' | 'link' | 'feedTitle'; value: string }[];
  readonly reason?: string;
}

function expectationOf(file: string): Expectation {
  const other = OTHER_SUITES[file];
  if (other) return { ...other, header: null, checks: [] };
  const head = readFileSync(join(DIR, file)).subarray(0, 4096).toString('latin1').replace(/\0/g, '');
  const expect = head.match(/Expect:\s*(.*)/)?.[1] ?? '';
  const checks: Expectation['checks'] = [];
  for (const m of expect.matchAll(/entries\[0\](?:\['(\w+)'\]|\.(\w+))\s*==\s*('(?:[^'\\]|\\.)*')/g)) {
    const field = m[1] ?? m[2];
    if (field === 'title' || field === 'description' || field === 'link')
      checks.push({ field, value: pythonString(m[3]!) });
  }
  const feedTitle = expect.match(/feed\['title'\]\s*==\s*('(?:[^'\\]|\\.)*')/)?.[1];
  if (feedTitle) checks.push({ field: 'feedTitle', value: pythonString(feedTitle) });
  return {
    entries: /entries\[\d+\]|len\(entries\)\s*==\s*[1-9]/.test(expect),
    header: head.match(/Header:\s*Content-type:\s*(.*)/i)?.[1]?.trim() ?? null,
    checks,
  };
}

const TYPES: Record<string, string> = { json: 'application/json', html: 'text/html', atom: 'application/atom+xml' };

let server: TestServer;
beforeAll(async () => {
  server = await startFeedServer();
  for (const file of FILES) {
    const bytes = readFileSync(join(DIR, file));
    const type = expectationOf(file).header ?? TYPES[file.split('.').pop() ?? ''] ?? 'application/xml';
    // No Content-Encoding even for the gzip files: that is the point of them.
    server.route(`/odd/${file}`, (_req, res) => res.writeHead(200, { 'content-type': type }).end(bytes));
  }
});
afterAll(() => server.close());

/** Titles a reader can read: no replacement characters, C1 controls, tags or raw entities. */
const UNREADABLE = /[\ufffd\u0080-\u009f]|<\/?[a-z][^>]*>|&[a-z]+;|^Untitled item$/i;

describe('the odd-feed sample, as poll reads it', () => {
  it.each(FILES)('%s', async (file) => {
    const want = expectationOf(file);
    const result = await fetchFeed({ url: `${server.origin}/odd/${file}` }, localDeps());
    if (want.entries) {
      expect(result.ok ? 'ok' : result.error.message).toBe('ok');
    }
    if (!result.ok) {
      expect(result.error.code).toBe('feed_invalid');
      // Specific: what is wrong, in words; never a parser's or runtime's own text.
      expect(result.error.message).not.toMatch(/TypeError|Line:|Non-whitespace|Cannot read|undefined|not recognized/);
      if (want.reason) expect(result.error.details?.['reason']).toBe(want.reason);
      return;
    }
    if (result.value.notModified) throw new Error('a plain GET came back 304');
    const feed = result.value;
    if (want.entries) expect(feed.items.length).toBeGreaterThan(0);
    for (const item of feed.items) expect(item.title).not.toMatch(UNREADABLE);
    for (const check of want.checks) {
      const item = feed.items[0];
      if (check.field === 'feedTitle') expect(feed.title).toBe(check.value);
      // Herald's titles are plain text where feedparser keeps the markup ('Example <b>Atom</b>').
      if (check.field === 'title') expect(item?.title).toBe(plainText(check.value));
      if (check.field === 'description') expect(item?.content).toBe(check.value);
      if (check.field === 'link') expect(item?.link).toBe(check.value);
    }
  });
});
