/**
 * `herald doctor` against a misconfigured fake Discord and fake Slack, over real HTTP with the
 * real discord.js REST client and Slack WebClient, on a real SQLite store: each finding a
 * newcomer gets stuck on is named with what to fix (issue 15).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doctorCli } from '../../src/cli/doctor.js';
import { loadConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/schema.js';
import { DIGEST_ONLY } from '../../src/core/live/settings.js';
import type { Logger } from '../../src/core/ports.js';
import { deliveryKey, NO_FILTERS } from '../../src/core/store/records.js';
import { BUNDLED_SAMPLE_PATH, createHerald } from '../../src/main.js';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord/server.js';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack/server.js';

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };
const APP_ID = '100000000000000001';
const GUILD = '300000000000000003';
const KEY = 'ab'.repeat(32);
let discord: FakeDiscord;
let slack: FakeSlack;
const dirs: string[] = [];

beforeAll(async () => {
  discord = await startFakeDiscord({ applicationId: APP_ID });
  slack = await startFakeSlack();
});
afterAll(async () => {
  await discord.close();
  await slack.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function configOf(env: Record<string, string>): Promise<Config> {
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-doctor-'));
  dirs.push(dataDir);
  const r = await loadConfig({
    env: { HERALD_DATA_DIR: dataDir, HERALD_SAMPLE_ARTICLE: BUNDLED_SAMPLE_PATH, ...env },
    file: {},
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Runs the doctor; `setup` may add schedules to the store first. */
async function doctor(
  config: Config,
  argv: string[] = [],
  setup?: (store: import('../../src/core/store/repositories.js').HeraldStore) => Promise<void>,
): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await doctorCli(
    argv,
    { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (out += s) } },
    {
      config,
      async openStore() {
        const opened = await createHerald(config, { logger: quiet });
        if (!opened.ok) return opened.error.message;
        if (setup) await setup(opened.value.store);
        return { store: opened.value.store, close: () => opened.value.close() };
      },
    },
  );
  return { code, out };
}

const discordGateway = () =>
  configOf({ DISCORD_TOKEN: 'good-token', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: discord.api });

describe('herald doctor: Discord', () => {
  it('a healthy gateway set-up passes and says which mode runs and why', async () => {
    discord.application.interactions_endpoint_url = null;
    const { code, out } = await doctor(await discordGateway());
    expect(out).toMatch(/ok {4}Discord mode: gateway \(DISCORD_TOKEN is set and DISCORD_PUBLIC_KEY is not\)/);
    expect(out).toMatch(/Discord token: accepted for application "Herald"/);
    expect(out).toContain('All checks passed');
    expect(code).toBe(0);
  });

  it('gateway mode with an Interactions Endpoint URL in the portal: commands would never reach the gateway', async () => {
    discord.application.interactions_endpoint_url = 'https://old.example.org/interactions';
    const { code, out } = await doctor(await discordGateway());
    discord.application.interactions_endpoint_url = null;
    expect(code).toBe(1);
    expect(out).toMatch(
      /FIX {3}Discord interactions: .*never to the gateway\. Clear it under Developer Portal → General Information/,
    );
  });

  it('a refused token names the portal page to reset it', async () => {
    discord.refusedTokens.add('stale-token');
    const config = await configOf({ DISCORD_TOKEN: 'stale-token', DISCORD_API_URL: discord.api });
    const { code, out } = await doctor(config);
    expect(code).toBe(1);
    expect(out).toMatch(
      /Discord refused DISCORD_TOKEN \(401\)\. Developer Portal → your application → Bot → Reset Token/,
    );
  });

  it("HTTP mode: a public key that is not the application's, and no endpoint URL set", async () => {
    const config = await configOf({
      HERALD_DISCORD_MODE: 'http',
      DISCORD_TOKEN: 'good-token',
      DISCORD_PUBLIC_KEY: KEY,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: discord.api,
      HERALD_PUBLIC_URL: 'https://herald.example.org',
    });
    const { code, out } = await doctor(config, [], undefined);
    expect(code).toBe(1);
    expect(out).toMatch(/Discord public key: DISCORD_PUBLIC_KEY does not match the application/);
    expect(out).toMatch(
      /set it under Developer Portal → General Information to https:\/\/herald\.example\.org\/discord\/interactions/,
    );
  });

  it('a channel with a schedule that Herald cannot see, and one in another server', async () => {
    discord.forbiddenChannels.add('500000000000000001');
    discord.channelGuilds.set('500000000000000002', '399999999999999999');
    discord.channelGuilds.set('500000000000000003', GUILD);
    const { code, out } = await doctor(await discordGateway(), [], async (store) => {
      for (const id of ['500000000000000001', '500000000000000002', '500000000000000003']) {
        const ch = await store.channels.ensure({ platform: 'discord', workspaceId: GUILD, channelId: id });
        await store.schedules.create({ channelId: ch.id, cron: '0 9 * * *', timezone: 'UTC', kind: 'new-articles' });
      }
    });
    expect(code).toBe(1);
    expect(out).toMatch(/Channel 500000000000000001: schedule 1: Herald cannot see this channel \(Missing Access\)/);
    expect(out).toMatch(/schedule 2: the channel belongs to another server/);
    expect(out).toMatch(/ok {4}Channel #c500000000000000003: schedule 3: Herald can see it/);
  });
  it('a digest that was not posted, and one waiting for its retry, are named with the reason (decision 048)', async () => {
    discord.channelGuilds.set('500000000000000011', GUILD);
    const { out } = await doctor(await discordGateway(), [], async (store) => {
      const ch = await store.channels.ensure({
        platform: 'discord',
        workspaceId: GUILD,
        channelId: '500000000000000011',
      });
      for (const [i, outcome] of (['failed', 'waiting'] as const).entries()) {
        const s = await store.schedules.create({
          channelId: ch.id,
          cron: '0 9 * * *',
          timezone: 'UTC',
          kind: 'new-articles',
        });
        const key = deliveryKey(s.id, new Date(`2026-12-0${i + 1}T09:00:00Z`), ch.id);
        await store.deliveries.claim(key);
        if (outcome === 'failed')
          await store.deliveries.markFailed(key, 'platform_error: Discord did not accept the message (HTTP 400).');
        else
          await store.deliveries.markRetrying(key, 'platform_error: Discord did not accept the message (HTTP 503).', 5);
      }
    });
    expect(out).toMatch(
      /warn {2}Channel 500000000000000011: schedule \d+: the digest of Tue, 1 Dec 2026, 09:00 UTC was not posted: .*HTTP 400/,
    );
    expect(out).toMatch(
      /schedule \d+: the digest of Wed, 2 Dec 2026, 09:00 UTC failed \(.*HTTP 503.*\); Herald tries again \(1 of 5/,
    );
  });

  it('a thread-on feed in a channel where Herald lacks Create Public Threads: named, with both ways out (issue 16)', async () => {
    const news = '500000000000000010';
    const herald = '600000000000000001';
    discord.channelGuilds.set(news, GUILD);
    discord.guilds.roles.set(GUILD, [
      { id: GUILD, name: '@everyone', permissions: String(PermissionFlagsBits.ViewChannel) },
      {
        id: herald,
        name: 'Herald',
        permissions: String(
          PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks | PermissionFlagsBits.CreatePublicThreads,
        ),
      },
    ]);
    discord.guilds.botRoles.set(GUILD, [herald]);
    // The server grants threads; this channel takes Create Public Threads away from Herald's role.
    const deny = PermissionFlagsBits.CreatePublicThreads;
    const allow = PermissionFlagsBits.SendMessagesInThreads;
    discord.guilds.overwrites.set(news, [{ id: herald, type: 0, allow: String(allow), deny: String(deny) }]);
    try {
      const { code, out } = await doctor(await discordGateway(), [], async (store) => {
        const ch = await store.channels.ensure({ platform: 'discord', workspaceId: GUILD, channelId: news });
        const feed = await store.feeds.ensure('https://example.org/feed.xml');
        await store.subscriptions.subscribe(ch.id, feed.id, NO_FILTERS);
        await store.channels.updateSettings(ch.id, {
          feedPosts: { [String(feed.id)]: { ...DIGEST_ONLY, post: 'live', thread: true } },
        });
      });
      expect(code).toBe(1);
      const problems = out.split('\n').filter((l) => l.startsWith('FIX'));
      expect(problems).toEqual([
        `FIX   Channel #c${news}: feed 1 thread on needs Create Public Threads, which Herald lacks here: give Herald's role Create Public Threads in #c${news}, or /feeds set 1 thread off.`,
      ]);
      expect(out).not.toMatch(/Mention Everyone/);
    } finally {
      discord.guilds.roles.delete(GUILD);
      discord.guilds.botRoles.delete(GUILD);
      discord.guilds.overwrites.delete(news);
    }
  });
});

describe('herald doctor: Slack', () => {
  const slackHttp = (extra: Record<string, string> = {}) =>
    configOf({ SLACK_BOT_TOKEN: 'xoxb-good', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: slack.apiUrl, ...extra });

  it('invalid_auth names where the token lives', async () => {
    slack.refusedTokens.add('xoxb-revoked');
    const config = await configOf({
      SLACK_BOT_TOKEN: 'xoxb-revoked',
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_API_URL: slack.apiUrl,
    });
    const { code, out } = await doctor(config);
    expect(code).toBe(1);
    expect(out).toMatch(
      /Slack refused SLACK_BOT_TOKEN \(invalid_auth\)\. Copy it again from OAuth & Permissions → Bot User OAuth Token/,
    );
  });

  it('missing scopes are named with the manifest-and-reinstall fix', async () => {
    const saved = slack.scopes;
    slack.scopes = saved.filter((s) => s !== 'usergroups:read' && s !== 'channels:history');
    const { out } = await doctor(await slackHttp());
    slack.scopes = saved;
    expect(out).toMatch(
      /Slack scopes: the app lacks usergroups:read, channels:history\. Paste the output of `herald manifest slack`/,
    );
  });

  it('a refused app-level token in Socket Mode', async () => {
    slack.refusedTokens.add('xapp-wrong');
    const config = await configOf({
      SLACK_BOT_TOKEN: 'xoxb-good',
      SLACK_APP_TOKEN: 'xapp-wrong',
      SLACK_API_URL: slack.apiUrl,
    });
    const { code, out } = await doctor(config);
    expect(code).toBe(1);
    expect(out).toMatch(
      /Slack app-level token: Slack refused SLACK_APP_TOKEN \(invalid_auth\)\. Create one under Basic Information → App-Level Tokens/,
    );
  });

  it('a scheduled channel the bot was not invited to, and one that is gone', async () => {
    slack.notInChannel.add('CNOTIN');
    const { code, out } = await doctor(await slackHttp(), [], async (store) => {
      for (const id of ['CNOTIN', 'CGONE1', 'CFINE']) {
        const ch = await store.channels.ensure({ platform: 'slack', workspaceId: 'T1', channelId: id });
        await store.schedules.create({ channelId: ch.id, cron: '0 9 * * *', timezone: 'UTC', kind: 'new-articles' });
      }
    });
    expect(code).toBe(1);
    expect(out).toMatch(
      /Channel #cnotin: schedule 1: Herald is not in this channel, so posting fails with not_in_channel and the schedule pauses\. Type \/invite @Herald in #cnotin/,
    );
    expect(out).toMatch(/Channel CGONE1: schedule 2: Slack does not show this channel to Herald \(channel_not_found\)/);
    expect(out).toMatch(/ok {4}Channel #cfine/);
  });
});

describe('herald doctor: the public URL of HTTP mode', () => {
  it('warns when HTTP mode runs and no public URL is known', async () => {
    const config = await configOf({
      SLACK_BOT_TOKEN: 'xoxb-good',
      SLACK_SIGNING_SECRET: 's',
      SLACK_API_URL: slack.apiUrl,
    });
    const { out } = await doctor(config);
    expect(out).toMatch(/warn {2}Public URL: HTTP mode is on but HERALD_PUBLIC_URL is not set/);
  });

  it('plain http is refused with the reason', async () => {
    const config = await configOf({
      SLACK_BOT_TOKEN: 'xoxb-good',
      SLACK_SIGNING_SECRET: 's',
      SLACK_API_URL: slack.apiUrl,
    });
    const { code, out } = await doctor(config, ['--url', 'http://herald.example.org']);
    expect(code).toBe(1);
    expect(out).toMatch(
      /Public URL: http:\/\/herald\.example\.org is not https\. Slack and Discord call only https URLs/,
    );
  });

  it('a self-signed certificate is named as the problem, and nothing answering is told apart from it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'herald-tls-'));
    dirs.push(dir);
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const server = createHttpsServer(
      { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
      (_req, res) => res.end('ok'),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const config = await configOf({
        SLACK_BOT_TOKEN: 'xoxb-good',
        SLACK_SIGNING_SECRET: 's',
        SLACK_API_URL: slack.apiUrl,
      });
      const tls = await doctor(config, ['--url', `https://localhost:${port}`]);
      expect(tls.out).toMatch(
        /Public URL: the certificate of localhost:\d+ does not verify \(.*\)\. Slack and Discord refuse it/,
      );
      const down = await doctor(config, ['--url', 'https://127.0.0.1:1']);
      expect(down.out).toMatch(/Public URL: https:\/\/127\.0\.0\.1:1\/healthz did not answer/);
    } finally {
      server.close();
    }
  });
});

describe('herald doctor --json', () => {
  it('prints the findings as data', async () => {
    const { out } = await doctor(await discordGateway(), ['--json']);
    const findings = JSON.parse(out) as { status: string; area: string }[];
    expect(findings.map((f) => f.area)).toContain('Discord token');
  });
});
