import { afterAll, expect, it } from 'vitest';
import {
  openPostgresStore,
  PG_LATEST_SCHEMA_VERSION,
  PG_MIGRATIONS,
  type PostgresStore,
  type PostgresStoreOptions,
} from '../../src/store/postgres/index.js';
import { describePostgres, dropSchema, POSTGRES_URL, schemaName, sqlIn } from '../helpers/postgres.js';
import { runStoreContract, SHELL, type StoreUnderTest } from './contract.js';
import { runArticleContract } from './article-contract.js';
import { runDashboardContract } from './dashboard-contract.js';

const schemas: string[] = [];
const fresh = (): string => {
  const s = schemaName(import.meta.url);
  schemas.push(s);
  return s;
};
afterAll(async () => {
  for (const s of schemas.splice(0)) await dropSchema(s);
});

async function open(options: Omit<PostgresStoreOptions, 'url'>): Promise<PostgresStore> {
  const opened = await openPostgresStore({ url: POSTGRES_URL!, ...options });
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

describePostgres('postgres store', () => {
  const freshPostgres = async (): Promise<StoreUnderTest> => {
    let now = new Date('2025-01-06T08:00:00Z');
    const schema = fresh();
    const store = await open({ schema, migrate: 'auto', clock: { now: () => now } });
    return {
      store,
      setNow: (d) => (now = d),
      cleanup: async () => {
        await store.close();
        await dropSchema(schema);
      },
    };
  };
  runStoreContract('postgres', freshPostgres);
  runArticleContract('postgres', freshPostgres);
  runDashboardContract('postgres', freshPostgres);

  it('creates its schema and migrates once; a second open migrates nothing', async () => {
    const schema = fresh();
    const store = await open({ schema, migrate: 'auto' });
    expect(store.migration).toEqual({
      from: 0,
      to: PG_LATEST_SCHEMA_VERSION,
      applied: PG_MIGRATIONS.map((m) => m.version),
    });
    expect(await store.schemaVersion()).toBe(PG_LATEST_SCHEMA_VERSION);
    expect(store.where).toContain(`(schema ${schema})`);
    expect(store.where).not.toContain('postgres@');
    await store.channels.ensure(SHELL);
    await store.close();
    const again = await open({ schema });
    expect(again.migration.applied).toEqual([]);
    expect(await again.channels.find(SHELL)).not.toBeNull();
    await again.close();
  });

  it('without HERALD_MIGRATE=auto, refuses a schema that is behind and says to run herald migrate', async () => {
    const opened = await openPostgresStore({ url: POSTGRES_URL!, schema: fresh() });
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.error.code).toBe('conflict');
    expect(opened.error.message).toContain(`schema version 0; this Herald needs ${PG_LATEST_SCHEMA_VERSION}`);
    expect(opened.error.hint).toContain('herald migrate');
  });

  it('refuses a schema written by a newer Herald, with or without auto migration', async () => {
    const schema = fresh();
    await (await open({ schema, migrate: 'auto' })).close();
    await sqlIn(schema, "INSERT INTO herald_migrations (version, description) VALUES ($1, 'from the future')", [
      PG_LATEST_SCHEMA_VERSION + 1,
    ]);
    for (const migrate of ['auto', 'check'] as const) {
      const opened = await openPostgresStore({ url: POSTGRES_URL!, schema, migrate });
      expect(opened.ok).toBe(false);
      if (opened.ok) return;
      expect(opened.error.code).toBe('conflict');
      expect(opened.error.message).toContain(
        `schema version ${PG_LATEST_SCHEMA_VERSION + 1}, newer than the ${PG_LATEST_SCHEMA_VERSION}`,
      );
      expect(opened.error.hint).toMatch(/Upgrade Herald/);
    }
  });

  it('applies a new migration on the next open, and rolls back a failing one', async () => {
    const schema = fresh();
    await (await open({ schema, migrate: 'auto' })).close();
    const extra = [
      ...PG_MIGRATIONS,
      {
        version: PG_LATEST_SCHEMA_VERSION + 1,
        description: 'add column',
        sql: 'ALTER TABLE feeds ADD COLUMN notes text;',
      },
    ];
    const upgraded = await open({ schema, migrate: 'auto', migrations: extra });
    expect(upgraded.migration).toEqual({
      from: PG_LATEST_SCHEMA_VERSION,
      to: PG_LATEST_SCHEMA_VERSION + 1,
      applied: [PG_LATEST_SCHEMA_VERSION + 1],
    });
    await upgraded.close();
    const broken = [
      ...extra,
      {
        version: PG_LATEST_SCHEMA_VERSION + 2,
        description: 'broken',
        sql: 'CREATE TABLE t (x int); CREATE TABLE t (x int);',
      },
    ];
    const failed = await openPostgresStore({ url: POSTGRES_URL!, schema, migrate: 'auto', migrations: broken });
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error.message).toMatch(/already exists/);
    const version = await sqlIn(schema, 'SELECT max(version) AS v FROM herald_migrations');
    expect(version.rows[0].v).toBe(PG_LATEST_SCHEMA_VERSION + 1);
    const t = await sqlIn(schema, "SELECT to_regclass('t') AS t");
    expect(t.rows[0].t).toBeNull();
  });

  it('lets several processes migrate the same schema at once: one applies, the others find it done', async () => {
    const schema = fresh();
    const stores = await Promise.all([1, 2, 3].map(() => open({ schema, migrate: 'auto' })));
    expect(stores.map((s) => s.migration.applied.length).sort()).toEqual([0, 0, PG_MIGRATIONS.length]);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('reports a corrupted JSON column naming the table and row', async () => {
    const schema = fresh();
    const store = await open({ schema, migrate: 'auto' });
    const channel = await store.channels.ensure(SHELL);
    await sqlIn(schema, `UPDATE channels SET settings = '{"digestFormat": 42}' WHERE id = $1`, [channel.id]);
    await expect(store.channels.get(channel.id)).rejects.toThrow(`channels row ${channel.id}`);
    await store.close();
  });

  it('elects one holder per lease key across two pools on the same schema', async () => {
    const schema = fresh();
    const a = await open({ schema, migrate: 'auto' });
    const b = await open({ schema });
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

  it('gives every delivery key to exactly one of two stores claiming at once', async () => {
    const schema = fresh();
    const a = await open({ schema, migrate: 'auto' });
    const b = await open({ schema });
    const keys = Array.from({ length: 200 }, (_, i) => `1:2025-01-06T09:00:00.000Z:${i}`);
    const [wa, wb] = await Promise.all([
      Promise.all(keys.map((k) => a.deliveries.claim(k))),
      Promise.all([...keys].reverse().map((k) => b.deliveries.claim(k))),
    ]);
    const won = [...keys.filter((_, i) => wa[i]), ...[...keys].reverse().filter((_, i) => wb[i])];
    expect(won).toHaveLength(keys.length);
    expect(new Set(won).size).toBe(keys.length);
    await a.close();
    await b.close();
  });

  it('fails to open with a clear message when the server cannot be reached', async () => {
    const opened = await openPostgresStore({ url: 'postgres://postgres@127.0.0.1:1/none', migrate: 'auto' });
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.error.message).toContain('Cannot use the PostgreSQL database 127.0.0.1:1/none');
    expect(opened.error.hint).toContain('DATABASE_URL');
  });
});
