/**
 * `herald feeds check <file-or-url>... [--json]`: reads each feed through the same path as
 * `poll` (local files straight from disk; a directory is every file in it; an OPML export is
 * the feeds it lists) and prints one line per feed and a summary, or with `--json` an array of
 * `{ source, ok, items, title, error, notes }`. The CLI entry point passes the arguments after
 * `feeds`. Exit code: 0 when every feed reads, 1 when any does not, 2 for a usage mistake.
 */
import type { Clock, Logger } from '../core/ports.js';
import { feedFetchDeps } from '../app/feed-service.js';
import type { Config } from '../config/schema.js';
import { checkFeeds, expandSources, type FeedCheck } from '../feeds/check-feeds.js';
import { parseArgv } from './args.js';

export interface FeedsCliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

export interface FeedsCliDeps {
  readonly config: Pick<Config, 'feeds'>;
  readonly logger?: Logger;
  /** Times the check (the summary's duration) and ages the full-article reader's caches. */
  readonly clock: Clock;
  /** Tests pass plain fetch; otherwise the address-pinned fetch, as the poller uses. */
  readonly fetch?: typeof globalThis.fetch;
}

export const FEEDS_USAGE = 'herald feeds check <file-or-url>... [--json]';

const HELP = `Usage: ${FEEDS_USAGE}
  Reads each feed the way the poller does and says whether Herald can follow it.
  A directory argument reads every file in it; an OPML file is the feeds it lists.
  --json   print an array of { source, ok, items, title, error, notes }
`;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function line(c: FeedCheck): string {
  if (!c.ok) return `FAIL  ${c.source}: ${c.error}`;
  const title = c.title ? ` "${c.title}"` : '';
  const notes = c.notes.length > 0 ? ` (note: ${c.notes.join(' ')})` : '';
  return `ok    ${c.source}: ${plural(c.items, 'item')}${title}${notes}`;
}

function summary(results: readonly FeedCheck[], ms: number): string {
  const ok = results.filter((r) => r.ok);
  const noted = ok.filter((r) => r.notes.length > 0).length;
  const failed = results.length - ok.length;
  const items = ok.reduce((n, r) => n + r.items, 0);
  return (
    `Checked ${plural(results.length, 'feed')} in ${(ms / 1000).toFixed(1)} s: ${ok.length} ok` +
    `${noted > 0 ? ` (${noted} with notes)` : ''}, ${failed} failed; ${plural(items, 'item')} in all.`
  );
}

/** Returns the process exit code. */
export async function feedsCli(argv: readonly string[], io: FeedsCliIo, deps: FeedsCliDeps): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === '--help' || verb === '-h' || verb === 'help') return (void io.stdout.write(HELP), 0);
  if (verb !== 'check') {
    io.stderr.write(`herald: "feeds ${verb ?? ''}" is not a command; only "feeds check" exists. ${HELP}`);
    return 2;
  }
  const args = parseArgv(rest, { json: { value: false } }, FEEDS_USAGE);
  if (!args.ok) return (void io.stderr.write(`herald: ${args.error.message} ${args.error.hint ?? ''}\n`), 2);
  if (args.value.positional.length === 0) {
    io.stderr.write(`herald: give at least one feed file, folder or URL to check.\n${HELP}`);
    return 2;
  }
  const fetchDeps = feedFetchDeps(deps.config.feeds, {
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.logger ? { logger: deps.logger } : {}),
    clock: deps.clock,
  });
  if (!fetchDeps.ok) return (void io.stderr.write(`herald: ${fetchDeps.error.message}\n`), 1);

  const json = args.value.flags['json'] === true;
  const started = deps.clock.now().getTime();
  const sources = await expandSources(args.value.positional, deps.config.feeds.maxBytes);
  const results = await checkFeeds(sources, fetchDeps.value, {
    onResult: json ? undefined : (c) => io.stdout.write(`${line(c)}\n`),
  });
  if (json) io.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else io.stdout.write(`${summary(results, deps.clock.now().getTime() - started)}\n`);
  return results.every((r) => r.ok) ? 0 : 1;
}
