/**
 * Issue 11, Low findings owned here: IPv4-compatible IPv6 addresses refused by the address
 * policy; reversed cron ranges refused with a message that shows both readings; `/config
 * import` refusing private and metadata feed URLs when it is run, not at the next poll.
 */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import configIo from '../../commands/config-io.js';
import { createFeedService } from '../../src/app/feed-service.js';
import { createStoredAccess } from '../../src/app/stored-access.js';
import { createStoredLibrary } from '../../src/app/stored-library.js';
import { analyse } from '../../src/core/analyse/index.js';
import { createDispatcher } from '../../src/core/commands/dispatch.js';
import { parseCommandLine } from '../../src/core/commands/parse-text.js';
import { createRegistry } from '../../src/core/commands/registry.js';
import { failureReply } from '../../src/core/reply/build.js';
import type { Reply } from '../../src/core/reply/types.js';
import { checkUrl, EMPTY_ALLOWLIST } from '../../src/feeds/address-policy.js';
import { pollCycle, POLL_LEASE_KEY } from '../../src/app/poller.js';
import { validateCron } from '../../src/scheduler/cron-time.js';
import { CronScheduler } from '../../src/scheduler/cron-scheduler.js';
import { analysed, tempStore, textArticle, where } from '../feeds-admin/helpers.js';
import { localDeps, tableLookup } from '../feeds/feed-server.js';
import { oneWorkspaceDirectory } from '../helpers/one-workspace-directory.js';

describe('address policy: IPv4-compatible IPv6 (::/96)', () => {
  it('refuses ::a.b.c.d in every spelling, loopback and metadata included, and still allows public IPv6', async () => {
    const lookup = tableLookup({ 'compat.example': ['::7f00:1'], 'v6.example': ['2001:db8::1', '2606:4700::1111'] });
    for (const url of [
      'http://[::127.0.0.1]/feed',
      'http://[::7f00:1]/feed',
      'http://[::169.254.169.254]/latest/meta-data',
      'http://[::a9fe:a9fe]/',
      'http://[0:0:0:0:0:0:808:808]/feed',
      'http://compat.example/feed',
    ]) {
      const r = await checkUrl(url, lookup, EMPTY_ALLOWLIST);
      expect(r.ok, url).toBe(false);
      if (!r.ok) {
        expect(r.error.code, url).toBe('url_refused');
        expect(r.error.message, url).toMatch(/IPv4-compatible|loopback|unspecified/);
      }
    }
    expect((await checkUrl('http://[2606:4700::1111]/feed', lookup, EMPTY_ALLOWLIST)).ok).toBe(true);
  });
});

describe('cron ranges written high to low', () => {
  it('refuses 5-1 and its kin, naming the field and showing the low-to-high and wrap-around spellings', () => {
    for (const [expr, field, fix, wrap] of [
      ['0 9 * * 5-1', 'day-of-week', '1-5', '5-6,0-1'],
      ['0 9 * * fri-mon', 'day-of-week', 'mon-fri', 'fri-6,0-mon'],
      ['0 22-6 * * *', 'hour', '6-22', '22-23,0-6'],
      ['0 9 * nov-feb *', 'month', 'feb-nov', 'nov-12,1-feb'],
      ['30-10/5 * * * *', 'minute', '10-30', '30-59,0-10'],
    ] as const) {
      const r = validateCron(expr);
      expect(r.ok, expr).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('bad_input');
        expect(r.error.message, expr).toContain(`${field} range`);
        expect(r.error.message, expr).toContain('runs backwards');
        expect(r.error.message, expr).toContain(fix);
        expect(r.error.message, expr).toContain(wrap);
      }
    }
    for (const expr of ['0 9 * * 1-5', '0 9 * * 5-7', '0 6-22 * * *', '0 9 13 * 5', '*/15 9-17 * * mon-fri'])
      expect(validateCron(expr).ok, expr).toBe(true);
  });
});

describe('/config import and feed addresses', () => {
  const db = tempStore();
  const { store } = db;
  const logger = pino({ level: 'silent' });
  const fetchDeps = localDeps({
    lookup: tableLookup({ 'intranet.example': ['10.0.0.5'], 'news.example': ['93.184.216.34'] }),
  });
  const reg = createRegistry([configIo]);
  if (!reg.ok) throw new Error(reg.error.message);
  const registry = reg.value;
  const sample = analysed(textArticle('Sample story\n\nThe sample says something.'));
  const dispatcher = createDispatcher({
    registry,
    library: createStoredLibrary({ store, analyse, sample }),
    clock: { now: () => new Date() },
    logger,
    access: createStoredAccess(store),
    capabilities: {
      store,
      feeds: createFeedService({ fetch: fetchDeps, analyse }),
      // Never started: /config import only validates cron lines and re-reads schedules through it.
      schedules: new CronScheduler({
        store,
        clock: { now: () => new Date() },
        logger,
        onSlot: async () => {},
        graceMs: 0,
      }),
      channels: oneWorkspaceDirectory(where('c1').workspaceId),
    },
    newRef: () => 'ref00001',
  });
  async function run(line: string): Promise<Reply> {
    const parsed = parseCommandLine(line, registry);
    if (!parsed.ok) return failureReply(parsed.error);
    const { command, subcommand, args } = parsed.value;
    return dispatcher.dispatch({
      command,
      subcommand,
      args,
      invoker: { userId: 'u-admin', displayName: 'admin', platformLevel: 'admin' },
      where: where('c1'),
    });
  }
  const doc = (urls: string[]) =>
    `'${JSON.stringify({ herald: 1, channels: [{ channel: 'c1', feeds: urls.map((url) => ({ url })), schedules: [] }] })}'`;

  it('refuses private, loopback and metadata feed URLs at import time, listing each, storing nothing', async () => {
    const bad = [
      'http://169.254.169.254/latest/meta-data/',
      'http://intranet.example/feed.xml',
      'http://[::1]/feed',
      'http://localhost:8080/rss',
      'http://metadata.google.internal/computeMetadata/v1/',
    ];
    const r = await run(`/config import ${doc(['https://news.example/rss', ...bad])}`);
    expect(r.code).toBe('bad_input');
    const text = JSON.stringify(r.blocks);
    bad.forEach((_, i) => expect(text).toContain(`channels.0.feeds.${i + 1}.url`));
    expect(text).not.toContain('channels.0.feeds.0.url');
    expect(await store.feeds.list()).toEqual([]);
  });

  it('still imports public feed URLs', async () => {
    const r = await run(`/config import ${doc(['https://news.example/rss'])}`);
    expect(r.kind, JSON.stringify(r)).toBe('answer');
    expect((await store.feeds.list()).map((f) => f.url)).toEqual(['https://news.example/rss']);
  });
});

describe('a killed poller', () => {
  it('a killed poller holds polling back only until its lease lapses', async () => {
    const db = tempStore();
    let now = Date.UTC(2026, 0, 6, 9, 0);
    const clock = { now: () => new Date(now) };
    const poll = () => pollCycle({ store: db.store, fetch: localDeps(), clock, logger: pino({ level: 'silent' }) });
    try {
      // Another process took the lease as a cycle does, then was killed: it never renews or releases it.
      const killed = db.reopen();
      expect(await killed.leases.tryLease(POLL_LEASE_KEY, 90_000, clock.now())).toBe(true);
      expect((await poll()).ran).toBe(false);
      now += 60_000;
      expect((await poll()).ran).toBe(false);
      // Ninety seconds on, not ten minutes: this process polls.
      now += 31_000;
      expect((await poll()).ran).toBe(true);
    } finally {
      await db.cleanup();
    }
  });
});
