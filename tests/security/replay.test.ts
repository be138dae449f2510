/**
 * Replays refused (issue 11, Medium 4): the same signed request delivered three times to the
 * real endpoints (`herald start` wiring: SQLite store, scheduler, Bolt's HTTPReceiver and the
 * Discord interactions route on Herald's one server) runs its command once. Slack requests
 * signed more than five minutes in the future are refused.
 */
import { createHmac, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { Logger, Where } from '../../src/core/ports.js';
import { BUNDLED_SAMPLE_PATH, createHerald, type Herald, type Running } from '../../src/main.js';
import { keyPair } from '../discord/helpers.js';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord/server.js';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack/server.js';

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };
const SECRET = 'replay-secret';
const APP_ID = '100000000000000001';
const { privateKey, publicKeyHex } = keyPair();
const dataDir = mkdtempSync(join(tmpdir(), 'herald-replay-'));
let slack: FakeSlack;
let discord: FakeDiscord;
let opened: Herald;
let running: Running;
let base: string;

beforeAll(async () => {
  slack = await startFakeSlack();
  slack.users.set('U1', { id: 'U1', is_admin: true });
  discord = await startFakeDiscord({ applicationId: APP_ID });
  const loaded = await loadConfig({
    env: {
      HERALD_DATA_DIR: dataDir,
      HERALD_SAMPLE_ARTICLE: BUNDLED_SAMPLE_PATH,
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      DISCORD_PUBLIC_KEY: publicKeyHex,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: discord.api,
    },
    file: {},
  });
  if (!loaded.ok) throw new Error(loaded.error.message);
  const o = await createHerald(loaded.value, { logger: quiet });
  if (!o.ok) throw new Error(o.error.message);
  opened = o.value;
  running = await opened.start({ poll: false });
  base = `http://127.0.0.1:${running.http!.port}`;
}, 30_000);

afterAll(async () => {
  await opened?.close();
  await slack?.close();
  await discord?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function schedulesIn(where: Where): Promise<number> {
  const channel = await opened.store.channels.find(where);
  return channel ? (await opened.store.schedules.listForChannel(channel.id)).length : 0;
}

/** The count once the first schedule exists (an answer may finish after its HTTP ack), then a beat later. */
async function settledSchedules(where: Where): Promise<number> {
  const deadline = Date.now() + 15_000;
  while ((await schedulesIn(where)) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 200));
  return schedulesIn(where);
}

const slackHeaders = (body: string, ts: number): Record<string, string> => ({
  'content-type': 'application/x-www-form-urlencoded',
  'x-slack-request-timestamp': String(ts),
  'x-slack-signature': `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`,
});

const slashSchedule = (channel: string, id: string): string =>
  new URLSearchParams({
    team_id: 'T1',
    channel_id: channel,
    user_id: 'U1',
    command: '/schedule',
    text: 'add 0 9 * * *',
    response_url: slack.responseUrl(id),
    trigger_id: `trigger-${id}`,
  }).toString();

function discordHeaders(raw: string, key: KeyObject, ts = Math.floor(Date.now() / 1000)): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-signature-timestamp': String(ts),
    'x-signature-ed25519': sign(null, Buffer.from(String(ts) + raw), key).toString('hex'),
  };
}

const scheduleInteraction = (id: string, channel: string) => ({
  id,
  application_id: APP_ID,
  type: 2,
  token: `tok-${id}`,
  version: 1,
  guild_id: '600000000000000006',
  channel_id: channel,
  entitlements: [],
  member: { user: { id: '800000000000000008', username: 'admin' }, roles: [], permissions: '8' },
  data: {
    id: '900000000000000009',
    name: 'schedule',
    type: 1,
    options: [{ type: 1, name: 'add', options: [{ type: 3, name: 'cron', value: '0 9 * * *' }] }],
  },
});

describe('replayed signed requests', () => {
  it('a signed Slack request delivered three times creates one schedule', async () => {
    const where: Where = { platform: 'slack', workspaceId: 'T1', channelId: 'C-replay' };
    const body = slashSchedule(where.channelId, 'replay1');
    const headers = slackHeaders(body, Math.floor(Date.now() / 1000));
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await fetch(`${base}/slack/events`, { method: 'POST', headers, body })).status);
    expect(statuses).toEqual([200, 409, 409]);
    expect(await settledSchedules(where)).toBe(1);
    // A fresh request (new timestamp, so a new signature) is not a replay.
    const again = await fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: slackHeaders(body, Math.floor(Date.now() / 1000) + 1),
      body,
    });
    expect(again.status).toBe(200);
  });

  it('a Slack request signed more than five minutes in the future is refused, one inside the window is not', async () => {
    const where: Where = { platform: 'slack', workspaceId: 'T1', channelId: 'C-future' };
    const now = Math.floor(Date.now() / 1000);
    const post = (ts: number, id: string) => {
      const body = slashSchedule(where.channelId, id);
      return fetch(`${base}/slack/events`, { method: 'POST', headers: slackHeaders(body, ts), body });
    };
    expect((await post(now + 10 * 365 * 86_400, 'future1')).status).toBe(401);
    expect((await post(now + 6 * 60, 'future2')).status).toBe(401);
    expect(await schedulesIn(where)).toBe(0);
    expect((await post(now + 60, 'future3')).status).toBe(200);
  });

  it('a signed Discord interaction delivered three times creates one schedule', async () => {
    const where: Where = { platform: 'discord', workspaceId: '600000000000000006', channelId: '700000000000000007' };
    const raw = JSON.stringify(scheduleInteraction('500000000000000501', where.channelId));
    const headers = discordHeaders(raw, privateKey);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await fetch(`${base}/discord/interactions`, { method: 'POST', headers, body: raw })).status);
    expect(statuses).toEqual([200, 409, 409]);
    // Re-signed with a later timestamp, the same interaction id is still a replay.
    const resigned = await fetch(`${base}/discord/interactions`, {
      method: 'POST',
      headers: discordHeaders(raw, privateKey, Math.floor(Date.now() / 1000) + 2),
      body: raw,
    });
    expect(resigned.status).toBe(409);
    expect(await settledSchedules(where)).toBe(1);
  });

  it('a forged request never burns the id of the real one', async () => {
    const where: Where = { platform: 'discord', workspaceId: '600000000000000006', channelId: '700000000000000077' };
    const raw = JSON.stringify(scheduleInteraction('500000000000000502', where.channelId));
    const forged = discordHeaders(raw, keyPair().privateKey);
    expect((await fetch(`${base}/discord/interactions`, { method: 'POST', headers: forged, body: raw })).status).toBe(
      401,
    );
    const real = discordHeaders(raw, privateKey);
    expect((await fetch(`${base}/discord/interactions`, { method: 'POST', headers: real, body: raw })).status).toBe(
      200,
    );
  });
});
