/**
 * Moving an install: everything a SQLite store holds, read back through the store port after
 * the copy into PostgreSQL, equals what the SQLite store returns for the same calls.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { HeraldStore } from '../../src/core/store/index.js';
import { deliveryKey } from '../../src/core/store/index.js';
import { importSqlite } from '../../src/store/postgres/import-sqlite.js';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { describePostgres, dropSchema, POSTGRES_URL, schemaName } from '../helpers/postgres.js';
import { SHELL, testArticle } from './contract.js';

const dir = mkdtempSync(join(tmpdir(), 'herald-move-'));
const schemas: string[] = [];
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  for (const s of schemas) await dropSchema(s);
});

async function openPg(): Promise<PostgresStore> {
  const schema = schemaName(import.meta.url);
  schemas.push(schema);
  const opened = await openPostgresStore({ url: POSTGRES_URL!, schema, migrate: 'auto' });
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

/** Puts one of every stored kind in the store, with the awkward values (nulls, JSON, booleans, times). */
async function fill(store: HeraldStore, setNow: (d: Date) => void): Promise<void> {
  const channel = await store.channels.ensure(SHELL, 'General');
  await store.channels.ensure({ platform: 'discord', workspaceId: 'g1', channelId: 'c1' });
  await store.workspaces.ensure('discord', 'g1', 'Guild One');
  await store.channels.updateSettings(channel.id, {
    timezone: 'Europe/Paris',
    digestFormat: 'full',
    filters: { include: ['space'], exclude: ['/sport/i'] },
    currentArticleId: 'h1',
    unavailable: { reason: 'Missing Access', at: '2025-01-06T10:00:00.000Z' },
  });
  const feed = await store.feeds.ensure('https://feeds.example/a.xml', 'A');
  await store.feeds.ensure('https://feeds.example/b.xml');
  await store.feeds.updateFetchState(feed.id, {
    etag: '"e1"',
    lastModified: 'Mon, 06 Jan 2025 08:00:00 GMT',
    lastFetchAt: '2025-01-06T08:00:00.000Z',
    lastError: 'HTTP 500',
    consecutiveFailures: 2,
    nextAttemptAt: '2025-01-06T08:30:00.000Z',
    itemsSeen: 12,
    notes: ['malformed XML recovered'],
  });
  await store.subscriptions.subscribe(channel.id, feed.id, { include: ['moon'], exclude: [] }, 'U1');
  await store.articles.insert({ article: testArticle('h1'), feedId: feed.id });
  await store.articles.insert({ article: testArticle('h2', { guid: null }), link: null });
  await store.articles.setFacts('h1', {
    title: 'Story h1',
    dateline: null,
    tags: ['x'],
    sentences: [],
    people: [],
    organizations: [],
    places: [],
    lists: [],
    quotes: [],
    numbers: [],
    summary: [],
  });
  // Two receipts at the same instant: their order must survive.
  await store.articles.markReceived(channel.id, 'h1', new Date('2025-01-06T09:00:00Z'));
  await store.articles.markReceived(channel.id, 'h2', new Date('2025-01-06T09:00:00Z'));
  const s = await store.schedules.create({
    channelId: channel.id,
    cron: '0 9 * * 1-5',
    timezone: 'Europe/Paris',
    kind: 'new-articles',
    createdBy: 'mod',
    paused: true,
  });
  await store.schedules.create({ channelId: channel.id, cron: '0 18 * * *', timezone: 'UTC', kind: 'current-article' });
  await store.schedules.recordRun(s.id, new Date('2025-01-06T08:00:00Z'));
  const sent = deliveryKey(s.id, new Date('2025-01-06T08:00:00Z'), channel.id);
  const failed = deliveryKey(s.id, new Date('2025-01-07T08:00:00Z'), channel.id);
  await store.deliveries.claim(sent);
  await store.deliveries.markSent(sent, 'm-1');
  await store.deliveries.claim(failed);
  await store.deliveries.markFailed(failed, 'HTTP 503');
  setNow(new Date('2025-01-06T12:00:00Z'));
  await store.audit.append({
    workspaceId: channel.workspaceId,
    actorId: 'U1',
    action: 'feeds.add',
    after: { url: 'a' },
  });
  await store.audit.append({
    workspaceId: channel.workspaceId,
    actorId: 'U2',
    actorName: 'Bo',
    action: 'schedule.pause',
    before: { paused: false },
    after: null,
  });
  await store.roles.add({ workspaceId: channel.workspaceId, level: 'admin', kind: 'user', externalId: 'U9' });
  await store.roles.add({ workspaceId: channel.workspaceId, level: 'moderator', kind: 'role', externalId: 'R1' });
}

/** Everything readable through the port, as one value to compare. */
async function snapshot(store: HeraldStore) {
  const workspaces = await store.workspaces.list();
  const channels = (await Promise.all(workspaces.map((w) => store.channels.listByWorkspace(w.id)))).flat();
  const feeds = await store.feeds.list();
  const schedules = await store.schedules.listAll();
  return {
    workspaces,
    channels,
    feeds,
    subscriptions: await Promise.all(channels.map((c) => store.subscriptions.listForChannel(c.id))),
    articles: await Promise.all(['h1', 'h2'].map((id) => store.articles.get(id))),
    received: await Promise.all(channels.map((c) => store.articles.listReceived(c.id))),
    schedules,
    deliveries: await Promise.all(
      schedules.flatMap((s) =>
        ['2025-01-06T08:00:00Z', '2025-01-07T08:00:00Z'].map((t) =>
          store.deliveries.get(deliveryKey(s.id, new Date(t), s.channelId)),
        ),
      ),
    ),
    audit: await Promise.all(workspaces.map((w) => store.audit.list(w.id, 100))),
    roles: await Promise.all(workspaces.map((w) => store.roles.list(w.id))),
  };
}

describePostgres('moving a SQLite install to PostgreSQL', () => {
  it('copies every stored kind; the PostgreSQL store then answers exactly as the SQLite one did', async () => {
    const file = join(dir, 'herald.sqlite');
    let now = new Date('2025-01-06T08:00:00Z');
    const opened = openSqliteStore({ file, clock: { now: () => now } });
    if (!opened.ok) throw new Error(opened.error.message);
    const sqlite = opened.value;
    await fill(sqlite, (d) => (now = d));
    const before = await snapshot(sqlite);
    await sqlite.close();
    expect(before.deliveries.filter(Boolean)).toHaveLength(2);

    const pg = await openPg();
    const copied = await importSqlite(pg.pool, file);
    expect(copied.ok).toBe(true);
    if (!copied.ok) return;
    expect(copied.value).toMatchObject({ workspaces: 2, channels: 2, articles: 2, channel_articles: 2, audit_log: 2 });
    expect(await snapshot(pg)).toEqual(before);

    // New rows get fresh ids after the copied ones; the copied data is untouched.
    const feed = await pg.feeds.ensure('https://feeds.example/c.xml');
    expect(feed.id).toBeGreaterThan(Math.max(...before.feeds.map((f) => f.id)));
    const again = await importSqlite(pg.pool, file);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toMatch(/already holds data/);
    await pg.close();
  });

  it('leaves the target empty when the copy fails half way', async () => {
    const file = join(dir, 'broken.sqlite');
    const opened = openSqliteStore({ file });
    if (!opened.ok) throw new Error(opened.error.message);
    await fill(opened.value, () => undefined);
    await opened.value.close();
    const pg = await openPg();
    // A value PostgreSQL refuses (NUL in text) in a late table makes the copy fail after earlier tables went in.
    const BetterSqlite3 = (await import('better-sqlite3')).default;
    const db = new BetterSqlite3(file);
    db.prepare("UPDATE role_mappings SET created_by = 'a' || char(0) || 'b'").run();
    db.close();
    await expect(importSqlite(pg.pool, file)).rejects.toThrow();
    expect(await pg.workspaces.list()).toEqual([]);
    await pg.close();
  });
});
