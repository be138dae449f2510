/**
 * `herald` on the command line. This file only parses argv and calls the composition root
 * (src/main.ts); it never wires parts itself. Errors are one clear line on stderr and a
 * non-zero exit code: 2 for a usage mistake, 1 for everything else.
 */
import { untilSignal, version } from './process-facts.js';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { answerLine, runShell } from '../adapters/shell/shell.js';
import { terminalText } from '../adapters/text/render-text.js';
import type { AccessLevel } from '../core/commands/define.js';
import type { Failure } from '../core/result.js';
import { closest } from '../core/text/closest.js';
import { formatPollSummary } from '../app/poll-once.js';
import { systemClock, type Where } from '../core/ports.js';
import {
  commandRegistry,
  createHerald,
  createLogger,
  secretsOf,
  hasPlatformTokens,
  loadAppConfig,
  processEnvironment,
  type Herald,
  type HeraldDeps,
} from '../main.js';
import { manifestDiscordCli, registerDiscordCli } from './discord-commands.js';
import { feedsCli } from './feeds-check.js';
import { doctorCli } from './doctor.js';
import { overview } from './overview.js';
import { manifestSlackCli } from './slack-commands.js';
import { migrateCli } from './migrate-command.js';
import { dashboardCli } from './dashboard-command.js';
import { parseArgv, type FlagSpec } from './args.js';
import { emit, fail } from './output.js';
import { USAGE, USAGES } from './usage.js';

/** The process's streams and environment, passed in so tests can run `main` in-process. */
export interface CliIo {
  readonly stdin: Readable & { isTTY?: boolean };
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable & { isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

const processIo = (): CliIo => ({
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  // The environment is read only by the composition root and src/config.
  ...processEnvironment(),
});

export { USAGE } from './usage.js';

const LEVEL: FlagSpec = { value: true, choices: ['member', 'moderator', 'admin'] };
const ARTICLE: FlagSpec = { value: true };
const TEXT: FlagSpec = { value: true };
const PLACE = { workspace: TEXT, channel: TEXT, user: TEXT } as const;

/**
 * Herald as the composition root builds it, with the article given by `--article` loaded.
 * `store: 'memory'` for one-shot runs that must not touch the data directory (analyze).
 */
async function open(
  io: CliIo,
  article: string | true | undefined,
  opts: Pick<HeraldDeps, 'store' | 'shellOutput'> = {},
): Promise<Herald | Failure> {
  const config = await loadAppConfig({ env: io.env, cwd: io.cwd, cliLogLevel: 'warn' });
  if (!config.ok) return config.error;
  const logger = createLogger(config.value.logLevel, io.stderr, secretsOf(config.value));
  const herald = await createHerald(config.value, { logger, ...opts });
  if (!herald.ok) return herald.error;
  if (typeof article === 'string') {
    const loaded = await herald.value.load(article);
    if (!loaded.ok) {
      await herald.value.close();
      return loaded.error;
    }
  }
  return herald.value;
}

const isFailure = (x: Herald | Failure): x is Failure => 'code' in x && !('dispatcher' in x);

/** `--workspace/--channel/--user` → where the command is issued and by whom. */
function placeOf(flags: Readonly<Record<string, string | true>>): { where: Where; userId: string } {
  const text = (k: string, d: string): string => (typeof flags[k] === 'string' ? (flags[k] as string) : d);
  return {
    where: { platform: 'shell', workspaceId: text('workspace', 'local'), channelId: text('channel', 'local') },
    userId: text('user', 'local'),
  };
}

/** Resolves when the process is asked to stop (Ctrl-C, SIGTERM from a supervisor). */
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
      const args = parseArgv(rest, { as: LEVEL, article: ARTICLE, ...PLACE }, USAGES['start']!);
      if (!args.ok) return fail(io, args.error);
      if (args.value.positional.length > 0)
        return fail(io, {
          code: 'bad_input',
          message: `Unexpected "${args.value.positional.join(' ')}".`,
          hint: `Usage: ${USAGES['start']}`,
        });
      // Without chat platforms the shell runs, and scheduled digests print where the user reads.
      const config = await loadAppConfig({ env: io.env, cwd: io.cwd, cliLogLevel: 'warn' });
      if (!config.ok) return fail(io, config.error);
      const shell = !hasPlatformTokens(config.value);
      const herald = await open(io, args.value.flags['article'], shell ? { shellOutput: io.stdout } : {});
      if (isFailure(herald)) return fail(io, herald);
      if (!shell) {
        const running = await herald.start().catch((e: unknown) => e as Error);
        if (running instanceof Error) {
          await herald.close();
          return fail(io, {
            code: 'platform_error',
            message: `Could not start: ${running.message}`,
            hint: 'Check HTTP_PORT (is another program using it?) and the DISCORD_* and SLACK_* variables (see .env.example).',
          });
        }
        io.stderr.write(
          `herald: running ${running.started.join(' and ')}${running.http ? ` (HTTP on port ${running.http.port})` : ''}; Ctrl-C stops.\n`,
        );
        const signal = await untilSignal();
        herald.logger.info({ signal }, 'stopping');
        await herald.close();
        return 0;
      }
      await herald.start({ poll: true });
      const { where, userId } = placeOf(args.value.flags);
      try {
        return await runShell({
          input: io.stdin,
          output: io.stdout,
          dispatcher: herald.dispatcher,
          registry: herald.registry,
          level: (args.value.flags['as'] as AccessLevel | undefined) ?? 'member',
          historyFile: join(herald.config.dataDir, 'shell_history'),
          load: (ref) => herald.load(ref),
          where,
          userId,
        });
      } finally {
        await herald.close();
      }
    }
    case 'run': {
      const args = parseArgv(rest, { as: LEVEL, article: ARTICLE, json: { value: false }, ...PLACE }, USAGES['run']!);
      if (!args.ok) return fail(io, args.error);
      const line = args.value.positional.join(' ').trim();
      if (line === '')
        return fail(io, { code: 'bad_input', message: 'Give the command to run.', hint: `Usage: ${USAGES['run']}` });
      const app = await open(io, args.value.flags['article']);
      if (isFailure(app)) return fail(io, app);
      try {
        const level = (args.value.flags['as'] as AccessLevel | undefined) ?? 'member';
        const { where, userId } = placeOf(args.value.flags);
        const reply = await answerLine(line, {
          dispatcher: app.dispatcher,
          registry: app.registry,
          invoker: { userId, platformLevel: level },
          where,
        });
        return emit(io, reply, args.value.flags['json'] === true);
      } finally {
        await app.close();
      }
    }
    case 'poll': {
      const args = parseArgv(rest, { once: { value: false }, all: { value: false } }, USAGES['poll']!);
      if (!args.ok) return fail(io, args.error);
      if (args.value.flags['once'] !== true || args.value.positional.length > 0) {
        return fail(io, {
          code: 'bad_input',
          message: 'poll runs one cycle and exits: add --once (herald start polls continuously).',
          hint: `Usage: ${USAGES['poll']}`,
        });
      }
      // Live posts to shell channels print here, as they would in the shell.
      const herald = await open(io, undefined, { shellOutput: io.stdout });
      if (isFailure(herald)) return fail(io, herald);
      try {
        const all = args.value.flags['all'] === true;
        io.stdout.write(`${formatPollSummary(await herald.pollOnce({ all }))}\n`);
        return 0;
      } finally {
        await herald.close();
      }
    }
    case 'register':
    case 'manifest': {
      const [platform, ...more] = rest;
      const want = sub === 'register' ? ['discord'] : ['slack', 'discord'];
      if (!want.includes(platform ?? ''))
        return fail(io, {
          code: 'bad_input',
          message: `herald ${sub} ${platform ?? ''}: only ${want.map((w) => `"${sub} ${w}"`).join(' and ')} exist.`,
          hint:
            sub === 'register'
              ? 'Usage: herald register discord [--guild ID] [--dry-run] [--clear]'
              : 'Usage: herald manifest slack [--socket-mode] [--url https://your.host] | herald manifest discord [--guild ID]',
        });
      const config = await loadAppConfig({ env: io.env, cwd: io.cwd, cliLogLevel: 'warn' });
      if (!config.ok) return fail(io, config.error);
      const registry = commandRegistry(config.value);
      if (!registry.ok) return fail(io, registry.error);
      if (sub === 'register') return registerDiscordCli(more, io, { config: config.value, registry: registry.value });
      return platform === 'discord'
        ? manifestDiscordCli(more, io, { registry: registry.value })
        : manifestSlackCli(more, io, { registry: registry.value });
    }
    case 'migrate': {
      const config = await loadAppConfig({ env: io.env, cwd: io.cwd, cliLogLevel: 'warn' });
      if (!config.ok) return fail(io, config.error);
      const done = await migrateCli(rest, io, config.value);
      return typeof done === 'number' ? done : fail(io, done);
    }
    case 'dashboard': {
      const done = await dashboardCli(rest, io, { open: () => open(io, undefined), untilSignal });
      return done === 0 ? 0 : fail(io, done);
    }
    case 'feeds': {
      const config = await loadAppConfig({ env: io.env, cwd: io.cwd, cliLogLevel: 'warn' });
      if (!config.ok) return fail(io, config.error);
      return feedsCli(rest, io, {
        config: config.value,
        logger: createLogger(config.value.logLevel, io.stderr),
        clock: systemClock,
      });
    }
    case 'doctor': {
      const config = await loadAppConfig({ env: io.env, cwd: io.cwd, cliLogLevel: 'warn' });
      if (!config.ok) return fail(io, config.error);
      const logger = createLogger('silent', io.stderr);
      return doctorCli(rest, io, {
        config: config.value,
        async openStore() {
          const built = await createHerald(config.value, { logger });
          if (!built.ok) return built.error.message.split('\n')[0]!;
          const { store, selectedStore, queue } = built.value;
          return {
            store,
            database: selectedStore ? { selected: selectedStore, queue } : null,
            close: () => built.value.close(),
          };
        },
      });
    }
    case 'analyze':
    case 'analyse': {
      const args = parseArgv(rest, { json: { value: false } }, USAGES['analyze']!);
      if (!args.ok) return fail(io, args.error);
      const [ref, ...extra] = args.value.positional;
      if (!ref || extra.length > 0)
        return fail(io, {
          code: 'bad_input',
          message: ref ? `Unexpected "${extra.join(' ')}".` : 'Give the file or URL to analyse.',
          hint: `Usage: ${USAGES['analyze']}`,
        });
      const app = await open(io, undefined, { store: 'memory' });
      if (isFailure(app)) return fail(io, app);
      const loaded = await app.load(ref).finally(() => app.close());
      if (!loaded.ok) return fail(io, loaded.error);
      const facts = loaded.value.facts;
      if (args.value.flags['json'] === true) {
        io.stdout.write(`${terminalText(JSON.stringify(facts, null, 2))}\n`);
        return 0;
      }
      io.stdout.write(`${terminalText(overview(loaded.value.facts))}\n`);
      return 0;
    }
    case 'digest': {
      const args = parseArgv(
        rest,
        { article: ARTICLE, format: { value: true, choices: ['text', 'json'] }, ...PLACE },
        USAGES['digest']!,
      );
      if (!args.ok) return fail(io, args.error);
      if (args.value.positional.length > 0)
        return fail(io, {
          code: 'bad_input',
          message: `Unexpected "${args.value.positional.join(' ')}".`,
          hint: `Usage: ${USAGES['digest']}`,
        });
      const app = await open(io, args.value.flags['article']);
      if (isFailure(app)) return fail(io, app);
      try {
        const { where, userId } = placeOf(args.value.flags);
        const reply = await answerLine('/digest', {
          dispatcher: app.dispatcher,
          registry: app.registry,
          invoker: { userId, platformLevel: 'member' },
          where,
        });
        return emit(io, reply, args.value.flags['format'] === 'json');
      } finally {
        await app.close();
      }
    }
    default: {
      const known = [
        'start',
        'run',
        'analyze',
        'digest',
        'poll',
        'feeds',
        'register',
        'manifest',
        'migrate',
        'doctor',
        'help',
      ];
      const guess = closest(sub, known, { limit: 1 })[0];
      return fail(io, {
        code: 'unknown_command',
        message: `Unknown command "${sub}".`,
        hint: guess ? `Did you mean "herald ${guess}"? See herald --help.` : 'See herald --help.',
      });
    }
  }
}
