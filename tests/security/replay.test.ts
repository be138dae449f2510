/**
 * Replays refused (issue 11, Medium 4): the same signed request delivered three times to the
 * real endpoints (`herald start` wiring: SQLite store, scheduler, Bolt's HTTPReceiver and the
 * Discord interactions route on Herald's one server) runs its command once. Slack requests
 * signed more than five minutes in the future are refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Where } from '../../src/core/ports.js';
import type { Herald } from '../../src/main.js';
import { keyPair } from '../discord/helpers.js';
import {
  APP_ID,
  discordSignedHeaders,
  slackSignedHeaders,
  startSignedHerald,
  startSignedPlatforms,
  type SignedPlatforms,
} from '../helpers/signed-endpoints.js';

const dataDir = mkdtempSync(join(tmpdir(), 'herald-replay-'));
let platforms: SignedPlatforms;
let opened: Herald;
let base: string;

beforeAll(async () => {
  platforms = await startSignedPlatforms();
  ({ herald: opened, base } = await startSignedHerald(platforms, { HERALD_DATA_DIR: dataDir }));
}, 30_000);

afterAll(async () => {
  await opened?.close();
  await platforms?.close();
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

const slashSchedule = (channel: string, id: string): string =>
  new URLSearchParams({
    team_id: 'T1',
    channel_id: channel,
    user_id: 'U1',
    command: '/schedule',
    text: 'add 0 9 * * *',
    response_url: platforms.slack.responseUrl(id),
    trigger_id: `trigger-${id}`,
  }).toString();

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
    const headers = slackSignedHeaders(body, Math.floor(Date.now() / 1000));
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await fetch(`${base}/slack/events`, { method: 'POST', headers, body })).status);
    expect(statuses).toEqual([200, 409, 409]);
    expect(await settledSchedules(where)).toBe(1);
    // A fresh request (new timestamp, so a new signature) is not a replay.
    const again = await fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: slackSignedHeaders(body, Math.floor(Date.now() / 1000) + 1),
      body,
    });
    expect(again.status).toBe(200);
  });

  it('a Slack request signed more than five minutes in the future is refused, one inside the window is not', async () => {
    const where: Where = { platform: 'slack', workspaceId: 'T1', channelId: 'C-future' };
    const now = Math.floor(Date.now() / 1000);
    const post = (ts: number, id: string) => {
      const body = slashSchedule(where.channelId, id);
      return fetch(`${base}/slack/events`, { method: 'POST', headers: slackSignedHeaders(body, ts), body });
    };
    expect((await post(now + 10 * 365 * 86_400, 'future1')).status).toBe(401);
    expect((await post(now + 6 * 60, 'future2')).status).toBe(401);
    expect(await schedulesIn(where)).toBe(0);
    expect((await post(now + 60, 'future3')).status).toBe(200);
  });

  it('a signed Discord interaction delivered three times creates one schedule', async () => {
    const where: Where = { platform: 'discord', workspaceId: '600000000000000006', channelId: '700000000000000007' };
    const raw = JSON.stringify(scheduleInteraction('500000000000000501', where.channelId));
    const headers = discordSignedHeaders(raw, platforms.privateKey);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await fetch(`${base}/discord/interactions`, { method: 'POST', headers, body: raw })).status);
    expect(statuses).toEqual([200, 409, 409]);
    // Re-signed with a later timestamp, the same interaction id is still a replay.
    const resigned = await fetch(`${base}/discord/interactions`, {
      method: 'POST',
      headers: discordSignedHeaders(raw, platforms.privateKey, Math.floor(Date.now() / 1000) + 2),
      body: raw,
    });
    expect(resigned.status).toBe(409);
    expect(await settledSchedules(where)).toBe(1);
  });

  it('a forged request never burns the id of the real one', async () => {
    const where: Where = { platform: 'discord', workspaceId: '600000000000000006', channelId: '700000000000000077' };
    const raw = JSON.stringify(scheduleInteraction('500000000000000502', where.channelId));
    const forged = discordSignedHeaders(raw, keyPair().privateKey);
    expect((await fetch(`${base}/discord/interactions`, { method: 'POST', headers: forged, body: raw })).status).toBe(
      401,
    );
    const real = discordSignedHeaders(raw, platforms.privateKey);
    expect((await fetch(`${base}/discord/interactions`, { method: 'POST', headers: real, body: raw })).status).toBe(
      200,
    );
  });
});
