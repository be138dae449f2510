/**
 * Application-command registration derived from the same declarations the core runs:
 * SlashCommandBuilder validates each command (discord.js's builders check names, lengths
 * and option order before anything is sent), the set is bulk-overwritten in one PUT, and
 * the caller gets a diff against what Discord had, so `herald register discord` can say
 * what changed.
 */
import {
  InteractionContextType,
  Routes,
  SlashCommandBuilder,
  SlashCommandSubcommandBuilder,
  type REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import {
  ACCESS_ORDER,
  availableIn,
  effectiveOptions,
  type AccessLevel,
  type CommandDefinition,
  type OptionSpecs,
} from '../../core/commands/define.js';
import type { CommandRegistry } from '../../core/commands/registry.js';
import { err, failure, ok, type Result } from '../../core/result.js';
import { defaultPermissionsFor } from './permissions.js';

type OptionHost = Pick<SlashCommandSubcommandBuilder, 'addStringOption' | 'addIntegerOption' | 'addBooleanOption'>;

function addOptions(host: OptionHost, specs: OptionSpecs): void {
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.type === 'string') {
      host.addStringOption((o) => {
        o.setName(name)
          .setDescription(spec.description)
          .setRequired(spec.required ?? false);
        if (spec.autocomplete) o.setAutocomplete(true);
        if (spec.choices) o.addChoices(...spec.choices.map((c) => ({ name: c, value: c })));
        if (spec.minLength !== undefined) o.setMinLength(spec.minLength);
        if (spec.maxLength !== undefined) o.setMaxLength(spec.maxLength);
        return o;
      });
    } else if (spec.type === 'integer') {
      host.addIntegerOption((o) => {
        o.setName(name)
          .setDescription(spec.description)
          .setRequired(spec.required ?? false);
        if (spec.min !== undefined) o.setMinValue(spec.min);
        if (spec.max !== undefined) o.setMaxValue(spec.max);
        return o;
      });
    } else {
      host.addBooleanOption((o) =>
        o
          .setName(name)
          .setDescription(spec.description)
          .setRequired(spec.required ?? false),
      );
    }
  }
}

/** The lowest level any part of a command needs: Discord hides a command as a whole, the core checks each subcommand. */
function visibleTo(def: CommandDefinition): AccessLevel {
  if (def.kind === 'leaf') return def.access;
  const levels = Object.values(def.subcommands).map((s) => s.access ?? def.access);
  return ACCESS_ORDER.find((l) => levels.includes(l)) ?? def.access;
}

/** One declaration → Discord's command JSON (guild-only: Herald's state is per server and channel). */
export function buildCommand(def: CommandDefinition): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const b = new SlashCommandBuilder()
    .setName(def.name)
    .setDescription(def.description)
    .setContexts(InteractionContextType.Guild);
  const perms = defaultPermissionsFor(visibleTo(def));
  if (perms !== null) b.setDefaultMemberPermissions(perms);
  if (def.kind === 'leaf') addOptions(b as unknown as OptionHost, effectiveOptions(def));
  else {
    for (const [subName, sub] of Object.entries(def.subcommands)) {
      b.addSubcommand((s) => {
        s.setName(subName).setDescription(sub.description);
        addOptions(s, effectiveOptions(def, sub));
        return s;
      });
    }
  }
  return b.toJSON();
}

/** Every command of the registry as Discord JSON; a declaration Discord would refuse is a Failure. */
export function buildCommands(
  registry: CommandRegistry,
  guildId?: string | null,
): Result<RESTPostAPIChatInputApplicationCommandsJSONBody[]> {
  const out: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [];
  const problems: string[] = [];
  // Commands an admin enabled for some servers only are registered in those servers, never globally.
  const here = (def: CommandDefinition): boolean =>
    def.workspaces ? !!guildId && availableIn(def, { platform: 'discord', workspaceId: guildId }) : true;
  for (const def of registry.commands.filter(here)) {
    try {
      out.push(buildCommand(def));
    } catch (e) {
      problems.push(`/${def.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return problems.length > 0
    ? err(failure('bad_input', `Commands Discord would refuse:\n- ${problems.join('\n- ')}`))
    : ok(out);
}

export interface RegistrationDiff {
  readonly scope: 'global' | { guildId: string };
  /** Guild registration only: names also registered globally, which members then see twice. */
  readonly alsoGlobal?: readonly string[];
  readonly added: string[];
  readonly removed: string[];
  readonly changed: string[];
  readonly unchanged: string[];
}

/** Drops what Discord adds or defaults (ids, versions, nulls, `false`), so equal commands compare equal. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (
      v === null ||
      v === undefined ||
      v === false ||
      ['id', 'application_id', 'version', 'guild_id', 'dm_permission', 'nsfw', 'integration_types'].includes(key) ||
      key.endsWith('_localizations')
    )
      continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[key] = normalise(v);
  }
  return out;
}

export function diffCommands(
  before: readonly { name: string }[],
  after: readonly { name: string }[],
  scope: RegistrationDiff['scope'],
): RegistrationDiff {
  const old = new Map(before.map((c) => [c.name, JSON.stringify(normalise(c))]));
  const diff: RegistrationDiff = { scope, added: [], removed: [], changed: [], unchanged: [] };
  for (const c of after) {
    const prev = old.get(c.name);
    if (prev === undefined) diff.added.push(c.name);
    else if (prev !== JSON.stringify(normalise(c))) diff.changed.push(c.name);
    else diff.unchanged.push(c.name);
    old.delete(c.name);
  }
  diff.removed.push(...old.keys());
  return diff;
}

export interface RegisterOptions {
  readonly rest: REST;
  readonly applicationId: string;
  /** Register to one server (instant, for testing); omitted → global. */
  readonly guildId?: string | null;
  readonly registry: CommandRegistry;
  /** Compute the diff without writing. */
  readonly dryRun?: boolean;
  /** Remove every command of this scope instead of registering (e.g. guild commands after going global). */
  readonly clear?: boolean;
}

/** Fetches the current commands, bulk-overwrites them with the declarations, and returns what changed. */
export async function registerCommands(opts: RegisterOptions): Promise<Result<RegistrationDiff>> {
  const built = opts.clear ? ok([]) : buildCommands(opts.registry, opts.guildId);
  if (!built.ok) return built;
  const route = opts.guildId
    ? Routes.applicationGuildCommands(opts.applicationId, opts.guildId)
    : Routes.applicationCommands(opts.applicationId);
  const scope = opts.guildId ? { guildId: opts.guildId } : ('global' as const);
  try {
    const before = (await opts.rest.get(route)) as { name: string }[];
    const diff = diffCommands(before, built.value, scope);
    if (!opts.dryRun && diff.added.length + diff.removed.length + diff.changed.length > 0)
      await opts.rest.put(route, { body: built.value });
    if (!opts.guildId || opts.clear) return ok(diff);
    // Discord shows a guild command and a global one of the same name side by side.
    const global = (await opts.rest.get(Routes.applicationCommands(opts.applicationId))) as { name: string }[];
    const names = new Set(built.value.map((c) => c.name));
    return ok({ ...diff, alsoGlobal: global.map((c) => c.name).filter((n) => names.has(n)) });
  } catch (e) {
    const status = (e as { status?: number }).status;
    return err(
      failure(
        'platform_error',
        `Discord refused the registration${status ? ` (HTTP ${status})` : ''}: ${e instanceof Error ? e.message : String(e)}`,
        {
          hint:
            status === 401
              ? 'Check DISCORD_TOKEN.'
              : status === 403 || status === 404
                ? 'Check DISCORD_APPLICATION_ID and that the bot is in that server.'
                : 'Try again in a minute.',
          ...(status ? { details: { status } } : {}),
        },
      ),
    );
  }
}

/** Human-readable lines for the CLI. */
export function formatDiff(diff: RegistrationDiff, dryRun = false): string[] {
  const where = diff.scope === 'global' ? 'globally' : `in server ${diff.scope.guildId}`;
  const lines = [
    ...diff.added.map((n) => `+ /${n}`),
    ...diff.changed.map((n) => `~ /${n}`),
    ...diff.removed.map((n) => `- /${n}`),
  ];
  const total = diff.added.length + diff.changed.length + diff.removed.length;
  if (diff.alsoGlobal && diff.alsoGlobal.length > 0 && diff.scope !== 'global')
    lines.push(
      `Warning: ${diff.alsoGlobal.length} of these are also registered globally, so members of this server see them twice. ` +
        `Keep one: \`herald register discord --guild ${diff.scope.guildId} --clear\` removes the server copies, ` +
        `\`herald register discord --clear\` the global ones.`,
    );
  lines.push(
    total === 0
      ? `Discord commands ${where} are up to date (${diff.unchanged.length} unchanged).`
      : `${dryRun ? 'Would change' : 'Changed'} ${total} command(s) ${where}: ${diff.added.length} added, ${diff.changed.length} changed, ${diff.removed.length} removed, ${diff.unchanged.length} unchanged.`,
  );
  return lines;
}
