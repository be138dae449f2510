/**
 * The permission arithmetic behind `herald doctor`'s Discord channel check, with no I/O: what
 * a channel's settings need, and what the bot may do in that channel, computed as Discord
 * documents it (Topics → Permissions → "Permission Hierarchy"): the @everyone role, OR the
 * member's roles; Administrator grants everything; then the channel's @everyone overwrite, the
 * member's role overwrites together, and last the member's own overwrite, each removing its
 * denies before adding its allows. Bits come from discord.js, never written out here.
 */
import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import type { FeedPostSettings } from '../core/live/settings.js';

export type PermissionName = keyof typeof PermissionFlagsBits;

export interface GuildRole {
  readonly id: string;
  /** The role's permissions as Discord sends them: a decimal string. */
  readonly permissions: string;
}

export interface PermissionOverwrite {
  /** A role id (type 0) or a member id (type 1); the @everyone overwrite has the guild's id. */
  readonly id: string;
  readonly type: 0 | 1;
  readonly allow: string;
  readonly deny: string;
}

export interface PermissionInput {
  readonly guildId: string;
  /** Every role of the guild, @everyone (whose id is the guild's) included. */
  readonly roles: readonly GuildRole[];
  readonly memberId: string;
  readonly memberRoleIds: readonly string[];
  readonly overwrites: readonly PermissionOverwrite[];
  /** The guild owner may do everything. */
  readonly ownerId?: string | null;
}

/** What the member may do in the channel. */
export function effectivePermissions(input: PermissionInput): PermissionsBitField {
  const all = new PermissionsBitField(PermissionsBitField.All);
  if (input.ownerId && input.ownerId === input.memberId) return all;
  const roleBits = new Map(input.roles.map((r) => [r.id, BigInt(r.permissions)]));
  let bits = roleBits.get(input.guildId) ?? 0n;
  for (const id of input.memberRoleIds) bits |= roleBits.get(id) ?? 0n;
  if (bits & PermissionFlagsBits.Administrator) return all;

  const apply = (allow: bigint, deny: bigint): void => {
    bits = (bits & ~deny) | allow;
  };
  const everyone = input.overwrites.find((o) => o.type === 0 && o.id === input.guildId);
  if (everyone) apply(BigInt(everyone.allow), BigInt(everyone.deny));
  let allow = 0n;
  let deny = 0n;
  for (const o of input.overwrites)
    if (o.type === 0 && o.id !== input.guildId && input.memberRoleIds.includes(o.id)) {
      allow |= BigInt(o.allow);
      deny |= BigInt(o.deny);
    }
  apply(allow, deny);
  const own = input.overwrites.find((o) => o.type === 1 && o.id === input.memberId);
  if (own) apply(BigInt(own.allow), BigInt(own.deny));
  return new PermissionsBitField(bits);
}

/** One permission a channel's setting needs, with the setting's own way out. */
export interface PermissionNeed {
  readonly permission: PermissionName;
  /** The setting, as the admin would name it: "posting", "feed 3 thread on". */
  readonly setting: string;
  /** How to stop needing it without granting it, when there is one: "/feeds set 3 thread off". */
  readonly undo: string | null;
}

/** A feed followed in the channel, with how it posts there. */
export interface FollowedHere {
  readonly feedId: number;
  readonly settings: FeedPostSettings;
}

const FORUM_TYPES = new Set([15, 16]);
const ANNOUNCEMENT = 5;

/**
 * What the channel's settings need: Send Messages and Embed Links for any post; forum and
 * media channels post each story as a forum post (Send Messages in Threads); a live feed with
 * `thread on` starts a thread (Create Public Threads, Send Messages in Threads); `publish on`
 * crossposts (Manage Messages). Herald never pings @everyone, so Mention Everyone is never needed.
 */
export function neededPermissions(channelType: number, feeds: readonly FollowedHere[]): PermissionNeed[] {
  const needs: PermissionNeed[] = [
    { permission: 'ViewChannel', setting: 'posting', undo: null },
    { permission: 'SendMessages', setting: 'posting', undo: null },
    { permission: 'EmbedLinks', setting: 'posting', undo: null },
  ];
  const forum = FORUM_TYPES.has(channelType);
  if (forum) needs.push({ permission: 'SendMessagesInThreads', setting: 'forum posts', undo: null });
  for (const { feedId, settings } of feeds) {
    if (settings.post !== 'live') continue;
    if (settings.thread && !forum)
      for (const permission of ['CreatePublicThreads', 'SendMessagesInThreads'] as const)
        needs.push({ permission, setting: `feed ${feedId} thread on`, undo: `/feeds set ${feedId} thread off` });
    if (settings.publish && channelType === ANNOUNCEMENT)
      needs.push({
        permission: 'ManageMessages',
        setting: `feed ${feedId} publish on`,
        undo: `/feeds set ${feedId} publish off`,
      });
  }
  return needs;
}

/** The needs the bot's permissions do not cover, in the order they were listed. */
export function missingPermissions(needs: readonly PermissionNeed[], has: PermissionsBitField): PermissionNeed[] {
  return needs.filter((n) => !has.has(PermissionFlagsBits[n.permission]));
}

/** "CreatePublicThreads" → "Create Public Threads", as Discord's settings show it. */
export const permissionLabel = (name: PermissionName): string =>
  name.replace(/(?<=[a-z])(?=[A-Z])/g, ' ').replace(/ In /g, ' in ');
