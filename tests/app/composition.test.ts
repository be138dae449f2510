/**
 * The composition root as `herald start` runs it: the SQLite-backed app, the Slack adapter in
 * HTTP mode on Herald's one server, the Discord adapter on the gateway, the scheduler, and the
 * delivery router, against the fake platforms on 127.0.0.1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/schema.js';
import type { Logger } from '../../src/core/ports.js';
import { BUNDLED_SAMPLE_PATH, createHerald, type Herald, type Running } from '../../src/main.js';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord/server.js';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack/server.js';
import { slackSignedHeaders } from '../helpers/signed-endpoints.js';

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };
const SECRET = 'composition-secret';
const APP_ID = '100000000000000001';
const dataDir = mkdtempSync(join(tmpdir(), 'herald-compose-'));
let slack: FakeSlack;
let discord: FakeDiscord;
let opened: Herald;
let running: Running;

beforeAll(async () => {
  slack = await startFakeSlack();
  slack.users.set('U1', { id: 'U1' });
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
      DISCORD_TOKEN: 'discord-token',
      DISCORD_API_URL: discord.api,
    },
    file: {},
  });
  if (!loaded.ok) throw new Error(loaded.error.message);
  const config: Config = loaded.value;
  const o = await createHerald(config, { logger: quiet });
  if (!o.ok) throw new Error(o.error.message);
  opened = o.value;
  running = await opened.start({ poll: false });
}, 30_000);

afterAll(async () => {
  await opened?.close();
  await slack?.close();
  await discord?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const signed = (body: string): Record<string, string> => slackSignedHeaders(body, undefined, SECRET);

describe('herald start with Slack and Discord configured', () => {
  it('starts both platforms and one HTTP server', () => {
    expect(running.started).toEqual(['discord', 'slack']);
    expect(running.http?.port).toBeGreaterThan(0);
    expect(discord.gateway.identifies).toHaveLength(1);
  });

  it('answers a signed Slack slash command from the stored app', async () => {
    const body = new URLSearchParams({
      team_id: 'T1',
      channel_id: 'C1',
      user_id: 'U1',
      command: '/who-is',
      text: 'hedman',
      response_url: slack.responseUrl('r1'),
      trigger_id: '1',
    }).toString();
    const res = await fetch(`http://127.0.0.1:${running.http!.port}/slack/events`, {
      method: 'POST',
      headers: signed(body),
      body,
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    const answered =
      text.includes('Niklas Hedman') || JSON.stringify(slack.responses.get('r1') ?? []).includes('Niklas Hedman');
    expect(answered).toBe(true);
    const forged = await fetch(`http://127.0.0.1:${running.http!.port}/slack/events`, {
      method: 'POST',
      headers: { ...signed(body), 'x-slack-signature': 'v0=00' },
      body,
    });
    expect(forged.status).toBe(401);
  });

  it('routes deliveries to the platform of each channel', async () => {
    const reply = {
      kind: 'answer',
      ephemeral: false,
      title: 'Digest',
      blocks: [{ type: 'text', text: 'Hello @everyone <!channel>' }],
    } as const;
    const s = await opened.delivery.deliver(
      { platform: 'slack', workspaceId: 'T1', channelId: 'C9' },
      { reply, deliveryKey: 'k-slack' },
    );
    const d = await opened.delivery.deliver(
      { platform: 'discord', workspaceId: 'G1', channelId: '900000000000000001' },
      { reply, deliveryKey: 'k-discord' },
    );
    expect(s.ok && d.ok).toBe(true);
    expect(slack.posted.some((p) => p.channel === 'C9')).toBe(true);
    expect(JSON.stringify(slack.posted)).not.toContain('<!channel>');
    expect(discord.messages.some((m) => m.channelId === '900000000000000001')).toBe(true);
    const shell = await opened.delivery.deliver(
      { platform: 'shell', workspaceId: 'local', channelId: 'x' },
      { reply, deliveryKey: 'k-shell' },
    );
    expect(shell.ok).toBe(false);
  });

  it('a channel that disappeared gets its schedules paused and an audit entry', async () => {
    const where = { platform: 'slack' as const, workspaceId: 'T1', channelId: 'C-gone' };
    const channel = await opened.store.channels.ensure(where);
    const added = await opened.scheduler.add({
      channelId: channel.id,
      cron: '0 9 * * *',
      timezone: 'UTC',
      kind: 'new-articles',
    });
    expect(added.ok).toBe(true);
    await opened.channelUnavailable(where, 'not_in_channel');
    const schedules = await opened.store.schedules.listForChannel(channel.id);
    expect(schedules.every((s) => s.paused)).toBe(true);
    // The scheduler dropped the paused schedule's timer: it is not fired again.
    expect(opened.scheduler.groupsInfo().flatMap((g) => g.scheduleIds)).not.toContain(schedules[0]!.id);
    const audit = await opened.store.audit.list(channel.workspaceId, 5);
    expect(audit[0]?.action).toBe('channel.unavailable');

    const ask = (command: string, subcommand: string, args: Record<string, string> = {}) =>
      opened.dispatcher.dispatch({
        command,
        subcommand,
        args,
        invoker: { userId: 'mod', platformLevel: 'moderator' },
        where,
      });
    const text = (r: { blocks: readonly { type: string; text?: string }[] }) =>
      r.blocks.map((b) => b.text ?? '').join('\n');
    expect(text(await ask('schedule', 'list'))).toMatch(/could not post in this channel \(not_in_channel/);
    expect(text(await ask('feeds', 'status'))).toMatch(/could not post in this channel|feeds add/);
    const id = String(schedules[0]!.id);
    expect((await ask('schedule', 'resume', { id })).kind).toBe('answer');
    expect(text(await ask('schedule', 'list'))).not.toMatch(/could not post/);
  });
});
