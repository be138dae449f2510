/** Applies numbered migrations, tracking the schema version in `PRAGMA user_version`. */
import type { Database } from 'better-sqlite3';
import { err, failure, ok, type Result } from '../../core/result.js';
import { MIGRATIONS, type Migration } from './migrations.js';

/** What `migrate` did. */
export interface MigrationReport {
  readonly from: number;
  readonly to: number;
  readonly applied: readonly number[];
}

export function schemaVersionOf(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database up to the newest migration. A database written by a newer Herald is
 * refused rather than touched: an older build cannot know what the newer schema means.
 */
export function migrate(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
  file = db.name,
): Result<MigrationReport> {
  const known = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const from = schemaVersionOf(db);
  if (from > known) {
    return err(
      failure(
        'conflict',
        `The database ${file} has schema version ${from}, newer than the ${known} this Herald knows.`,
        {
          hint: 'Upgrade Herald to the version that wrote this database, or point HERALD_DATA_DIR at another directory.',
          details: { file, found: from, known },
        },
      ),
    );
  }
  const pending = [...migrations].filter((m) => m.version > from).sort((a, b) => a.version - b.version);
  const applied: number[] = [];
  for (const migration of pending) {
    // One transaction per migration: a failing one leaves the database at the previous version.
    // Immediate, so a second process migrating at the same moment waits, then sees the new version.
    const step = db.transaction(() => {
      if (schemaVersionOf(db) >= migration.version) return false;
      db.exec(migration.sql);
      db.pragma(`user_version = ${Math.trunc(migration.version)}`);
      return true;
    });
    if (step.immediate()) applied.push(migration.version);
  }
  return ok({ from, to: schemaVersionOf(db), applied });
}
