/**
 * Who is an admin on Slack: workspace admins and owners (from `users.info`), cached per
 * user, plus the user groups a user belongs to (from `usergroups.list`), cached per team.
 * The groups become `roleIds`, which the core matches against the mappings an admin made
 * (`/roles moderator add @group`).
 */
import type { WebClient } from '@slack/web-api';
import type { Clock, Invoker, Logger } from '../../core/ports.js';

export interface SlackPermissionsOptions {
  readonly client: WebClient;
  readonly clock: Clock;
  readonly logger: Logger;
  /** How long an answer is trusted; default 5 minutes (a demoted admin loses access within it). */
  readonly ttlMs?: number;
  /** Set false when the app lacks `usergroups:read`; roles then come from user mappings only. */
  readonly userGroups?: boolean;
}

export interface SlackPermissions {
  /** The platform level and groups of a user; never throws (a failed lookup counts as member). */
  invoker(teamId: string, userId: string, displayName?: string): Promise<Invoker>;
}

interface Cached<T> {
  readonly value: T;
  readonly until: number;
}

export function createSlackPermissions(opts: SlackPermissionsOptions): SlackPermissions {
  const ttl = opts.ttlMs ?? 5 * 60_000;
  const users = new Map<string, Cached<{ admin: boolean; name?: string }>>();
  const groups = new Map<string, Cached<Promise<Map<string, string[]>>>>();
  const now = () => opts.clock.now().getTime();

  async function userInfo(teamId: string, userId: string): Promise<{ admin: boolean; name?: string }> {
    const key = `${teamId}:${userId}`;
    const hit = users.get(key);
    if (hit && hit.until > now()) return hit.value;
    try {
      const res = await opts.client.users.info({ user: userId });
      const u = res.user;
      const value = {
        admin: !!(u && !u.deleted && (u.is_admin || u.is_owner || u.is_primary_owner)),
        ...(u?.real_name ? { name: u.real_name } : {}),
      };
      users.set(key, { value, until: now() + ttl });
      return value;
    } catch (e) {
      // Not cached: the next command asks again rather than locking an admin out for the TTL.
      opts.logger.warn({ err: e, user: userId }, 'slack users.info failed; treating as member');
      return { admin: false };
    }
  }

  function groupsOf(teamId: string): Promise<Map<string, string[]>> {
    const hit = groups.get(teamId);
    if (hit && hit.until > now()) return hit.value;
    const value = (async () => {
      const byUser = new Map<string, string[]>();
      const res = await opts.client.usergroups.list({ include_users: true, team_id: teamId });
      for (const g of res.usergroups ?? []) {
        for (const u of g.users ?? []) byUser.set(u, [...(byUser.get(u) ?? []), g.id!]);
      }
      return byUser;
    })();
    groups.set(teamId, { value, until: now() + ttl });
    value.catch((e: unknown) => {
      groups.delete(teamId);
      opts.logger.warn({ err: e, team: teamId }, 'slack usergroups.list failed; no group roles this time');
    });
    return value;
  }

  return {
    async invoker(teamId, userId, displayName) {
      const [info, byUser] = await Promise.all([
        userInfo(teamId, userId),
        opts.userGroups === false
          ? Promise.resolve(new Map<string, string[]>())
          : groupsOf(teamId).catch(() => new Map<string, string[]>()),
      ]);
      const name = displayName ?? info.name;
      return {
        userId,
        platformLevel: info.admin ? 'admin' : 'member',
        roleIds: byUser.get(userId) ?? [],
        ...(name ? { displayName: name } : {}),
      };
    },
  };
}
