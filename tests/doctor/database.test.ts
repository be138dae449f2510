/** `herald doctor`'s database, migrations and job-queue findings, on SQLite and on PostgreSQL. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseFindings } from '../../src/doctor/database.js';
import { openJobQueue } from '../../src/jobs/open-queue.js';
import { openStore } from '../../src/store/open-store.js';
import { describePostgres, dropSchema, POSTGRES_URL, schemaName, sqlIn } from '../helpers/postgres.js';

const logger = pino({ level: 'silent' });
const dir = mkdtempSync(join(tmpdir(), 'herald-doctor-db-'));
const schema = schemaName(import.meta.url);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropSchema(`${schema}_jobs`);
  await dropSchema(schema);
});
const database = { url: null, schema: null, poolMax: 4, migrate: 'auto' as const };
const byArea = (findings: { area: string; status: string; text: string }[]) =>
  Object.fromEntries(findings.map((f) => [f.area, f]));

describe('doctor on SQLite', () => {
  it('reports the file, the schema version and the in-process queue', async () => {
    const selected = await openStore({ dataDir: dir, database });
    if (!selected.ok) throw new Error(selected.error.message);
    const queue = await openJobQueue(selected.value, { logger });
    const f = byArea(await databaseFindings(selected.value, queue));
    expect(f['Database']).toMatchObject({ status: 'ok' });
    expect(f['Database']!.text).toContain('SQLite');
    expect(f['Migrations']).toMatchObject({ status: 'ok' });
    expect(f['Job queue']!.text).toContain('in process');
    await queue.stop();
    await selected.value.store.close();
  });
});

describePostgres('doctor on PostgreSQL', () => {
  it('reports pg-boss with the jobs waiting, and a schema newer than this Herald as something to fix', async () => {
    const selected = await openStore({ dataDir: dir, database: { ...database, url: POSTGRES_URL!, schema } });
    if (!selected.ok) throw new Error(selected.error.message);
    const queue = await openJobQueue(selected.value, { logger });
    await queue.sendMany('feed-poll', [{ data: { feedId: 1 } }, { data: { feedId: 2 } }]);
    let f = byArea(await databaseFindings(selected.value, queue));
    expect(f['Database']).toMatchObject({ status: 'ok' });
    expect(f['Job queue']).toMatchObject({ status: 'ok' });
    expect(f['Job queue']!.text).toMatch(/pg-boss.*2 jobs waiting.*feed-poll 2/);
    await sqlIn(schema, 'INSERT INTO herald_migrations (version, description) VALUES (999, $$future$$)');
    f = byArea(await databaseFindings(selected.value, queue));
    expect(f['Migrations']).toMatchObject({ status: 'fix' });
    expect(f['Migrations']!.text).toContain('upgrade Herald');
    await queue.stop();
    await selected.value.store.close();
  });
});
