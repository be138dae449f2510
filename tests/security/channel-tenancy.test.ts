/**
 * Issue 11, High 3: a channel id is a claim until the platform confirms it. `/config import` asks
 * Discord (`GET /channels/{id}`, guild_id) and Slack (`conversations.info`) about every channel it
 * names and refuses, naming the channel, one in another server or workspace, one Herald cannot see,
 * or one it is not in; a refused document changes nothing. And a schedule whose channel belongs to
 * another tenant (a row stored before these checks) is never posted to.
 * Runs the composition root against the fake Discord and Slack servers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { Logger, Where } from '../../src/core/ports.js';
import type { Reply } from '../../src/core/reply/types.js';
import { BUNDLED_SAMPLE_PATH, createHerald, type Herald } from '../../src/main.js';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord/server.js';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack/server.js';

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };
const GUILD = '300000000000000001';
const OTHER_GUILD = '300000000000000002';
const HERE = '400000000000000001';
const MINE = '400000000000000002';
const THEIRS = '400000000000000003';
const HIDDEN = '400000000000000004';
const GONE = '400000000000000005';
const dataDir = mkdtempSync(join(tmpdir(), 'herald-tenancy-'));
let slack: FakeSlack;
let discord: FakeDiscord;
let herald: Herald;

beforeAll(async () => {
  slack = await startFakeSlack();
  discord = await startFakeDiscord();
  for (const c of [HERE, MINE, HIDDEN]) discord.channelGuilds.set(c, GUILD);
  discord.channelGuilds.set(THEIRS, OTHER_GUILD);
  discord.forbiddenChannels.add(HIDDEN);
  discord.missingChannels.add(GONE);
  slack.channelTeams.set('CSHARED', ['T2', 'T3']);
  slack.channelTeams.set('CCONNECT', ['T2', 'T1']);
  slack.notInChannel.add('COUTSIDE');
  const loaded = await loadConfig({
    env: {
      HERALD_DATA_DIR: dataDir,
      HERALD_SAMPLE_ARTICLE: BUNDLED_SAMPLE_PATH,
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'tenancy-secret',
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: 'discord-token',
      DISCORD_API_URL: discord.api,
    },
    file: {},
  });
  if (!loaded.ok) throw new Error(loaded.error.message);
  const o = await createHerald(loaded.value, { logger: quiet });
  if (!o.ok) throw new Error(o.error.message);
  herald = o.value;
  // Polling off: the test fires the schedules itself.
  await herald.start({ poll: false });
}, 30_000);

afterAll(async () => {
  await herald?.close();
  await slack?.close();
  await discord?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const discordHere: Where = { platform: 'discord', workspaceId: GUILD, channelId: HERE };
const slackHere: Where = { platform: 'slack', workspaceId: 'T1', channelId: 'CHERE' };

function importDoc(where: Where, channels: string[]): Promise<Reply> {
  const doc = {
    herald: 1,
    channels: channels.map((channel) => ({
      channel,
      feeds: [],
      schedules: [{ cron: '0 9 * * *', timezone: 'UTC', kind: 'current-article', paused: false }],
    })),
  };
  return herald.dispatcher.dispatch({
    command: 'config',
    subcommand: 'import',
    args: { json: JSON.stringify(doc) },
    invoker: { userId: 'admin', platformLevel: 'admin' },
    where,
  });
}

const text = (r: Reply): string => JSON.stringify(r);

async function storedSchedules(where: Where): Promise<number> {
  const ws = await herald.store.workspaces.find(where.platform, where.workspaceId);
  if (!ws) return 0;
  let n = 0;
  for (const c of await herald.store.channels.listByWorkspace(ws.id))
    n += (await herald.store.schedules.listForChannel(c.id)).length;
  return n;
}

describe('/config import checks every channel it names with the platform', () => {
  it('refuses a Discord channel of another server, naming it, and imports nothing of the document', async () => {
    const r = await importDoc(discordHere, [MINE, THEIRS]);
    expect(r.title).toMatch(/refused/);
    expect(text(r)).toContain(`channels.1.channel: Channel ${THEIRS} belongs to another server`);
    expect(text(r)).not.toContain(`channels.0.channel`);
    expect(await storedSchedules(discordHere)).toBe(0);
    expect(discord.requests.some((q) => q.method === 'GET' && q.path === `/channels/${THEIRS}`)).toBe(true);
  });

  it('refuses Discord channels Herald cannot see or that do not exist, and ids that are not snowflakes', async () => {
    const r = await importDoc(discordHere, [HIDDEN, GONE, '../guilds/1']);
    expect(text(r)).toContain(`Herald cannot see channel ${HIDDEN}`);
    expect(text(r)).toContain(`Discord has no channel ${GONE}`);
    expect(text(r)).toContain('is not a Discord channel id');
    // The malformed id never reached Discord's URL space.
    expect(discord.requests.some((q) => q.path.includes('guilds/1'))).toBe(false);
    expect(await storedSchedules(discordHere)).toBe(0);
  });

  it("accepts the calling server's own channels", async () => {
    const r = await importDoc(discordHere, [HERE, MINE]);
    expect(r.title).toMatch(/^Configuration imported/);
    expect(await storedSchedules(discordHere)).toBe(2);
  });

  it('refuses a Slack channel of another workspace, one Herald is not in, and one Slack does not show', async () => {
    const r = await importDoc(slackHere, ['CSHARED', 'COUTSIDE', 'CGONE1']);
    expect(text(r)).toContain('channels.0.channel: Channel CSHARED belongs to another Slack workspace');
    expect(text(r)).toContain('Herald is not in channel #coutside (COUTSIDE)');
    expect(text(r)).toContain('Slack shows Herald no channel CGONE1');
    expect(await storedSchedules(slackHere)).toBe(0);
    expect(slack.calls.filter((c) => c.method === 'conversations.info').length).toBeGreaterThanOrEqual(3);
  });

  it('accepts a Slack channel of this workspace, and a Slack Connect channel shared with it', async () => {
    const r = await importDoc(slackHere, ['CMINE', 'CCONNECT']);
    expect(r.title).toMatch(/^Configuration imported/);
    expect(await storedSchedules(slackHere)).toBe(2);
  });
});

describe('deliveries stay inside the schedule’s workspace', () => {
  it('never posts a schedule whose channel the platform places in another server; posts its neighbour', async () => {
    // Rows as an import before these checks could have written them: one channel of another server.
    const ws = GUILD;
    const theirs = await herald.store.channels.ensure({ platform: 'discord', workspaceId: ws, channelId: THEIRS });
    const mine = await herald.store.channels.ensure({ platform: 'discord', workspaceId: ws, channelId: MINE });
    for (const c of [theirs, mine])
      await herald.store.schedules.create({
        channelId: c.id,
        cron: '30 7 * * *',
        timezone: 'UTC',
        kind: 'current-article',
      });
    await herald.scheduler.sync();
    const report = await herald.scheduler.fireGroup('30 7 * * *', 'UTC', new Date('2026-12-01T07:30:00Z'));
    expect(report.sent).toBe(1);
    expect(report.failed).toBe(1);
    expect(discord.messages.filter((m) => m.channelId === THEIRS)).toHaveLength(0);
    expect(discord.messages.filter((m) => m.channelId === MINE).length).toBeGreaterThan(0);
    expect(discord.requests.some((q) => q.method === 'POST' && q.path === `/channels/${THEIRS}/messages`)).toBe(false);
  });
});
