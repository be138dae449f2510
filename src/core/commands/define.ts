/**
 * One declaration per command. Argument types, the Discord registration, the Slack
 * manifest, the shell and /help are all derived from it (docs/decisions/003-commands-declared-once.md).
 */
import type { Reply } from '../reply/types.js';
import type { CommandContext, Need } from './context.js';

export type { Capability, Need } from './context.js';

export type AccessLevel = 'member' | 'moderator' | 'admin';
export const ACCESS_ORDER: readonly AccessLevel[] = ['member', 'moderator', 'admin'];
/** The one ranking of access levels (dispatch, role mappings and adapters all compare with it). */
export const ACCESS_RANK: Readonly<Record<AccessLevel, number>> = { member: 0, moderator: 1, admin: 2 };
export function accessAtLeast(have: AccessLevel, need: AccessLevel): boolean {
  return ACCESS_RANK[have] >= ACCESS_RANK[need];
}
/** The higher of two levels. */
export function higherAccess(a: AccessLevel, b: AccessLevel): AccessLevel {
  return ACCESS_RANK[a] >= ACCESS_RANK[b] ? a : b;
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
export interface Subcommand<O extends OptionSpecs = OptionSpecs, N extends Need = Need> {
  readonly description: string;
  readonly options: O;
  /**
   * What `run` needs beyond the clock, logger, library and registry every command gets:
   * `'article'` (the framework adds an `article` option and resolves `ctx.article`), or the
   * store, feed fetching or the scheduler (`ctx.services.store` ...). The context type follows
   * from this list, and the app refuses at start-up a command whose needs it cannot meet.
   */
  readonly needs?: readonly N[];
  /** Overrides the command's access level for this subcommand. */
  readonly access?: AccessLevel;
  /** May take longer than 2 s (network): adapters acknowledge first and edit the answer in. */
  readonly slow?: boolean;
  /** Examples for /help, written as the user types them. */
  readonly examples?: readonly string[];
  run(ctx: CommandContext<ArgsOf<O>, N>): Reply | Promise<Reply>;
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

export interface LeafCommand<O extends OptionSpecs = OptionSpecs, N extends Need = Need>
  extends CommandBase, Omit<Subcommand<O, N>, 'access'> {
  readonly kind: 'leaf';
}

export interface GroupCommand extends CommandBase {
  readonly kind: 'group';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly subcommands: Readonly<Record<string, Subcommand<any, any>>>;
}

export type CommandDefinition = LeafCommand<any, any> | GroupCommand; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Declares a command with options; `run` gets arguments typed from `options` and a context from `needs`. */
export function defineCommand<const O extends OptionSpecs, const N extends Need = never>(
  def: Omit<LeafCommand<O, N>, 'kind'>,
): LeafCommand<O, N> {
  return { kind: 'leaf', ...def };
}

/** Declares one subcommand; use inside `defineCommandGroup`. */
export function defineSubcommand<const O extends OptionSpecs, const N extends Need = never>(
  def: Subcommand<O, N>,
): Subcommand<O, N> {
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

/** What a leaf or one subcommand needs (see `Subcommand.needs`). */
export function needsOf(command: CommandDefinition, sub?: Subcommand): readonly Need[] {
  return (sub ? sub.needs : command.kind === 'leaf' ? command.needs : undefined) ?? [];
}

/** Whether the command (or the subcommand) answers from an article. */
export function usesArticle(command: CommandDefinition, sub?: Subcommand): boolean {
  return needsOf(command, sub).includes('article');
}

// Declarations do not change once made, so each leaf's options are built once, not on every
// command a user sends (parsing and dispatch both ask). Keyed by the leaf's own object.
const optionsOf = new WeakMap<CommandDefinition | Subcommand, OptionSpecs>();
const NO_OPTIONS: OptionSpecs = {};

/** The options a leaf or subcommand exposes, including the framework-added `article` option. */
export function effectiveOptions(command: CommandDefinition, sub?: Subcommand): OptionSpecs {
  // A group without a subcommand has no options of its own: not cached, so a group and one of
  // its subcommands never share an entry.
  const leaf = sub ?? (command.kind === 'leaf' ? command : undefined);
  if (!leaf) return NO_OPTIONS;
  let options = optionsOf.get(leaf);
  if (!options) {
    const base = sub ? sub.options : (command as LeafCommand).options;
    options = usesArticle(command, sub) ? { ...base, article: ARTICLE_OPTION } : base;
    optionsOf.set(leaf, options);
  }
  return options;
}
