/**
 * Issue 11, High 2: an article that came through one workspace's private feed cannot be reached
 * from another workspace, by guid, link or full id, through `/summary article:`, `/channel set
 * article`, a pinned article in `/config import`, or Slack's "Share in channel". The real app
 * (createHerald) polls a private feed on a local server for Discord guild A and Slack team T0001;
 * guild B and team T123 then ask through the real adapters against the fake platforms, and get
 * the very answer an unknown id gets, so nothing tells them the article exists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/adapter.js';
import { createSlackApp, type SlackApp } from '../../src/adapters/slack/app.js';
import { encodeShareValue, SHARE_ACTION_ID } from '../../src/adapters/slack/share.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { createHerald, type Herald } from '../../src/main.js';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord/server.js';
import { keyPair, postSignedJson, silentLogger } from '../discord/helpers.js';
import { startFeedServer, type TestServer } from '../feeds/feed-server.js';
import { testConfig } from '../helpers/test-config.js';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack/server.js';
import { blockActionsBody, postSigned, SECRET, slashBody, TOKEN } from '../slack/helpers.js';

const APP_ID = '100000000000000001';
const GUID = 'urn:herald-test:launch-plan-a';
const LINK = 'https://private.example/a/launch-plan';
const UNKNOWN_ID = 'f'.repeat(64);
// Written for this test: a private feed of one item.
const PRIVATE_FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Guild A internal news</title><link>https://private.example/a</link>
<description>Only for guild A</description>
<item><title>Confidential launch plan for the Vega probe</title><link>${LINK}</link><guid isPermaLink="false">${GUID}</guid>
<pubDate>Mon, 06 Jan 2025 08:00:00 GMT</pubDate>
<description>The Vega probe will launch from Kourou on 14 March, Maria Lindqvist, the mission director, told the team. The launch window lasts nine days. The budget is 212 million euros.</description></item>
</channel></rss>`;

const { privateKey, publicKeyHex } = keyPair();
let feeds: TestServer;
let fakeDiscord: FakeDiscord;
let fakeSlack: FakeSlack;
let http: HttpServer;
let discord: DiscordAdapter;
let slack: SlackApp;
let app: Herald;
let base: string;
let articleId: string;
let n = 0;

const GUILD_A = { guild: '610000000000000001', channel: '710000000000000001' };
const GUILD_B = { guild: '620000000000000002', channel: '720000000000000002' };
type Guild = typeof GUILD_A;

/** A slash command from a guild's channel, by a member or (permissions 8) an admin, answered in full. */
async function onDiscord(at: Guild, name: string, options: unknown[], admin = false): Promise<unknown> {
  const token = `tenant-${++n}`;
  const body = await postSignedJson(
    `${base}/discord/interactions`,
    {
      id: '0',
      application_id: APP_ID,
      type: 2,
      token,
      version: 1,
      guild_id: at.guild,
      channel_id: at.channel,
      entitlements: [],
      member: { user: { id: `8${n}`, username: 'reader' }, roles: [], permissions: admin ? '8' : '0' },
      data: { id: '9', name, type: 1, options },
    },
    privateKey,
  );
  const answer =
    body.type === 4
      ? body.data
      : (await fakeDiscord.waitFor((r) => r.method === 'PATCH' && r.path.includes(token), 15_000)).body;
  return answer;
}
const opt = (name: string, value: string) => ({ type: 3, name, value });
const sub = (name: string, options: unknown[]) => [{ type: 1, name, options }];

/** An answer with the reference written out replaced, so two answers compare on everything else. */
const without = (answer: unknown, ref: string): string => JSON.stringify(answer).split(ref).join('<ref>');

async function onSlack(command: string, text: string): Promise<string> {
  const id = `tenant-slack-${++n}`;
  const res = await postSigned(`${base}/slack/events`, slashBody(command, text, fakeSlack.responseUrl(id)));
  expect(res.status).toBe(200);
  return res.text || JSON.stringify(await fakeSlack.waitForResponse(id, 1, 15_000));
}

/** "Share in channel" pressed in `team` on a button asking for `/summary article:<ref>`. */
async function shareFrom(team: string, ref: string): Promise<string> {
  const id = `tenant-share-${++n}`;
  const value = encodeShareValue('summary', null, { article: ref })!;
  const form = new URLSearchParams(blockActionsBody(value, SHARE_ACTION_ID, fakeSlack.responseUrl(id)));
  const payload = JSON.parse(form.get('payload')!) as Record<string, Record<string, unknown>>;
  payload['team'] = { ...payload['team'], id: team };
  payload['user'] = { ...payload['user'], team_id: team };
  const res = await postSigned(
    `${base}/slack/events`,
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
  );
  expect(res.status).toBe(200);
  return JSON.stringify(await fakeSlack.waitForResponse(id, 1, 15_000));
}

beforeAll(async () => {
  feeds = await startFeedServer();
  feeds.route('/private-a.xml', (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(PRIVATE_FEED),
  );
  fakeDiscord = await startFakeDiscord({ applicationId: APP_ID });
  fakeSlack = await startFakeSlack();
  fakeSlack.users.set('U2147483697', { id: 'U2147483697', is_admin: true });
  const config = await testConfig();
  const built = await createHerald(
    { ...config, feeds: { ...config.feeds, allowlist: ['127.0.0.1'] } },
    { logger: silentLogger, store: 'memory' },
  );
  if (!built.ok) throw new Error(built.error.message);
  app = built.value;
  http = createHttpServer(silentLogger);
  discord = createDiscordAdapter({
    config: {
      mode: 'http',
      modeReason: 'test',
      token: 'test-token-1',
      applicationId: APP_ID,
      publicKey: publicKeyHex,
      apiUrl: fakeDiscord.api,
    },
    logger: silentLogger,
    restOverrides: { offset: 0 },
  });
  await discord.start({ dispatcher: app.dispatcher, http });
  slack = createSlackApp({
    botToken: TOKEN,
    signingSecret: SECRET,
    apiUrl: fakeSlack.apiUrl,
    http,
    registry: app.registry,
    dispatcher: app.dispatcher,
    logger: silentLogger,
  });
  await slack.start();
  base = `http://127.0.0.1:${(await http.listen(0, '127.0.0.1')).port}`;

  // Guild A and Slack team T0001 follow the private feed; one poll brings the item to both.
  const feedUrl = `${feeds.origin}/private-a.xml`;
  expect(JSON.stringify(await onDiscord(GUILD_A, 'feeds', sub('add', [opt('url', feedUrl)]), true))).toContain(
    'Guild A internal news',
  );
  expect(await onSlack('/feeds', `add ${feedUrl}`)).toContain('Guild A internal news');
  const polled = await app.pollOnce();
  expect(polled.failures).toEqual([]);
  articleId = (await app.store.articles.findByGuid(GUID))!.id;
  // Analyse it once up front, so no request pays for it inside a platform's answer budget.
  await app.library.find({ platform: 'discord', workspaceId: GUILD_A.guild, channelId: GUILD_A.channel }, GUID);
}, 60_000);

afterAll(async () => {
  await slack?.stop();
  await discord?.stop();
  await http?.close();
  await fakeSlack?.close();
  await fakeDiscord?.close();
  await feeds?.close();
});

describe("another workspace's private-feed article", () => {
  it('is read in its own guild by guid, link and full id (the control)', async () => {
    for (const ref of [GUID, LINK, articleId]) {
      const answer = JSON.stringify(await onDiscord(GUILD_A, 'summary', [opt('article', ref)]));
      expect(answer).toContain('Confidential launch plan for the Vega probe');
    }
  });

  it('is not found from another guild with /summary article:, by guid, link or id, as an unknown id is', async () => {
    const unknown = await onDiscord(GUILD_B, 'summary', [opt('article', UNKNOWN_ID)]);
    expect(JSON.stringify(unknown)).toContain('No article matches');
    for (const ref of [GUID, LINK, articleId, articleId.slice(0, 10)]) {
      const answer = await onDiscord(GUILD_B, 'summary', [opt('article', ref)]);
      expect(without(answer, ref), ref).toBe(without(unknown, UNKNOWN_ID));
    }
  });

  it('cannot be made the current article of another guild with /channel set article', async () => {
    const unknown = await onDiscord(
      GUILD_B,
      'channel',
      sub('set', [opt('setting', 'article'), opt('value', UNKNOWN_ID)]),
      true,
    );
    expect(JSON.stringify(unknown)).toContain('No article matches');
    for (const ref of [GUID, LINK, articleId]) {
      const answer = await onDiscord(
        GUILD_B,
        'channel',
        sub('set', [opt('setting', 'article'), opt('value', ref)]),
        true,
      );
      expect(without(answer, ref), ref).toBe(without(unknown, UNKNOWN_ID));
    }
    const channel = await app.store.channels.find({
      platform: 'discord',
      workspaceId: GUILD_B.guild,
      channelId: GUILD_B.channel,
    });
    expect(channel?.settings.currentArticleId ?? null).toBeNull();
  });

  it('cannot be pinned in another guild through /config import', async () => {
    const doc = (article: string) =>
      JSON.stringify({ herald: 1, channels: [{ channel: GUILD_B.channel, settings: { article } }] });
    const unknown = await onDiscord(GUILD_B, 'config', sub('import', [opt('json', doc(UNKNOWN_ID))]), true);
    expect(JSON.stringify(unknown)).toContain('refused');
    const answer = await onDiscord(GUILD_B, 'config', sub('import', [opt('json', doc(articleId))]), true);
    expect(without(answer, articleId)).toBe(without(unknown, UNKNOWN_ID));
    const channel = await app.store.channels.find({
      platform: 'discord',
      workspaceId: GUILD_B.guild,
      channelId: GUILD_B.channel,
    });
    expect(channel?.settings.currentArticleId ?? null).toBeNull();
  });

  it("is not shared by Slack's Share in channel from another team; the team that received it shares it", async () => {
    const unknown = await shareFrom('T123', UNKNOWN_ID);
    expect(unknown).toContain('No article matches');
    for (const ref of [GUID, LINK, articleId])
      expect(without(await shareFrom('T123', ref), ref)).toBe(without(unknown, UNKNOWN_ID));
    expect(await shareFrom('T0001', GUID)).toContain('Confidential launch plan for the Vega probe');
  });

  it('leaves the bundled sample readable in every workspace', async () => {
    const sample = await app.library.current({
      platform: 'discord',
      workspaceId: GUILD_B.guild,
      channelId: GUILD_B.channel,
    });
    const answer = JSON.stringify(await onDiscord(GUILD_B, 'summary', [opt('article', sample.id.slice(0, 12))]));
    expect(answer).toContain(sample.article.title!);
  });
});
