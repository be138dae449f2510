/**
 * The job port on pg-boss 10 (PostgreSQL, SKIP LOCKED underneath), sharing the store's
 * database so N Herald processes share one queue. pg-boss keeps its tables in its own schema.
 * A singleton key becomes the job's id (a UUID derived from queue and key): pg-boss inserts with
 * ON CONFLICT DO NOTHING and keeps the id through retries and expiries, so however many
 * processes send the same (schedule, slot), one job exists until it is archived.
 */
import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import type pg from 'pg';
import type { JobHandler, JobQueue, QueueOptions, SendOptions } from '../core/jobs/port.js';
import type { Logger } from '../core/ports.js';

export interface PgBossQueueOptions {
  /** The store's pool: pg-boss runs its statements on it, no second pool. */
  readonly pool: pg.Pool;
  /** Schema of pg-boss's tables; default `herald_jobs`. */
  readonly schema?: string;
  readonly logger: Logger;
  /** How often a worker looks for jobs when idle. Default 2 s; at least 0.5 s. */
  readonly pollingIntervalSeconds?: number;
  /** How often expired jobs are handed back for a retry. Default 60 s (tests: 1 s). */
  readonly maintenanceIntervalSeconds?: number;
}

/** A UUID (v4 layout) from a hash of queue and key: the same key always gives the same job id. */
export function singletonJobId(name: string, key: string): string {
  const h = createHash('sha256').update(`${name}\u0000${key}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function createPgBossQueue(options: PgBossQueueOptions): Promise<JobQueue> {
  const log = options.logger.child({ component: 'jobs' });
  const schema = options.schema ?? 'herald_jobs';
  const boss = new PgBoss({
    db: { executeSql: (text, values) => options.pool.query(text, values) },
    schema,
    // node-cron is the trigger in every process; pg-boss's own cron is not used.
    schedule: false,
    supervise: true,
    migrate: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
  });
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  const created = new Set<string>();
  const ensureQueue = async (name: string, q?: QueueOptions) => {
    if (created.has(name) && !q) return;
    await boss.createQueue(name, {
      name,
      policy: 'standard',
      ...(q ? { expireInSeconds: q.expireInSeconds, retryLimit: q.retryLimit, retryDelay: q.retryDelaySeconds } : {}),
    });
    created.add(name);
  };
  return {
    kind: 'pg-boss',
    async work<T extends object>(name: string, q: QueueOptions, handler: JobHandler<T>) {
      await ensureQueue(name, q);
      // pg-boss 10 runs one fetch loop per `work` call: one per unit of concurrency.
      for (let i = 0; i < q.concurrency; i++) {
        await boss.work<T>(
          name,
          { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
          async (jobs) => {
            for (const job of jobs) await handler(job.data);
          },
        );
      }
    },
    async send<T extends object>(name: string, data: T, o: SendOptions = {}) {
      await ensureQueue(name);
      const id = await boss.send(name, data, {
        ...(o.singletonKey !== undefined ? { id: singletonJobId(name, o.singletonKey) } : {}),
      });
      return id !== null;
    },
    async pending(name) {
      return boss.getQueueSize(name);
    },
    async stop() {
      // The pool is the store's: the store closes it.
      await boss.stop({ graceful: true, close: false, wait: true, timeout: 10_000 });
    },
  };
}
