import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createInProcessQueue } from '../../src/jobs/in-process-queue.js';
import { queueHealth, storeHealth } from '../../src/store/health.js';
import { openStore } from '../../src/store/open-store.js';
import { LATEST_SCHEMA_VERSION } from '../../src/store/sqlite/index.js';
import { PG_LATEST_SCHEMA_VERSION } from '../../src/store/postgres/index.js';
import { describePostgres, dropSchema, POSTGRES_URL, schemaName } from '../helpers/postgres.js';

const dir = mkdtempSync(join(tmpdir(), 'herald-health-'));
const schema = schemaName(import.meta.url);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropSchema(schema);
});
const database = { url: null, schema: null, poolMax: 2, migrate: 'auto' as const };

describe('store and queue health', () => {
  it('reports the SQLite store and its version, then the failure once it is closed', async () => {
    const selected = await openStore({ dataDir: dir, database });
    if (!selected.ok) throw new Error(selected.error.message);
    const healthy = await storeHealth(selected.value);
    expect(healthy).toMatchObject({ ok: true, engine: 'sqlite', schemaVersion: LATEST_SCHEMA_VERSION });
    await selected.value.store.close();
    const closed = await storeHealth(selected.value);
    expect(closed.ok).toBe(false);
    expect(closed.error).toBeTruthy();
  });

  it('reports waiting jobs per queue', async () => {
    const queue = createInProcessQueue({ logger: pino({ level: 'silent' }) });
    await queue.send('deliver', { a: 1 });
    await queue.send('deliver', { a: 2 });
    expect(await queueHealth(queue, ['deliver', 'poll'])).toEqual({
      ok: true,
      kind: 'in-process',
      waiting: { deliver: 2, poll: 0 },
    });
    await queue.stop();
  });
});

describePostgres('store health on PostgreSQL', () => {
  it('reports the database without its password, and an unreachable server as not ok', async () => {
    const url = POSTGRES_URL!.replace('postgres@', 'postgres:secret@');
    const selected = await openStore({ dataDir: dir, database: { ...database, url, schema } });
    if (!selected.ok) throw new Error(selected.error.message);
    const healthy = await storeHealth(selected.value);
    expect(healthy).toMatchObject({ ok: true, engine: 'postgres', schemaVersion: PG_LATEST_SCHEMA_VERSION });
    expect(JSON.stringify(healthy)).not.toContain('secret');
    await selected.value.store.close();
    expect((await storeHealth(selected.value)).ok).toBe(false);
  });
});
