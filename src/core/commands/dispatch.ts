/**
 * The one entry point every adapter calls: resolve the command, check access, type the
 * arguments, resolve the article, run, and turn any failure into a short reply.
 * Errors are caught here once; bugs are logged with a reference id the user sees.
 */
import { randomBytes } from 'node:crypto';
import { failureReply, notFound } from '../reply/build.js';
import type { Reply } from '../reply/types.js';
import { failure, FailureError, type Failure } from '../result.js';
import type { AccessMappings, AnalysedArticle, ArticleLibrary, Clock, Invoker, Logger, Where } from '../ports.js';
import { rankChoices, type AutocompleteProviders, type Choice } from './autocomplete.js';
import { findArticle } from './article-ref.js';
import { coerceArgs } from './coerce.js';
import type { Capabilities, Capability, CommandContext } from './context.js';
import type { Limits } from '../limits.js';
import {
  accessAtLeast,
  availableIn,
  effectiveOptions,
  higherAccess,
  needsOf,
  usesArticle,
  type AccessLevel,
  type CommandDefinition,
  type Subcommand,
} from './define.js';
import type { CommandRegistry } from './registry.js';
import { usage } from './usage.js';
import { LazyChildLogger } from './invocation-logger.js';
import { currentRequestId, withRequestId } from '../request-context.js';

/** A command as an adapter received it: raw option values, not yet typed. */
export interface Invocation {
  /** Ties every log line of this invocation together (the platform's interaction id, or a fresh one). */
  readonly requestId?: string;
  readonly command: string;
  readonly subcommand?: string | null;
  readonly args: Readonly<Record<string, unknown>>;
  readonly invoker: Invoker;
  readonly where: Where;
}

export interface DispatcherDeps {
  readonly registry: CommandRegistry;
  readonly library: ArticleLibrary;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Role mappings configured by admins; absent → the platform level alone counts. */
  readonly access?: AccessMappings;
  readonly autocomplete?: AutocompleteProviders;
  /**
   * The capabilities commands may declare in `needs`. Must cover `registry.provides`: the
   * registry has already refused commands needing anything else.
   */
  readonly capabilities?: Partial<Capabilities>;
  /** Limits commands read (import size); the store enforces the counts. */
  readonly limits?: Limits;
  /** Reference ids for logged errors; injectable for tests. */
  readonly newRef?: () => string;
}

export interface Dispatcher {
  dispatch(inv: Invocation): Promise<Reply>;
  autocomplete(inv: Invocation, focused: string, query: string): Promise<Choice[]>;
  /** Whether the command may take longer than 2 s (adapters defer first). */
  isSlow(command: string, subcommand?: string | null): boolean;
  /** Access level a command needs, for adapters that register default permissions. */
  requiredLevel(command: string, subcommand?: string | null): AccessLevel | null;
}

function resolve(
  registry: CommandRegistry,
  name: string,
  subName?: string | null,
): { command: CommandDefinition; sub?: Subcommand; subName?: string } | Failure {
  const command = registry.get(name);
  if (!command) {
    const s = registry.suggest(name);
    return failure('unknown_command', `Unknown command /${name}.`, {
      hint: s ? `Did you mean /${s}? Type /help for the list.` : 'Type /help for the list of commands.',
    });
  }
  if (command.kind === 'leaf') return { command };
  const subs = Object.keys(command.subcommands);
  const sub = subName ? command.subcommands[subName] : undefined;
  if (!sub || !subName) {
    return failure(
      'bad_input',
      subName ? `/${command.name} has no subcommand "${subName}".` : `/${command.name} needs a subcommand.`,
      { hint: `Try one of: ${subs.map((s) => `/${command.name} ${s}`).join(', ')}.` },
    );
  }
  return { command, sub, subName };
}

/** `/feeds add: feeds` for every command whose declared needs `capabilities` does not cover. */
function unmetNeeds(registry: CommandRegistry, capabilities: Partial<Capabilities>): string[] {
  const out: string[] = [];
  for (const command of registry.commands) {
    const leaves: [string, CommandDefinition, Subcommand | undefined][] =
      command.kind === 'leaf'
        ? [[`/${command.name}`, command, undefined]]
        : Object.entries(command.subcommands).map(([n, s]) => [`/${command.name} ${n}`, command, s as Subcommand]);
    for (const [label, c, sub] of leaves) {
      const missing = needsOf(c, sub).filter((n) => n !== 'article' && capabilities[n as Capability] === undefined);
      if (missing.length > 0) out.push(`${label}: ${missing.join(', ')}`);
    }
  }
  return out;
}

export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const newRef = deps.newRef ?? (() => randomBytes(4).toString('hex'));
  const capabilities = deps.capabilities ?? {};
  // A wiring bug, not a user's mistake: a command needs what this dispatcher was not given.
  const unmet = unmetNeeds(deps.registry, capabilities);
  if (unmet.length > 0) throw new Error(`Commands need capabilities the dispatcher was not given: ${unmet.join('; ')}`);
  const services = {
    clock: deps.clock,
    logger: deps.logger,
    library: deps.library,
    registry: deps.registry,
    ...(deps.limits ? { limits: deps.limits } : {}),
    ...capabilities,
  };

  // Not async: each promise costs an allocation and a promise-hook call (the request context is
  // AsyncLocalStorage), and this runs on every command. `answer` awaits what it returns.
  function articleFor(where: Where, ref: unknown): Promise<AnalysedArticle | Reply> {
    return typeof ref === 'string' && ref.trim() !== '' ? namedArticle(where, ref) : deps.library.current(where);
  }

  async function namedArticle(where: Where, ref: string): Promise<AnalysedArticle | Reply> {
    const found = await findArticle(deps.library, where, ref);
    return (
      found ??
      notFound(
        `No article matches "${ref.trim()}".`,
        [],
        [
          {
            type: 'text',
            text: 'Type /articles to see the articles of this channel, then give a number or an id from it.',
          },
        ],
      )
    );
  }

  /**
   * Answers one invocation inside its request context, so every line logged while it is
   * answered, in any layer, carries the same `reqId` (src/core/request-context.ts).
   */
  function dispatch(inv: Invocation): Promise<Reply> {
    const reqId = currentRequestId() ?? inv.requestId ?? randomBytes(6).toString('hex');
    return withRequestId(reqId, () => answer(inv));
  }

  async function answer(inv: Invocation): Promise<Reply> {
    const log = new LazyChildLogger(deps.logger, {
      command: inv.command,
      subcommand: inv.subcommand ?? undefined,
      platform: inv.where.platform,
      channel: inv.where.channelId,
    });
    try {
      const target = resolve(deps.registry, inv.command, inv.subcommand);
      if ('code' in target) return failureReply(target);
      const { command, sub, subName } = target;
      if (!availableIn(command, inv.where)) {
        return failureReply(
          failure('unknown_command', `/${command.name} is not enabled in this workspace.`, {
            hint: 'Type /help for the commands here; an admin can enable it in config/herald.json.',
          }),
        );
      }
      const need = sub?.access ?? command.access;
      // The access mappings are read on every command: a change an admin makes counts from the next one.
      const mapped = deps.access ? await deps.access.levelFor(inv.where, inv.invoker) : 'member';
      const level = higherAccess(inv.invoker.platformLevel, mapped);
      const label = `/${command.name}${subName ? ` ${subName}` : ''}`;
      if (!accessAtLeast(level, need)) {
        log.info({ user: inv.invoker.userId, level, need }, 'access refused');
        return failureReply(
          failure('permission_denied', `${label} needs ${need} access; you have ${level} access.`, {
            hint:
              need === 'admin' ? 'Ask a server admin.' : 'Ask an admin to make you a moderator (/roles moderator add).',
          }),
        );
      }
      const options = effectiveOptions(command, sub);
      const coerced = coerceArgs(options, inv.args, usage(command, subName));
      if (!coerced.ok) return failureReply(coerced.error);
      let article: { article: AnalysedArticle } | null = null;
      if (usesArticle(command, sub)) {
        const a = await articleFor(inv.where, coerced.value['article']);
        if ('kind' in a) return a;
        article = { article: a };
      }
      // The context carries `article` only for commands that declared it (see CommandContext).
      const ctx: CommandContext<Record<string, unknown>, Capability> = {
        args: coerced.value,
        invoker: { ...inv.invoker, level },
        where: inv.where,
        // The command's own log lines carry the invocation's request id.
        services: { ...services, logger: log } as CommandContext<unknown, Capability>['services'],
        ...article,
      };
      const run = (sub ?? (command as Subcommand)).run;
      const reply = await run(ctx as never);
      // Answers to moderator and admin commands are shown to the asker only.
      return need !== 'member' && !reply.ephemeral ? { ...reply, ephemeral: true } : reply;
    } catch (e) {
      if (e instanceof FailureError) return failureReply(e.failure);
      const ref = newRef();
      log.error({ err: e, ref }, 'command failed');
      return failureReply(
        failure('internal', 'Something went wrong while answering.', {
          hint: 'The error was logged; please try again or report it with the reference below.',
        }),
        ref,
      );
    }
  }

  async function autocomplete(inv: Invocation, focused: string, query: string): Promise<Choice[]> {
    const target = resolve(deps.registry, inv.command, inv.subcommand);
    if ('code' in target || !availableIn(target.command, inv.where)) return [];
    const spec = effectiveOptions(target.command, target.sub)[focused];
    if (!spec || spec.type !== 'string') return [];
    if (spec.choices)
      return rankChoices(
        spec.choices.map((c) => ({ name: c, value: c })),
        query,
      );
    const provider = spec.autocomplete ? deps.autocomplete?.[spec.autocomplete] : undefined;
    if (!provider) return [];
    try {
      const choices = await provider({
        where: inv.where,
        invoker: inv.invoker,
        query,
        article: async () => {
          const a = await articleFor(inv.where, inv.args['article']);
          return 'kind' in a ? deps.library.current(inv.where) : a;
        },
      });
      return rankChoices(choices, query);
    } catch (e) {
      deps.logger.warn({ err: e, command: inv.command, focused }, 'autocomplete failed');
      return [];
    }
  }

  return {
    dispatch,
    autocomplete,
    isSlow(name, subName) {
      const t = resolve(deps.registry, name, subName);
      return 'code' in t ? false : !!(t.sub?.slow ?? (t.command.kind === 'leaf' ? t.command.slow : false));
    },
    requiredLevel(name, subName) {
      const t = resolve(deps.registry, name, subName);
      return 'code' in t ? null : (t.sub?.access ?? t.command.access);
    },
  };
}
