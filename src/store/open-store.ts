/**
 * Picks the store the configuration asks for: PostgreSQL when DATABASE_URL is set (several
 * processes can share it), otherwise the SQLite file under the data directory (one process).
 * The composition root calls this and never knows which it got.
 */
import type { Config } from '../config/schema.js';
import type { Clock, Logger } from '../core/ports.js';
import { ok, type Result } from '../core/result.js';
import { openPostgresStore, type PostgresStore } from './postgres/index.js';
import { openSqliteStore, type SqliteStore } from './sqlite/index.js';

export type StoreConfig = Pick<Config, 'dataDir' | 'database'>;

/** The opened store, and which engine it is (the job queue and /healthz need to know). */
export type SelectedStore =
  | { readonly kind: 'sqlite'; readonly store: SqliteStore; readonly where: string }
  | { readonly kind: 'postgres'; readonly store: PostgresStore; readonly where: string };

export interface OpenStoreOptions {
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Overrides HERALD_MIGRATE (`herald migrate` opens with 'auto'). */
  readonly migrate?: 'auto' | 'manual';
}

export async function openStore(config: StoreConfig, options: OpenStoreOptions = {}): Promise<Result<SelectedStore>> {
  const clock = options.clock ? { clock: options.clock } : {};
  const db = config.database;
  if (db?.url) {
    const opened = await openPostgresStore({
      url: db.url,
      schema: db.schema,
      poolMax: db.poolMax,
      migrate: (options.migrate ?? db.migrate) === 'auto' ? 'auto' : 'check',
      ...clock,
      onIdleError: (error) => options.logger?.warn({ err: error }, 'PostgreSQL connection lost; the pool reconnects'),
    });
    return opened.ok ? ok({ kind: 'postgres', store: opened.value, where: opened.value.where }) : opened;
  }
  const opened = openSqliteStore({ dataDir: config.dataDir, ...clock });
  return opened.ok ? ok({ kind: 'sqlite', store: opened.value, where: opened.value.file }) : opened;
}
