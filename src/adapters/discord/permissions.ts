/**
 * Discord permissions ↔ Herald access levels. The platform level is what the member's
 * own permissions grant; role mappings configured by admins are applied by the core.
 */
import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { AccessLevel } from '../../core/commands/define.js';

const ADMIN = PermissionFlagsBits.Administrator | PermissionFlagsBits.ManageGuild;
// Issue 3: Manage Channels or Manage Messages make a moderator; Manage Server (or Administrator) an admin.
const MODERATOR = PermissionFlagsBits.ManageChannels | PermissionFlagsBits.ManageMessages;

/** Level granted by a member's permission bitfield (the `permissions` string of an interaction member). */
export function levelFromPermissions(permissions: string | null | undefined): AccessLevel {
  if (!permissions || !/^\d+$/.test(permissions)) return 'member';
  const bits = BigInt(permissions);
  if ((bits & ADMIN) !== 0n) return 'admin';
  if ((bits & MODERATOR) !== 0n) return 'moderator';
  return 'member';
}

/**
 * `default_member_permissions` for a level: hides moderator and admin commands from members
 * in Discord's picker (server admins can still adjust it under Integrations). The core checks
 * access again on every invocation, so this is convenience, not the guard.
 */
export function defaultPermissionsFor(level: AccessLevel): bigint | null {
  if (level === 'admin') return PermissionFlagsBits.ManageGuild;
  if (level === 'moderator') return PermissionFlagsBits.ManageMessages;
  return null;
}
