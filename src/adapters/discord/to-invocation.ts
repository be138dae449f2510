/**
 * Raw interaction JSON → the core's Invocation. The HTTP endpoint and the gateway both
 * hand raw payloads here, so there is exactly one translation for both transports.
 */
import { ApplicationCommandOptionType, type APIInteraction } from 'discord-api-types/v10';
import type { Invocation } from '../../core/commands/dispatch.js';
import type { Invoker, Where } from '../../core/ports.js';
import type { ButtonAction } from './custom-id.js';
import { levelFromPermissions } from './permissions.js';

/** The parts of an option tree we read; loose on purpose, so fixtures from the docs parse. */
interface RawOption {
  readonly name: string;
  readonly type: number;
  readonly value?: unknown;
  readonly focused?: boolean;
  readonly options?: readonly RawOption[];
}

/** Where the interaction happened. DMs use the workspace id `dm`. */
export function whereOf(i: APIInteraction): Where {
  return {
    platform: 'discord',
    workspaceId: i.guild_id ?? 'dm',
    channelId: i.channel?.id ?? i.channel_id ?? 'unknown',
  };
}

/** Who invoked it: guild member (with permissions and roles) or DM user. */
export function invokerOf(i: APIInteraction): Invoker {
  const user = i.member?.user ?? i.user;
  const displayName = i.member?.nick ?? user?.global_name ?? user?.username;
  return {
    userId: user?.id ?? 'unknown',
    ...(displayName ? { displayName } : {}),
    // In a DM there is no server to administer: everyone is a member.
    platformLevel: i.member ? levelFromPermissions(i.member.permissions) : 'member',
    roleIds: i.member?.roles ?? [],
  };
}

/** Flattens the option tree: subcommand name, plain argument values, and the focused option. */
function readOptions(options: readonly RawOption[] | undefined): {
  subcommand: string | null;
  args: Record<string, unknown>;
  focused: { name: string; value: string } | null;
} {
  let subcommand: string | null = null;
  let list = options ?? [];
  const first = list[0];
  if (
    first &&
    (first.type === ApplicationCommandOptionType.Subcommand ||
      first.type === ApplicationCommandOptionType.SubcommandGroup)
  ) {
    subcommand = first.name;
    list = first.options ?? [];
    // Herald declares no subcommand groups; if one ever arrives, the leaf is the subcommand.
    const inner = list[0];
    if (first.type === ApplicationCommandOptionType.SubcommandGroup && inner) {
      subcommand = inner.name;
      list = inner.options ?? [];
    }
  }
  const args: Record<string, unknown> = {};
  let focused: { name: string; value: string } | null = null;
  for (const o of list) {
    args[o.name] = o.value;
    if (o.focused) focused = { name: o.name, value: String(o.value ?? '') };
  }
  return { subcommand, args, focused };
}

/** A slash command or autocomplete interaction → Invocation (+ the focused option for autocomplete). */
export function commandInvocation(
  i: APIInteraction,
): { invocation: Invocation; focused: { name: string; value: string } | null } | null {
  if (!('data' in i) || !i.data || !('name' in i.data)) return null;
  const data = i.data as { name: string; options?: readonly RawOption[] };
  const { subcommand, args, focused } = readOptions(data.options);
  return { invocation: { command: data.name, subcommand, args, invoker: invokerOf(i), where: whereOf(i) }, focused };
}

/** A button press decoded from its custom id → Invocation. */
export function buttonInvocation(i: APIInteraction, action: ButtonAction): Invocation {
  return {
    command: action.command,
    subcommand: action.subcommand,
    args: action.args,
    invoker: invokerOf(i),
    where: whereOf(i),
  };
}
