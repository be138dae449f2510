/**
 * Signing in without OAuth (docs/decisions/037-dashboard-hono-htmx-link-login.md): `/dashboard`
 * mints a random single-use link valid a few minutes; opening it checks the caller's access again
 * at that moment and opens a session for that one workspace, 30 minutes idle. Only SHA-256 hashes
 * of the link token and the session id are stored, so a copy of the database signs nobody in.
 */
import { createHash, randomBytes } from 'node:crypto';
import { accessAtLeast, higherAccess } from '../core/commands/define.js';
import type { DashboardLinks, MintedLink } from '../core/dashboard/links.js';
import type { AccessMappings, Clock, Where } from '../core/ports.js';
import { err, failure, ok, type Result } from '../core/result.js';
import type { DashboardSession, MappedLevel } from '../core/store/records.js';
import type { HeraldStore } from '../core/store/repositories.js';

export const LINK_TTL_MS = 5 * 60_000;
export const SESSION_IDLE_MS = 30 * 60_000;

export interface DashboardLoginDeps {
  readonly store: HeraldStore;
  readonly access: AccessMappings;
  readonly clock: Clock;
  /** Where browsers reach the dashboard (`https://herald.example.org`); null when nobody can. */
  readonly baseUrl: () => string | null;
  readonly linkTtlMs?: number;
  readonly idleMs?: number;
}

export interface DashboardLogin extends DashboardLinks {
  /** Uses a link up and opens a session; the session id goes in the cookie and nowhere else. */
  open(token: string): Promise<Result<{ readonly sessionId: string; readonly session: DashboardSession }>>;
  /** The live session of this cookie value, marked seen; null when unknown or idle too long. */
  session(sessionId: string): Promise<DashboardSession | null>;
  signOut(sessionId: string): Promise<void>;
  readonly idleMs: number;
}

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
const newSecret = (): string => randomBytes(32).toString('base64url');

const LINK_GONE = failure('not_found', 'This dashboard link has expired or was already used.', {
  hint: 'Ask for a new one with /dashboard (Slack: /herald dashboard); a link works once, for five minutes.',
});

export function createDashboardLogin(deps: DashboardLoginDeps): DashboardLogin {
  const { store, clock } = deps;
  const ttl = deps.linkTtlMs ?? LINK_TTL_MS;
  const idleMs = deps.idleMs ?? SESSION_IDLE_MS;
  let lastPurge = 0;
  const purgeNow = async (now: Date) => {
    // Old rows are swept at most once a minute, by whichever request comes first.
    if (now.getTime() - lastPurge < 60_000) return;
    lastPurge = now.getTime();
    await store.dashboard.purge(now, idleMs);
  };

  return {
    idleMs,
    async mint(where: Where, invoker): Promise<Result<MintedLink>> {
      if (!accessAtLeast(invoker.level, 'moderator'))
        return err(failure('permission_denied', 'The dashboard is for moderators and admins of this workspace.'));
      const base = deps.baseUrl();
      if (!base)
        return err(
          failure('platform_error', 'The dashboard is not reachable from outside: Herald has no public address.', {
            hint: 'The operator sets HERALD_PUBLIC_URL (see docs/dashboard.md).',
          }),
        );
      const workspace = await store.workspaces.ensure(where.platform, where.workspaceId);
      const token = newSecret();
      const expiresAt = new Date(clock.now().getTime() + ttl);
      await store.dashboard.addLink(hashSecret(token), {
        workspaceId: workspace.id,
        userId: invoker.userId,
        userName: invoker.displayName ?? null,
        platformLevel: invoker.platformLevel,
        roleIds: invoker.roleIds ?? [],
        expiresAt: expiresAt.toISOString(),
      });
      const url = `${base.replace(/\/+$/u, '')}/dashboard/login/${token}`;
      return ok({ url, expiresAt, level: invoker.level === 'admin' ? 'admin' : 'moderator' });
    },

    async open(token) {
      const now = clock.now();
      await purgeNow(now);
      const link = /^[\w-]{20,100}$/u.test(token) ? await store.dashboard.takeLink(hashSecret(token), now) : null;
      if (!link) return err(LINK_GONE);
      const workspace = await store.workspaces.get(link.workspaceId);
      if (!workspace) return err(LINK_GONE);
      // Access is checked again now: a grant taken away since the link was minted no longer counts.
      const where = { platform: workspace.platform, workspaceId: workspace.externalId, channelId: '' };
      const mapped = await deps.access.levelFor(where, {
        userId: link.userId,
        platformLevel: link.platformLevel,
        roleIds: link.roleIds,
      });
      const level = higherAccess(link.platformLevel, mapped);
      if (!accessAtLeast(level, 'moderator'))
        return err(failure('permission_denied', 'You no longer have moderator or admin access to this workspace.'));
      const sessionId = newSecret();
      const session = {
        workspaceId: workspace.id,
        userId: link.userId,
        userName: link.userName,
        level: level as MappedLevel,
        csrf: newSecret(),
      };
      await store.dashboard.openSession(hashSecret(sessionId), session, now);
      return ok({ sessionId, session: { ...session, createdAt: now.toISOString(), lastSeenAt: now.toISOString() } });
    },

    async session(sessionId) {
      if (!/^[\w-]{20,100}$/u.test(sessionId)) return null;
      return store.dashboard.touchSession(hashSecret(sessionId), clock.now(), idleMs);
    },

    async signOut(sessionId) {
      await store.dashboard.closeSession(hashSecret(sessionId));
    },
  };
}
