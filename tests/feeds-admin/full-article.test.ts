/**
 * Full text for teasers, end to end on 127.0.0.1: a feed of teasers ("... Continue reading")
 * whose items link to local article pages. After `poll --once` (pollOnce, as the CLI runs it)
 * with `feeds.fetchFullArticle` on, `/who-is` answers from the full page and cites its
 * sentence; an item whose page robots.txt forbids and one whose page is a 404 keep their
 * teaser, and `/feeds status` says why. The article and names are written for this test.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import feeds, { feedsAutocomplete } from '../../commands/feeds.js';
import whoIs from '../../commands/who-is.js';
import { createFeedService, feedFetchDeps } from '../../src/app/feed-service.js';
import { pollOnce } from '../../src/app/poll-once.js';
import { createStoredAccess } from '../../src/app/stored-access.js';
import { createStoredLibrary } from '../../src/app/stored-library.js';
import { analyse } from '../../src/core/analyse/index.js';
import { coreProviders } from '../../src/core/commands/autocomplete.js';
import { createDispatcher } from '../../src/core/commands/dispatch.js';
import { parseCommandLine } from '../../src/core/commands/parse-text.js';
import { createRegistry } from '../../src/core/commands/registry.js';
import { failureReply } from '../../src/core/reply/build.js';
import type { Reply } from '../../src/core/reply/types.js';
import { teaserReason } from '../../src/feeds/full-article.js';
import { startFeedServer, tableLookup, type TestServer } from '../feeds/feed-server.js';
import { analysed, tempStore, textArticle, where } from './helpers.js';
import { manualClock } from './poll-fixtures.js';

const PAGE_SENTENCE = 'Marta Ilves, the harbour master of Port Kessel, said the new ferry terminal would open in May.';

const page = (title: string, paragraphs: string[]) =>
  `<!doctype html><html><head><title>${title}</title></head><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article><footer>Port Kessel Gazette</footer></body></html>`;

const ARTICLE = page('Ferry terminal to open in May', [
  'The port authority approved the last contracts for the ferry terminal on Monday evening after a long debate.',
  PAGE_SENTENCE,
  'The terminal will handle four crossings a day to the islands, twice as many as the old quay could manage.',
  'Local businesses welcomed the decision, saying that the delays of the past two years had cost them customers.',
  'Ilves added that the old quay would be kept for fishing boats and the summer water taxi.',
  'Construction crews will finish the waiting hall and the car ramp in the coming weeks, the authority said.',
]);

const item = (id: string, title: string, link: string, date: string) =>
  `<item><title>${title}</title><link>${link}</link><guid>${id}</guid><pubDate>${date}</pubDate><description>The port authority met on Monday… Continue reading</description></item>`;

let server: TestServer;
const db = tempStore();
const { store } = db;
const clock = manualClock();
const logger = pino({ level: 'silent' });
const sample = analysed(textArticle('Sample story\n\nThe sample says something. It says it twice.'));

const reg = createRegistry([feeds, whoIs], { provides: ['store', 'feeds'] });
if (!reg.ok) throw new Error(reg.error.message);
const registry = reg.value;
const library = createStoredLibrary({ store, analyse, sample });

let dispatcher: ReturnType<typeof createDispatcher>;
async function run(line: string, level: 'member' | 'moderator' | 'admin' = 'member'): Promise<Reply> {
  const parsed = parseCommandLine(line, registry);
  if (!parsed.ok) return failureReply(parsed.error);
  const { command, subcommand, args } = parsed.value;
  return dispatcher.dispatch({
    command,
    subcommand,
    args,
    invoker: { userId: `u-${level}`, displayName: level, platformLevel: level },
    where: where('c1'),
  });
}
const text = (r: Reply): string => `${r.title}\n${JSON.stringify(r.blocks)}`;

beforeAll(async () => {
  server = await startFeedServer();
  const o = server.origin;
  server.route('/robots.txt', (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /members/\n'),
  );
  server.route('/news/ferry', (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE),
  );
  server.route('/members/budget', (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end(page('Budget', ['Never fetched.'])),
  );
  server.route('/teasers.xml', (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'application/rss+xml' })
      .end(
        `<rss version="2.0"><channel><title>Port Kessel Gazette</title><link>${o}/</link>` +
          item('ferry', 'Ferry terminal to open in May', `${o}/news/ferry`, 'Mon, 06 Jan 2025 08:00:00 GMT') +
          item('budget', 'Budget for the members', `${o}/members/budget`, 'Mon, 06 Jan 2025 07:00:00 GMT') +
          item('gone', 'A story that was taken down', `${o}/news/gone`, 'Mon, 06 Jan 2025 06:00:00 GMT') +
          '</channel></rss>',
      ),
  );
  const fetchDeps = feedFetchDeps(
    { allowlist: ['127.0.0.1'], timeoutMs: 20_000, maxBytes: 5_000_000, maxRedirects: 5, fetchFullArticle: true },
    { fetch: globalThis.fetch, lookup: tableLookup({}), clock },
  );
  if (!fetchDeps.ok) throw new Error(fetchDeps.error.message);
  dispatcher = createDispatcher({
    registry,
    library,
    clock,
    logger,
    access: createStoredAccess(store),
    autocomplete: { ...coreProviders({ library, registry: () => registry }), feeds: feedsAutocomplete(store) },
    capabilities: { store, feeds: createFeedService({ fetch: fetchDeps.value, analyse }) },
    newRef: () => 'ref00001',
  });
  const channel = await store.channels.ensure(where('c1'));
  const feed = await store.feeds.ensure(`${o}/teasers.xml`);
  await store.subscriptions.subscribe(channel.id, feed.id, { include: [], exclude: [] });
  const printed: string[] = [];
  await pollOnce({ store, fetch: fetchDeps.value, clock, logger, print: (t) => printed.push(t) });
  expect(printed.join('\n')).toMatch(/1 fetched/);
});
afterAll(async () => {
  await server.close();
  await db.cleanup();
});

describe('full text for teasers', () => {
  it('knows a teaser when it sees one, and a whole story when it does not', () => {
    const base = { title: 't', link: 'https://x.example/a', guid: null, isoDate: null, categories: [] };
    expect(teaserReason({ ...base, content: 'The council met on Tuesday. Read more' })).toBe('says "continue reading"');
    expect(
      teaserReason({ ...base, content: `${'A long sentence about the harbour and its boats. '.repeat(3)}[…]` }),
    ).toBe('ends in a truncation mark');
    expect(teaserReason({ ...base, content: 'Two short sentences. Nothing else.' })).toBe('only 5 words');
    const whole = Array.from({ length: 12 }, (_, i) => `Sentence ${i} says a few more things about the harbour.`).join(
      ' ',
    );
    expect(teaserReason({ ...base, content: whole })).toBeNull();
  });

  it('/who-is answers from the full page and cites its sentence', async () => {
    const r = await run('/who-is Ilves scope:channel');
    expect(r.kind).toBe('answer');
    expect(text(r)).toContain('harbour master of Port Kessel');
    expect(text(r)).toContain(PAGE_SENTENCE);
  });

  it('a page robots.txt forbids and a 404 page keep their teaser, and /feeds status says why', async () => {
    const feed = (await store.feeds.findByUrl(`${server.origin}/teasers.xml`))!;
    // Oldest item first, as the poller stores them.
    expect(feed.fetch.notes).toEqual([
      `Kept the teaser of "A story that was taken down" (${server.origin}/news/gone): ${server.origin}/news/gone answered HTTP 404 Not Found.`,
      `Kept the teaser of "Budget for the members" (${server.origin}/members/budget): 127.0.0.1:${server.origin.split(':').pop()}'s robots.txt does not allow Herald to fetch /members/budget.`,
    ]);
    expect(server.requests.some((q) => q.path === '/members/budget')).toBe(false);
    const status = text(await run(`/feeds status ${feed.id}`, 'moderator'));
    expect(status).toContain('ok, with problems (see notes)');
    expect(status).toContain('robots.txt does not allow Herald to fetch /members/budget');
    expect(status).toContain('answered HTTP 404');
    // robots.txt was asked for once for the host, however many items it had.
    expect(server.requests.filter((q) => q.path === '/robots.txt')).toHaveLength(1);
  });
});
