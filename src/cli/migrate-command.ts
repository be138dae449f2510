/**
 * `herald migrate`: bring the configured store to this build's schema (a deploy step with
 * PostgreSQL, before starting the new version), `--check` where it stands, or `--from
 * sqlite:FILE` to move a SQLite install into the configured PostgreSQL database.
 */
import { isAbsolute, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import type { Config } from '../config/schema.js';
import { failure, type Failure } from '../core/result.js';
import { migrateStore, moveSqliteToPostgres, schemaStatus } from '../store/migrate-store.js';
import { parseArgv } from './args.js';

export const MIGRATE_USAGE = 'herald migrate [--check] [--from sqlite:FILE]';

export interface MigrateIo {
  readonly stdout: Writable;
  readonly cwd: string;
}

/** Runs the subcommand; a Failure is for the caller to print (exit code chosen there). */
export async function migrateCli(argv: readonly string[], io: MigrateIo, config: Config): Promise<Failure | 0 | 1> {
  const args = parseArgv(argv, { check: { value: false }, from: { value: true } }, MIGRATE_USAGE);
  if (!args.ok) return args.error;
  const { flags, positional } = args.value;
  if (positional.length > 0) {
    return failure('bad_input', `Unexpected "${positional.join(' ')}".`, { hint: `Usage: ${MIGRATE_USAGE}` });
  }
  const say = (line: string) => io.stdout.write(`${line}\n`);

  if (flags['check'] === true) {
    const status = await schemaStatus(config);
    if (!status.ok) return status.error;
    const { where, version, latest } = status.value;
    if (version === latest) {
      say(`${where} is at schema version ${version}, the newest this Herald knows.`);
      return 0;
    }
    say(
      version < latest
        ? `${where} is at schema version ${version}; this Herald needs ${latest}. Run \`herald migrate\`.`
        : `${where} is at schema version ${version}, newer than the ${latest} this Herald knows: upgrade Herald.`,
    );
    return 1;
  }

  if (typeof flags['from'] === 'string') {
    const m = /^sqlite:(.+)$/.exec(flags['from']);
    if (!m) {
      return failure('bad_input', `--from must be sqlite:FILE (got "${flags['from']}").`, {
        hint: 'e.g. herald migrate --from sqlite:./data/herald.sqlite',
      });
    }
    const file = isAbsolute(m[1]!) ? m[1]! : resolve(io.cwd, m[1]!);
    const moved = await moveSqliteToPostgres(config, file);
    if (!moved.ok) return moved.error;
    const counts = Object.entries(moved.value.counts)
      .map(([table, n]) => `${n} ${table.replace(/_/g, ' ')}`)
      .join(', ');
    say(`Copied ${file} into ${moved.value.where} (schema version ${moved.value.to}): ${counts}.`);
    return 0;
  }

  const done = await migrateStore(config);
  if (!done.ok) return done.error;
  const { where, from, to, applied } = done.value;
  say(
    applied.length === 0
      ? `${where} is at schema version ${to}, the newest this Herald knows; nothing to do.`
      : `Migrated ${where} from schema version ${from} to ${to} (${applied.length} migration${applied.length === 1 ? '' : 's'}).`,
  );
  return 0;
}
