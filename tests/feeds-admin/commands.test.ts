import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import articles from '../../commands/articles.js';
import feeds, { feedsAutocomplete } from '../../commands/feeds.js';
import { createFeedService } from '../../src/app/feed-service.js';
import { pollCycle } from '../../src/app/poller.js';
import { createStoredAccess } from '../../src/app/stored-access.js';
import { createStoredLibrary } from '../../src/app/stored-library.js';
import { analyse } from '../../src/core/analyse/index.js';
import { coreProviders } from '../../src/core/commands/autocomplete.js';
import type { AccessLevel } from '../../src/core/commands/define.js';
import { createDispatcher } from '../../src/core/commands/dispatch.js';
import { parseCommandLine } from '../../src/core/commands/parse-text.js';
import { createRegistry } from '../../src/core/commands/registry.js';
import { failureReply } from '../../src/core/reply/build.js';
import type { Reply } from '../../src/core/reply/types.js';
import { localDeps, startFeedServer, tableLookup, type TestServer } from '../feeds/feed-server.js';
import { analysed, tempStore, textArticle, where } from './helpers.js';
import { manualClock } from './poll-fixtures.js';

let server: TestServer;
const db = tempStore();
const { store } = db;
const clock = manualClock();
const logger = pino({ level: 'silent' });
const fetchDeps = {
  ...localDeps({ lookup: tableLookup({ 'intranet.example': ['10.0.0.5'] }) }),
  limits: { timeoutMs: 20_000 },
};
const sample = analysed(textArticle('Sample story\n\nThe sample says something. It says it twice.'));

const reg = createRegistry([feeds, articles], { provides: ['store', 'feeds'] });
if (!reg.ok) throw new Error(reg.error.message);
const registry = reg.value;
const library = createStoredLibrary({ store, analyse, sample });
const dispatcher = createDispatcher({
  registry,
  library,
  clock,
  logger,
  access: createStoredAccess(store),
  autocomplete: { ...coreProviders({ library, registry: () => registry }), feeds: feedsAutocomplete(store) },
  capabilities: { store, feeds: createFeedService({ fetch: fetchDeps, analyse }) },
  newRef: () => 'ref00001',
});

async function run(line: string, level: AccessLevel = 'admin', channel = 'c1'): Promise<Reply> {
  const parsed = parseCommandLine(line, registry);
  if (!parsed.ok) return failureReply(parsed.error);
  const { command, subcommand, args } = parsed.value;
  return dispatcher.dispatch({
    command,
    subcommand,
    args,
    invoker: { userId: `u-${level}`, displayName: level, platformLevel: level },
    where: where(channel),
  });
}
const text = (r: Reply): string => `${r.title}\n${JSON.stringify(r.blocks)}`;

beforeAll(async () => {
  server = await startFeedServer();
  server.route('/dead', (_req, res) => res.writeHead(503).end('down'));
  server.route('/page.html', (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<!doctype html><html><body><p>Just a page</p></body></html>'),
  );
});
afterAll(async () => {
  await server.close();
  await db.cleanup();
});

describe('/feeds and /articles through the real dispatcher and a real store', () => {
  it('/feeds add by an admin verifies the feed, subscribes the channel with filters, and audits it', async () => {
    const url = `${server.origin}/feeds/rssparser_guardian.rss`;
    const r = await run(`/feeds add ${url} include:"world, /climate\\s+crisis/i" exclude:sport`);
    expect(r.kind).toBe('answer');
    expect(r.ephemeral).toBe(true);
    expect(r.title).toMatch(/now follows/);
    const feed = (await store.feeds.findByUrl(url))!;
    const channel = (await store.channels.find(where('c1')))!;
    expect(await store.subscriptions.get(channel.id, feed.id)).toMatchObject({
      filters: { include: ['world', '/climate\\s+crisis/i'], exclude: ['sport'] },
      createdBy: 'u-admin',
    });
    const [entry] = await store.audit.list(channel.workspaceId, 1);
    expect(entry).toMatchObject({
      action: 'feeds.add',
      actorId: 'u-admin',
      target: url,
      before: null,
      after: { feedId: feed.id, filters: { exclude: ['sport'] } },
    });
  });

  it('refuses /feeds add and /feeds remove to members and moderators, saying the level needed', async () => {
    for (const level of ['member', 'moderator'] as const) {
      const r = await run(`/feeds add ${server.origin}/feeds/rssparser_heise.atom`, level);
      expect(r.code).toBe('permission_denied');
      expect(r.title).toContain('needs admin access');
      expect((await run('/feeds remove 1', level)).code).toBe('permission_denied');
    }
    expect(await store.feeds.findByUrl(`${server.origin}/feeds/rssparser_heise.atom`)).toBeNull();
    expect((await run('/feeds list', 'moderator')).kind).toBe('answer');
  });

  it('answers a short failure, storing nothing, for a bad URL, an unsupported filter, a refused address, a dead feed and a web page', async () => {
    const cases: [string, string, RegExp][] = [
      ['/feeds add ftp://example.com/feed', 'bad_input', /not an http\(s\) URL/],
      [`/feeds add ${server.origin}/feeds/rssparser_heise.atom include:/(x)\\1/`, 'bad_input', /backreference/],
      ['/feeds add http://intranet.example/feed.xml', 'url_refused', /./],
      [`/feeds add ${server.origin}/dead`, 'feed_unreachable', /503/],
      [`/feeds add ${server.origin}/page.html`, 'feed_invalid', /./],
    ];
    for (const [line, code, message] of cases) {
      const r = await run(line);
      expect(r.code, line).toBe(code);
      expect(r.title, line).toMatch(message);
      expect(r.blocks.length, `${line} has a hint`).toBeGreaterThan(1);
    }
    expect((await store.feeds.list()).map((f) => f.url)).toEqual([`${server.origin}/feeds/rssparser_guardian.rss`]);
  });

  it('/feeds test shows the first items with one-sentence summaries and stores no subscription', async () => {
    const url = `${server.origin}/feeds/rssparser_heise.atom`;
    const r = await run(`/feeds test ${url}`);
    expect(r.kind).toBe('answer');
    expect(r.title).toMatch(/^Feed test: /);
    expect(r.blocks.filter((b) => b.type === 'heading')).toHaveLength(5);
    expect(r.blocks.some((b) => b.type === 'text' && b.text.length > 20 && !b.text.includes('items in the feed'))).toBe(
      true,
    );
    expect(await store.feeds.findByUrl(url)).toBeNull();
    const channel = (await store.channels.find(where('c1')))!;
    expect(await store.subscriptions.listForChannel(channel.id)).toHaveLength(1);
  });

  it('/feeds status shows the last error and next attempt of a failing feed; /feeds list and autocomplete list it', async () => {
    // A feed that worked when added and fails afterwards.
    let up = true;
    server.route('/flaky', (req, res) => {
      if (!up) return void res.writeHead(500).end();
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(
          '<?xml version="1.0"?><rss version="2.0"><channel><title>Flaky news</title><item><title>One</title><link>https://news.example/one</link><description>The only story.</description></item></channel></rss>',
        );
    });
    expect((await run(`/feeds add ${server.origin}/flaky`)).kind).toBe('answer');
    up = false;
    await pollCycle({
      store,
      fetch: fetchDeps,
      clock,
      logger,
      options: { backoff: { baseMs: 60_000, maxMs: 60_000, jitter: 0, random: () => 0 } },
    });
    const flaky = (await store.feeds.findByUrl(`${server.origin}/flaky`))!;
    const r = await run(`/feeds status ${flaky.id}`, 'moderator');
    expect(text(r)).toContain('HTTP 500');
    expect(text(r)).toContain('failing (1 in a row)');
    expect(text(r)).toContain('2025-01-06 09:01 UTC');
    expect(text(await run('/feeds list'))).toContain(`#${flaky.id} Flaky news`);
    const choices = await dispatcher.autocomplete(
      {
        command: 'feeds',
        subcommand: 'remove',
        args: {},
        invoker: { userId: 'u', platformLevel: 'admin' },
        where: where('c1'),
      },
      'feed',
      'flaky',
    );
    expect(choices).toEqual([{ name: `#${flaky.id} Flaky news`, value: String(flaky.id) }]);
  });

  it('/feeds status says when the last read was of malformed XML, and what Herald kept', async () => {
    server.route('/sloppy', (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(
          '<rss version="2.0"><channel><title>Sloppy news</title><item><title>Fish & chips night</title><link>https://news.example/fish</link><description>The hall serves fish on Friday.</description></item><item><title>Cut off</channel></rss>',
        ),
    );
    expect((await run(`/feeds add ${server.origin}/sloppy`)).kind).toBe('answer');
    clock.advance(24 * 60 * 60_000);
    await pollCycle({ store, fetch: fetchDeps, clock, logger });
    const sloppy = (await store.feeds.findByUrl(`${server.origin}/sloppy`))!;
    expect(sloppy.fetch.itemsSeen).toBe(1);
    const r = text(await run(`/feeds status ${sloppy.id}`, 'moderator'));
    expect(r).toContain('ok, with problems (see notes)');
    expect(r).toContain(
      'The feed is not well-formed XML (line 1: an \\"&\\" that is not written as &amp;, or an entity XML does not define); Herald read the 1 item it could.',
    );
  });

  it('/articles lists what the channel received, newest first, with ids any command accepts', async () => {
    const r = await run('/articles 3', 'member');
    expect(r.kind).toBe('answer');
    const list = r.blocks.find((b) => b.type === 'list');
    expect(list && list.type === 'list' ? list.items.length : 0).toBe(3);
    const firstId = list && list.type === 'list' ? list.items[0]!.split(' ')[0]! : '';
    expect((await library.find(where('c1'), firstId))?.id.startsWith(firstId)).toBe(true);
    expect(text(await run('/articles', 'member', 'empty-channel'))).toContain('Sample story');
  });

  it('/feeds remove unsubscribes by number and audits the filters it removed', async () => {
    const feed = (await store.feeds.findByUrl(`${server.origin}/feeds/rssparser_guardian.rss`))!;
    const r = await run(`/feeds remove ${feed.id}`);
    expect(r.title).toMatch(/no longer follows/);
    const channel = (await store.channels.find(where('c1')))!;
    expect(await store.subscriptions.get(channel.id, feed.id)).toBeNull();
    const [entry] = await store.audit.list(channel.workspaceId, 1);
    expect(entry).toMatchObject({
      action: 'feeds.remove',
      before: { feedId: feed.id, filters: { exclude: ['sport'] } },
      after: null,
    });
    expect((await run('/feeds remove 9999')).code).toBe('not_found');
  });

  it('/feeds add of a feed the channel already follows says so, and says when only the filters changed', async () => {
    const url = `${server.origin}/feeds/nodefeedparser_rss2sample.xml`;
    expect((await run(`/feeds add ${url}`, 'admin', 'c-readd')).title).toBe('This channel now follows Liftoff News');
    expect((await run(`/feeds add ${url}`, 'admin', 'c-readd')).title).toBe(
      'This channel already follows Liftoff News',
    );
    expect((await run(`/feeds add ${url} include:mars`, 'admin', 'c-readd')).title).toBe(
      'Updated the filters of Liftoff News',
    );
  });
});
