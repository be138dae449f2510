import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { openStore } from '../../src/store/open-store.js';
import { describePostgres, dropSchema, POSTGRES_URL, schemaName } from '../helpers/postgres.js';
import { SHELL } from './contract.js';

const dir = mkdtempSync(join(tmpdir(), 'herald-open-store-'));
const schema = schemaName(import.meta.url);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropSchema(schema);
});

async function config(env: Record<string, string>) {
  const loaded = await loadConfig({ env: { HERALD_DATA_DIR: dir, ...env }, cwd: dir, file: {} });
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value;
}

describe('store selection by configuration', () => {
  it('opens the SQLite file under HERALD_DATA_DIR when DATABASE_URL is unset', async () => {
    const opened = await openStore(await config({}));
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.kind).toBe('sqlite');
    expect(opened.value.where).toBe(join(dir, 'herald.sqlite'));
    await opened.value.store.close();
  });

  it('lists a malformed DATABASE_URL, schema name or HERALD_MIGRATE with the other problems', async () => {
    const loaded = await loadConfig({
      env: { DATABASE_URL: 'mysql://x', DATABASE_SCHEMA: 'Bad-Name', HERALD_MIGRATE: 'sometimes' },
      cwd: dir,
      file: {},
    });
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.error.message).toMatch(/DATABASE_URL: must be a PostgreSQL URL/);
    expect(loaded.error.message).toMatch(/DATABASE_SCHEMA: must be lower-case/);
    expect(loaded.error.message).toMatch(/HERALD_MIGRATE/);
  });
});

describePostgres('store selection with DATABASE_URL', () => {
  it('opens PostgreSQL, refusing an unmigrated schema unless HERALD_MIGRATE=auto', async () => {
    const manual = await openStore(await config({ DATABASE_URL: POSTGRES_URL!, DATABASE_SCHEMA: schema }));
    expect(manual.ok).toBe(false);
    if (!manual.ok) expect(manual.error.hint).toContain('herald migrate');

    const auto = await openStore(
      await config({ DATABASE_URL: POSTGRES_URL!, DATABASE_SCHEMA: schema, HERALD_MIGRATE: 'auto' }),
    );
    expect(auto.ok).toBe(true);
    if (!auto.ok) return;
    expect(auto.value.kind).toBe('postgres');
    expect(auto.value.where).toContain(`schema ${schema}`);
    await auto.value.store.channels.ensure(SHELL, 'from-postgres');
    await auto.value.store.close();

    const again = await openStore(await config({ DATABASE_URL: POSTGRES_URL!, DATABASE_SCHEMA: schema }));
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect((await again.value.store.channels.find(SHELL))?.name).toBe('from-postgres');
    await again.value.store.close();
  });

  it("never reads another Herald's tables in public: a fresh schema is refused even when public is migrated", async () => {
    const inPublic = await openStore(await config({ DATABASE_URL: POSTGRES_URL!, HERALD_MIGRATE: 'auto' }));
    expect(inPublic.ok).toBe(true);
    if (inPublic.ok) await inPublic.value.store.close();
    const fresh = schemaName(import.meta.url);
    try {
      const opened = await openStore(await config({ DATABASE_URL: POSTGRES_URL!, DATABASE_SCHEMA: fresh }));
      expect(opened.ok).toBe(false);
      if (!opened.ok) expect(opened.error.hint).toContain('herald migrate');
    } finally {
      await dropSchema(fresh);
    }
  });
});
