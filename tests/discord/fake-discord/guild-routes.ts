/**
 * The fake Discord's permission data (`herald doctor`, issue 16): the bot's own user, each
 * guild's roles and the bot's roles there, and each channel's permission overwrites (served on
 * `GET /channels/{id}` by `channel-routes.ts`). A guild nobody set up answers with an @everyone
 * role that grants what Herald asks for, so tests that do not care see a healthy server.
 */
import { PermissionFlagsBits } from 'discord.js';
import type { RouteAnswer } from './state.js';

export interface FakeRole {
  readonly id: string;
  readonly name: string;
  /** As Discord sends it: the bitfield in a decimal string. */
  readonly permissions: string;
}

export interface FakeOverwrite {
  /** Role id (type 0; the guild's id for @everyone) or member id (type 1). */
  readonly id: string;
  readonly type: 0 | 1;
  readonly allow: string;
  readonly deny: string;
}

export interface FakeGuilds {
  /** Guild id → its roles; @everyone's id is the guild's. Unset: the default @everyone below. */
  readonly roles: Map<string, FakeRole[]>;
  /** Guild id → the role ids of the bot's member there. */
  readonly botRoles: Map<string, string[]>;
  /** Channel id → its permission overwrites. */
  readonly overwrites: Map<string, FakeOverwrite[]>;
}

/** What Discord's default @everyone role allows, plus Embed Links and the thread permissions. */
export const DEFAULT_EVERYONE = String(
  PermissionFlagsBits.ViewChannel |
    PermissionFlagsBits.SendMessages |
    PermissionFlagsBits.EmbedLinks |
    PermissionFlagsBits.ReadMessageHistory |
    PermissionFlagsBits.CreatePublicThreads |
    PermissionFlagsBits.SendMessagesInThreads,
);

export function createFakeGuilds(): FakeGuilds {
  return { roles: new Map(), botRoles: new Map(), overwrites: new Map() };
}

export function guildRoute(g: FakeGuilds, botId: string, method: string, path: string): RouteAnswer | null {
  if (method !== 'GET') return null;
  if (path === '/users/@me') return [200, { id: botId, username: 'Herald', bot: true }];
  let m: RegExpMatchArray | null;
  if ((m = path.match(/^\/guilds\/(\d+)$/))) return [200, { id: m[1], name: `g${m[1]}`, owner_id: '1' }];
  if ((m = path.match(/^\/guilds\/(\d+)\/roles$/)))
    return [200, g.roles.get(m[1]!) ?? [{ id: m[1], name: '@everyone', permissions: DEFAULT_EVERYONE }]];
  if ((m = path.match(/^\/guilds\/(\d+)\/members\/(\d+)$/))) {
    if (m[2] !== botId) return [404, { message: 'Unknown Member', code: 10007 }];
    return [200, { user: { id: botId, username: 'Herald', bot: true }, roles: g.botRoles.get(m[1]!) ?? [] }];
  }
  return null;
}
