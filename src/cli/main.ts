/**
 * `herald` on the command line. This file only parses argv and calls the composition root
 * (src/main.ts); it never wires parts itself. Errors are one clear line on stderr and a
 * non-zero exit code: 2 for a usage mistake, 1 for everything else.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { answerLine, runShell } from '../adapters/shell/shell.js';
import { renderJson, renderText } from '../adapters/text/render-text.js';
import type { AccessLevel } from '../core/commands/define.js';
import type { Reply } from '../core/reply/types.js';
import type { Failure } from '../core/result.js';
import { closest } from '../core/text/closest.js';
import { createApp, createLogger, hasPlatformTokens, loadAppConfig, startPlatforms, type App } from '../main.js';
import { parseArgv, type FlagSpec } from './args.js';

/** The process's streams and environment, passed in so tests can run `main` in-process. */
export interface CliIo {
  readonly stdin: Readable & { isTTY?: boolean };
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable & { isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

const processIo = (): CliIo => ({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });

export const USAGE = `Usage: herald <command> [options]

Commands:
  start [--as member|moderator|admin] [--article FILE|URL]
        Chat platforms when tokens are configured; otherwise the interactive shell on the
        sample article (one command a line when stdin is not a terminal).
  run "<command line>" [--article FILE|URL] [--json] [--as LEVEL]
        Answer one command and exit, e.g. herald run "/who-is hedman".
  analyze <file-or-url> [--json]
        Print what the analysis finds (people, organisations, lists, quotes, numbers).
  digest [--article FILE|URL] [--format text|json]
        Print the article as a digest.
  help, --help     This text.
  --version        Herald's version.`;

const LEVEL: FlagSpec = { value: true, choices: ['member', 'moderator', 'admin'] };
const ARTICLE: FlagSpec = { value: true };

const USAGES: Record<string, string> = {
  start: 'herald start [--as member|moderator|admin] [--article FILE|URL]',
  run: 'herald run "<command line>" [--article FILE|URL] [--json] [--as LEVEL]',
  analyze: 'herald analyze <file-or-url> [--json]',
  digest: 'herald digest [--article FILE|URL] [--format text|json]',
};

const usageCode = (f: Failure): number => (f.code === 'bad_input' || f.code === 'unknown_command' ? 2 : 1);

function fail(io: CliIo, f: Failure): number {
  const line = [f.message, f.hint].filter(Boolean).join(' ').replace(/\s*\n\s*/g, f.message.includes('\n- ') ? '\n' : ' ');
  io.stderr.write(`herald: ${line}\n`);
  return usageCode(f);
}

/** Replies that report an error go to stderr as one line; answers (found or not) go to stdout. */
function emit(io: CliIo, reply: Reply, json: boolean): number {
  if (reply.kind === 'error') {
    const text = reply.blocks.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join(' ');
    io.stderr.write(`herald: ${text}\n`);
    return reply.code === 'bad_input' || reply.code === 'unknown_command' ? 2 : 1;
  }
  io.stdout.write(`${json ? renderJson(reply) : renderText(reply, { ansi: !!io.stdout.isTTY })}\n`);
  return 0;
}

async function boot(io: CliIo, article: string | true | undefined): Promise<App | Failure> {
  const config = await loadAppConfig({ env: io.env, cwd: io.cwd, cliLogLevel: 'warn' });
  if (!config.ok) return config.error;
  const logger = createLogger(config.value.logLevel, io.stderr);
  const app = createApp(config.value, { logger });
  if (!app.ok) return app.error;
  if (typeof article === 'string') {
    const loaded = await app.value.load(article);
    if (!loaded.ok) return loaded.error;
  }
  return app.value;
}

const isFailure = (x: App | Failure): x is Failure => 'code' in x;

async function version(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined) {
    io.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (sub === 'help' || sub === '--help' || sub === '-h') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (sub === '--version' || sub === '-v' || sub === 'version') {
    io.stdout.write(`${await version()}\n`);
    return 0;
  }
  switch (sub) {
    case 'start': {
      const args = parseArgv(rest, { as: LEVEL, article: ARTICLE }, USAGES['start']!);
      if (!args.ok) return fail(io, args.error);
      if (args.value.positional.length > 0) return fail(io, { code: 'bad_input', message: `Unexpected "${args.value.positional.join(' ')}".`, hint: `Usage: ${USAGES['start']}` });
      const app = await boot(io, args.value.flags['article']);
      if (isFailure(app)) return fail(io, app);
      if (hasPlatformTokens(app.config)) {
        const { started } = await startPlatforms(app.config, app);
        if (started.length === 0) return fail(io, { code: 'platform_error', message: 'No chat platform adapter could be started yet.', hint: 'Unset the DISCORD_* and SLACK_* variables to use the shell.' });
        return 0;
      }
      return runShell({
        input: io.stdin,
        output: io.stdout,
        dispatcher: app.dispatcher,
        registry: app.registry,
        level: (args.value.flags['as'] as AccessLevel | undefined) ?? 'member',
        historyFile: join(app.config.dataDir, 'shell_history'),
        load: (ref) => app.load(ref),
      });
    }
    case 'run': {
      const args = parseArgv(rest, { as: LEVEL, article: ARTICLE, json: { value: false } }, USAGES['run']!);
      if (!args.ok) return fail(io, args.error);
      const line = args.value.positional.join(' ').trim();
      if (line === '') return fail(io, { code: 'bad_input', message: 'Give the command to run.', hint: `Usage: ${USAGES['run']}` });
      const app = await boot(io, args.value.flags['article']);
      if (isFailure(app)) return fail(io, app);
      const level = (args.value.flags['as'] as AccessLevel | undefined) ?? 'member';
      const reply = await answerLine(line, { dispatcher: app.dispatcher, registry: app.registry, invoker: { userId: 'local', platformLevel: level } });
      return emit(io, reply, args.value.flags['json'] === true);
    }
    case 'analyze':
    case 'analyse': {
      const args = parseArgv(rest, { json: { value: false } }, USAGES['analyze']!);
      if (!args.ok) return fail(io, args.error);
      const [ref, ...extra] = args.value.positional;
      if (!ref || extra.length > 0) return fail(io, { code: 'bad_input', message: ref ? `Unexpected "${extra.join(' ')}".` : 'Give the file or URL to analyse.', hint: `Usage: ${USAGES['analyze']}` });
      const app = await boot(io, undefined);
      if (isFailure(app)) return fail(io, app);
      const loaded = await app.load(ref);
      if (!loaded.ok) return fail(io, loaded.error);
      const facts = loaded.value.facts;
      if (args.value.flags['json'] === true) {
        io.stdout.write(`${JSON.stringify(facts, null, 2)}\n`);
        return 0;
      }
      io.stdout.write(`${overview(loaded.value.facts)}\n`);
      return 0;
    }
    case 'digest': {
      const args = parseArgv(rest, { article: ARTICLE, format: { value: true, choices: ['text', 'json'] } }, USAGES['digest']!);
      if (!args.ok) return fail(io, args.error);
      if (args.value.positional.length > 0) return fail(io, { code: 'bad_input', message: `Unexpected "${args.value.positional.join(' ')}".`, hint: `Usage: ${USAGES['digest']}` });
      const app = await boot(io, args.value.flags['article']);
      if (isFailure(app)) return fail(io, app);
      const reply = await answerLine('/digest', { dispatcher: app.dispatcher, registry: app.registry, invoker: { userId: 'local', platformLevel: 'member' } });
      return emit(io, reply, args.value.flags['format'] === 'json');
    }
    default: {
      const known = ['start', 'run', 'analyze', 'digest', 'help'];
      const guess = closest(sub, known, { limit: 1 })[0];
      return fail(io, { code: 'unknown_command', message: `Unknown command "${sub}".`, hint: guess ? `Did you mean "herald ${guess}"? See herald --help.` : 'See herald --help.' });
    }
  }
}

/** A human overview of the analysis; `--json` gives the full facts. */
function overview(f: import('../core/facts/types.js').ArticleFacts): string {
  const lines = [`${f.title ?? '(untitled)'}`, `${f.sentences.length} sentences; tags: ${f.tags.join(', ') || 'none'}`];
  lines.push(`People (${f.people.length}):`, ...f.people.map((p) => `  ${p.name}${p.role ? ` — ${p.roleExpanded ?? p.role}` : ''}`));
  lines.push(`Organisations (${f.organizations.length}):`, ...f.organizations.map((o) => `  ${o.name}${o.acronym ? ` (${o.acronym})` : ''}`));
  lines.push(`Places: ${f.places.map((p) => p.name).join(', ') || 'none'}`);
  lines.push(`Lists (${f.lists.length}):`, ...f.lists.map((l) => `  ${l.lead} — ${l.items.length} items${l.count !== null ? ` (announced ${l.count})` : ''}`));
  lines.push(`Quotes (${f.quotes.length}):`, ...f.quotes.map((q) => `  ${q.speaker ?? 'unattributed'}: “${q.text.length > 80 ? `${q.text.slice(0, 79)}…` : q.text}”`));
  lines.push(`Numbers: ${f.numbers.map((n) => n.text).join(', ') || 'none'}`);
  lines.push(`Summary sentences: ${f.summary.map((id) => `s${id}`).join(', ')}`);
  return lines.join('\n');
}
