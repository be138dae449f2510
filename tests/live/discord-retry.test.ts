/**
 * A live post Discord fails for a passing reason (5xx after discord.js's own retries) is not
 * lost: the next posting run tries it again, and it lands once, before the newer item.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLivePoster } from '../../src/core/live/live-posts.js';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord/server.js';
import { startFeedServer, type TestServer } from '../feeds/feed-server.js';
import { tempStore } from '../feeds-admin/helpers.js';
import { manualClock, rss, xmlRoute, type ItemSpec } from '../feeds-admin/poll-fixtures.js';
import { fakeDiscordDelivery, follow, pollLive, story } from './helpers.js';

const logger = pino({ level: 'silent' });
const clock = manualClock();
const db = tempStore();
let server: TestServer;
let discord: FakeDiscord;
let items: ItemSpec[] = [story(1)];
const CHANNEL = '940000000000000001';

beforeAll(async () => {
  server = await startFeedServer();
  server.route('/retry.xml', (req, res) => xmlRoute(rss('Retry', items))(req, res));
  discord = await startFakeDiscord();
  discord.channelGuilds.set(CHANNEL, '700000000000000001');
});
afterAll(async () => {
  await discord.close();
  await server.close();
  await db.cleanup();
});

describe('a live post Discord fails for a passing reason', () => {
  it('is posted at the next run, once, in order', async () => {
    const { store } = db;
    const { channelId, feedId } = await follow(
      store,
      { platform: 'discord', workspaceId: '700000000000000001', channelId: CHANNEL },
      `${server.origin}/retry.xml`,
    );
    const live = createLivePoster({ store, delivery: fakeDiscordDelivery(discord, logger), clock, logger });
    const poll = () => pollLive({ store, clock, logger, live });
    await poll(); // the baseline

    items = [story(2), story(1)];
    discord.fault({ method: 'POST', path: new RegExp(`^/channels/${CHANNEL}/messages$`), status: 500, times: 2 });
    await poll();
    expect(discord.messages).toHaveLength(0);
    const key = `live:${channelId}:${(await store.articles.findByGuid('story-2'))!.id}:${feedId}`;
    expect(await store.deliveries.get(key)).toMatchObject({ status: 'failed' });

    items = [story(3), story(2), story(1)];
    await poll();
    expect(discord.messages.map((m) => m.body.embeds[0].title)).toEqual(['Story number 2', 'Story number 3']);
    expect(await store.deliveries.get(key)).toMatchObject({ status: 'sent' });

    items = [story(4), story(3), story(2), story(1)];
    await poll();
    expect(discord.messages).toHaveLength(3);
  });
});
