/** `/feeds add ... post: backfill:` and `/feeds set` through the real dispatcher and text parser, on SQLite. */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import feeds from '../../commands/feeds.js';
import { createFeedService } from '../../src/app/feed-service.js';
import { createStoredAccess } from '../../src/app/stored-access.js';
import { createStoredLibrary } from '../../src/app/stored-library.js';
import { analyse } from '../../src/core/analyse/index.js';
import type { AccessLevel } from '../../src/core/commands/define.js';
import { createDispatcher } from '../../src/core/commands/dispatch.js';
import { parseCommandLine } from '../../src/core/commands/parse-text.js';
import { createRegistry } from '../../src/core/commands/registry.js';
import { feedPostSettings } from '../../src/core/live/settings.js';
import { failureReply } from '../../src/core/reply/build.js';
import type { Reply } from '../../src/core/reply/types.js';
import { localDeps, startFeedServer, type TestServer } from '../feeds/feed-server.js';
import { analysed, tempStore, textArticle, where } from '../feeds-admin/helpers.js';
import { manualClock, rss, xmlRoute } from '../feeds-admin/poll-fixtures.js';
import { story } from './helpers.js';

let server: TestServer;
const db = tempStore();
const { store } = db;
const reg = createRegistry([feeds], { provides: ['store', 'feeds'] });
if (!reg.ok) throw new Error(reg.error.message);
const registry = reg.value;
const fetchDeps = { ...localDeps(), limits: { timeoutMs: 20_000 } };
const dispatcher = createDispatcher({
  registry,
  library: createStoredLibrary({ store, analyse, sample: analysed(textArticle('Sample\n\nIt says one thing.')) }),
  clock: manualClock(),
  logger: pino({ level: 'silent' }),
  access: createStoredAccess(store),
  capabilities: { store, feeds: createFeedService({ fetch: fetchDeps, analyse }) },
  newRef: () => 'ref00001',
});
async function run(line: string, level: AccessLevel = 'admin'): Promise<Reply> {
  const parsed = parseCommandLine(line, registry);
  if (!parsed.ok) return failureReply(parsed.error);
  const { command, subcommand, args } = parsed.value;
  return dispatcher.dispatch({
    command,
    subcommand,
    args,
    invoker: { userId: `u-${level}`, platformLevel: level },
    where: where('c1'),
  });
}
const text = (r: Reply): string => `${r.title}\n${JSON.stringify(r.blocks)}`;
const settings = async (feedId: number) =>
  feedPostSettings((await store.channels.find(where('c1')))!.settings.feedPosts, feedId);

beforeAll(async () => {
  server = await startFeedServer();
  server.route('/f.xml', xmlRoute(rss('Set Feed', [story(1), story(2)])));
  server.route('/g.xml', xmlRoute(rss('Digest Feed', [story(3)])));
});
afterAll(async () => {
  await server.close();
  await db.cleanup();
});

describe('/feeds add and /feeds set', () => {
  it('a new feed posts live by default, with a baseline; post:digest and backfill:N are kept', async () => {
    const added = await run(`/feeds add ${server.origin}/f.xml backfill:3`);
    expect(text(added)).toMatch(/each item as it arrives/);
    const feed = (await store.feeds.findByUrl(`${server.origin}/f.xml`))!;
    expect(await settings(feed.id)).toMatchObject({ post: 'live', baseline: { backfill: 3 } });
    expect(text(await run(`/feeds add ${server.origin}/f.xml backfill:11`))).toMatch(/at most 10|10/);

    await run(`/feeds add ${server.origin}/g.xml post:digest`);
    const g = (await store.feeds.findByUrl(`${server.origin}/g.xml`))!;
    expect(await settings(g.id)).toMatchObject({ post: 'digest' });
  });

  it('changes one setting at a time, audited, and refuses bad values clearly', async () => {
    const feed = (await store.feeds.findByUrl(`${server.origin}/f.xml`))!;
    expect((await run(`/feeds set ${feed.id} post digest`)).kind).toBe('answer');
    expect(await settings(feed.id)).toMatchObject({ post: 'digest' });
    await run(`/feeds set ${feed.id} post live`);
    await run(`/feeds set ${feed.id} thread on`);
    await run(`/feeds set ${feed.id} archive 60`);
    await run(`/feeds set ${feed.id} mention <@&123456789012345678> only:mars`);
    expect(await settings(feed.id)).toMatchObject({
      post: 'live',
      thread: true,
      archiveMinutes: 60,
      mention: { id: '123456789012345678', only: { include: ['mars'], exclude: [] } },
    });
    const bad = await run(`/feeds set ${feed.id} template {title} by {writer}`);
    expect(bad.kind).toBe('error');
    expect(text(bad)).toContain('Unknown placeholder: {writer}');
    const everyone = await run(`/feeds set ${feed.id} mention @everyone`);
    expect(everyone.kind).toBe('error');
    const member = await run(`/feeds set ${feed.id} post digest`, 'moderator');
    expect(member.code).toBe('permission_denied');

    const good = await run(`/feeds set ${feed.id} template "{title} ({feed}): {lead}"`);
    expect(good.kind).toBe('answer');
    expect(text(good)).toMatch(/The next post will read|No story has arrived/);
    const status = await run(`/feeds status ${feed.id}`, 'moderator');
    expect(text(status)).toMatch(/each item as it arrives/);
    expect(text(status)).toMatch(/\{title\} \(\{feed\}\): \{lead\}/);
    const audit = await store.audit.list((await store.channels.find(where('c1')))!.workspaceId, 20);
    expect(audit.filter((a) => a.action === 'feeds.set').length).toBeGreaterThanOrEqual(5);
  });
});
