/**
 * PostgreSQL for tests: the URL the global setup found (null = skip), and throwaway schemas so
 * every test (and every test file running in parallel) has its own tables in the one database.
 */
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import pg from 'pg';
import { describe, inject } from 'vitest';

export const POSTGRES_URL: string | null = inject('postgresUrl');

/** `describe` when PostgreSQL is reachable, `describe.skip` otherwise (the global setup said why). */
export const describePostgres = POSTGRES_URL ? describe : describe.skip;

/** A fresh schema name, unique across files, workers and runs: `t_<file>_<random>`. */
export function schemaName(file: string): string {
  const tag = basename(file)
    .replace(/\..*$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 30);
  return `t_${tag}_${randomBytes(5).toString('hex')}`;
}

/** Drops a test schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  if (!POSTGRES_URL) return;
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** Runs SQL in a schema on a short-lived connection (to corrupt rows, fake a newer version...). */
export async function sqlIn(schema: string, text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: POSTGRES_URL!, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}
