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

/** Sleeps `ms`, waking early (every 100 ms) once `stop()` says so. */
async function pause(ms: number, stop: () => boolean): Promise<void> {
  for (let left = ms; left > 0 && !stop(); left -= 100) await new Promise((r) => setTimeout(r, Math.min(100, left)));
}

/** Jobs per insert statement in `sendMany`. */
const SEND_BATCH = 5000;

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
  // Started on first use: building Herald for a one-shot CLI command costs no queue.
  let started: Promise<unknown> | null = null;
  const ready = (): Promise<unknown> => (started ??= boss.start());
  const created = new Set<string>();
  const ensureQueue = async (name: string, q?: QueueOptions) => {
    await ready();
    if (created.has(name) && !q) return;
    const settings = {
      name,
      policy: 'standard' as const,
      ...(q ? { expireInSeconds: q.expireInSeconds, retryLimit: q.retryLimit, retryDelay: q.retryDelaySeconds } : {}),
    };
    // N processes starting together create the same queue (a table partition) at once, which
    // PostgreSQL may answer with a deadlock: try again; whoever lost finds the queue made.
    for (let attempt = 1; ; attempt++) {
      try {
        if (await boss.getQueue(name)) {
          if (q) await boss.updateQueue(name, settings);
        } else await boss.createQueue(name, settings);
        break;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= 5 || (code !== '40P01' && code !== '23505' && code !== '42P07')) throw error;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 200 * attempt));
      }
    }
    created.add(name);
  };
  const loops = new Set<Promise<void>>();
  let stopping = false;
  const idleMs = Math.max(0.5, options.pollingIntervalSeconds ?? 2) * 1000;
  const runLoop = async <T extends object>(name: string, handler: JobHandler<T>): Promise<void> => {
    while (!stopping) {
      let jobs: PgBoss.Job<T>[] = [];
      try {
        jobs = (await boss.fetch<T>(name, { batchSize: 1 })) ?? [];
      } catch (error) {
        log.error({ err: error, queue: name }, 'fetching a job failed');
      }
      if (jobs.length === 0) {
        await pause(idleMs, () => stopping);
        continue;
      }
      for (const job of jobs) {
        try {
          // The store's pool leaves json columns as text (its rows parse their own JSON).
          await handler((typeof job.data === 'string' ? JSON.parse(job.data) : job.data) as T);
          await boss.complete(name, job.id);
        } catch (error) {
          log.warn({ err: error, queue: name, jobId: job.id }, 'job failed; pg-boss retries it');
          await boss
            .fail(name, job.id, { message: (error as Error).message })
            .catch((e: unknown) => log.error({ err: e, queue: name }, 'recording a failed job failed'));
        }
      }
    }
  };
  const ownLoops = async (): Promise<void> => {
    stopping = true;
    // Running handlers finish, up to 10 s; a job cut short is retried elsewhere after its expiry.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(loops), new Promise((r) => (timer = setTimeout(r, 10_000)))]);
    clearTimeout(timer);
    loops.clear();
  };
  return {
    kind: 'pg-boss',
    async work<T extends object>(name: string, q: QueueOptions, handler: JobHandler<T>) {
      await ensureQueue(name, q);
      // One loop per unit of concurrency, each taking one job at a time with boss.fetch (SKIP
      // LOCKED). pg-boss 10's own `work` waits a polling interval after every batch even when
      // more jobs wait, which capped a fan-out at concurrency / interval jobs a second; this loop
      // waits only when the queue is empty.
      for (let i = 0; i < q.concurrency; i++) loops.add(runLoop(name, handler));
    },
    async send<T extends object>(name: string, data: T, o: SendOptions = {}) {
      await ensureQueue(name);
      const id = await boss.send(name, data, {
        ...(o.singletonKey !== undefined ? { id: singletonJobId(name, o.singletonKey) } : {}),
      });
      return id !== null;
    },
    async sendMany(name, jobs) {
      await ensureQueue(name);
      // pg-boss inserts the lot in one statement, ON CONFLICT DO NOTHING: taken keys are skipped.
      for (let i = 0; i < jobs.length; i += SEND_BATCH) {
        await boss.insert(
          jobs.slice(i, i + SEND_BATCH).map((j) => ({
            name,
            data: j.data,
            ...(j.singletonKey !== undefined ? { id: singletonJobId(name, j.singletonKey) } : {}),
          })),
        );
      }
    },
    async pending(name) {
      await ready();
      return boss.getQueueSize(name);
    },
    async stop() {
      const running = started;
      if (!running) return;
      started = null;
      await running;
      await ownLoops();
      // The pool is the store's: the store closes it.
      await boss.stop({ graceful: true, close: false, wait: true, timeout: 10_000 });
    },
  };
}
