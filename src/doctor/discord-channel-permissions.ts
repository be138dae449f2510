/**
 * Whether the bot has, in one Discord channel, every permission that channel's settings need
 * (issue 16): the guild's roles, the bot's member and the channel's overwrites over REST with
 * the bot token, then the arithmetic of `discord-permissions.ts`. One finding per missing
 * permission, naming the channel, the setting and what to do.
 */
import { Routes, type REST } from 'discord.js';
import {
  effectivePermissions,
  missingPermissions,
  neededPermissions,
  permissionLabel,
  type FollowedHere,
  type GuildRole,
  type PermissionOverwrite,
} from './discord-permissions.js';
import { fix, ok, type Finding } from './findings.js';

interface ChannelAnswer {
  readonly type: number;
  readonly name?: string;
  readonly permission_overwrites?: readonly PermissionOverwrite[];
}

/** The bot's own user id, asked once per doctor run. */
export function botUserIdReader(rest: REST): () => Promise<string> {
  let id: Promise<string> | null = null;
  return () => (id ??= rest.get(Routes.user('@me')).then((u) => (u as { id: string }).id));
}

export async function discordPermissionFindings(
  rest: REST,
  botUserId: () => Promise<string>,
  guildId: string,
  channelId: string,
  feeds: readonly FollowedHere[],
): Promise<Finding[]> {
  let channel: ChannelAnswer;
  let roles: GuildRole[];
  let member: { roles: string[] };
  let ownerId: string | null = null;
  try {
    const userId = await botUserId();
    channel = (await rest.get(Routes.channel(channelId))) as ChannelAnswer;
    roles = (await rest.get(Routes.guildRoles(guildId))) as GuildRole[];
    member = (await rest.get(Routes.guildMember(guildId, userId))) as { roles: string[] };
    try {
      ownerId = ((await rest.get(Routes.guild(guildId))) as { owner_id?: string }).owner_id ?? null;
    } catch {
      ownerId = null; // the owner only shortcuts the arithmetic; without it the roles decide
    }
    const has = effectivePermissions({
      guildId,
      roles,
      memberId: userId,
      memberRoleIds: member.roles,
      overwrites: channel.permission_overwrites ?? [],
      ownerId,
    });
    const name = channel.name ? `#${channel.name}` : `channel ${channelId}`;
    const area = channel.name ? `Channel #${channel.name}` : `Channel ${channelId}`;
    const missing = missingPermissions(neededPermissions(channel.type, feeds), has);
    if (missing.length === 0) return [ok(area, "Herald's permissions cover every setting here")];
    return missing.map((n) => {
      const perm = permissionLabel(n.permission);
      return fix(
        area,
        `${n.setting} needs ${perm}, which Herald lacks here: give Herald's role ${perm} in ${name}${n.undo ? `, or ${n.undo}` : ''}.`,
      );
    });
  } catch (e) {
    const s = (e as { status?: number }).status;
    return [
      fix(
        `Channel ${channelId}`,
        `could not read Herald's permissions here (${s ? `HTTP ${s}` : e instanceof Error ? e.message : String(e)}).`,
      ),
    ];
  }
}
