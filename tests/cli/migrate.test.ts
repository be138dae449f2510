/**
 * `herald migrate` and DATABASE_URL: each step opens and closes its own store, as separate
 * processes of a deploy would (migrate, then start), and state lives in PostgreSQL between them.
 * The migration itself runs through the real binary once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { PG_LATEST_SCHEMA_VERSION } from '../../src/store/postgres/index.js';
import { describePostgres, dropSchema, POSTGRES_URL, schemaName } from '../helpers/postgres.js';
import { herald, ROOT } from '../helpers/spawn-herald.js';

/** `main` in process with captured streams (the binary's code path, without a 10 s spawn on a busy machine). */
async function cli(argv: string[], opts: { env: Record<string, string> }) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let errText = '';
  stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  stderr.setEncoding('utf8').on('data', (d: string) => (errText += d));
  const code = await main(argv, { stdin: new PassThrough(), stdout, stderr, env: opts.env, cwd: ROOT });
  return { code, stdout: out, stderr: errText };
}

const schemas: string[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'herald-migrate-'));
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  for (const s of schemas) await dropSchema(s);
});
function pgEnv(extra: Record<string, string> = {}): Record<string, string> {
  const schema = schemaName(import.meta.url);
  schemas.push(schema);
  return { DATABASE_URL: POSTGRES_URL!, DATABASE_SCHEMA: schema, HERALD_DATA_DIR: dataDir, ...extra };
}
const place = ['--workspace', 'W1', '--channel', 'C1', '--user', 'U1', '--as', 'moderator'];

describePostgres('herald migrate with DATABASE_URL', () => {
  it('refuses to start on an unmigrated database, migrates once, then keeps state across processes', async () => {
    const env = pgEnv();
    const refused = await cli(['run', ...place, '/schedule list'], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/schema version 0; this Herald needs \d+\. Run `herald migrate`/);

    const check = await cli(['migrate', '--check'], { env });
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/this Herald needs/);

    const migrated = await herald(['migrate'], { env });
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toMatch(
      new RegExp(
        `Migrated 127\\.0\\.0\\.1:5432/\\w+ \\(schema ${env['DATABASE_SCHEMA']}\\) from schema version 0 to ${PG_LATEST_SCHEMA_VERSION}`,
      ),
    );
    expect((await cli(['migrate'], { env })).stdout).toMatch(/nothing to do/);
    expect((await cli(['migrate', '--check'], { env })).code).toBe(0);

    expect((await cli(['run', ...place, '/schedule add 0 9 * * 1-5 Europe/Paris'], { env })).code).toBe(0);
    const listed = await cli(['run', ...place, '/schedule list'], { env });
    expect(listed.stdout).toMatch(/0 9 \* \* 1-5 \(Europe\/Paris\)/);
    // The SQLite file of the same data dir was never used.
    const sqlite = await cli(['run', ...place, '/schedule list'], { env: { HERALD_DATA_DIR: dataDir } });
    expect(sqlite.stdout).not.toMatch(/Europe\/Paris/);
  }, 120_000);

  it('migrates at start with HERALD_MIGRATE=auto', async () => {
    const run = await cli(['run', ...place, '/schedule list'], { env: pgEnv({ HERALD_MIGRATE: 'auto' }) });
    expect(run.code).toBe(0);
  }, 60_000);

  it('moves a SQLite install into PostgreSQL with --from sqlite:FILE', async () => {
    const own = mkdtempSync(join(tmpdir(), 'herald-move-cli-'));
    try {
      const add = await cli(['run', ...place, '/schedule add 30 7 * * * UTC'], { env: { HERALD_DATA_DIR: own } });
      expect(add.code).toBe(0);
      const env = pgEnv();
      const moved = await cli(['migrate', '--from', `sqlite:${join(own, 'herald.sqlite')}`], { env });
      expect(moved.stderr).toBe('');
      expect(moved.code).toBe(0);
      expect(moved.stdout).toMatch(
        /Copied .*herald\.sqlite into .*: 1 workspaces, 1 channels, .*1 schedules, .*1 audit log/,
      );
      const listed = await cli(['run', ...place, '/schedule list'], { env });
      expect(listed.stdout).toMatch(/30 7 \* \* \* \(UTC\)/);
      const twice = await cli(['migrate', '--from', `sqlite:${join(own, 'herald.sqlite')}`], { env });
      expect(twice.code).toBe(1);
      expect(twice.stderr).toMatch(/already holds data/);
      const bad = await cli(['migrate', '--from', 'mysql:x'], { env });
      expect(bad.code).toBe(2);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  }, 120_000);
});
