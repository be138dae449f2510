/**
 * Start-up checks on the database file, made before SQLite touches it. A file that is empty,
 * not a database, cut short or unreadable is refused with one sentence saying what is wrong and
 * what to do; it is never re-created or repaired, since it may be the only copy of every feed,
 * schedule and role.
 */
import { closeSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { err, failure, ok, type Failure, type Result } from '../../core/result.js';

const MAGIC = 'SQLite format 3\0';
const HEADER_BYTES = 100;

/** Whether the file must be created (it does not exist yet) or opened as it is. */
export type Preflight = 'create' | 'open';

const refused = (file: string, what: string, hint: string, reason: string): Failure =>
  failure('internal', `The database ${file} ${what}.`, { hint, details: { file, reason } });

const RESTORE =
  'Restore it from a backup, or move it aside to start with an empty database; Herald will not overwrite it.';

/** Looks at the file's type, size and header; never writes. */
export function preflightDatabase(file: string): Result<Preflight> {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return ok('create');
    return err(unreadable(file, error as NodeJS.ErrnoException));
  }
  if (!stats.isFile()) {
    return err(
      refused(
        file,
        'is not a file',
        'Point HERALD_DATA_DIR at a directory whose herald.sqlite is a database file.',
        'not_a_file',
      ),
    );
  }
  if (stats.size === 0) {
    return err(
      refused(file, 'is empty (0 bytes): it was probably truncated by a failed copy or a full disk', RESTORE, 'empty'),
    );
  }
  const header = Buffer.alloc(HEADER_BYTES);
  let read: number;
  try {
    const fd = openSync(file, 'r');
    try {
      read = readSync(fd, header, 0, HEADER_BYTES, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return err(unreadable(file, error as NodeJS.ErrnoException));
  }
  if (read < HEADER_BYTES || header.toString('latin1', 0, MAGIC.length) !== MAGIC) {
    return err(refused(file, 'is not a SQLite database (its header is wrong)', RESTORE, 'not_a_database'));
  }
  const expected = expectedSize(header);
  // Pages not yet copied back from the write-ahead log are legitimately missing from the main
  // file (a crash mid-checkpoint); SQLite finishes the copy on open, so only judge a file with no log.
  if (expected !== null && stats.size < expected && !hasWal(file)) {
    return err(
      refused(
        file,
        `is cut short (${stats.size} of ${expected} bytes): it was truncated by a failed copy or a full disk`,
        RESTORE,
        'truncated',
      ),
    );
  }
  return ok('open');
}

/** The size the header says the file has, when that field is valid (SQLite file format §1.3). */
function expectedSize(header: Buffer): number | null {
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  const changeCounter = header.readUInt32BE(24);
  const validFor = header.readUInt32BE(92);
  if (pages === 0 || changeCounter !== validFor || pageSize < 512) return null;
  return pages * pageSize;
}

function hasWal(file: string): boolean {
  try {
    return statSync(`${file}-wal`).size > 0;
  } catch {
    return false;
  }
}

function unreadable(file: string, error: NodeJS.ErrnoException): Failure {
  const why = error.code === 'EACCES' || error.code === 'EPERM' ? 'permission denied' : (error.code ?? error.message);
  return refused(
    file,
    `cannot be read (${why})`,
    'Check that the user running Herald can read and write it and its directory (HERALD_DATA_DIR).',
    'unreadable',
  );
}

/**
 * SQLite's own complaints, as one line. better-sqlite3 errors carry codes such as SQLITE_CORRUPT
 * or SQLITE_NOTADB; anything else stays a bug and is rethrown by the caller.
 */
export function sqliteOpenFailure(file: string, error: unknown): Failure | null {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return refused(file, `is damaged (${(error as Error).message})`, RESTORE, 'corrupt');
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM')) {
    return refused(
      file,
      `cannot be opened for writing (${(error as Error).message})`,
      'Check that the user running Herald can read and write it and its directory (HERALD_DATA_DIR).',
      'unwritable',
    );
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_FULL') {
    return refused(
      file,
      `could not be read or written (${(error as Error).message})`,
      'Check the disk (free space, errors) before starting Herald again.',
      'io',
    );
  }
  return null;
}
