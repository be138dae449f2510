/**
 * The shell adapter: the bot in a terminal, no account needed. Interactive with a TTY
 * (prompt, history, tab completion); with piped input it answers one command a line and
 * prints each reply, so scripts can use it. It never calls process.exit and never touches
 * the logger: streams come in, an exit code goes out.
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Dispatcher } from '../../core/commands/dispatch.js';
import { parseCommandLine } from '../../core/commands/parse-text.js';
import type { CommandRegistry } from '../../core/commands/registry.js';
import type { AccessLevel } from '../../core/commands/define.js';
import type { Invoker, Where } from '../../core/ports.js';
import { failureReply } from '../../core/reply/build.js';
import type { Reply } from '../../core/reply/types.js';
import type { Result } from '../../core/result.js';
import { renderText, terminalText } from '../text/render-text.js';

export interface ShellOptions {
  readonly input: Readable & { isTTY?: boolean };
  readonly output: Writable & { isTTY?: boolean };
  readonly dispatcher: Dispatcher;
  readonly registry: CommandRegistry;
  /** Access level of the local user (`--as`); member unless the user asks for more. */
  readonly level?: AccessLevel;
  /** Interactive mode (prompt, history, completion); default: whether input is a TTY. */
  readonly interactive?: boolean;
  /** Where interactive history persists between sessions; none when absent. */
  readonly historyFile?: string;
  /** Loads another article (`:load <file|url>`); the shell's only command of its own. */
  readonly load?: (ref: string) => Promise<Result<{ readonly article: { readonly title: string | null } }>>;
  /** Workspace and channel the shell speaks in (`--workspace`, `--channel`); default local/local. */
  readonly where?: Where;
  /** Who the local user is (`--user`); default 'local'. */
  readonly userId?: string;
}

export const SHELL_WHERE: Where = { platform: 'shell', workspaceId: 'local', channelId: 'local' };
const HISTORY_LIMIT = 500;
const EXIT_WORDS = new Set(['exit', 'quit', '/exit', '/quit']);

/** One line in, one reply out: parse, dispatch, render. Exported for `herald run`. */
export async function answerLine(
  line: string,
  deps: { dispatcher: Dispatcher; registry: CommandRegistry; invoker: Invoker; where?: Where },
): Promise<Reply> {
  const parsed = parseCommandLine(line, deps.registry);
  if (!parsed.ok) return failureReply(parsed.error);
  const { command, subcommand, args } = parsed.value;
  return deps.dispatcher.dispatch({
    command,
    subcommand,
    args,
    invoker: deps.invoker,
    where: deps.where ?? SHELL_WHERE,
  });
}

/** Tab completion of command names, and of command names after `/help`. */
export function completeLine(line: string, registry: CommandRegistry): [string[], string] {
  const names = registry.commands.map((c) => `/${c.name}`);
  const help = /^\/?help\s+\/?(\S*)$/.exec(line);
  if (help) {
    const partial = help[1] ?? '';
    return [registry.commands.map((c) => c.name).filter((n) => n.startsWith(partial)), partial];
  }
  if (/\s/.test(line)) return [[], line];
  const typed = line.startsWith('/') ? line : `/${line}`;
  const hits = names.filter((n) => n.startsWith(typed));
  return [hits.length > 0 ? hits : names, line];
}

async function readHistory(file: string | undefined): Promise<string[]> {
  if (!file) return [];
  try {
    // readline wants newest first.
    return (await readFile(file, 'utf8')).split('\n').filter(Boolean).slice(-HISTORY_LIMIT).reverse();
  } catch {
    return [];
  }
}

async function saveHistory(file: string | undefined, line: string): Promise<void> {
  if (!file) return;
  try {
    await mkdir(dirname(file), { recursive: true });
    await appendFile(file, `${line}\n`, 'utf8');
  } catch {
    // History is a convenience; an unwritable data dir must not stop the shell.
  }
}

/** Runs the shell until EOF, Ctrl-D or `exit`. Resolves with the exit code (0). */
export async function runShell(opts: ShellOptions): Promise<number> {
  const interactive = opts.interactive ?? !!opts.input.isTTY;
  const invoker: Invoker = {
    userId: opts.userId ?? 'local',
    displayName: 'you',
    platformLevel: opts.level ?? 'member',
  };
  const render = (r: Reply): string => renderText(r, { ansi: interactive && !!opts.output.isTTY });
  // A reader that went away (`| head`) ends the session quietly instead of crashing on EPIPE.
  let outputClosed = false;
  const onOutputError = (): void => {
    outputClosed = true;
    rl.close();
  };
  opts.output.on('error', onOutputError);
  const write = (text: string): void => {
    if (!outputClosed) opts.output.write(`${text}\n`);
  };
  const rl: Interface = createInterface({
    input: opts.input,
    output: interactive ? opts.output : undefined,
    terminal: interactive,
    prompt: 'herald> ',
    ...(interactive
      ? {
          history: await readHistory(opts.historyFile),
          historySize: HISTORY_LIMIT,
          completer: (l: string) => completeLine(l, opts.registry),
        }
      : {}),
  });

  if (interactive) {
    write('Herald shell. Type /help for commands, :load <file|url> for another article, exit to leave.');
    rl.prompt();
  }
  // Lines are answered one at a time, in order, even when piped input arrives all at once.
  for await (const raw of rl) {
    if (outputClosed) break;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) {
      if (interactive) rl.prompt();
      continue;
    }
    if (EXIT_WORDS.has(line.toLowerCase())) break;
    if (interactive) await saveHistory(opts.historyFile, line);
    const load = /^:load\s+(.+)$/.exec(line);
    if (load && opts.load) {
      const r = await opts.load(load[1]!.trim());
      write(
        r.ok
          ? `Loaded "${terminalText(r.value.article.title ?? load[1]!)}"; commands now answer from it.`
          : render(failureReply(r.error)),
      );
    } else {
      write(
        render(
          await answerLine(line, {
            dispatcher: opts.dispatcher,
            registry: opts.registry,
            invoker,
            ...(opts.where ? { where: opts.where } : {}),
          }),
        ),
      );
    }
    // A blank line between replies keeps piped output readable.
    if (!interactive) write('');
    if (interactive) rl.prompt();
  }
  rl.close();
  if (interactive) write('');
  // The listener stays: an EPIPE can still arrive after the last write was queued.
  return 0;
}
