/**
 * Live posts on Slack through the real WebClient against the fake Slack, with the real poller and
 * a SQLite file: once per channel across polls and a restart, the story's details as a thread
 * reply, a crash between the post and its reply, a user-group ping that pings only that group,
 * and hostile feed text through a template that pings nobody.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackDelivery } from '../../src/adapters/slack/delivery.js';
import { pollCycle } from '../../src/app/poller.js';
import { recoverPendingDeliveries } from '../../src/core/delivery/recovery.js';
import { createLivePoster, type LivePoster } from '../../src/core/live/live-posts.js';
import type { DeliveryPort, Where } from '../../src/core/ports.js';
import type { HeraldStore } from '../../src/core/store/repositories.js';
import { localDeps, startFeedServer, type TestServer } from '../feeds/feed-server.js';
import { tempStore } from '../feeds-admin/helpers.js';
import { manualClock, rss, xmlRoute, type ItemSpec } from '../feeds-admin/poll-fixtures.js';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack/server.js';
import { TOKEN } from '../slack/helpers.js';
import { follow, story } from './helpers.js';

const logger = pino({ level: 'silent' });
const clock = manualClock();
const db = tempStore();
let server: TestServer;
let slack: FakeSlack;
const feeds: Record<string, ItemSpec[]> = {};
const swhere = (channelId: string): Where => ({ platform: 'slack', workspaceId: 'T0001', channelId });
const slackPort = (store: HeraldStore): DeliveryPort =>
  createSlackDelivery({ botToken: TOKEN, apiUrl: slack.apiUrl, journal: store.deliveries, logger, retryDelayMs: 1 });
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
const top = (channel: string) => slack.posted.filter((m) => m.channel === channel && m.threadTs === null);
const replies = (channel: string, ts: string) => slack.posted.filter((m) => m.channel === channel && m.threadTs === ts);

beforeAll(async () => {
  server = await startFeedServer();
  slack = await startFakeSlack();
  for (const name of ['threads', 'crash', 'pings', 'hostile'])
    server.route(`/${name}.xml`, (req, res) => xmlRoute(rss(`Feed ${name}`, feeds[name] ?? []))(req, res));
});
afterAll(async () => {
  await slack.close();
  await server.close();
  await db.cleanup();
});

describe('live posts on Slack', () => {
  it('posts each item once with its details in a thread reply, across two polls and a restart', async () => {
    const { store } = db;
    await follow(store, swhere('CLIVE1'), feedUrl('threads', [story(1)]), { patch: { thread: true } });
    const live = createLivePoster({ store, delivery: slackPort(store), clock, logger });
    await poll(store, live);
    expect(top('CLIVE1')).toHaveLength(0);

    feeds['threads'] = [story(3), story(2), story(1)];
    clock.advance(60_000);
    const polled = await poll(store, live);
    const posts = top('CLIVE1');
    expect(posts.map((p) => p.text)).toEqual([
      expect.stringContaining('Story number 2'),
      expect.stringContaining('Story number 3'),
    ]);
    for (const p of posts) {
      const [reply, ...more] = replies('CLIVE1', p.ts);
      expect(more).toEqual([]);
      expect(JSON.stringify(reply!.blocks)).toContain('Maria Lopez, mission director');
      expect(JSON.stringify(p.blocks)).not.toContain('Maria Lopez');
    }
    expect(polled.posted.map((p) => p.threadId)).toEqual(posts.map((p) => `CLIVE1:${p.ts}`));

    const reopened = db.reopen();
    clock.advance(60_000);
    await poll(reopened, createLivePoster({ store: reopened, delivery: slackPort(reopened), clock, logger }));
    expect(top('CLIVE1')).toHaveLength(2);
    expect(slack.posted.filter((m) => m.channel === 'CLIVE1')).toHaveLength(4);
  });

  it('a process killed between a post and its thread reply: after recovery, one post and one reply', async () => {
    const dead = db.reopen();
    await follow(dead, swhere('CLIVE2'), feedUrl('crash', [story(10)]), { patch: { thread: true } });
    await poll(dead, createLivePoster({ store: dead, delivery: slackPort(dead), clock, logger }));
    feeds['crash'] = [story(11), story(10)];
    // The post goes out (its journal row says so); the process dies before the reply and the live row.
    const real = slackPort(dead);
    const postOnly: DeliveryPort = {
      deliver: (w, m) => real.deliver(w, { ...m, placement: { ...m.placement, thread: undefined } }),
    };
    const frozen = {
      ...dead,
      deliveries: { ...dead.deliveries, markSent: async () => undefined, markFailed: async () => undefined },
    } as HeraldStore;
    clock.advance(60_000);
    await poll(dead, createLivePoster({ store: frozen, delivery: postOnly, clock, logger }));
    expect(top('CLIVE2')).toHaveLength(1);

    const next = db.reopen();
    const live = createLivePoster({ store: next, delivery: slackPort(next), clock, logger });
    const report = await recoverPendingDeliveries({
      store: next,
      onSlot: async () => ({ messageId: null }),
      clock,
      logger,
      isAlive: (id) => id !== dead.instanceId,
      resumeLive: (key, since) => live.resume(key, since),
    });
    expect(report.sent).toBeGreaterThanOrEqual(1);
    const [post] = top('CLIVE2');
    expect(top('CLIVE2')).toHaveLength(1);
    expect(replies('CLIVE2', post!.ts)).toHaveLength(1);
  });

  it('pings only the feed user group, for matching items; hostile text through a template pings nobody', async () => {
    const { store } = db;
    await follow(store, swhere('CLIVE3'), feedUrl('pings', [story(20)]), {
      patch: { mention: { id: 'S0EDITORS', only: { include: ['mars'], exclude: [] } } },
    });
    await follow(store, swhere('CLIVE4'), feedUrl('hostile', [story(30)]), {
      patch: { template: '{title}: {lead} {link}', mention: { id: 'S0EDITORS', only: null } },
    });
    const live = createLivePoster({ store, delivery: slackPort(store), clock, logger });
    clock.advance(60_000);
    await poll(store, live);
    feeds['pings'] = [story(22, 'Rover reaches Mars crater'), story(21, 'Budget vote delayed'), story(20)];
    feeds['hostile'] = [story(31, '<!channel> @here <!subteam^S0ALL> <https://evil.example|Log in> *bold*'), story(30)];
    clock.advance(60_000);
    await poll(store, live);

    const [budget, mars] = top('CLIVE3');
    expect(budget!.pinged).toEqual([]);
    expect(mars!.pinged).toEqual(['group:S0EDITORS']);
    const [hostile] = top('CLIVE4');
    expect(hostile!.pinged).toEqual(['group:S0EDITORS']);
    const shown = `${hostile!.text}\n${JSON.stringify(hostile!.blocks)}`;
    expect(shown).not.toMatch(/<https:\/\/evil\.example\|/);
    expect(shown).toContain('&lt;!channel&gt;');
  });
});
