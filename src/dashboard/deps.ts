/** What the dashboard is built from, and what every page handler sees. */
import type { Context } from 'hono';
import type { AdminScope, Actor } from '../core/admin/scope.js';
import type { DigestLimits } from '../core/digest/index.js';
import type { FeedService } from '../core/feeds/service.js';
import type { Limits } from '../core/limits.js';
import type { ArticleLibrary, ChannelDirectory, Clock, Logger } from '../core/ports.js';
import type { ScheduleControl } from '../core/schedule/port.js';
import type { DashboardSession, Workspace } from '../core/store/records.js';
import type { HeraldStore } from '../core/store/repositories.js';
import type { DashboardLogin } from './login.js';

export interface DashboardDeps {
  readonly store: HeraldStore;
  readonly login: DashboardLogin;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly library: ArticleLibrary;
  readonly feeds: FeedService;
  readonly schedules: ScheduleControl;
  /** Checks channel ids an imported configuration names, as /config import does. */
  readonly channels: ChannelDirectory;
  readonly digestLimits?: DigestLimits;
  /** Limits on imports (and the store's counts); DEFAULT_LIMITS when not given. */
  readonly limits?: Limits;
  /** Set the cookie's Secure flag: true when the dashboard is served over HTTPS (HERALD_PUBLIC_URL https://…). */
  readonly secureCookies: boolean;
}

export interface DashboardEnv {
  Variables: {
    session: DashboardSession;
    sessionId: string;
    workspace: Workspace;
  };
}

export type DashContext = Context<DashboardEnv>;

/** Who acts, as the audit log records them: the same user id the slash commands record. */
export function actorOf(c: DashContext): Actor {
  const s = c.get('session');
  return { userId: s.userId, ...(s.userName ? { displayName: s.userName } : {}) };
}

/**
 * The channel `idText` names, in the session's workspace, as the core's admin scope; null for
 * anything else, which the caller answers 404: another workspace's channel does not exist here.
 */
export async function channelIn(
  c: DashContext,
  deps: DashboardDeps,
  idText: string | undefined,
): Promise<AdminScope | null> {
  if (!idText || !/^\d{1,12}$/u.test(idText)) return null;
  const workspace = c.get('workspace');
  const channel = await deps.store.channels.get(Number(idText));
  if (!channel || channel.workspaceId !== workspace.id) return null;
  return { store: deps.store, workspace, channel };
}

export const isAdmin = (c: DashContext): boolean => c.get('session').level === 'admin';

/** A form field as one trimmed string ('' when missing or a file). */
export function field(form: Record<string, unknown>, name: string): string {
  const v = form[name];
  return typeof v === 'string' ? v.trim() : '';
}

/** The channel as people name it. */
export function channelLabel(ch: { readonly name: string | null; readonly externalId: string }): string {
  return ch.name ? `#${ch.name}` : ch.externalId;
}

/** What a redirect after a change says on the next page (`?done=<key>`): fixed texts, nothing reflected. */
const DONE: Record<string, string> = {
  'feed-added': 'The channel now follows the feed. New items arrive with the next poll.',
  'feed-removed': 'The channel no longer follows that feed. Articles it already received stay.',
  'filters-saved': 'Filters saved; they apply from the next poll.',
  'feed-retried': 'The feed answered and is turned back on; it is fetched again at the next poll.',
  'schedule-added': 'Schedule added.',
  'schedule-paused': 'Schedule paused.',
  'schedule-resumed': 'Schedule resumed.',
  'schedule-removed': 'Schedule removed.',
  'setting-saved': 'Setting saved.',
  'config-imported': 'Configuration imported.',
};

export function doneNotice(c: DashContext): { text: string } | null {
  const key = c.req.query('done');
  const text = key ? DONE[key] : undefined;
  return text ? { text } : null;
}
