/**
 * Moves an existing SQLite install into an empty PostgreSQL schema (`herald migrate --from
 * sqlite:<file>`): every table, ids kept, in one transaction, so a failed copy leaves the target
 * empty. The SQLite file is first brought to the newest schema, so both sides hold the records of
 * the same version; leases are not copied (they expire in seconds and name old processes).
 */
import BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import { err, failure, ok, type Result } from '../../core/result.js';
import { openSqliteStore } from '../sqlite/index.js';
import type { Db } from './pool.js';

/** One table to copy: its name, columns in PostgreSQL, and how a SQLite row becomes one. */
interface TableCopy {
  readonly table: string;
  readonly columns: readonly string[];
  /** SQLite order; `rowid` for receipts keeps "same instant, newest first" ordering. */
  readonly orderBy: string;
  /** JSON text columns parsed into values, so PostgreSQL stores JSON, not a JSON string. */
  readonly json?: readonly string[];
  /** 0/1 columns that are boolean in PostgreSQL. */
  readonly booleans?: readonly string[];
  /** Identity column whose sequence must continue after the copied ids. */
  readonly identity?: boolean;
  /** Rows per INSERT (articles are large). */
  readonly batch?: number;
}

// Parents before children, for the foreign keys.
const TABLES: readonly TableCopy[] = [
  {
    table: 'workspaces',
    columns: ['id', 'platform', 'external_id', 'name', 'created_at'],
    orderBy: 'id',
    identity: true,
  },
  {
    table: 'channels',
    columns: ['id', 'workspace_id', 'external_id', 'name', 'settings', 'created_at'],
    orderBy: 'id',
    json: ['settings'],
    identity: true,
  },
  {
    table: 'feeds',
    columns: [
      'id',
      'url',
      'title',
      'etag',
      'last_modified',
      'last_fetch_at',
      'last_error',
      'consecutive_failures',
      'next_attempt_at',
      'disabled_reason',
      'items_seen',
      'read_notes',
      'created_at',
    ],
    orderBy: 'id',
    json: ['read_notes'],
    identity: true,
  },
  {
    table: 'subscriptions',
    columns: ['id', 'channel_id', 'feed_id', 'filters', 'created_by', 'created_at'],
    orderBy: 'id',
    json: ['filters'],
    identity: true,
  },
  {
    table: 'articles',
    columns: ['id', 'guid', 'link', 'title', 'published_at', 'feed_id', 'article', 'facts', 'created_at'],
    orderBy: 'rowid',
    json: ['article', 'facts'],
    batch: 50,
  },
  { table: 'channel_articles', columns: ['channel_id', 'article_id', 'received_at'], orderBy: 'rowid' },
  {
    table: 'schedules',
    columns: ['id', 'channel_id', 'cron', 'timezone', 'kind', 'paused', 'last_run_slot', 'created_by', 'created_at'],
    orderBy: 'id',
    booleans: ['paused'],
    identity: true,
  },
  {
    table: 'deliveries',
    columns: ['key', 'status', 'message_id', 'attempts', 'last_error', 'created_at', 'updated_at', 'claimed_by'],
    orderBy: 'rowid',
  },
  {
    table: 'audit_log',
    columns: ['id', 'workspace_id', 'actor_id', 'actor_name', 'action', 'target', 'before_json', 'after_json', 'at'],
    orderBy: 'id',
    json: ['before_json', 'after_json'],
    identity: true,
  },
  {
    table: 'role_mappings',
    columns: ['id', 'workspace_id', 'level', 'kind', 'external_id', 'created_by', 'created_at'],
    orderBy: 'id',
    identity: true,
  },
];

/** Rows copied per table. */
export type ImportCounts = Readonly<Record<string, number>>;

/**
 * Copies the SQLite file into the PostgreSQL schema the pool points at, which must be migrated
 * and empty (a Failure otherwise: merging two installs would clash on ids and keys).
 */
export async function importSqlite(pool: pg.Pool, file: string): Promise<Result<ImportCounts>> {
  // Opening migrates the file to this build's schema; it stays a valid SQLite install.
  const opened = openSqliteStore({ file });
  if (!opened.ok) return opened;
  await opened.value.close();
  const source = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  const client = await pool.connect();
  try {
    for (const { table } of TABLES) {
      const found = await client.query(`SELECT 1 FROM ${table} LIMIT 1`);
      if (found.rowCount) {
        return err(
          failure('conflict', `The PostgreSQL schema already holds data (table ${table} is not empty).`, {
            hint: 'Import into a new, empty database or DATABASE_SCHEMA; `herald migrate` creates it.',
            details: { table },
          }),
        );
      }
    }
    await client.query('BEGIN');
    try {
      const counts: Record<string, number> = {};
      for (const copy of TABLES) counts[copy.table] = await copyTable(source, client, copy);
      await client.query('COMMIT');
      return ok(counts);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    client.release();
    source.close();
  }
}

async function copyTable(source: BetterSqlite3.Database, target: Db, copy: TableCopy): Promise<number> {
  const cols = copy.columns.join(', ');
  const read = source.prepare(`SELECT ${cols} FROM ${copy.table} ORDER BY ${copy.orderBy}`);
  // json_populate_recordset maps each JSON object onto the table's row type, converting ISO
  // text to timestamptz and nested values to json/jsonb: one statement per batch, any width.
  const insert = `INSERT INTO ${copy.table} (${cols}) OVERRIDING SYSTEM VALUE
    SELECT ${cols} FROM json_populate_recordset(NULL::${copy.table}, $1::json)`;
  let batch: Record<string, unknown>[] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await target.query(insert, [JSON.stringify(batch)]);
    count += batch.length;
    batch = [];
  };
  for (const raw of read.iterate() as Iterable<Record<string, unknown>>) {
    const row: Record<string, unknown> = { ...raw };
    for (const c of copy.json ?? []) row[c] = typeof row[c] === 'string' ? JSON.parse(row[c] as string) : null;
    for (const c of copy.booleans ?? []) row[c] = row[c] === 1;
    batch.push(row);
    if (batch.length >= (copy.batch ?? 500)) await flush();
  }
  await flush();
  if (copy.identity) {
    // Ids were copied explicitly; the next id made here must come after them.
    await target.query(
      `SELECT setval(pg_get_serial_sequence('${copy.table}', 'id'), GREATEST((SELECT max(id) FROM ${copy.table}), 1), (SELECT count(*) > 0 FROM ${copy.table}))`,
    );
  }
  return count;
}
