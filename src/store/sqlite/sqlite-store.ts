/**
 * The default store: one SQLite file under the data directory, opened with better-sqlite3 in WAL
 * mode and migrated on open (docs/decisions/007-sqlite-store-and-migrations.md).
 */
import { newInstanceId } from '../instance-id.js';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { systemClock, type Clock } from '../../core/ports.js';
import { err, failure, ok, type Result } from '../../core/result.js';
import type { HeraldStore, StoreRepositories } from '../../core/store/repositories.js';
import { sqliteAudit, sqliteLeases, sqliteRoles } from './admin.js';
import { sqliteArticles } from './articles.js';
import { sqliteDashboard } from './dashboard.js';
import { sqliteFeeds, sqliteSubscriptions } from './feeds.js';
import { migrate, schemaVersionOf, type MigrationReport } from './migrate.js';
import { MIGRATIONS, type Migration } from './migrations.js';
import { preflightDatabase, sqliteOpenFailure } from './preflight.js';
import { sqliteDeliveries, sqliteSchedules } from './schedules.js';
import { sqliteChannels, sqliteWorkspaces } from './workspaces.js';

export const DEFAULT_DATA_DIR = './data';
export const DATABASE_FILE_NAME = 'herald.sqlite';

export interface SqliteStoreOptions {
  /** Directory that holds `herald.sqlite`; created when missing. Default `./data`. */
  readonly dataDir?: string;
  /** Exact file path; wins over `dataDir`. */
  readonly file?: string;
  readonly clock?: Clock;
  /** How long a write waits for another process's lock before failing. Default 5 s. */
  readonly busyTimeoutMs?: number;
  /** For tests of the version check; production uses the built-in list. */
  readonly migrations?: readonly Migration[];
}

/** The SQLite store, with what it did on open and the file it uses. */
export interface SqliteStore extends HeraldStore {
  readonly file: string;
  readonly migration: MigrationReport;
}

/** Opens (creating and migrating) the store; a newer schema or an unopenable file is a Failure. */
export function openSqliteStore(options: SqliteStoreOptions = {}): Result<SqliteStore> {
  // ':memory:' is a private database that lives as long as the store (tests, one-shot analysis).
  const memory = options.file === ':memory:';
  const file = memory
    ? ':memory:'
    : resolve(options.file ?? join(options.dataDir ?? DEFAULT_DATA_DIR, DATABASE_FILE_NAME));
  const checked = memory ? ok('create' as const) : preflightDatabase(file);
  if (!checked.ok) return checked;
  let db: Database;
  try {
    if (!memory) mkdirSync(dirname(file), { recursive: true });
    // An existing file must still be there when SQLite opens it: never re-create one that vanished.
    db = new BetterSqlite3(file, { timeout: options.busyTimeoutMs ?? 5000, fileMustExist: checked.value === 'open' });
  } catch (error) {
    return err(
      sqliteOpenFailure(file, error) ??
        failure('internal', `Cannot open the database ${file}: ${(error as Error).message}`, {
          hint: 'Check that HERALD_DATA_DIR points at a writable directory.',
          details: { file },
        }),
    );
  }
  try {
    // Read-only checks first, so a damaged or newer file is refused before anything is written to it.
    if (checked.value === 'open') {
      const problem = integrityProblem(db);
      if (problem) {
        db.close();
        return err(failureForDamage(file, problem));
      }
      const newer = refuseNewer(db, options.migrations ?? MIGRATIONS, file);
      if (!newer.ok) {
        db.close();
        return newer;
      }
    }
    db.pragma('journal_mode = WAL');
    // NORMAL is durable in WAL mode except for the last transactions on power loss, and much faster.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const migrated = migrate(db, options.migrations ?? MIGRATIONS, file);
    if (!migrated.ok) {
      db.close();
      return migrated;
    }
    return ok(buildStore(db, file, migrated.value, options.clock ?? systemClock));
  } catch (error) {
    if (db.open) db.close();
    const known = sqliteOpenFailure(file, error);
    if (known) return err(known);
    throw error;
  }
}

/** SQLite's quick check (pages, free lists, records; not indexes): the first problem, or null. */
function integrityProblem(db: Database): string | null {
  const rows = db.pragma('quick_check(1)') as { quick_check: string }[];
  const first = rows[0]?.quick_check ?? 'no answer';
  return first === 'ok' ? null : first;
}

function failureForDamage(file: string, problem: string) {
  return (
    sqliteOpenFailure(file, Object.assign(new Error(problem), { code: 'SQLITE_CORRUPT' })) ??
    failure('internal', `The database ${file} is damaged.`)
  );
}

/** The newer-schema refusal of `migrate`, made before WAL mode is switched on (which writes). */
function refuseNewer(db: Database, migrations: readonly Migration[], file: string): Result<true> {
  const known = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  if (schemaVersionOf(db) <= known) return ok(true);
  const refused = migrate(db, migrations, file);
  return refused.ok ? ok(true) : refused;
}

function repositories(db: Database, clock: Clock, holder: string): StoreRepositories {
  return {
    workspaces: sqliteWorkspaces(db, clock),
    channels: sqliteChannels(db, clock),
    feeds: sqliteFeeds(db, clock),
    subscriptions: sqliteSubscriptions(db, clock),
    articles: sqliteArticles(db, clock),
    schedules: sqliteSchedules(db, clock),
    deliveries: sqliteDeliveries(db, clock, holder),
    audit: sqliteAudit(db, clock),
    roles: sqliteRoles(db, clock),
    leases: sqliteLeases(db, holder),
    dashboard: sqliteDashboard(db),
  };
}

function buildStore(db: Database, file: string, migration: MigrationReport, clock: Clock): SqliteStore {
  const instanceId = newInstanceId();
  const raw = repositories(db, clock, instanceId);
  // While a transaction is open, calls made on the store (not on `tx`) wait for it to end:
  // one connection serves everybody, and an unrelated write must not join, or be rolled back with,
  // someone else's transaction.
  const gate = new TransactionGate();
  const guarded = Object.fromEntries(
    Object.entries(raw).map(([name, repo]) => [name, guard(repo as object, gate)]),
  ) as unknown as StoreRepositories;

  return {
    ...guarded,
    file,
    migration,
    instanceId,
    async transaction<T>(fn: (tx: StoreRepositories) => Promise<T>): Promise<T> {
      const open = await gate.close();
      try {
        db.exec('BEGIN IMMEDIATE');
        try {
          const value = await fn(raw);
          db.exec('COMMIT');
          return value;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      } finally {
        open();
      }
    },
    schemaVersion: () => gate.pass(() => schemaVersionOf(db)),
    close: () =>
      gate.pass(() => {
        if (db.open) db.close();
      }),
  };
}

/**
 * Lets calls through while no transaction is open. The check and the call happen in the same
 * synchronous step, so nothing can open a transaction in between.
 */
class TransactionGate {
  private closed: Promise<void> | null = null;

  pass<T>(fn: () => T): Promise<Awaited<T>> {
    // Open (nearly always): call now and hand back the call's own promise, rather than wrap it
    // in one more async function's promise; every command reads the store two or three times.
    if (!this.closed) {
      try {
        return Promise.resolve(fn()) as Promise<Awaited<T>>;
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }
    return this.passAfterwards(fn);
  }

  private async passAfterwards<T>(fn: () => T): Promise<Awaited<T>> {
    while (this.closed) await this.closed;
    return await fn();
  }

  /** Waits until open, then closes; call the returned function to reopen. */
  async close(): Promise<() => void> {
    while (this.closed) await this.closed;
    let reopen!: () => void;
    this.closed = new Promise<void>((resolveGate) => (reopen = resolveGate));
    return () => {
      this.closed = null;
      reopen();
    };
  }
}

function guard<R extends object>(repo: R, gate: TransactionGate): R {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(repo)) {
    out[name] = (...args: unknown[]) => gate.pass(() => (fn as (...a: unknown[]) => unknown)(...args));
  }
  return out as R;
}
