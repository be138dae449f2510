/**
 * What /healthz and `herald doctor` can say about the store and the job queue: reachable or not,
 * how fast, which schema version. Never throws: a health check reports, it does not crash.
 */
import type { JobQueue } from '../core/jobs/port.js';
import type { SelectedStore } from './open-store.js';

/** The queues Herald's processes share (src/scheduler/slot-jobs.ts, src/app/feed-poll-jobs.ts). */
export const WORK_QUEUES = ['schedule-slot', 'schedule-delivery', 'feed-poll'] as const;

export interface StoreHealth {
  readonly ok: boolean;
  readonly engine: 'sqlite' | 'postgres';
  /** File path or `host:port/db (schema x)`; never a password. */
  readonly where: string;
  readonly schemaVersion: number | null;
  readonly latencyMs: number;
  readonly error?: string;
}

export interface QueueHealth {
  readonly ok: boolean;
  readonly kind: JobQueue['kind'];
  /** Jobs waiting per queue name asked about. */
  readonly waiting: Readonly<Record<string, number>>;
  readonly error?: string;
}

export async function storeHealth(selected: SelectedStore, timeoutMs = 2000): Promise<StoreHealth> {
  const started = performance.now();
  const base = { engine: selected.kind, where: selected.where };
  try {
    const version = await withTimeout(selected.store.schemaVersion(), timeoutMs);
    return { ok: true, ...base, schemaVersion: version, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      ok: false,
      ...base,
      schemaVersion: null,
      latencyMs: Math.round(performance.now() - started),
      error: (error as Error).message,
    };
  }
}

export async function queueHealth(queue: JobQueue, names: readonly string[], timeoutMs = 2000): Promise<QueueHealth> {
  try {
    const counts = await withTimeout(Promise.all(names.map((n) => queue.pending(n))), timeoutMs);
    return { ok: true, kind: queue.kind, waiting: Object.fromEntries(names.map((n, i) => [n, counts[i]!])) };
  } catch (error) {
    return { ok: false, kind: queue.kind, waiting: {}, error: (error as Error).message };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
