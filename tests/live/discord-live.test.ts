/**
 * Live posts on Discord through real discord.js against the fake Discord, with the real poller,
 * a local feed server and a SQLite file: once per channel across polls and a restart, a thread per
 * post (named safely), a crash between the message and its thread, forum posts and their tags,
 * a role ping that pings only that role, and hostile feed text that pings nobody.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordDelivery } from '../../src/adapters/discord/delivery.js';
import { createDiscordRest } from '../../src/adapters/discord/rest.js';
import { pollCycle } from '../../src/app/poller.js';
import { recoverPendingDeliveries } from '../../src/core/delivery/recovery.js';
import { createLivePoster, type LivePoster } from '../../src/core/live/live-posts.js';
import type { DeliveryPort, Where } from '../../src/core/ports.js';
import type { HeraldStore } from '../../src/core/store/repositories.js';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord/server.js';
import { localDeps, startFeedServer, type TestServer } from '../feeds/feed-server.js';
import { tempStore } from '../feeds-admin/helpers.js';
import { manualClock, rss, xmlRoute, type ItemSpec } from '../feeds-admin/poll-fixtures.js';
import { follow, story } from './helpers.js';

const logger = pino({ level: 'silent' });
const clock = manualClock();
const db = tempStore();
let server: TestServer;
let discord: FakeDiscord;
const feeds: Record<string, ItemSpec[]> = {};
const ROLE = '555555555555555555';
const dwhere = (channelId: string): Where => ({ platform: 'discord', workspaceId: '700000000000000001', channelId });

const discordPort = (): DeliveryPort =>
  createDiscordDelivery({
    rest: createDiscordRest({ token: 'bot', apiUrl: discord.api, overrides: { offset: 0, timeout: 5000 } }),
    logger,
  });
const poll = (store: HeraldStore, live: LivePoster) =>
  pollCycle({
    store,
    fetch: { ...localDeps(), limits: { timeoutMs: 20_000 } },
    clock,
    logger,
    live,
    options: { pollIntervalMs: 60_000, all: true },
  });
const feedUrl = (name: string, items: ItemSpec[]): string => {
  feeds[name] = items;
  return `${server.origin}/${name}.xml`;
};
const inChannel = (id: string) => discord.messages.filter((m) => m.channelId === id);

beforeAll(async () => {
  server = await startFeedServer();
  server.route('/', () => undefined);
  discord = await startFakeDiscord();
  for (let n = 1; n <= 7; n++) discord.channelGuilds.set(`90000000000000000${n}`, '700000000000000001');
  for (const name of ['threads', 'crash', 'forum', 'strict', 'pings', 'hostile', 'longname'])
    server.route(`/${name}.xml`, (req, res) => xmlRoute(rss(`Feed ${name}`, feeds[name] ?? []))(req, res));
});
afterAll(async () => {
  await discord.close();
  await server.close();
  await db.cleanup();
});

describe('live posts on Discord', () => {
  it('posts each item once, each with its own thread, across two polls and a restart', async () => {
    const { store } = db;
    const channel = '900000000000000001';
    await follow(store, dwhere(channel), feedUrl('threads', [story(2), story(1)]), {
      backfill: 1,
      patch: { thread: true, archiveMinutes: 60 },
    });
    const live = createLivePoster({ store, delivery: discordPort(), clock, logger });
    await poll(store, live);
    expect(inChannel(channel)).toHaveLength(1);

    feeds['threads'] = [story(4), story(3), story(2), story(1)];
    clock.advance(60_000);
    await poll(store, live);
    const msgs = inChannel(channel);
    expect(msgs.map((m) => m.body.embeds[0].title)).toEqual(['Story number 2', 'Story number 3', 'Story number 4']);
    const threads = discord.threads.filter((t) => t.parentId === channel);
    expect(threads.map((t) => t.id)).toEqual(msgs.map((m) => m.id));
    expect(threads.map((t) => t.name)).toEqual(['Story number 2', 'Story number 3', 'Story number 4']);
    expect(threads.every((t) => t.autoArchiveDuration === 60)).toBe(true);
    // Nobody is pinged by a post without a mention setting.
    expect(msgs.every((m) => m.pinged.length === 0 && m.body.allowed_mentions.parse.length === 0)).toBe(true);
    // Two requests a post: the message and its thread; a text channel's kind is not read first.
    expect(discord.requests.filter((r) => r.method === 'GET' && r.path === `/channels/${channel}`)).toHaveLength(0);

    const reopened = db.reopen();
    clock.advance(60_000);
    await poll(reopened, createLivePoster({ store: reopened, delivery: discordPort(), clock, logger }));
    expect(inChannel(channel)).toHaveLength(3);
    expect(discord.threads.filter((t) => t.parentId === channel)).toHaveLength(3);
  });

  it('names a thread from a long title within 100 characters, never splitting an emoji', async () => {
    const { store } = db;
    const channel = '900000000000000007';
    const title = `${'Rover '.repeat(16)}👩🏽‍🚀👩🏽‍🚀 lands`;
    await follow(store, dwhere(channel), feedUrl('longname', [story(70, title)]), {
      backfill: 1,
      patch: { thread: true },
    });
    clock.advance(60_000);
    await poll(store, createLivePoster({ store, delivery: discordPort(), clock, logger }));
    const [thread] = discord.threads.filter((t) => t.parentId === channel);
    expect(thread).toBeDefined();
    expect(thread!.name.length).toBeLessThanOrEqual(100);
    expect(thread!.name.endsWith('…')).toBe(true);
    expect(title.startsWith(thread!.name.slice(0, -1).trimEnd())).toBe(true);
  });

  it('a process killed between a message and its thread: after recovery, one message and one thread', async () => {
    const dead = db.reopen();
    const channel = '900000000000000002';
    await follow(dead, dwhere(channel), feedUrl('crash', [story(10)]), { patch: { thread: true } });
    clock.advance(60_000);
    await poll(dead, createLivePoster({ store: dead, delivery: discordPort(), clock, logger }));
    feeds['crash'] = [story(11), story(10)];
    // The message goes out; the process dies before starting its thread and before recording anything.
    const real = discordPort();
    const messageOnly: DeliveryPort = {
      deliver: (w, m) => real.deliver(w, { ...m, placement: { ...m.placement, thread: undefined } }),
    };
    const frozen = {
      ...dead,
      deliveries: { ...dead.deliveries, markSent: async () => undefined, markFailed: async () => undefined },
    } as HeraldStore;
    clock.advance(60_000);
    await poll(dead, createLivePoster({ store: frozen, delivery: messageOnly, clock, logger }));
    expect(inChannel(channel)).toHaveLength(1);
    expect(discord.threads.filter((t) => t.parentId === channel)).toHaveLength(0);
    expect(await dead.deliveries.listPending(10)).toHaveLength(1);

    const next = db.reopen();
    const live = createLivePoster({ store: next, delivery: discordPort(), clock, logger });
    const report = await recoverPendingDeliveries({
      store: next,
      onSlot: async () => ({ messageId: null }),
      clock,
      logger,
      isAlive: (id) => id !== dead.instanceId,
      resumeLive: (key, since) => live.resume(key, since),
    });
    expect(report.sent).toBe(1);
    expect(inChannel(channel)).toHaveLength(1);
    const threads = discord.threads.filter((t) => t.parentId === channel);
    expect(threads).toHaveLength(1);
    expect(threads[0]!.id).toBe(inChannel(channel)[0]!.id);
  });

  it('makes one forum post per item with its tags; refuses an unknown tag and a missing required one', async () => {
    const { store } = db;
    const forum = '900000000000000003';
    const strict = '900000000000000004';
    const tags = [
      { id: '610000000000000001', name: 'Space' },
      { id: '610000000000000002', name: 'Science' },
    ];
    discord.channelKinds.set(forum, { type: 15, availableTags: tags });
    discord.channelKinds.set(strict, { type: 16, availableTags: tags, flags: 16 });
    await follow(store, dwhere(forum), feedUrl('forum', [story(20)]), {
      backfill: 1,
      patch: { tags: ['space', 'Science'] },
    });
    await follow(store, dwhere(strict), feedUrl('strict', [story(21)]), { backfill: 1 });
    const live = createLivePoster({ store, delivery: discordPort(), clock, logger });
    clock.advance(60_000);
    await poll(store, live);
    const posts = discord.threads.filter((t) => t.parentId === forum);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.name).toBe('Story number 20');
    expect(posts[0]!.appliedTags).toEqual(['610000000000000001', '610000000000000002']);
    expect(inChannel(posts[0]!.id)[0]!.body.embeds[0].title).toBe('Story number 20');
    // The forum that requires a tag got none: nothing posted, and the delivery says why.
    expect(discord.threads.filter((t) => t.parentId === strict)).toHaveLength(0);
    const strictChannel = (await store.channels.find(dwhere(strict)))!;
    const article = (await store.articles.findByGuid('story-21'))!;
    const feed = (await store.feeds.findByUrl(`${server.origin}/strict.xml`))!;
    const row = await store.deliveries.get(`live:${strictChannel.id}:${article.id}:${feed.id}`);
    expect(row).toMatchObject({ status: 'failed' });
    expect(row!.lastError).toMatch(/requires a tag .*Space, Science/);

    // An unknown tag is refused by name, listing the forum's own.
    const channel = (await store.channels.find(dwhere(forum)))!;
    const f = (await store.feeds.findByUrl(`${server.origin}/forum.xml`))!;
    await store.channels.updateSettings(channel.id, {
      feedPosts: { [String(f.id)]: { ...channel.settings.feedPosts[String(f.id)]!, tags: ['Sport'] } },
    });
    feeds['forum'] = [story(22), story(20)];
    clock.advance(60_000);
    await poll(store, live);
    expect(discord.threads.filter((t) => t.parentId === forum)).toHaveLength(1);
    const refused = await store.deliveries.get(
      `live:${channel.id}:${(await store.articles.findByGuid('story-22'))!.id}:${f.id}`,
    );
    expect(refused!.lastError).toMatch(/no tag "Sport" \(its tags: Space, Science\)/);
  });

  it('pings only the feed role, only for items passing its filter; feed text pings nobody', async () => {
    const { store } = db;
    const channel = '900000000000000005';
    const hostile = '900000000000000006';
    await follow(store, dwhere(channel), feedUrl('pings', [story(30)]), {
      patch: { mention: { id: ROLE, only: { include: ['mars'], exclude: [] } } },
    });
    await follow(store, dwhere(hostile), feedUrl('hostile', [story(40)]), {
      patch: { template: '{title} — {lead} {link}' },
    });
    const live = createLivePoster({ store, delivery: discordPort(), clock, logger });
    clock.advance(60_000);
    await poll(store, live);
    feeds['pings'] = [story(32, 'Rover reaches Mars crater'), story(31, 'Budget vote delayed'), story(30)];
    feeds['hostile'] = [
      story(41, '@everyone <@&999999999999999999> [Log in](https://evil.example) **now** @here'),
      story(40),
    ];
    clock.advance(60_000);
    await poll(store, live);

    const [budget, mars] = inChannel(channel);
    expect(budget!.body.embeds[0].title).toBe('Budget vote delayed');
    expect(budget!.pinged).toEqual([]);
    expect(mars!.pinged).toEqual([`role:${ROLE}`]);
    expect(mars!.body.allowed_mentions).toEqual({ parse: [], roles: [ROLE] });

    const [post] = inChannel(hostile);
    expect(post!.pinged).toEqual([]);
    const text = `${post!.body.content ?? ''}\n${post!.body.embeds[0].description}`;
    expect(text).toContain('@\u200beveryone');
    expect(text).not.toMatch(/(?<!\u200b)@(everyone|here)|<@&/);
    // No masked link survives, however often the title repeats; no bold either.
    expect(text).not.toMatch(/(?<!\\)\[[^\]]*\]\(https?:/);
    expect(text).toContain('\\*\\*now\\*\\*');
  });
});
