import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { openJobQueue } from '../../src/jobs/open-queue.js';
import { openStore } from '../../src/store/open-store.js';
import { describePostgres, dropSchema, POSTGRES_URL, schemaName, sqlIn } from '../helpers/postgres.js';

const logger = pino({ level: 'silent' });
const dir = mkdtempSync(join(tmpdir(), 'herald-queue-'));
const schema = schemaName(import.meta.url);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropSchema(`${schema}_jobs`);
  await dropSchema(schema);
});
const database = { url: null, schema: null, poolMax: 4, migrate: 'auto' as const };

describe('job queue selection', () => {
  it('runs jobs in process on the SQLite store', async () => {
    const selected = await openStore({ dataDir: dir, database });
    if (!selected.ok) throw new Error(selected.error.message);
    const queue = await openJobQueue(selected.value, { logger });
    expect(queue.kind).toBe('in-process');
    await queue.stop();
    await selected.value.store.close();
  });
});

describePostgres('job queue selection with DATABASE_URL', () => {
  it('runs pg-boss on the store pool, its tables in <schema>_jobs', async () => {
    const selected = await openStore({ dataDir: dir, database: { ...database, url: POSTGRES_URL!, schema } });
    if (!selected.ok) throw new Error(selected.error.message);
    const queue = await openJobQueue(selected.value, { logger });
    expect(queue.kind).toBe('pg-boss');
    expect(await queue.send('probe', { x: 1 })).toBe(true);
    expect(await queue.pending('probe')).toBe(1);
    const tables = await sqlIn(`${schema}_jobs`, "SELECT count(*)::int AS n FROM job WHERE name = 'probe'");
    expect(tables.rows[0].n).toBe(1);
    // The store's pool returns json columns as text; a handler still receives the object sent.
    const seen: unknown[] = [];
    await queue.work<{ x: number }>(
      'probe',
      { expireInSeconds: 30, retryLimit: 0, retryDelaySeconds: 0, concurrency: 1 },
      async (data) => {
        seen.push(data);
      },
    );
    const end = Date.now() + 15_000;
    while (seen.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual([{ x: 1 }]);
    await queue.stop();
    await selected.value.store.close();
  });
});
