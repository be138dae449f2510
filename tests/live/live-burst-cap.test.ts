/**
 * The burst cap of live posting on the real platforms: a feed that grows by 80 items between two
 * polls posts the cap's newest items (oldest first) and then ONE message saying how many more and
 * where to see them, each once, through the real Discord delivery (discord.js against the fake
 * Discord) and the real Slack delivery (WebClient against the fake Slack), read back from what the
 * fakes recorded. A third poll posts nothing.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackDelivery } from '../../src/adapters/slack/delivery.js';
import { createLivePoster, DEFAULT_MAX_LIVE_POSTS } from '../../src/core/live/live-posts.js';
import type { DeliveryPort, Where } from '../../src/core/ports.js';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord/server.js';
import { startFeedServer, type TestServer } from '../feeds/feed-server.js';
import { tempStore } from '../feeds-admin/helpers.js';
import { manualClock, rss, xmlRoute, type ItemSpec } from '../feeds-admin/poll-fixtures.js';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack/server.js';
import { TOKEN } from '../slack/helpers.js';
import { fakeDiscordDelivery, follow, pollLive, story } from './helpers.js';

const logger = pino({ level: 'silent' });
const clock = manualClock();
const db = tempStore();
let server: TestServer;
let discord: FakeDiscord;
let slack: FakeSlack;
const feeds: Record<string, ItemSpec[]> = {};
const GUILD = '700000000000000001';
const DISCORD_CHANNEL = '950000000000000001';

beforeAll(async () => {
  server = await startFeedServer();
  for (const name of ['discord', 'slack'])
    server.route(`/${name}.xml`, (req, res) => xmlRoute(rss(`Burst ${name}`, feeds[name] ?? []))(req, res));
  discord = await startFakeDiscord();
  discord.channelGuilds.set(DISCORD_CHANNEL, GUILD);
  slack = await startFakeSlack();
});
afterAll(async () => {
  await slack.close();
  await discord.close();
  await server.close();
  await db.cleanup();
});

/** The texts one platform's fake recorded in the test's channel, in the order they were posted. */
interface Platform {
  readonly feed: string;
  readonly where: Where;
  readonly delivery: () => DeliveryPort;
  readonly posted: () => string[];
}

const platforms: Record<string, Platform> = {
  Discord: {
    feed: 'discord',
    where: { platform: 'discord', workspaceId: GUILD, channelId: DISCORD_CHANNEL },
    delivery: () => fakeDiscordDelivery(discord, logger),
    posted: () => discord.messages.filter((m) => m.channelId === DISCORD_CHANNEL).map((m) => JSON.stringify(m.body)),
  },
  Slack: {
    feed: 'slack',
    where: { platform: 'slack', workspaceId: 'T0001', channelId: 'CBURST1' },
    delivery: () =>
      createSlackDelivery({
        botToken: TOKEN,
        apiUrl: slack.apiUrl,
        journal: db.store.deliveries,
        logger,
        retryDelayMs: 1,
      }),
    posted: () =>
      slack.posted.filter((m) => m.channel === 'CBURST1').map((m) => `${m.text}\n${JSON.stringify(m.blocks)}`),
  },
};

describe.each(Object.entries(platforms))('a burst of 80 new items on %s', (_name, p) => {
  it(`posts the newest ${DEFAULT_MAX_LIVE_POSTS}, then one "75 more" message, each once; the next poll posts nothing`, async () => {
    const { store } = db;
    feeds[p.feed] = [story(1)];
    await follow(store, p.where, `${server.origin}/${p.feed}.xml`);
    const live = createLivePoster({ store, delivery: p.delivery(), clock, logger });
    const poll = () => pollLive({ store, clock, logger, live });
    await poll(); // the baseline
    expect(p.posted()).toEqual([]);

    feeds[p.feed] = [...Array.from({ length: 80 }, (_, i) => story(200 + 79 - i)), story(1)];
    await poll();
    const posted = p.posted();
    expect(posted).toHaveLength(DEFAULT_MAX_LIVE_POSTS + 1);
    // The newest five, oldest first, each once; then the note, last.
    const newest = [275, 276, 277, 278, 279];
    newest.forEach((n, i) => expect(posted[i]).toContain(`Story number ${n}`));
    for (let n = 200; n < 280; n++)
      expect(posted.filter((t) => t.includes(`Story number ${n}`))).toHaveLength(newest.includes(n) ? 1 : 0);
    expect(posted.filter((t) => /more new stor/.test(t))).toHaveLength(1);
    expect(posted[DEFAULT_MAX_LIVE_POSTS]).toMatch(/75 more new stories from Burst \w+ arrived at once/);
    expect(posted[DEFAULT_MAX_LIVE_POSTS]).toContain('/articles');

    await poll();
    expect(p.posted()).toEqual(posted);
  });
});
