/**
 * One declaration per command. Argument types, the Discord registration, the Slack
 * manifest, the shell and /help are all derived from it (docs/decisions/003-commands-declared-once.md).
 */
import type { Reply } from '../reply/types.js';
import type { CommandContext } from './context.js';

export type AccessLevel = 'member' | 'moderator' | 'admin';
export const ACCESS_ORDER: readonly AccessLevel[] = ['member', 'moderator', 'admin'];
export function accessAtLeast(have: AccessLevel, need: AccessLevel): boolean {
  return ACCESS_ORDER.indexOf(have) >= ACCESS_ORDER.indexOf(need);
}

/** Where autocomplete suggestions for an option come from. */
export type AutocompleteSource =
  'people' | 'speakers' | 'lists' | 'articles' | 'commands' | 'timezones' | 'feeds' | 'schedules';

interface OptionBase {
  readonly description: string;
  readonly required?: boolean;
}
export interface StringOption extends OptionBase {
  readonly type: 'string';
  readonly autocomplete?: AutocompleteSource;
  readonly choices?: readonly string[];
  readonly minLength?: number;
  readonly maxLength?: number;
  /** Takes the rest of the text line in text-based adapters (shell, Slack): `/ask what is it?` */
  readonly rest?: boolean;
  /** Takes exactly this many words when given positionally in text adapters (a cron expression: 5). */
  readonly words?: number;
}
export interface IntegerOption extends OptionBase {
  readonly type: 'integer';
  readonly min?: number;
  readonly max?: number;
}
export interface BooleanOption extends OptionBase {
  readonly type: 'boolean';
}
export type OptionSpec = StringOption | IntegerOption | BooleanOption;
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

type ValueOf<S extends OptionSpec> = S extends { type: 'string' }
  ? S extends { choices: readonly (infer C)[] }
    ? C
    : string
  : S extends { type: 'integer' }
    ? number
    : S extends { type: 'boolean' }
      ? boolean
      : never;

type RequiredKeys<O extends OptionSpecs> = { [K in keyof O]: O[K] extends { required: true } ? K : never }[keyof O];
type OptionalKeys<O extends OptionSpecs> = Exclude<keyof O, RequiredKeys<O>>;

/** The typed arguments a command's `run` receives, derived from its option declaration. */
export type ArgsOf<O extends OptionSpecs> = { readonly [K in RequiredKeys<O>]: ValueOf<O[K]> } & {
  readonly [K in OptionalKeys<O>]?: ValueOf<O[K]>;
};

/** A leaf: options and a `run` that returns data. */
export interface Subcommand<O extends OptionSpecs = OptionSpecs> {
  readonly description: string;
  readonly options: O;
  /** Overrides the command's access level for this subcommand. */
  readonly access?: AccessLevel;
  /** May take longer than 2 s (network): adapters acknowledge first and edit the answer in. */
  readonly slow?: boolean;
  /** Examples for /help, written as the user types them. */
  readonly examples?: readonly string[];
  run(ctx: CommandContext<ArgsOf<O>>): Reply | Promise<Reply>;
}

export interface CommandBase {
  /** Lower-case, 1–32 chars of [a-z0-9-] (Discord's and Slack's common ground). */
  readonly name: string;
  /** One line, at most 100 characters. */
  readonly description: string;
  readonly access: AccessLevel;
  /** Groups in /help. */
  readonly category: 'news' | 'lists' | 'feeds' | 'schedules' | 'admin' | 'help';
  /**
   * The command answers from an article: the framework adds an optional `article` option
   * (autocomplete: articles) and resolves it into `ctx.article`.
   */
  readonly usesArticle?: boolean;
  /**
   * Workspaces where the command exists, as `platform:id` (`discord:123`, `slack:T1`,
   * `shell:local`); absent → everywhere. Lets an admin add a command for one community.
   */
  readonly workspaces?: readonly string[];
}

/** Whether a command is available in a workspace (see `CommandBase.workspaces`). */
export function availableIn(
  command: Pick<CommandBase, 'workspaces'>,
  where: { platform: string; workspaceId: string },
): boolean {
  return !command.workspaces || command.workspaces.includes(`${where.platform}:${where.workspaceId}`);
}

export interface LeafCommand<O extends OptionSpecs = OptionSpecs> extends CommandBase, Omit<Subcommand<O>, 'access'> {
  readonly kind: 'leaf';
}

export interface GroupCommand extends CommandBase {
  readonly kind: 'group';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly subcommands: Readonly<Record<string, Subcommand<any>>>;
}

export type CommandDefinition = LeafCommand<any> | GroupCommand; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Declares a command with options; `run` gets arguments typed from `options`. */
export function defineCommand<const O extends OptionSpecs>(def: Omit<LeafCommand<O>, 'kind'>): LeafCommand<O> {
  return { kind: 'leaf', ...def };
}

/** Declares one subcommand; use inside `defineCommandGroup`. */
export function defineSubcommand<const O extends OptionSpecs>(def: Subcommand<O>): Subcommand<O> {
  return def;
}

/** Declares a command with subcommands: `/feeds add`, `/feeds list`, ... */
export function defineCommandGroup(def: Omit<GroupCommand, 'kind'>): GroupCommand {
  return { kind: 'group', ...def };
}

/** The option every article-bound command gets. */
export const ARTICLE_OPTION: StringOption = {
  type: 'string',
  description: "Which article (id, title or link); default: the channel's current article",
  autocomplete: 'articles',
};

/** The options a leaf or subcommand exposes, including the framework-added `article` option. */
export function effectiveOptions(command: CommandDefinition, sub?: Subcommand): OptionSpecs {
  const base = sub ? sub.options : command.kind === 'leaf' ? command.options : {};
  return command.usesArticle ? { ...base, article: ARTICLE_OPTION } : base;
}
