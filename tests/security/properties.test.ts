/**
 * Property tests (fast-check) over what strangers can type or serve: command lines, cron
 * expressions, time zones, URLs and the address policy, filters, and random or truncated
 * article and feed bytes. Properties: nothing throws or rejects, a wrong input gets a Failure
 * with a stable code and a sentence, and what the policy must refuse is refused. Run counts
 * stay modest (the suite shares two cores); a failure prints the seed to replay it.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { compileFilter, parseFilterList, passesFilters } from '../../src/core/feeds/filters.js';
import { parseCommandLine } from '../../src/core/commands/parse-text.js';
import { ingestDocument } from '../../src/core/ingest/index.js';
import { safeText } from '../../src/core/reply/safe-text.js';
import type { Result } from '../../src/core/result.js';
import { checkUrl, EMPTY_ALLOWLIST, refusedAddressReason } from '../../src/feeds/address-policy.js';
import { decodeBody } from '../../src/feeds/decode-body.js';
import { parseFeed } from '../../src/feeds/parse-feed.js';
import { nextRuns, validateCron, validateTimezone } from '../../src/scheduler/cron-time.js';
import { loadConfig } from '../../src/config/load.js';
import { BUNDLED_SAMPLE_PATH, createHerald } from '../../src/main.js';
import { tableLookup } from '../feeds/feed-server.js';

const RUNS = { numRuns: 150 };
const FAILURE_CODES = new Set([
  'bad_input',
  'not_found',
  'unknown_command',
  'permission_denied',
  'article_unavailable',
  'unreadable_article',
  'feed_unreachable',
  'feed_invalid',
  'url_refused',
  'too_large',
  'timeout',
  'conflict',
  'platform_error',
  'rate_limited',
]);

/** A Result that is either a value or an expected failure with a stable code and a sentence. */
function expectClearResult(r: Result<unknown>): void {
  if (r.ok) return;
  expect(FAILURE_CODES.has(r.error.code), r.error.code).toBe(true);
  expect(r.error.message.trim().length).toBeGreaterThan(5);
}

const words = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '"',
    "'",
    '“',
    ':',
    '=',
    '--',
    'key:"a b"',
    '-1',
    '99999999999999999999',
    'NaN',
    '0x10',
    '',
    '\u0000',
  ),
  // No URLs: /feeds add would fetch them over the real network.
  fc.constantFrom('mars', 'hedman', 'add', 'list', 'remove', 'latest', '1', '0 9 * * 1-5', 'Europe/Paris', 'true'),
);
const argsText = fc.array(words, { maxLength: 8 }).map((w) => w.join(' '));

describe('command lines', async () => {
  // The whole app on a real SQLite file, as `herald start` builds it (the scheduler not started).
  const loaded = await loadConfig({
    env: { HERALD_DATA_DIR: mkdtempSync(join(tmpdir(), 'herald-prop-')), HERALD_SAMPLE_ARTICLE: BUNDLED_SAMPLE_PATH },
    file: {},
  });
  if (!loaded.ok) throw new Error(loaded.error.message);
  const opened = await createHerald(loaded.value, { logger: pino({ level: 'silent' }) });
  if (!opened.ok) throw new Error(opened.error.message);
  const app = opened.value;
  afterAll(() => opened.value.close());
  const names = app.registry.commands.map((c) => c.name);
  const line = fc.tuple(fc.constantFrom(...names, 'nope', ''), argsText).map(([n, a]) => `/${n} ${a}`);

  it('parseCommandLine never throws, on anything typed', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), line), (text) => {
        expectClearResult(parseCommandLine(text, app.registry));
      }),
      RUNS,
    );
  });

  it('every command, given random arguments, answers or refuses clearly: never an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(line, async (text) => {
        const parsed = parseCommandLine(text, app.registry);
        if (!parsed.ok) return;
        const { command, subcommand, args } = parsed.value;
        const reply = await app.dispatcher.dispatch({
          command,
          subcommand,
          args,
          invoker: { userId: 'prop', platformLevel: 'admin' },
          where: { platform: 'discord', workspaceId: 'g-prop', channelId: 'c-prop' },
        });
        expect(reply.code ?? 'ok', `${text} → ${reply.title}`).not.toBe('internal');
        expect(reply.title.length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

const cronField = fc.oneof(
  fc.constant('*'),
  fc.integer({ min: -2, max: 70 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 })).map(([a, b]) => `${a}-${b}`),
  fc.integer({ min: 0, max: 61 }).map((n) => `*/${n}`),
  fc.constantFrom('mon-fri', 'jan', 'sun', 'L', '?', '#', ',', '1,2,,3', '5-1/2', '1-5/0'),
);
const cronExpr = fc.array(cronField, { minLength: 3, maxLength: 7 }).map((f) => f.join(' '));

describe('cron expressions and time zones', () => {
  it('validateCron never throws; what it accepts gives increasing next runs', () => {
    fc.assert(
      fc.property(fc.oneof(cronExpr, fc.string({ maxLength: 40 })), (expr) => {
        const r = validateCron(expr);
        expectClearResult(r);
        if (!r.ok) return;
        const runs = nextRuns(r.value, 'UTC', 3, new Date('2026-12-01T00:00:00Z'));
        if (!runs.ok) return expectClearResult(runs);
        for (let i = 1; i < runs.value.length; i++)
          expect(runs.value[i]!.getTime()).toBeGreaterThan(runs.value[i - 1]!.getTime());
      }),
      { numRuns: 200 },
    );
  });

  it('validateTimezone never throws and refuses fixed offsets', () => {
    const zones = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('Europe/Paris', 'utc', 'America/Argentina/Buenos_Aires', '+01:00', 'Etc/GMT+5', 'Mars/Olympus'),
    );
    fc.assert(
      fc.property(zones, (z) => {
        const r = validateTimezone(z);
        expectClearResult(r);
        if (/^\s*[+-]\d/u.test(z)) expect(r.ok).toBe(false);
      }),
      RUNS,
    );
  });
});

const octet = fc.integer({ min: 0, max: 255 });
const privateV4 = fc.oneof(
  fc.tuple(octet, octet, octet).map(([a, b, c]) => `10.${a}.${b}.${c}`),
  fc.tuple(octet, octet, octet).map(([a, b, c]) => `127.${a}.${b}.${c}`),
  fc.tuple(octet, octet).map(([a, b]) => `169.254.${a}.${b}`),
  fc.tuple(fc.integer({ min: 16, max: 31 }), octet, octet).map(([a, b, c]) => `172.${a}.${b}.${c}`),
  fc.tuple(octet, octet).map(([a, b]) => `192.168.${a}.${b}`),
);
const hex4 = (a: number, b: number) => ((a << 8) | b).toString(16);
const v4ToV6 = (v4: string, prefix: string): string => {
  const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
  return `${prefix}${hex4(a, b)}:${hex4(c, d)}`;
};

describe('URLs and the address policy', () => {
  const lookup = tableLookup({ 'public.example': ['93.184.216.34'] });

  it('checkUrl never rejects, on any string or URL', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 80 }),
          fc.webUrl(),
          fc.ipV4().map((ip) => `http://${ip}/`),
        ),
        async (u) => {
          expectClearResult(await checkUrl(u, lookup, EMPTY_ALLOWLIST));
        },
      ),
      RUNS,
    );
  });

  it('a private, loopback or metadata IPv4 is refused however it is written: dotted, mapped, compatible, decimal', async () => {
    await fc.assert(
      fc.asyncProperty(privateV4, fc.integer({ min: 0, max: 3 }), async (v4, form) => {
        const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
        const host = [
          v4,
          `[${v4ToV6(v4, '::ffff:')}]`,
          `[${v4ToV6(v4, '::')}]`,
          String(((a << 24) >>> 0) + (b << 16) + (c << 8) + d),
        ][form]!;
        const r = await checkUrl(`http://${host}/feed`, lookup, EMPTY_ALLOWLIST);
        expect(r.ok, host).toBe(false);
        if (!r.ok) expect(r.error.code).toBe('url_refused');
      }),
      RUNS,
    );
  });

  it('refusedAddressReason never throws on arbitrary IPv4 and IPv6', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6(), fc.ipV4Extended(), fc.string({ maxLength: 20 })), (ip) => {
        const why = refusedAddressReason(ip);
        expect(why === null || typeof why === 'string').toBe(true);
      }),
      RUNS,
    );
  });
});

describe('filters', () => {
  it('any pattern compiles or is refused clearly, and matching any text answers', () => {
    const pattern = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ maxLength: 30 }).map((s) => `/${s}/`),
      fc.constantFrom('/(a+){5}$/', '/(a|a)*b/', '/\\1/', '/(?=x)/', '/[/', '/a{99999}/', '/\\p{Foo}/u'),
    );
    fc.assert(
      fc.property(pattern, fc.string({ maxLength: 300 }), (p, text) => {
        const c = compileFilter(p);
        expectClearResult(c);
        if (c.ok) expect(typeof passesFilters({ include: [c.value], exclude: [] }, text)).toBe('boolean');
        expect(Array.isArray(parseFilterList(p))).toBe(true);
      }),
      RUNS,
    );
  });
});

const FEEDS = join(import.meta.dirname, '..', 'fixtures', 'feeds');
const ARTICLES = join(import.meta.dirname, '..', 'fixtures', 'articles');
const feedTexts = readdirSync(FEEDS)
  .filter((n) => n !== 'SOURCES.md')
  .map((n) => readFileSync(join(FEEDS, n)));
const articleTexts = readdirSync(ARTICLES)
  .filter((n) => n !== 'SOURCES.md')
  .map((n) => readFileSync(join(ARTICLES, n), 'utf8'));
const htmlText = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'html', 'harbour-ferry-story.html'), 'utf8');

/** A real document cut at a random point, with random bytes spliced in. */
const damaged = (docs: readonly Buffer[]) =>
  fc
    .tuple(
      fc.integer({ min: 0, max: docs.length - 1 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.uint8Array({ maxLength: 64 }),
    )
    .map(([i, cut, junk]) => {
      const doc = docs[i]!;
      const at = Math.floor(doc.length * cut);
      return Buffer.concat([doc.subarray(0, at), Buffer.from(junk)]);
    });

describe('feed and article bytes', () => {
  it('truncated, spliced or random feed bytes decode and parse to a feed or a feed_invalid Failure', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(damaged(feedTexts), fc.uint8Array({ maxLength: 512 }).map(Buffer.from)),
        async (bytes) => {
          const decoded = decodeBody(bytes, 'application/rss+xml');
          const r = await parseFeed(decoded.text);
          expectClearResult(r);
          if (!r.ok) expect(r.error.code).toBe('feed_invalid');
        },
      ),
      { numRuns: 80 },
    );
  }, 60_000);

  it('truncated or random article text, Markdown and HTML ingest to an article or a clear Failure', () => {
    const docs = [...articleTexts, htmlText].map((t) => Buffer.from(t));
    fc.assert(
      fc.property(
        fc.oneof(
          damaged(docs).map((b) => b.toString('utf8')),
          fc.string({ maxLength: 400 }),
          fc.string({ unit: 'binary', maxLength: 200 }),
        ),
        fc.constantFrom('text/plain', 'text/html', 'text/markdown', null),
        (content, contentType) => {
          expectClearResult(ingestDocument({ content, contentType }));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('safeText leaves no control, escape or bidi character in any string', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.string({ unit: 'binary', maxLength: 100 }),
        (a, b) => {
          expect(safeText(a + b)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
        },
      ),
      RUNS,
    );
  });
});
