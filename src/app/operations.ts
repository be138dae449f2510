/**
 * What keeps a running Herald operable, wired by the composition root: the instance heartbeat,
 * the crash recovery of deliveries (docs/decisions/027-crash-recovery.md) with the retries of
 * scheduled digests (docs/decisions/048-retrying-scheduled-digests.md), and the checks behind `/healthz`.
 */
import {
  INSTANCE_LEASE_MS,
  instanceLeaseKey,
  recoverPendingDeliveries,
  type RecoveryDeps,
} from '../core/delivery/recovery.js';
import type { Clock, Logger } from '../core/ports.js';
import type { SlotHandler } from '../core/schedule/port.js';
import type { HeraldStore } from '../core/store/repositories.js';
import type { HealthChecks } from '../http/server.js';
import { createRepeatingJob, type RepeatingJob } from '../scheduler/poll-loop.js';
import { processAlive } from '../store/instance-id.js';
import { queueHealth, WORK_QUEUES } from '../store/health.js';
import type { JobQueue } from '../core/jobs/port.js';

const RECOVERY_LEASE_KEY = 'deliveries:recovery';
/** Long enough for a pass over a large fan-out; a killed recoverer holds recovery up this long. */
const RECOVERY_LEASE_MS = 5 * 60_000;

export interface Operations {
  /** Renews this process's heartbeat, settles what dead processes left pending, then repeats both. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** One recovery pass now (tests, `herald start`). */
  recover(): Promise<void>;
}

export function createOperations(deps: {
  readonly store: HeraldStore;
  readonly onSlot: SlotHandler;
  /** Finishes live posts a dead process claimed (docs/decisions/034-live-posting.md). */
  readonly resumeLive?: (key: string, since: Date) => Promise<{ messageId: string | null }>;
  /** A schedule's slots either side of a given one: bounds and composes digests retried (decision 048). */
  readonly cronSlots?: RecoveryDeps['cronSlots'];
  readonly clock: Clock;
  readonly logger: Logger;
}): Operations {
  const { store, clock, logger } = deps;
  const beat = async (): Promise<void> => {
    await store.leases.tryLease(instanceLeaseKey(store.instanceId), INSTANCE_LEASE_MS, clock.now());
  };
  const recover = async (): Promise<void> => {
    // One process recovers at a time: two survivors settling the same dead claim could both
    // find no message and both post it.
    if (!(await store.leases.tryLease(RECOVERY_LEASE_KEY, RECOVERY_LEASE_MS, clock.now()))) return;
    try {
      await recoverPendingDeliveries({
        store,
        onSlot: deps.onSlot,
        clock,
        logger,
        isAlive: processAlive,
        ...(deps.resumeLive ? { resumeLive: deps.resumeLive } : {}),
        ...(deps.cronSlots ? { cronSlots: deps.cronSlots } : {}),
      });
    } finally {
      await store.leases.release(RECOVERY_LEASE_KEY);
    }
  };
  const jobs: RepeatingJob[] = [
    createRepeatingJob({ name: 'heartbeat', everyMs: INSTANCE_LEASE_MS / 3, logger, run: beat, runOnStart: false }),
    createRepeatingJob({ name: 'delivery recovery', everyMs: 60_000, logger, run: recover, runOnStart: false }),
  ];
  return {
    recover,
    async start() {
      await beat();
      await recover().catch((e: unknown) => logger.error({ err: e }, 'delivery recovery failed'));
      for (const job of jobs) job.start();
    },
    async stop() {
      for (const job of jobs) await job.stop();
      await store.leases.release(instanceLeaseKey(store.instanceId)).catch(() => undefined);
    },
  };
}

/** `/healthz` parts: the store answers a read; the scheduler and poller are running. */
export function healthChecks(deps: {
  readonly store: HeraldStore;
  readonly scheduler: { taskCount(): number };
  readonly started: () => { scheduler: boolean; polling: boolean; platforms: readonly string[] };
  readonly platforms: readonly string[];
  /** The job queue: answers, and how many jobs wait (pg-boss is on the same database). */
  readonly queue?: JobQueue;
}): HealthChecks {
  const checks: Record<string, HealthChecks[string]> = {
    store: async () => {
      await deps.store.schemaVersion();
      return { ok: true };
    },
    scheduler: () =>
      deps.started().scheduler
        ? { ok: true, detail: `${deps.scheduler.taskCount()} cron tasks` }
        : { ok: false, detail: 'not started' },
    ...(deps.queue
      ? {
          queue: async () => {
            const h = await queueHealth(deps.queue!, WORK_QUEUES);
            const waiting = Object.values(h.waiting).reduce((a, b) => a + b, 0);
            return h.ok
              ? { ok: true, detail: `${h.kind}, ${waiting} jobs waiting` }
              : { ok: false, detail: h.error ?? h.kind };
          },
        }
      : {}),
    poller: () => (deps.started().polling ? { ok: true } : { ok: false, detail: 'not polling' }),
  };
  for (const p of deps.platforms)
    checks[p] = () => (deps.started().platforms.includes(p) ? { ok: true } : { ok: false, detail: 'not started' });
  return checks;
}
