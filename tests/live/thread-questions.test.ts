/**
 * A thread Herald started for a story answers questions about that story, through the whole app
 * (`createHerald`, SQLite file, real discord.js gateway, real Bolt over HTTP) against the fake
 * platforms: `@Herald <question>` in the story's Slack thread (app_mention with thread_ts) and a
 * message mentioning Herald in the story's Discord thread are answered there, from that story and
 * cited, although the channel has a newer story; a slash command issued in the Discord thread
 * uses the thread's story too.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { Logger, Where } from '../../src/core/ports.js';
import { BUNDLED_SAMPLE_PATH, createHerald, type Herald } from '../../src/main.js';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord/server.js';
import { eventually, startFeedServer, type TestServer } from '../feeds/feed-server.js';
import { rss, xmlRoute, type ItemSpec } from '../feeds-admin/poll-fixtures.js';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack/server.js';
import { follow } from './helpers.js';

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };
const SECRET = 'thread-secret';
const APP_ID = '100000000000000001';
const GUILD = '700000000000000009';
const DCHANNEL = '910000000000000001';
const dataDir = mkdtempSync(join(tmpdir(), 'herald-threads-'));
let feeds: TestServer;
let slack: FakeSlack;
let discord: FakeDiscord;
let app: Herald;
let port = 0;

/** Two stories that answer the same question differently: only the thread's own may answer. */
const launch: ItemSpec = {
  guid: 'launch-story',
  title: 'Probe launch set for Tuesday',
  body: 'The Argo probe will launch on Tuesday from the northern pad. Maria Lopez, the mission director, said the crew had finished its checks. The launch window opens at dawn.',
};
const budget: ItemSpec = {
  guid: 'budget-story',
  title: 'Council delays transit budget vote',
  body: 'The city council delayed its transit budget vote until Friday. Tom Baker, the council treasurer, said the figures were incomplete. The vote needs a simple majority.',
};
let items: ItemSpec[] = [];

const signed = (body: string, type = 'application/json'): Record<string, string> => {
  const ts = Math.floor(Date.now() / 1000);
  return {
    'content-type': type,
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`,
  };
};

beforeAll(async () => {
  feeds = await startFeedServer();
  feeds.route('/wire.xml', (req, res) => xmlRoute(rss('Wire', items))(req, res));
  slack = await startFakeSlack();
  slack.users.set('U1', { id: 'U1' });
  discord = await startFakeDiscord({ applicationId: APP_ID });
  discord.channelGuilds.set(DCHANNEL, GUILD);
  const loaded = await loadConfig({
    env: {
      HERALD_DATA_DIR: dataDir,
      HERALD_SAMPLE_ARTICLE: BUNDLED_SAMPLE_PATH,
      HERALD_FEED_ALLOWLIST: '127.0.0.1',
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: 'discord-token',
      DISCORD_API_URL: discord.api,
    },
    file: {},
  });
  if (!loaded.ok) throw new Error(loaded.error.message);
  const built = await createHerald(loaded.value, { logger: quiet });
  if (!built.ok) throw new Error(built.error.message);
  app = built.value;
  port = (await app.start({ poll: false })).http!.port;

  // Both channels follow the wire with a thread per post; the launch story, then the budget story.
  const url = `${feeds.origin}/wire.xml`;
  const places: Where[] = [
    { platform: 'discord', workspaceId: GUILD, channelId: DCHANNEL },
    { platform: 'slack', workspaceId: 'T1', channelId: 'C5' },
  ];
  for (const where of places) await follow(app.store, where, url, { patch: { thread: true } });
  await app.pollOnce({ all: true });
  items = [launch];
  await app.pollOnce({ all: true });
  items = [budget, launch];
  await app.pollOnce({ all: true });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await slack?.close();
  await discord?.close();
  await feeds?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("questions in a story's thread", () => {
  it('Slack: @Herald in the story thread is answered in that thread, from that story, cited', async () => {
    const parent = slack.posted.find((p) => p.channel === 'C5' && !p.threadTs && p.text.includes('Probe launch'));
    expect(parent).toBeDefined();
    const event = {
      token: 'x',
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: 'Ev1',
      event_time: Math.floor(Date.now() / 1000),
      event: {
        type: 'app_mention',
        user: 'U1',
        text: '<@UBOT> when does the probe launch?',
        ts: '1900000000.000900',
        channel: 'C5',
        thread_ts: parent!.ts,
        event_ts: '1900000000.000900',
      },
    };
    const body = JSON.stringify(event);
    const before = slack.posted.length;
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: signed(body), body });
    expect(res.status).toBe(200);
    const isAnswer = (p: (typeof slack.posted)[number]) =>
      slack.posted.indexOf(p) >= before && p.threadTs === parent!.ts;
    await eventually(() => slack.posted.some(isAnswer), 10_000);
    const answer = slack.posted.find(isAnswer)!;
    const all = `${answer.text}\n${JSON.stringify(answer.blocks)}`;
    expect(all).toContain('The Argo probe will launch on Tuesday from the northern pad.');
    // Cited: the story's title and link, not the channel's newer story, not the sample.
    expect(all).toContain('news.example/launch-story');
    expect(all).not.toMatch(/budget|Friday/i);
    expect(answer.pinged).toEqual([]);
  });

  it('Slack: a mention in a thread Herald did not start answers from the channel', async () => {
    const event = {
      team_id: 'T1',
      type: 'event_callback',
      event_id: 'Ev2',
      event: {
        type: 'app_mention',
        user: 'U1',
        text: '<@UBOT> when is the vote?',
        ts: '1900000001.000100',
        channel: 'C5',
      },
    };
    // The question is a person's message in the channel: the answer starts a thread under it.
    slack.posted.push({
      ts: '1900000001.000100',
      channel: 'C5',
      text: event.event.text,
      blocks: null,
      metadata: null,
      threadTs: null,
      pinged: [],
    });
    const body = JSON.stringify(event);
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: signed(body), body });
    expect(res.status).toBe(200);
    const isAnswer = (p: (typeof slack.posted)[number]) => p.threadTs === '1900000001.000100';
    await eventually(() => slack.posted.some(isAnswer), 10_000);
    expect(JSON.stringify(slack.posted.find(isAnswer)!.blocks)).toMatch(/until Friday/);
  });

  it('Discord: a message mentioning Herald in the story thread is answered there, from that story, cited', async () => {
    const parent = discord.messages.find(
      (m) => m.channelId === DCHANNEL && m.body.embeds?.[0]?.title === 'Probe launch set for Tuesday',
    );
    const thread = discord.threads.find((t) => t.messageId === parent?.id);
    expect(thread).toBeDefined();
    discord.gateway.dispatch('MESSAGE_CREATE', {
      id: '920000000000000001',
      channel_id: thread!.id,
      guild_id: GUILD,
      author: { id: '300000000000000003', username: 'reader', discriminator: '0', global_name: null, avatar: null },
      member: { roles: [] },
      content: `<@${APP_ID}> who is Maria Lopez?`,
      mentions: [{ id: APP_ID, username: 'Herald', discriminator: '0', global_name: null, avatar: null, bot: true }],
      mention_roles: [],
      mention_everyone: false,
      attachments: [],
      embeds: [],
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      pinned: false,
      type: 0,
    });
    const req = await discord.waitFor(
      (r) => r.method === 'POST' && r.path === `/channels/${thread!.id}/messages` && r.status === 200,
      10_000,
    );
    const text = JSON.stringify(req.body);
    expect(text).toMatch(/Maria Lopez/);
    expect(text).toMatch(/mission director/);
    expect(text).toContain('news.example/launch-story');
    expect(text).not.toMatch(/Tom Baker|budget/i);
    expect(req.body.message_reference).toMatchObject({ message_id: '920000000000000001' });
    expect(req.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("Discord: a slash command in the story thread uses the thread's story", async () => {
    discord.gateway.dispatch('INTERACTION_CREATE', {
      id: '930000000000000001',
      application_id: APP_ID,
      type: 2,
      token: 'thread-token',
      version: 1,
      guild_id: GUILD,
      channel_id: discord.threads.find((t) => t.name === 'Probe launch set for Tuesday')!.id,
      channel: { id: discord.threads.find((t) => t.name === 'Probe launch set for Tuesday')!.id, type: 11 },
      member: {
        user: { id: '300000000000000003', username: 'reader', discriminator: '0', global_name: null, avatar: null },
        roles: [],
        permissions: '0',
        joined_at: new Date().toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
      },
      app_permissions: '0',
      locale: 'en-US',
      data: {
        id: '1',
        name: 'ask',
        type: 1,
        options: [{ type: 3, name: 'question', value: 'when does the probe launch?' }],
      },
    });
    const cb = await discord.waitFor(
      (r) => r.path === '/interactions/930000000000000001/thread-token/callback',
      10_000,
    );
    const followUp = JSON.stringify(cb.body);
    const answered = /Tuesday/.test(followUp)
      ? followUp
      : JSON.stringify(
          (
            await discord.waitFor(
              (r) => r.path.startsWith(`/webhooks/${APP_ID}/thread-token`) && /Tuesday/.test(JSON.stringify(r.body)),
              10_000,
            )
          ).body,
        );
    expect(answered).toContain('The Argo probe will launch on Tuesday from the northern pad.');
    expect(answered).not.toMatch(/Friday/);
  });
});
