import pg from 'pg';
import pino from 'pino';
import { afterAll, expect, it } from 'vitest';
import type { JobQueue } from '../../src/core/jobs/port.js';
import { createPgBossQueue, singletonJobId } from '../../src/jobs/pg-boss-queue.js';
import { describePostgres, dropSchema, POSTGRES_URL, schemaName } from '../helpers/postgres.js';
import { runJobQueueContract, until } from './contract.js';

const silent = pino({ level: 'silent' });
const schemas: string[] = [];
afterAll(async () => {
  for (const s of schemas) await dropSchema(s);
});

/** One "process": its own pool and queue on a shared pg-boss schema. */
async function openQueue(schema: string): Promise<{ queue: JobQueue; close: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString: POSTGRES_URL!, max: 6 });
  const queue = await createPgBossQueue({
    pool,
    schema,
    logger: silent,
    pollingIntervalSeconds: 0.5,
    maintenanceIntervalSeconds: 1,
  });
  return {
    queue,
    close: async () => {
      await queue.stop();
      await pool.end();
    },
  };
}

function freshSchema(): string {
  const s = schemaName(import.meta.url);
  schemas.push(s);
  return s;
}

describePostgres('pg-boss job queue', () => {
  runJobQueueContract('pg-boss', async () => {
    const { queue, close } = await openQueue(freshSchema());
    return { queue, cleanup: close };
  });

  it('derives one stable UUID per (queue, singleton key)', () => {
    const id = singletonJobId('slot', '7:2025-01-06T09:00:00.000Z');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(singletonJobId('slot', '7:2025-01-06T09:00:00.000Z')).toBe(id);
    expect(singletonJobId('slot', '8:2025-01-06T09:00:00.000Z')).not.toBe(id);
    expect(singletonJobId('feed', '7:2025-01-06T09:00:00.000Z')).not.toBe(id);
  });

  it('shares jobs between processes: each job runs once, in whichever process is free', async () => {
    const schema = freshSchema();
    const a = await openQueue(schema);
    const b = await openQueue(schema);
    const ran: { n: number; by: string }[] = [];
    const options = { expireInSeconds: 30, retryLimit: 1, retryDelaySeconds: 0, concurrency: 2 };
    for (const [name, q] of [
      ['a', a],
      ['b', b],
    ] as const) {
      await q.queue.work<{ n: number }>('deliver', options, async ({ n }) => {
        await new Promise((r) => setTimeout(r, 20));
        ran.push({ n, by: name });
      });
    }
    // Both processes send the same 60 keyed jobs, as two cron triggers of one slot would.
    const sent = await Promise.all(
      Array.from({ length: 60 }, (_, n) =>
        [a, b].map((q) => q.queue.send('deliver', { n }, { singletonKey: `k${n}` })),
      ).flat(),
    );
    expect(sent.filter(Boolean)).toHaveLength(60);
    await until(() => ran.length >= 60, '60 jobs', 30_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(ran).toHaveLength(60);
    expect(new Set(ran.map((r) => r.n)).size).toBe(60);
    expect(new Set(ran.map((r) => r.by))).toEqual(new Set(['a', 'b']));
    await a.close();
    await b.close();
  }, 60_000);

  it('hands the job of a process that stopped answering to another after its expiry', async () => {
    const schema = freshSchema();
    const dead = await openQueue(schema);
    const options = { expireInSeconds: 2, retryLimit: 3, retryDelaySeconds: 0, concurrency: 1 };
    let taken = false;
    // The first process takes the job and never finishes it (as if SIGKILLed mid-job).
    await dead.queue.work('deliver', options, () => {
      taken = true;
      return new Promise<void>(() => undefined);
    });
    await dead.queue.send('deliver', { channel: 1 }, { singletonKey: 'slot-1:channel-1' });
    await until(() => taken, 'the first process to take the job');
    const survivor = await openQueue(schema);
    const started = Date.now();
    let doneAt = 0;
    await survivor.queue.work('deliver', options, async () => {
      doneAt = Date.now();
    });
    await until(() => doneAt > 0, 'the survivor to run the expired job', 30_000);
    // Within one expiry (2 s) plus a maintenance pass (1 s) and polling, give or take a busy machine.
    expect(doneAt - started).toBeLessThan(15_000);
    expect(await survivor.queue.send('deliver', { channel: 1 }, { singletonKey: 'slot-1:channel-1' })).toBe(false);
    await survivor.close();
    // The stuck handler never resolves: stop without waiting for it.
    await dead.queue.stop().catch(() => undefined);
  }, 60_000);
});
