/**
 * Start-up checks through the real binary: a database that is empty, not a database, cut short,
 * damaged, unreadable or written by a newer Herald stops the start with ONE line saying what is
 * wrong and what to do, and the file is left exactly as it was.
 */
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../src/store/sqlite/index.js';
import { herald, type Run } from '../helpers/spawn-herald.js';

const root = mkdtempSync(join(tmpdir(), 'herald-startup-'));
let healthy: Buffer;

const digest = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A data dir whose herald.sqlite holds `bytes` (or nothing when `bytes` is null). */
function dataDir(name: string, bytes: Buffer | null): { dir: string; file: string } {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'herald.sqlite');
  if (bytes) writeFileSync(file, bytes);
  return { dir, file };
}

const start = (dir: string): Promise<Run> =>
  herald(['run', '--as', 'admin', '/feeds list'], { env: { HERALD_DATA_DIR: dir } });

/** One line on stderr, no stack trace, a non-zero exit. */
function expectOneLine(run: Run, what: RegExp): void {
  expect(run.code).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^herald: The database .*herald\.sqlite /);
  expect(lines[0]).toMatch(what);
  expect(run.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
}

function expectUntouched(file: string, before: Buffer): void {
  expect(digest(readFileSync(file))).toBe(digest(before));
  expect(existsSync(`${file}-wal`)).toBe(false);
}

beforeAll(async () => {
  // A real database with a few pages of data, closed cleanly (no write-ahead log left).
  const { dir, file } = dataDir('healthy', null);
  const made = await start(dir);
  expect(made.code).toBe(0);
  const db = new BetterSqlite3(file);
  db.exec('CREATE TABLE padding (x TEXT)');
  const insert = db.prepare('INSERT INTO padding VALUES (?)');
  for (let i = 0; i < 200; i++) insert.run('x'.repeat(1000));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  db.close();
  healthy = readFileSync(file);
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.concurrent('start-up database checks', () => {
  it('refuses a zero-byte database instead of re-creating it empty', async () => {
    const { dir, file } = dataDir('zero', Buffer.alloc(0));
    expectOneLine(await start(dir), /is empty \(0 bytes\).*Restore it from a backup/);
    expectUntouched(file, Buffer.alloc(0));
  }, 120_000);

  it('refuses a file that is not a SQLite database', async () => {
    const junk = Buffer.from('this is a text file someone saved here by mistake\n'.repeat(200));
    const { dir, file } = dataDir('junk', junk);
    expectOneLine(await start(dir), /is not a SQLite database/);
    expectUntouched(file, junk);
  }, 120_000);

  it('refuses a half-truncated database', async () => {
    const half = healthy.subarray(0, Math.floor(healthy.length / 2));
    const { dir, file } = dataDir('half', Buffer.from(half));
    expectOneLine(await start(dir), /is cut short \(\d+ of \d+ bytes\)/);
    expectUntouched(file, Buffer.from(half));
  }, 120_000);

  it('refuses a database damaged in the middle', async () => {
    const damaged = Buffer.from(healthy);
    // Overwrite pages 2 to 6 (page size 4096) with garbage, header intact.
    for (let i = 4096; i < 6 * 4096 && i < damaged.length; i++) damaged[i] = (i * 37) & 0xff;
    const { dir, file } = dataDir('damaged', damaged);
    expectOneLine(await start(dir), /is damaged/);
    expectUntouched(file, damaged);
  }, 120_000);

  it('refuses a database path that is a directory', async () => {
    const dir = join(root, 'dir-in-place');
    mkdirSync(join(dir, 'herald.sqlite'), { recursive: true });
    expectOneLine(await start(dir), /is not a file/);
  }, 120_000);

  it.skipIf(process.getuid?.() === 0)(
    'refuses an unreadable database',
    async () => {
      const { dir, file } = dataDir('unreadable', healthy);
      chmodSync(file, 0o000);
      try {
        expectOneLine(await start(dir), /cannot be read \(permission denied\)/);
      } finally {
        chmodSync(file, 0o644);
      }
      expectUntouched(file, healthy);
    },
    30_000,
  );

  it('refuses a database written by a newer Herald, without switching its journal mode', async () => {
    const { dir, file } = dataDir('newer', healthy);
    const db = new BetterSqlite3(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const before = readFileSync(file);
    expectOneLine(await start(dir), /newer than the \d+ this Herald knows.*Upgrade Herald/);
    expectUntouched(file, before);
  }, 120_000);

  it('still opens a healthy database, and creates one where there is none', async () => {
    const { dir } = dataDir('copy', healthy);
    expect((await start(dir)).code).toBe(0);
    const fresh = join(root, 'fresh');
    expect((await start(fresh)).code).toBe(0);
    expect(existsSync(join(fresh, 'herald.sqlite'))).toBe(true);
  }, 120_000);
});
