/**
 * Runs once before the test files: is a PostgreSQL server reachable for the PostgreSQL tests?
 * Outside CI, without one, those tests skip and this prints the one line that says so; in CI
 * (CI=true) an unreachable server fails the run, so CI never passes without testing PostgreSQL.
 */
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL URL the tests may use, or null when none is reachable (tests skip). */
    postgresUrl: string | null;
  }
}

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';

export async function setup(project: TestProject): Promise<void> {
  const url = process.env['TEST_DATABASE_URL'] || DEFAULT_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    project.provide('postgresUrl', url);
  } catch (error) {
    const why = `PostgreSQL is not reachable at ${url} (${(error as Error).message})`;
    if (process.env['CI'] === 'true') throw new Error(`${why}: CI must run the PostgreSQL tests.`);
    console.warn(`${why}: skipping the PostgreSQL tests (set TEST_DATABASE_URL to run them).`);
    project.provide('postgresUrl', null);
  } finally {
    await client.end().catch(() => undefined);
  }
}
