/**
 * Publishing live posts in a Discord announcement channel, through real discord.js against the
 * fake Discord (which enforces Discord's 10 crossposts per channel per hour with a 429): the
 * first ten are published, the rest posted unpublished without a 429, `/feeds status` says how
 * many; after a restart (the count forgotten) one 429 and no more.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import feedsCommand from '../../commands/feeds.js';
import { createDiscordDelivery } from '../../src/adapters/discord/delivery.js';
import { createDiscordRest } from '../../src/adapters/discord/rest.js';
import { createFeedService } from '../../src/app/feed-service.js';
import { pollCycle } from '../../src/app/poller.js';
import { createStoredAccess } from '../../src/app/stored-access.js';
import { createStoredLibrary } from '../../src/app/stored-library.js';
import { analyse } from '../../src/core/analyse/index.js';
import { createDispatcher } from '../../src/core/commands/dispatch.js';
import { parseCommandLine } from '../../src/core/commands/parse-text.js';
import { createRegistry } from '../../src/core/commands/registry.js';
import { createLivePoster } from '../../src/core/live/live-posts.js';
import type { DeliveryPort, Where } from '../../src/core/ports.js';
import type { Reply } from '../../src/core/reply/types.js';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord/server.js';
import { localDeps, startFeedServer, type TestServer } from '../feeds/feed-server.js';
import { analysed, tempStore, textArticle } from '../feeds-admin/helpers.js';
import { manualClock, rss, xmlRoute, type ItemSpec } from '../feeds-admin/poll-fixtures.js';
import { follow, story } from './helpers.js';

const logger = pino({ level: 'silent' });
const clock = manualClock();
const db = tempStore();
const { store } = db;
let server: TestServer;
let discord: FakeDiscord;
let items: ItemSpec[] = [story(1)];
const CHANNEL = '910000000000000001';
const where: Where = { platform: 'discord', workspaceId: '700000000000000001', channelId: CHANNEL };
const fetchDeps = { ...localDeps(), limits: { timeoutMs: 20_000 } };

const reg = createRegistry([feedsCommand], { provides: ['store', 'feeds'] });
if (!reg.ok) throw new Error(reg.error.message);
const registry = reg.value;
const dispatcher = createDispatcher({
  registry,
  library: createStoredLibrary({ store, analyse, sample: analysed(textArticle('Sample\n\nIt says one thing.')) }),
  clock,
  logger,
  access: createStoredAccess(store),
  capabilities: { store, feeds: createFeedService({ fetch: fetchDeps, analyse }) },
  newRef: () => 'ref00001',
});
async function run(line: string): Promise<string> {
  const parsed = parseCommandLine(line, registry);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const r: Reply = await dispatcher.dispatch({
    ...parsed.value,
    invoker: { userId: 'admin', platformLevel: 'admin' },
    where,
  });
  return `${r.title}\n${JSON.stringify(r.blocks)}`;
}

const discordPort = (): DeliveryPort =>
  createDiscordDelivery({
    rest: createDiscordRest({ token: 'bot', apiUrl: discord.api, overrides: { offset: 0, timeout: 5000 } }),
    logger,
  });
const poll = (delivery: DeliveryPort) => {
  clock.advance(60_000);
  return pollCycle({
    store,
    fetch: fetchDeps,
    clock,
    logger,
    live: createLivePoster({ store, delivery, clock, logger, maxPerPoll: 20 }),
    options: { pollIntervalMs: 60_000, all: true },
  });
};
const newest = (from: number, to: number): ItemSpec[] => {
  const out: ItemSpec[] = [];
  for (let n = to; n >= from; n--) out.push(story(n));
  return out;
};

beforeAll(async () => {
  server = await startFeedServer();
  server.route('/news.xml', (req, res) => xmlRoute(rss('Announcements', items))(req, res));
  discord = await startFakeDiscord();
  discord.channelGuilds.set(CHANNEL, '700000000000000001');
  discord.channelKinds.set(CHANNEL, { type: 5 });
});
afterAll(async () => {
  await discord.close();
  await server.close();
  await db.cleanup();
});

describe('publishing live posts in an announcement channel', () => {
  it('publishes ten an hour, posts the rest unpublished, and /feeds status says so', async () => {
    const { feedId } = await follow(store, where, `${server.origin}/news.xml`);
    expect(await run(`/feeds set ${feedId} publish on`)).toMatch(/Publish.*on \(announcement channels; at most 10/);
    const delivery = discordPort();
    await poll(delivery); // the baseline
    expect(discord.messages).toHaveLength(0);

    items = newest(1, 13);
    await poll(delivery);
    const posted = discord.messages.filter((m) => m.channelId === CHANNEL);
    expect(posted).toHaveLength(12);
    // The oldest ten are published; Herald counted and stopped before Discord had to refuse.
    expect(discord.crossposts.published).toEqual(posted.slice(0, 10).map((m) => m.id));
    expect(discord.crossposts.limited.count).toBe(0);
    expect(await run(`/feeds status ${feedId}`)).toMatch(
      /on; 2 posted, not published \(Discord allows 10 per channel per hour/,
    );

    // A restart forgets the count: Discord's 429 says the hour is used up, once; the post is not held back.
    items = newest(1, 15);
    const started = Date.now();
    await poll(discordPort());
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(discord.messages.filter((m) => m.channelId === CHANNEL)).toHaveLength(14);
    expect(discord.crossposts.published).toHaveLength(10);
    expect(discord.crossposts.limited.count).toBe(1);
    expect(await run(`/feeds status ${feedId}`)).toMatch(/on; 4 posted, not published/);

    // Off: nothing more is published, and the status line goes.
    await run(`/feeds set ${feedId} publish off`);
    expect(await run(`/feeds status ${feedId}`)).not.toMatch(/Publish/);
  });
});
