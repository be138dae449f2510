/**
 * Crash recovery end to end: `herald start` (a child process on a real SQLite file, Discord on the
 * gateway and Slack over HTTP against the fake platforms) fans one digest slot out to 1,000
 * Discord and 1,000 Slack channels and is killed with SIGKILL mid-way. A restart settles what
 * the dead process left pending (found on the platform, or posted) and catches up the channels
 * it never reached: afterwards every channel holds exactly one copy of the digest.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord/server.js';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack/server.js';
import { ROOT } from '../helpers/spawn-herald.js';

const CHANNELS = 1000;
const dataDir = mkdtempSync(join(tmpdir(), 'herald-crash-'));
let discord: FakeDiscord;
let slack: FakeSlack;
const children: ChildProcess[] = [];
let log = '';

function startHerald(): ChildProcess {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(DISCORD|SLACK|LOG_LEVEL|HERALD|DATABASE)_?/.test(k)),
  );
  const child = spawn(process.execPath, [`${ROOT}bin/herald.mjs`, 'start'], {
    cwd: dataDir,
    env: {
      ...env,
      HERALD_DATA_DIR: dataDir,
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DISCORD_TOKEN: 'discord-token',
      DISCORD_API_URL: discord.api,
      SLACK_BOT_TOKEN: 'xoxb-crash-test',
      SLACK_SIGNING_SECRET: 'crash-secret',
      SLACK_API_URL: slack.apiUrl,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (log += d));
  child.stdout!.resume();
  children.push(child);
  return child;
}

const until = async (what: string, ok: () => boolean, timeoutMs: number): Promise<void> => {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${log.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

const discordChannels = Array.from({ length: CHANNELS }, (_, i) => String(800000000000000000n + BigInt(i)));
const slackChannels = Array.from({ length: CHANNELS }, (_, i) => `C${String(i).padStart(6, '0')}`);
const byChannel = <T>(items: T[], key: (t: T) => string) => {
  const m = new Map<string, T[]>();
  for (const t of items) m.set(key(t), [...(m.get(key(t)) ?? []), t]);
  return m;
};

beforeAll(async () => {
  discord = await startFakeDiscord();
  slack = await startFakeSlack();
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await discord?.close();
  await slack?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a SIGKILL mid-fan-out, then a restart', () => {
  it('leaves exactly one copy of the digest in each of 1,000 Discord and 1,000 Slack channels', async () => {
    // The slot is the next whole minute (at least 20 s away, so Herald is up when it fires); a
    // daily cron fires it once only, so any second copy would be a duplicate, not the next run.
    const slot = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000);
    const cron = `${slot.getUTCMinutes()} ${slot.getUTCHours()} * * *`;
    const opened = openSqliteStore({ dataDir, clock: { now: () => new Date(Date.now() - 120_000) } });
    if (!opened.ok) throw new Error(opened.error.message);
    const store = opened.value;
    for (let i = 0; i < CHANNELS; i++) {
      for (const where of [
        { platform: 'discord' as const, workspaceId: '700000000000000001', channelId: discordChannels[i]! },
        { platform: 'slack' as const, workspaceId: 'T1', channelId: slackChannels[i]! },
      ]) {
        const channel = await store.channels.ensure(where);
        await store.schedules.create({ channelId: channel.id, cron, timezone: 'UTC', kind: 'current-article' });
      }
    }
    await store.close();

    const first = startHerald();
    await until(
      'the fan-out to pass 150 channels on each platform',
      () => {
        const d = new Set(discord.messages.map((m) => m.channelId)).size;
        const s = new Set(slack.posted.map((m) => m.channel)).size;
        return d >= 150 && s >= 150;
      },
      150_000,
    );
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const atKill = { discord: discord.messages.length, slack: slack.posted.length };
    expect(atKill.discord + atKill.slack).toBeLessThan(4 * CHANNELS); // killed mid-way, not after

    startHerald();
    await until(
      'every channel to have its digest',
      () =>
        new Set(discord.messages.map((m) => m.channelId)).size === CHANNELS &&
        new Set(slack.posted.map((m) => m.channel)).size === CHANNELS,
      240_000,
    );
    // Let anything still in flight land before counting.
    await until('recovery to finish', () => /delivery recovery done|scheduler started/.test(log), 60_000);
    await new Promise((r) => setTimeout(r, 3000));

    // One copy: no page of a digest twice in a channel (Discord by nonce, Slack by metadata key),
    // and every channel has as many messages as a single digest has pages.
    const d = byChannel(discord.messages, (m) => m.channelId);
    const pages = d.get(discordChannels[0]!)!.length;
    for (const id of discordChannels) {
      const msgs = d.get(id) ?? [];
      expect(new Set(msgs.map((m) => m.body.nonce)).size, `discord ${id}`).toBe(msgs.length);
      expect(msgs.length, `discord ${id}`).toBe(pages);
    }
    const s = byChannel(slack.posted, (m) => m.channel);
    const slackPages = s.get(slackChannels[0]!)!.length;
    for (const id of slackChannels) {
      const msgs = s.get(id) ?? [];
      const keys = msgs.map((m) => JSON.stringify(m.metadata?.event_payload));
      expect(new Set(keys).size, `slack ${id}`).toBe(msgs.length);
      expect(msgs.length, `slack ${id}`).toBe(slackPages);
    }
    // Nothing stays pending, and what recovery did is in the log.
    const after = openSqliteStore({ dataDir });
    if (!after.ok) throw new Error(after.error.message);
    const pending = await after.value.deliveries.listPending(10);
    await after.value.close();
    expect(pending).toEqual([]);
    expect(log).toMatch(/delivery recovery done|pending delivery left by a dead process settled/);
  }, 600_000);
});
