/**
 * A Herald process SIGKILLed in the middle of a live post, then restarted: the real binary
 * (`herald poll --once --all`) against the fake Discord and a SQLite file in its data dir. Killed
 * after the message was posted and before its thread was started: after the restart, one message
 * and one thread. Killed after Discord made a forum post and before the answer came back: after
 * the restart, still one forum post.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Where } from '../../src/core/ports.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord/server.js';
import { startFeedServer, type TestServer } from '../feeds/feed-server.js';
import { rss, xmlRoute, type ItemSpec } from '../feeds-admin/poll-fixtures.js';
import { herald, ROOT } from '../helpers/spawn-herald.js';
import { follow, story } from './helpers.js';

const GUILD = '700000000000000001';
const TEXT = '920000000000000001';
const FORUM = '920000000000000002';
const dataDir = mkdtempSync(join(tmpdir(), 'herald-live-crash-'));
let server: TestServer;
let discord: FakeDiscord;
const feeds: Record<string, ItemSpec[]> = { text: [story(1)], forum: [story(50)] };
const env = (): Record<string, string> => ({
  HERALD_DATA_DIR: dataDir,
  HERALD_FEED_ALLOWLIST: '127.0.0.1',
  DISCORD_TOKEN: 'bot-token',
  DISCORD_APPLICATION_ID: '100000000000000001',
  DISCORD_API_URL: discord.api,
});
const poll = () => herald(['poll', '--once', '--all'], { env: env() });
const where = (channelId: string): Where => ({ platform: 'discord', workspaceId: GUILD, channelId });

/** `herald poll --once --all` in a child process this test can kill. */
function pollToKill() {
  const child = spawn(process.execPath, [`${ROOT}bin/herald.mjs`, 'poll', '--once', '--all'], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...env() },
    stdio: 'ignore',
  });
  const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, signal) => r(signal)));
  return { child, exited };
}

/** The dead process's poll lease runs out after 90 s; the test moves past that instead of waiting. */
function leasesRunOut(): void {
  const db = new Database(join(dataDir, 'herald.sqlite'));
  db.prepare('UPDATE leases SET until_ms = 0').run();
  db.close();
}

beforeAll(async () => {
  server = await startFeedServer();
  for (const name of Object.keys(feeds))
    server.route(`/${name}.xml`, (req, res) => xmlRoute(rss(`Feed ${name}`, feeds[name]!))(req, res));
  discord = await startFakeDiscord();
  discord.channelGuilds.set(TEXT, GUILD);
  discord.channelGuilds.set(FORUM, GUILD);
  discord.channelKinds.set(FORUM, { type: 15, availableTags: [{ id: '630000000000000001', name: 'News' }] });
  const opened = openSqliteStore({ file: join(dataDir, 'herald.sqlite') });
  if (!opened.ok) throw new Error(opened.error.message);
  await follow(opened.value, where(TEXT), `${server.origin}/text.xml`, { patch: { thread: true } });
  await follow(opened.value, where(FORUM), `${server.origin}/forum.xml`, { patch: { tags: ['News'] } });
  await opened.value.close();
});
afterAll(async () => {
  await discord.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a live post interrupted by SIGKILL, then a restart', () => {
  it('one message and one thread; one forum post', { timeout: 240_000 }, async () => {
    const baseline = await poll();
    expect(baseline.code, baseline.stderr).toBe(0);
    expect(baseline.stdout).toMatch(/0 posted live/);

    // Killed while asking for the thread: the message is in the channel, nothing recorded it as sent.
    feeds['text'] = [story(2), story(1)];
    const threadAsked = discord.hold({ method: 'POST', path: new RegExp(`^/channels/${TEXT}/messages/\\d+/threads$`) });
    const first = pollToKill();
    await threadAsked;
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    leasesRunOut();
    expect(discord.messages.filter((m) => m.channelId === TEXT)).toHaveLength(1);
    expect(discord.threads.filter((t) => t.parentId === TEXT)).toHaveLength(0);
    const restarted = await poll();
    expect(restarted.code, restarted.stderr).toBe(0);
    const messages = discord.messages.filter((m) => m.channelId === TEXT);
    const threads = discord.threads.filter((t) => t.parentId === TEXT);
    expect(messages).toHaveLength(1);
    expect(threads).toHaveLength(1);
    expect(threads[0]!.id).toBe(messages[0]!.id);
    expect(threads[0]!.name).toBe('Story number 2');

    // Killed after Discord made the forum post, before its answer arrived.
    feeds['forum'] = [story(51), story(50)];
    const forumPosted = discord.hold({
      method: 'POST',
      path: new RegExp(`^/channels/${FORUM}/threads$`),
      perform: true,
    });
    const second = pollToKill();
    await forumPosted;
    second.child.kill('SIGKILL');
    expect(await second.exited).toBe('SIGKILL');
    leasesRunOut();
    expect(discord.threads.filter((t) => t.parentId === FORUM)).toHaveLength(1);
    const again = await poll();
    expect(again.code, again.stderr).toBe(0);
    const posts = discord.threads.filter((t) => t.parentId === FORUM);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.name).toBe('Story number 51');
    expect(posts[0]!.appliedTags).toEqual(['630000000000000001']);
    // Nothing else was posted twice either.
    expect(discord.messages.filter((m) => m.channelId === TEXT)).toHaveLength(1);
  });
});
