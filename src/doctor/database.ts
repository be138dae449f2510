/**
 * `herald doctor` on the database and the job queue: reachable and how fast, the schema version
 * against the one this Herald knows, and whether the queue answers (pg-boss on PostgreSQL, in
 * process on SQLite) with how many jobs wait. Each is a finding with what to do.
 */
import type { JobQueue } from '../core/jobs/port.js';
import { queueHealth, storeHealth, WORK_QUEUES } from '../store/health.js';
import type { SelectedStore } from '../store/open-store.js';
import { PG_LATEST_SCHEMA_VERSION } from '../store/postgres/index.js';
import { LATEST_SCHEMA_VERSION } from '../store/sqlite/index.js';
import { fix, ok, warn, type Finding } from './findings.js';

/** A backlog this large means the processes cannot keep up (or none is running). */
const BACKLOG_WARN = 1000;

export async function databaseFindings(selected: SelectedStore, queue: JobQueue): Promise<Finding[]> {
  const out: Finding[] = [];
  const health = await storeHealth(selected);
  const engine = health.engine === 'postgres' ? 'PostgreSQL' : 'SQLite';
  if (!health.ok) {
    out.push(
      fix(
        'Database',
        `${engine} at ${health.where} did not answer: ${health.error}. ` +
          (health.engine === 'postgres'
            ? 'Check DATABASE_URL (host, port, user, database) and that PostgreSQL accepts connections from here.'
            : 'Check HERALD_DATA_DIR and that this user may read and write the file.'),
      ),
    );
    return out;
  }
  out.push(ok('Database', `${engine} at ${health.where} answered in ${health.latencyMs} ms`));
  const latest = health.engine === 'postgres' ? PG_LATEST_SCHEMA_VERSION : LATEST_SCHEMA_VERSION;
  const version = health.schemaVersion ?? 0;
  if (version < latest)
    out.push(fix('Migrations', `schema version ${version}, this Herald needs ${latest}: run \`herald migrate\``));
  else if (version > latest)
    out.push(
      fix('Migrations', `schema version ${version} is newer than the ${latest} this Herald knows: upgrade Herald`),
    );
  else out.push(ok('Migrations', `schema version ${version}, up to date`));

  const jobs = await queueHealth(queue, WORK_QUEUES);
  const name = jobs.kind === 'pg-boss' ? 'pg-boss (shared by every process)' : 'in process (one process, SQLite)';
  if (!jobs.ok) {
    out.push(
      fix(
        'Job queue',
        `${name} did not answer: ${jobs.error}. pg-boss keeps its tables in <DATABASE_SCHEMA>_jobs; the database user must be allowed to create that schema.`,
      ),
    );
    return out;
  }
  const waiting = Object.values(jobs.waiting).reduce((a, b) => a + b, 0);
  const detail = WORK_QUEUES.map((q) => `${q} ${jobs.waiting[q] ?? 0}`).join(', ');
  out.push(
    waiting >= BACKLOG_WARN
      ? warn(
          'Job queue',
          `${name}: ${waiting} jobs waiting (${detail}); are the Herald processes running, and enough of them?`,
        )
      : ok('Job queue', `${name}: ${waiting} jobs waiting (${detail})`),
  );
  return out;
}
