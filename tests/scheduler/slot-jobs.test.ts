/**
 * Scheduled digests as jobs, on both engines: two schedulers ("processes") on one store, each
 * with its job queue, fire the same slot; every schedule's handler runs once, and the work is
 * shared. SQLite runs the in-process queue (one process owns the file, so both schedulers share
 * it); PostgreSQL runs pg-boss, one queue per scheduler on a shared schema.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import type { JobQueue } from '../../src/core/jobs/port.js';
import type { SlotEvent } from '../../src/core/schedule/port.js';
import { deliveryKey } from '../../src/core/store/records.js';
import type { HeraldStore } from '../../src/core/store/repositories.js';
import { createInProcessQueue } from '../../src/jobs/in-process-queue.js';
import { createPgBossQueue } from '../../src/jobs/pg-boss-queue.js';
import { CronScheduler } from '../../src/scheduler/index.js';
import { openPostgresStore } from '../../src/store/postgres/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { until } from '../jobs/contract.js';
import { describePostgres, dropSchema, POSTGRES_URL, schemaName } from '../helpers/postgres.js';

const logger = pino({ level: 'silent' });
const SLOT = new Date('2025-01-06T09:00:00Z');
const CHANNELS = 40;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

interface Engine {
  store: HeraldStore;
  /** The queue of the n-th "process". */
  queue(n: number): Promise<JobQueue>;
}

async function schedules(store: HeraldStore): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < CHANNELS; i++) {
    const channel = await store.channels.ensure({ platform: 'discord', workspaceId: 'g1', channelId: `c${i}` });
    ids.push(
      (
        await store.schedules.create({
          channelId: channel.id,
          cron: '0 9 * * *',
          timezone: 'UTC',
          kind: 'current-article',
        })
      ).id,
    );
  }
  return ids;
}

function runSlotJobTests(name: string, open: () => Promise<Engine>): void {
  describe(`slot jobs on ${name}`, () => {
    it('turns one slot fired by two processes into one delivery per channel, shared between them', async () => {
      const engine = await open();
      const ids = await schedules(engine.store);
      const fired: { event: SlotEvent; by: number }[] = [];
      const schedulers = await Promise.all(
        [0, 1].map(async (n) => {
          const scheduler = new CronScheduler({
            store: engine.store,
            clock: { now: () => new Date('2025-01-06T09:00:01Z') },
            logger,
            graceMs: 0,
            queue: await engine.queue(n),
            concurrency: 2,
            onSlot: async (event) => {
              await new Promise((r) => setTimeout(r, 10));
              fired.push({ event, by: n });
              return { messageId: `m${event.schedule.id}` };
            },
          });
          await scheduler.start({ jobs: false });
          return scheduler;
        }),
      );
      // Both cron tasks fire the slot, twice each (a tick repeated after a restart).
      for (let round = 0; round < 2; round++)
        await Promise.all(schedulers.map((s) => s.trigger('0 9 * * *', 'UTC', SLOT)));
      await until(() => fired.length >= CHANNELS, `${CHANNELS} deliveries`, 60_000);
      await new Promise((r) => setTimeout(r, 1500));
      expect(fired.map((f) => f.event.schedule.id).sort((a, b) => a - b)).toEqual(ids);
      expect(fired.every((f) => f.event.slot.getTime() === SLOT.getTime() && !f.event.late)).toBe(true);
      for (const { event } of fired) {
        const row = await engine.store.deliveries.get(deliveryKey(event.schedule.id, SLOT, event.schedule.channelId));
        expect(row?.status).toBe('sent');
      }
      for (const s of schedulers) await s.stop();
      if (name === 'postgres') expect(new Set(fired.map((f) => f.by))).toEqual(new Set([0, 1]));
    }, 90_000);
  });
}

runSlotJobTests('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'herald-slot-jobs-'));
  const opened = openSqliteStore({ dataDir: dir });
  if (!opened.ok) throw new Error(opened.error.message);
  const queue = createInProcessQueue({ logger });
  cleanups.push(async () => {
    await queue.stop();
    await opened.value.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { store: opened.value, queue: async () => queue };
});

describePostgres('on PostgreSQL', () => {
  runSlotJobTests('postgres', async () => {
    const schema = schemaName(import.meta.url);
    const opened = await openPostgresStore({ url: POSTGRES_URL!, schema, migrate: 'auto' });
    if (!opened.ok) throw new Error(opened.error.message);
    cleanups.push(async () => {
      await opened.value.close();
      await dropSchema(`${schema}_jobs`);
      await dropSchema(schema);
    });
    return {
      store: opened.value,
      queue: async () => {
        const pool = new pg.Pool({ connectionString: POSTGRES_URL!, max: 4 });
        const queue = await createPgBossQueue({ pool, schema: `${schema}_jobs`, logger, pollingIntervalSeconds: 0.5 });
        cleanups.push(async () => {
          await queue.stop();
          await pool.end();
        });
        return queue;
      },
    };
  });
});
