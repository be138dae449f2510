import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, LATEST_SCHEMA_VERSION, MIGRATIONS, type SqliteStore } from '../../src/store/sqlite/index.js';
import { runStoreContract, SHELL, type StoreUnderTest } from './contract.js';
import { runArticleContract } from './article-contract.js';
import { runDashboardContract } from './dashboard-contract.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'herald-store-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function open(options: Parameters<typeof openSqliteStore>[0]): SqliteStore {
  const opened = openSqliteStore(options);
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

async function freshSqlite(): Promise<StoreUnderTest> {
  let now = new Date('2025-01-06T08:00:00Z');
  const dir = tempDir();
  const store = open({ dataDir: join(dir, 'nested', 'data'), clock: { now: () => now } });
  return {
    store,
    setNow: (d) => (now = d),
    cleanup: async () => store.close(),
  };
}
runStoreContract('sqlite', freshSqlite);
runArticleContract('sqlite', freshSqlite);
runDashboardContract('sqlite', freshSqlite);

describe('sqlite store specifics', () => {
  it('creates the data directory and file, in WAL mode with foreign keys, at the latest schema', async () => {
    const dir = join(tempDir(), 'data');
    const store = open({ dataDir: dir });
    expect(store.file).toBe(join(dir, 'herald.sqlite'));
    expect(existsSync(store.file)).toBe(true);
    expect(await store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    expect(store.migration.applied).toEqual(MIGRATIONS.map((m) => m.version));
    await store.close();
    const db = new BetterSqlite3(store.file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    // Opening again migrates nothing and keeps the data.
    const again = open({ dataDir: dir });
    expect(again.migration.applied).toEqual([]);
    await again.close();
  });

  it('refuses a database whose schema is newer than it knows, with a clear message', () => {
    const file = join(tempDir(), 'future.sqlite');
    const db = new BetterSqlite3(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const opened = openSqliteStore({ file });
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.error.code).toBe('conflict');
    expect(opened.error.message).toContain(
      `schema version ${LATEST_SCHEMA_VERSION + 1}, newer than the ${LATEST_SCHEMA_VERSION}`,
    );
    expect(opened.error.hint).toMatch(/Upgrade Herald/);
  });

  it('applies a new migration on the next open, and rolls back a failing one', async () => {
    const file = join(tempDir(), 'h.sqlite');
    await open({ file }).close();
    const extra = [
      ...MIGRATIONS,
      {
        version: LATEST_SCHEMA_VERSION + 1,
        description: 'add column',
        sql: 'ALTER TABLE feeds ADD COLUMN notes TEXT;',
      },
    ];
    const upgraded = open({ file, migrations: extra });
    expect(upgraded.migration).toEqual({
      from: LATEST_SCHEMA_VERSION,
      to: LATEST_SCHEMA_VERSION + 1,
      applied: [LATEST_SCHEMA_VERSION + 1],
    });
    await upgraded.close();
    const broken = [
      ...extra,
      { version: LATEST_SCHEMA_VERSION + 2, description: 'broken', sql: 'CREATE TABLE t (x); CREATE TABLE t (x);' },
    ];
    expect(() => openSqliteStore({ file, migrations: broken })).toThrow(/already exists/);
    const db = new BetterSqlite3(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 't'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('reports a corrupted JSON column naming the table and row', async () => {
    const file = join(tempDir(), 'h.sqlite');
    const store = open({ file });
    const channel = await store.channels.ensure(SHELL);
    const db = new BetterSqlite3(file);
    db.prepare('UPDATE channels SET settings = ? WHERE id = ?').run('{"digestFormat": 42}', channel.id);
    db.close();
    await expect(store.channels.get(channel.id)).rejects.toThrow(`channels row ${channel.id}`);
    await store.close();
  });

  it('elects one holder per lease key across two connections to the same file', async () => {
    const file = join(tempDir(), 'h.sqlite');
    const a = open({ file });
    const b = open({ file });
    const now = new Date('2025-01-06T09:00:00Z');
    expect(await a.leases.tryLease('poll', 30_000, now)).toBe(true);
    expect(await b.leases.tryLease('poll', 30_000, new Date(now.getTime() + 29_999))).toBe(false);
    expect(await b.leases.tryLease('poll', 30_000, new Date(now.getTime() + 30_000))).toBe(true);
    expect(await a.leases.tryLease('poll', 30_000, new Date(now.getTime() + 30_001))).toBe(false);
    await b.leases.release('poll');
    expect(await a.leases.tryLease('poll', 30_000, new Date(now.getTime() + 30_002))).toBe(true);
    await a.close();
    await b.close();
  });
});
