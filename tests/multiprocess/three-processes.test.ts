/**
 * Three `herald start` child processes on one PostgreSQL database, against the fake Discord
 * (gateway, rate-limited so the fan-out takes a while) and the fake Slack (HTTP): one schedule
 * slot for 300 channels (150 on each platform) becomes jobs that the three share; the process
 * doing the most deliveries is SIGKILLed in the middle of the fan-out; the survivors finish it.
 * Every channel ends with exactly one copy, delivered within one job expiry (plus a maintenance
 * pass) of the kill. 300 local feeds, due when the processes start, are each fetched once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres/index.js';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord/server.js';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack/server.js';
import { startFeedServer, type TestServer } from '../feeds/feed-server.js';
import { describePostgres, dropSchema, POSTGRES_URL, schemaName } from '../helpers/postgres.js';
import { ROOT } from '../helpers/spawn-herald.js';

const PER_PLATFORM = 150;
const FEEDS = 300;
/** Delivery job expiry (src/scheduler/slot-jobs.ts) and pg-boss's maintenance interval (src/jobs/open-queue.ts). */
const JOB_EXPIRY_MS = 60_000;
const MAINTENANCE_MS = 15_000;

const schema = schemaName(import.meta.url);
const dataDir = mkdtempSync(join(tmpdir(), 'herald-three-'));
let discord: FakeDiscord;
let slack: FakeSlack;
let feeds: TestServer;
const children: { child: ChildProcess; log: string }[] = [];

const discordChannels = Array.from({ length: PER_PLATFORM }, (_, i) => String(810000000000000000n + BigInt(i)));
const slackChannels = Array.from({ length: PER_PLATFORM }, (_, i) => `C3${String(i).padStart(6, '0')}`);
const allLogs = () => children.map((c) => c.log).join('');

function startHerald(n: number): { child: ChildProcess; log: string } {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(DISCORD|SLACK|LOG_LEVEL|HERALD|DATABASE)_?/.test(k)),
  );
  const child = spawn(process.execPath, [`${ROOT}bin/herald.mjs`, 'start'], {
    cwd: dataDir,
    env: {
      ...env,
      HERALD_DATA_DIR: join(dataDir, String(n)),
      DATABASE_URL: POSTGRES_URL!,
      DATABASE_SCHEMA: schema,
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      HERALD_FEED_ALLOWLIST: '127.0.0.1',
      HERALD_POLL_INTERVAL_MINUTES: '60',
      DISCORD_TOKEN: 'discord-token',
      DISCORD_API_URL: discord.api,
      SLACK_BOT_TOKEN: 'xoxb-three-processes',
      SLACK_SIGNING_SECRET: 'three-secret',
      SLACK_API_URL: slack.apiUrl,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const entry = { child, log: '' };
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (entry.log += d));
  child.stdout!.resume();
  children.push(entry);
  return entry;
}

const until = async (what: string, ok: () => boolean, timeoutMs: number): Promise<void> => {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${allLogs().slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

const delivered = (log: string) => (log.match(/scheduled digest delivered/g) ?? []).length;
const reached = () => ({
  discord: new Set(discord.messages.map((m) => m.channelId)).size,
  slack: new Set(slack.posted.map((m) => m.channel)).size,
});

/** A small RSS feed of our own words (nothing copied): two items with full text, so no page is fetched. */
function rss(n: number): string {
  const item = (k: number) =>
    `<item><title>Feed ${n} note ${k}</title><link>http://127.0.0.1/notes/${n}/${k}</link><guid>feed-${n}-${k}</guid>` +
    `<pubDate>Mon, 06 Jan 2025 0${k}:00:00 GMT</pubDate><description>Note ${k} of feed ${n}. The council met on Monday and ` +
    `agreed to repair the footbridge by spring. Residents asked for a second crossing near the school.</description></item>`;
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${n}</title><link>http://127.0.0.1/</link>${item(1)}${item(2)}</channel></rss>`;
}

beforeAll(async () => {
  if (!POSTGRES_URL) return;
  // Rate limits keep the Discord half of the fan-out going for several seconds: time to kill a process in it.
  discord = await startFakeDiscord({ rateLimits: { globalPerSecond: 25, perChannel: { limit: 5, windowMs: 5000 } } });
  slack = await startFakeSlack();
  feeds = await startFeedServer();
  for (let n = 0; n < FEEDS; n++)
    feeds.route(`/multi/${n}.xml`, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rss(n));
    });
});
afterAll(async () => {
  for (const { child } of children) if (child.exitCode === null) child.kill('SIGKILL');
  await discord?.close();
  await slack?.close();
  await feeds?.close();
  await dropSchema(`${schema}_jobs`);
  await dropSchema(schema);
  rmSync(dataDir, { recursive: true, force: true });
});

describePostgres('three Herald processes on one PostgreSQL database', () => {
  it('post one copy per channel for a slot of 300 channels despite a SIGKILL mid-fan-out, and fetch each of 300 feeds once', async () => {
    // The slot is a whole minute at least two minutes away (setup, then three processes start on
    // a busy machine); a daily cron fires it once only, so a second copy is a duplicate.
    const slot = new Date(Math.ceil((Date.now() + 120_000) / 60_000) * 60_000);
    const cron = `${slot.getUTCMinutes()} ${slot.getUTCHours()} * * *`;
    const opened = await openPostgresStore({ url: POSTGRES_URL!, schema, migrate: 'auto' });
    if (!opened.ok) throw new Error(opened.error.message);
    const store = opened.value;
    for (let i = 0; i < PER_PLATFORM; i++) {
      for (const where of [
        { platform: 'discord' as const, workspaceId: '710000000000000001', channelId: discordChannels[i]! },
        { platform: 'slack' as const, workspaceId: 'T3', channelId: slackChannels[i]! },
      ]) {
        const channel = await store.channels.ensure(where);
        await store.schedules.create({ channelId: channel.id, cron, timezone: 'UTC', kind: 'current-article' });
      }
    }
    // The feeds' items go to a channel of their own, outside the 300 counted.
    const sink = await store.channels.ensure({
      platform: 'discord',
      workspaceId: '710000000000000001',
      channelId: '819999999999999999',
    });
    for (let n = 0; n < FEEDS; n++) {
      const feed = await store.feeds.ensure(`${feeds.origin}/multi/${n}.xml`);
      await store.subscriptions.subscribe(sink.id, feed.id, { include: [], exclude: [] }, 'test');
    }
    await store.close();

    for (let n = 0; n < 3; n++) startHerald(n);
    await until('three processes to start', () => children.every((c) => /scheduler started/.test(c.log)), 120_000);
    expect(Date.now(), 'the processes started before the slot').toBeLessThan(slot.getTime());

    const feedHits = () => feeds.requests.filter((r) => r.path.startsWith('/multi/'));
    await until('every feed to be fetched', () => new Set(feedHits().map((r) => r.path)).size === FEEDS, 120_000);

    await until(
      'the fan-out to pass 40 Discord channels',
      () => reached().discord >= 40,
      slot.getTime() - Date.now() + 120_000,
    );
    // Kill the busiest process: it is certainly in the middle of delivery jobs.
    const victim = [...children].sort((a, b) => delivered(b.log) - delivered(a.log))[0]!;
    const killedAt = Date.now();
    victim.child.kill('SIGKILL');
    await new Promise((r) => victim.child.once('exit', r));
    const atKill = reached();
    expect(atKill.discord + atKill.slack).toBeLessThan(2 * PER_PLATFORM); // killed mid-way, not after

    await until(
      'every channel to have its digest',
      () => reached().discord === PER_PLATFORM && reached().slack === PER_PLATFORM,
      JOB_EXPIRY_MS + MAINTENANCE_MS + 120_000,
    );
    const doneAfterMs = Date.now() - killedAt;
    // Let anything still in flight land before counting.
    await new Promise((r) => setTimeout(r, 5000));

    // One copy: no page twice in a channel, and as many messages as a single digest has pages.
    const byChannel = <T>(items: T[], key: (t: T) => string) => {
      const m = new Map<string, T[]>();
      for (const t of items) m.set(key(t), [...(m.get(key(t)) ?? []), t]);
      return m;
    };
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
      expect(new Set(msgs.map((m) => JSON.stringify(m.metadata?.event_payload))).size, `slack ${id}`).toBe(msgs.length);
      expect(msgs.length, `slack ${id}`).toBe(slackPages);
    }
    // The work was shared: every process delivered some, and the survivors finished after the kill.
    for (const c of children) expect(delivered(c.log)).toBeGreaterThan(0);
    expect(doneAfterMs).toBeLessThan(JOB_EXPIRY_MS + MAINTENANCE_MS + 30_000);
    // Each feed fetched once in this cycle, by whichever process took its job.
    const hits = byChannel(feedHits(), (r) => r.path);
    expect(hits.size).toBe(FEEDS);
    for (const [path, list] of hits) expect(list.length, path).toBe(1);

    // A delivery the victim had posted but not yet marked stays pending until a survivor takes its
    // job again after the job's expiry and finds the message on the platform: wait for that too.
    const after = await openPostgresStore({ url: POSTGRES_URL!, schema, migrate: 'check' });
    if (!after.ok) throw new Error(after.error.message);
    let pending = await after.value.deliveries.listPending(10);
    const settleBy = killedAt + JOB_EXPIRY_MS + MAINTENANCE_MS + 60_000;
    while (pending.length > 0 && Date.now() < settleBy) {
      await new Promise((r) => setTimeout(r, 1000));
      pending = await after.value.deliveries.listPending(10);
    }
    await after.value.close();
    expect(pending).toEqual([]);
    console.log(
      `three processes: killed one after ${atKill.discord + atKill.slack} channels; all 300 done ${doneAfterMs} ms after the kill`,
    );
  }, 600_000);
});
