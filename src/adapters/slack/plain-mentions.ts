/**
 * `/roles moderator add @editors` as a Slack admin types it. An app created from a manifest with
 * `should_escape: false` (Herald's manifests before this version) receives the plain `@editors`;
 * today's manifest sets `should_escape: true`, so Slack sends `<!subteam^S…|@editors>` itself.
 * For the older apps, an argument that is exactly one `@handle` is looked up through the Web API
 * (`usergroups.list`, then `users.list`; scopes the manifest already has) and rewritten into the
 * escaped form the core reads. A handle that matches nothing is left as typed, so the command's
 * own error (with its hint) answers.
 */
import type { WebClient } from '@slack/web-api';
import type { Clock, Logger } from '../../core/ports.js';

export interface PlainMentionResolver {
  /** Returns args with each exact `@handle` value replaced by Slack's escaped mention when it resolves. */
  resolve(teamId: string, args: Readonly<Record<string, unknown>>): Promise<Record<string, unknown>>;
}

export interface PlainMentionOptions {
  readonly client: WebClient;
  readonly clock: Clock;
  readonly logger: Logger;
  /** How long a team's directory is trusted; default 5 minutes. */
  readonly ttlMs?: number;
}

const HANDLE = /^@([\p{L}\p{N}][\p{L}\p{N}._-]{0,79})$/u;
/** users.list pages; a bound keeps one lookup from walking a 100,000-member workspace. */
const MAX_USER_PAGES = 10;

interface Directory {
  readonly groups: ReadonlyMap<string, string>;
  readonly users: ReadonlyMap<string, string>;
}

export function createPlainMentionResolver(opts: PlainMentionOptions): PlainMentionResolver {
  const ttl = opts.ttlMs ?? 5 * 60_000;
  const cache = new Map<string, { until: number; dir: Promise<Directory> }>();

  async function load(): Promise<Directory> {
    const groups = new Map<string, string>();
    const users = new Map<string, string>();
    try {
      const r = await opts.client.usergroups.list({ include_disabled: false });
      for (const g of r.usergroups ?? []) if (g.id && g.handle) groups.set(g.handle.toLowerCase(), g.id);
    } catch (e) {
      opts.logger.warn({ err: e }, 'slack: usergroups.list failed; @group names cannot be resolved');
    }
    try {
      let cursor: string | undefined;
      for (let page = 0; page < MAX_USER_PAGES; page++) {
        const r = await opts.client.users.list({ limit: 200, ...(cursor ? { cursor } : {}) });
        for (const m of r.members ?? []) {
          if (!m.id || m.deleted) continue;
          for (const n of [m.name, m.profile?.display_name]) if (n) users.set(n.toLowerCase(), m.id);
        }
        cursor = r.response_metadata?.next_cursor || undefined;
        if (!cursor) break;
      }
    } catch (e) {
      opts.logger.warn({ err: e }, 'slack: users.list failed; @user names cannot be resolved');
    }
    return { groups, users };
  }

  function directory(teamId: string): Promise<Directory> {
    const now = opts.clock.now().getTime();
    const hit = cache.get(teamId);
    if (hit && hit.until > now) return hit.dir;
    const dir = load();
    cache.set(teamId, { until: now + ttl, dir });
    return dir;
  }

  return {
    async resolve(teamId, args) {
      const out: Record<string, unknown> = { ...args };
      for (const [key, value] of Object.entries(args)) {
        const m = typeof value === 'string' ? HANDLE.exec(value.trim()) : null;
        if (!m) continue;
        const handle = m[1]!.toLowerCase();
        // Broadcast words are never resolved: the core refuses them with its own message.
        if (['everyone', 'here', 'channel'].includes(handle)) continue;
        const dir = await directory(teamId);
        const group = dir.groups.get(handle);
        const user = dir.users.get(handle);
        if (group) out[key] = `<!subteam^${group}|@${m[1]}>`;
        else if (user) out[key] = `<@${user}|${m[1]}>`;
      }
      return out;
    },
  };
}
