/**
 * What `herald migrate` does, kept out of the CLI so the CLI never touches a driver: bring the
 * configured store to this build's schema, report where it stands, or move a SQLite install into
 * the configured PostgreSQL database.
 */
import { existsSync } from 'node:fs';
import { err, failure, ok, type Result } from '../core/result.js';
import { openStore, type StoreConfig } from './open-store.js';
import { importSqlite, type ImportCounts } from './postgres/import-sqlite.js';
import { createPool, describeDatabase, pgSchemaVersion, PG_LATEST_SCHEMA_VERSION } from './postgres/index.js';

export interface MigrateOutcome {
  readonly kind: 'sqlite' | 'postgres';
  readonly where: string;
  readonly from: number;
  readonly to: number;
  readonly applied: readonly number[];
}

/** Applies pending migrations to the configured store (PostgreSQL or SQLite). */
export async function migrateStore(config: StoreConfig): Promise<Result<MigrateOutcome>> {
  const opened = await openStore(config, { migrate: 'auto' });
  if (!opened.ok) return opened;
  const { kind, where, store } = opened.value;
  const { from, to, applied } = store.migration;
  await store.close();
  return ok({ kind, where, from, to, applied });
}

export interface SchemaStatus {
  readonly kind: 'sqlite' | 'postgres';
  readonly where: string;
  readonly version: number;
  readonly latest: number;
}

/**
 * Where the PostgreSQL schema stands, without changing it (`herald migrate --check`, deploy
 * scripts). SQLite migrates itself on open, so it has nothing pending to report.
 */
export async function schemaStatus(config: StoreConfig): Promise<Result<SchemaStatus>> {
  const db = config.database;
  if (!db?.url) {
    return err(
      failure('bad_input', '--check is for PostgreSQL: the SQLite store migrates itself whenever Herald opens it.', {
        hint: 'Set DATABASE_URL to check a PostgreSQL database.',
      }),
    );
  }
  const where = describeDatabase(db.url, db.schema);
  const pool = createPool({ url: db.url, schema: db.schema, max: 1 });
  try {
    return ok({ kind: 'postgres', where, version: await pgSchemaVersion(pool), latest: PG_LATEST_SCHEMA_VERSION });
  } catch (error) {
    return err(
      failure('internal', `Cannot use the PostgreSQL database ${where}: ${(error as Error).message}`, {
        hint: 'Check DATABASE_URL (host, port, user, database) and that the server is running.',
      }),
    );
  } finally {
    await pool.end().catch(() => undefined);
  }
}

export interface MoveOutcome extends MigrateOutcome {
  readonly file: string;
  readonly counts: ImportCounts;
}

/** Migrates the configured (empty) PostgreSQL database, then copies the SQLite file into it. */
export async function moveSqliteToPostgres(config: StoreConfig, file: string): Promise<Result<MoveOutcome>> {
  if (!config.database?.url) {
    return err(
      failure('bad_input', '--from sqlite:FILE copies into PostgreSQL: DATABASE_URL is not set.', {
        hint: 'Set DATABASE_URL (and DATABASE_SCHEMA if you use one) to the new database, then run this again.',
      }),
    );
  }
  if (!existsSync(file)) {
    return err(failure('not_found', `No SQLite database at ${file}.`, { hint: 'Give the path of herald.sqlite.' }));
  }
  const opened = await openStore(config, { migrate: 'auto' });
  if (!opened.ok) return opened;
  if (opened.value.kind !== 'postgres') throw new Error('DATABASE_URL is set but the SQLite store was opened');
  const { store, where } = opened.value;
  try {
    const copied = await importSqlite(store.pool, file);
    if (!copied.ok) return copied;
    const { from, to, applied } = store.migration;
    return ok({ kind: 'postgres', where, from, to, applied, file, counts: copied.value });
  } finally {
    await store.close();
  }
}
