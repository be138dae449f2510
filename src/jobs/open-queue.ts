/**
 * Picks the job queue that matches the store: pg-boss on the PostgreSQL database (jobs shared by
 * every process), in-process for SQLite (one process; nothing to share).
 */
import type { JobQueue } from '../core/jobs/port.js';
import type { Logger } from '../core/ports.js';
import type { SelectedStore } from '../store/open-store.js';
import { createInProcessQueue } from './in-process-queue.js';
import { createPgBossQueue } from './pg-boss-queue.js';

export async function openJobQueue(selected: SelectedStore, deps: { readonly logger: Logger }): Promise<JobQueue> {
  if (selected.kind === 'postgres') {
    // pg-boss's tables beside Herald's: `<schema>_jobs`, or `herald_jobs` in the default schema.
    const schema = selected.store.schema ? `${selected.store.schema}_jobs` : 'herald_jobs';
    // Expired jobs (their process died) are handed back every 15 s, so a delivery moves on within
    // its 60 s expiry plus at most one pass.
    return createPgBossQueue({
      pool: selected.store.pool,
      schema,
      logger: deps.logger,
      maintenanceIntervalSeconds: 15,
    });
  }
  return createInProcessQueue(deps);
}
