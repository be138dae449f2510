/**
 * Applies the PostgreSQL migrations, tracking each applied version as a row of
 * `herald_migrations` in the store's schema. Processes starting together take an advisory lock
 * first, so one migrates and the others then find the work done.
 */
import type pg from 'pg';
import { err, failure, ok, type Result } from '../../core/result.js';
import { PG_MIGRATIONS, type PgMigration } from './migrations.js';
import { one, type Db } from './pool.js';

/** What `migratePostgres` did (the same shape as SQLite's report). */
export interface PgMigrationReport {
  readonly from: number;
  readonly to: number;
  readonly applied: readonly number[];
}

// The first key of the two-key advisory lock: a constant for "Herald migrations"; the second
// is the schema's hash, so stores in different schemas of one database never wait on each other.
const LOCK_NAMESPACE = 0x4865726c; // "Herl"

/** The schema version: the highest applied migration, 0 for an empty schema. */
export async function pgSchemaVersion(db: Db): Promise<number> {
  const table = await one<{ t: string | null }>(db, `SELECT to_regclass('herald_migrations')::text AS t`);
  if (!table?.t) return 0;
  const row = await one<{ v: number | null }>(db, 'SELECT max(version) AS v FROM herald_migrations');
  return row?.v ?? 0;
}

/** Refuses a schema written by a newer Herald: an older build cannot know what it means. */
export function refuseNewer(found: number, known: number, where: string): Result<void> {
  if (found <= known) return ok(undefined);
  return err(
    failure(
      'conflict',
      `The database ${where} has schema version ${found}, newer than the ${known} this Herald knows.`,
      {
        hint: 'Upgrade Herald to the version that wrote this database, or point DATABASE_URL at another database.',
        details: { where, found, known },
      },
    ),
  );
}

/**
 * Brings the schema up to the newest migration, each in its own transaction (a failing one
 * leaves the previous version and throws). `schema` is created when missing.
 */
export async function migratePostgres(
  pool: pg.Pool,
  options: { readonly schema?: string | null; readonly where: string; readonly migrations?: readonly PgMigration[] },
): Promise<Result<PgMigrationReport>> {
  const migrations = options.migrations ?? PG_MIGRATIONS;
  const known = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  // Named, not current_schema(): that is `public` until the schema exists, and the unlock must
  // use the key the lock used.
  const lockKey = [LOCK_NAMESPACE, options.schema ?? 'public'];
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, hashtext($2))', lockKey);
    try {
      if (options.schema) {
        // Identifier checked by createPool; current_schema() was null before it existed.
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
      }
      await client.query(
        `CREATE TABLE IF NOT EXISTS herald_migrations (
           version     integer PRIMARY KEY,
           description text NOT NULL,
           applied_at  timestamptz NOT NULL DEFAULT now()
         )`,
      );
      const from = await pgSchemaVersion(client);
      const newer = refuseNewer(from, known, options.where);
      if (!newer.ok) return newer;
      const applied: number[] = [];
      for (const m of [...migrations].filter((x) => x.version > from).sort((a, b) => a.version - b.version)) {
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO herald_migrations (version, description) VALUES ($1, $2)', [
            m.version,
            m.description,
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
        applied.push(m.version);
      }
      return ok({ from, to: await pgSchemaVersion(client), applied });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', lockKey);
    }
  } finally {
    client.release();
  }
}
