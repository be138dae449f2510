/**
 * The connection pool behind the PostgreSQL store, and the one query shape every repository
 * uses. Type parsers are set per pool (never globally, so other `pg` users in the process are
 * untouched): JSON columns arrive as text so the shared row checks (../row-json.ts) read both
 * stores alike, and int8 ids arrive as numbers like SQLite's.
 */
import pg from 'pg';

/** A pool or one checked-out client: repositories run on either, so a transaction reuses them. */
export interface Db {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

const { builtins } = pg.types;
const asText = (value: string): string => value;
// Ids and counters stay far below 2^53; numbers keep the records identical to SQLite's.
const asNumber = (value: string): number => Number(value);

const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === builtins.JSON || oid === builtins.JSONB) return asText;
    if (oid === builtins.INT8) return asNumber;
    return pg.types.getTypeParser(oid, format ?? 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

export interface PoolOptions {
  readonly url: string;
  /** Schema the tables live in (search_path); default: the server's default (`public`). */
  readonly schema?: string | null;
  /** Connections at most. Default 10. */
  readonly max?: number;
  /** Called with errors of idle connections (server restart); without a listener they would crash the process. */
  readonly onIdleError?: (error: Error) => void;
}

/** A valid SQL identifier for a schema name: letters, digits, underscores; no quoting games. */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function createPool(options: PoolOptions): pg.Pool {
  if (options.schema && !SCHEMA_NAME.test(options.schema)) {
    throw new Error(`Schema name "${options.schema}" must be lower-case letters, digits and underscores.`);
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    types,
    connectionTimeoutMillis: 10_000,
    // Every connection sees its schema and nothing else: with `public` also on the path, a schema
    // not yet migrated would read (and report) the tables a Herald left in `public`.
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  return pool;
}

/** The rows of a query. */
export async function rows<R extends pg.QueryResultRow>(db: Db, text: string, values: unknown[] = []): Promise<R[]> {
  return (await db.query<R>(text, values)).rows;
}

/** The first row, or null. */
export async function one<R extends pg.QueryResultRow>(
  db: Db,
  text: string,
  values: unknown[] = [],
): Promise<R | null> {
  return (await db.query<R>(text, values)).rows[0] ?? null;
}

/** How many rows a statement changed. */
export async function changed(db: Db, text: string, values: unknown[] = []): Promise<number> {
  return (await db.query(text, values)).rowCount ?? 0;
}

/** timestamptz columns arrive as Date; records carry ISO 8601 text, as SQLite stores it. */
export function iso(value: Date): string;
export function iso(value: Date | null): string | null;
export function iso(value: Date | null): string | null {
  return value === null ? null : value.toISOString();
}
