/**
 * The PostgreSQL store, for several Herald processes sharing one database
 * (docs/decisions/018-postgresql-store.md). Same repository ports and contract as the SQLite
 * store; a transaction runs on one checked-out connection while other calls use the rest of
 * the pool, so unrelated work never joins (or is rolled back with) someone else's transaction.
 */
import { newInstanceId } from '../instance-id.js';
import type pg from 'pg';
import type { ReplayGuard } from '../../http/replay-guard.js';
import { systemClock, type Clock } from '../../core/ports.js';
import { err, failure, ok, type Result } from '../../core/result.js';
import type { HeraldStore, StoreRepositories } from '../../core/store/repositories.js';
import { pgAudit, pgLeases, pgRoles } from './admin.js';
import { pgArticles } from './articles.js';
import { pgDashboard } from './dashboard.js';
import { pgFeeds, pgSubscriptions } from './feeds.js';
import { migratePostgres, pgSchemaVersion, refuseNewer, type PgMigrationReport } from './migrate.js';
import { PG_MIGRATIONS, type PgMigration } from './migrations.js';
import { createPool, type Db } from './pool.js';
import { pgReplayGuard } from './replay-guard.js';
import { KeyedSequence, pgDeliveries, pgSchedules } from './schedules.js';
import { pgChannels, pgWorkspaces } from './workspaces.js';

export interface PostgresStoreOptions {
  /** postgres://user@host:port/database */
  readonly url: string;
  /** Schema holding the tables (created by migrations when missing); default `public`. */
  readonly schema?: string | null;
  /** 'auto' applies pending migrations on open; 'check' (default) refuses an out-of-date schema. */
  readonly migrate?: 'auto' | 'check';
  readonly poolMax?: number;
  readonly clock?: Clock;
  readonly onIdleError?: (error: Error) => void;
  /** For tests of the version check; production uses the built-in list. */
  readonly migrations?: readonly PgMigration[];
}

/** The PostgreSQL store, with what it did on open and where it lives (password hidden). */
export interface PostgresStore extends HeraldStore {
  /** `host:port/database` (schema `x`): for messages and /healthz, never the password. */
  readonly where: string;
  readonly migration: PgMigrationReport;
  /** DATABASE_SCHEMA, or null for the server's default. */
  readonly schema: string | null;
  /** The pool, for the job queue sharing the database (pg-boss) and health checks. */
  readonly pool: pg.Pool;
  /** Signed request ids seen by any process on this database, so a replay is refused by all. */
  readonly replayGuard: ReplayGuard;
}

/** Names the database without its credentials, for messages. */
export function describeDatabase(url: string, schema?: string | null): string {
  let where = 'the PostgreSQL database';
  try {
    const u = new URL(url);
    where = `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    // A malformed URL is reported by the connection attempt; the name stays generic.
  }
  return schema ? `${where} (schema ${schema})` : where;
}

/**
 * Connects, checks (or with `migrate: 'auto'` applies) the schema version, and builds the store.
 * An unreachable server, a newer schema, or a pending migration without 'auto' are Failures.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Result<PostgresStore>> {
  const where = describeDatabase(options.url, options.schema);
  const migrations = options.migrations ?? PG_MIGRATIONS;
  const known = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  let pool: pg.Pool;
  try {
    pool = createPool({
      url: options.url,
      schema: options.schema ?? null,
      ...(options.poolMax ? { max: options.poolMax } : {}),
      ...(options.onIdleError ? { onIdleError: options.onIdleError } : {}),
    });
  } catch (error) {
    return err(failure('bad_input', (error as Error).message, { hint: 'Check DATABASE_URL and DATABASE_SCHEMA.' }));
  }
  const fail = async (f: ReturnType<typeof failure>): Promise<Result<never>> => {
    await pool.end().catch(() => undefined);
    return err(f);
  };
  let migration: PgMigrationReport;
  try {
    if (options.migrate === 'auto') {
      const migrated = await migratePostgres(pool, { schema: options.schema ?? null, where, migrations });
      if (!migrated.ok) return fail(migrated.error);
      migration = migrated.value;
    } else {
      const version = await pgSchemaVersion(pool);
      const newer = refuseNewer(version, known, where);
      if (!newer.ok) return fail(newer.error);
      if (version < known) {
        return fail(
          failure('conflict', `The database ${where} is at schema version ${version}; this Herald needs ${known}.`, {
            hint: 'Run `herald migrate` once (or start with HERALD_MIGRATE=auto).',
            details: { where, found: version, known },
          }),
        );
      }
      migration = { from: version, to: version, applied: [] };
    }
  } catch (error) {
    return fail(
      failure('internal', `Cannot use the PostgreSQL database ${where}: ${(error as Error).message}`, {
        hint: 'Check DATABASE_URL (host, port, user, database) and that the server is running.',
        details: { where },
      }),
    );
  }
  return ok(buildStore(pool, where, options.schema ?? null, migration, options.clock ?? systemClock));
}

function repositories(db: Db, clock: Clock, holder: string, sequence: KeyedSequence): StoreRepositories {
  return {
    workspaces: pgWorkspaces(db, clock),
    channels: pgChannels(db, clock),
    feeds: pgFeeds(db, clock),
    subscriptions: pgSubscriptions(db, clock),
    articles: pgArticles(db, clock),
    schedules: pgSchedules(db, clock),
    deliveries: pgDeliveries(db, clock, holder, sequence),
    audit: pgAudit(db, clock),
    roles: pgRoles(db, clock),
    leases: pgLeases(db, holder),
    dashboard: pgDashboard(db),
  };
}

function buildStore(
  pool: pg.Pool,
  where: string,
  schema: string | null,
  migration: PgMigrationReport,
  clock: Clock,
): PostgresStore {
  const holder = newInstanceId();
  const sequence = new KeyedSequence();
  let closed: Promise<void> | null = null;
  return {
    ...repositories(pool, clock, holder, sequence),
    where,
    schema,
    migration,
    pool,
    replayGuard: pgReplayGuard(pool),
    instanceId: holder,
    async transaction<T>(fn: (tx: StoreRepositories) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      // A connection whose ROLLBACK failed is in an unknown state: destroy it, never reuse it.
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        try {
          const value = await fn(repositories(client, clock, holder, new KeyedSequence()));
          await client.query('COMMIT');
          return value;
        } catch (error) {
          await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
          throw error;
        }
      } finally {
        client.release(broken);
      }
    },
    schemaVersion: () => pgSchemaVersion(pool),
    close: () => (closed ??= pool.end()),
  };
}
