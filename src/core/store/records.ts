/**
 * The records the store keeps, as the core sees them: plain readonly data with ISO 8601
 * timestamps, no SQL and no driver types (docs/decisions/007-sqlite-store-and-migrations.md).
 * Ids of rows the store creates are numbers; an article's id is its content hash, as in `Article.id`.
 */
import type { Article } from '../article/types.js';
import type { ArticleFacts } from '../facts/types.js';
import type { FeedPostSettings } from '../live/settings.js';
import type { Platform } from '../ports.js';

/** ISO 8601 instant, e.g. "2025-01-06T09:00:00.000Z". */
export type IsoInstant = string;

/** A Discord guild, a Slack team, or the shell ('local'). */
export interface Workspace {
  readonly id: number;
  readonly platform: Platform;
  /** Guild id, team id, or 'local'. */
  readonly externalId: string;
  readonly name: string | null;
  readonly createdAt: IsoInstant;
}

/** How a digest is laid out; the digest builder decides what each means. */
export type DigestFormat = 'compact' | 'full';
export const DIGEST_FORMATS: readonly DigestFormat[] = ['compact', 'full'];

/**
 * Keyword or regular-expression filters. A pattern written `/.../flags` is a regular
 * expression, anything else a case-insensitive keyword; compiling and time-boxing them is the
 * filter module's job, the store only keeps the text.
 */
export interface ContentFilters {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}
export const NO_FILTERS: ContentFilters = Object.freeze({ include: [], exclude: [] });

/** Per-channel settings an admin changes with `/channel set`. */
export interface ChannelSettings {
  /** IANA zone name, 'UTC' by default. */
  readonly timezone: string;
  readonly digestFormat: DigestFormat;
  /** Filters applied to every feed of the channel, on top of each subscription's own. */
  readonly filters: ContentFilters;
  /** The article an admin pinned as current, by content hash; null = newest received. */
  readonly currentArticleId: string | null;
  /**
   * Set when the platform said the bot can no longer post here (Discord 403/404, Slack
   * not_in_channel): why and when. Its schedules were paused; resuming one clears it.
   */
  readonly unavailable: { readonly reason: string; readonly at: string } | null;
  /** How each followed feed posts here, by feed id (`/feeds set`); a feed without an entry posts in digests only. */
  readonly feedPosts: Readonly<Record<string, FeedPostSettings>>;
}
export const DEFAULT_CHANNEL_SETTINGS: ChannelSettings = Object.freeze({
  timezone: 'UTC',
  digestFormat: 'compact',
  filters: NO_FILTERS,
  currentArticleId: null,
  unavailable: null,
  feedPosts: {},
});

export interface Channel {
  readonly id: number;
  readonly workspaceId: number;
  /** The platform's channel id ('shell' or any name in the shell). */
  readonly externalId: string;
  readonly name: string | null;
  readonly settings: ChannelSettings;
  readonly createdAt: IsoInstant;
}

/** What the poller remembers about a feed between fetches. */
export interface FeedFetchState {
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly lastFetchAt: IsoInstant | null;
  /** Short text of the last failure; null after a success. */
  readonly lastError: string | null;
  readonly consecutiveFailures: number;
  /** Not fetched before this instant (back-off); null = due now. */
  readonly nextAttemptAt: IsoInstant | null;
  /** Set when the poller gave up on the feed; a disabled feed is never due. */
  readonly disabledReason: string | null;
  /** Items seen in total, across fetches. */
  readonly itemsSeen: number;
  /**
   * What was odd about the last successful read, for `/feeds status`: malformed XML that was
   * recovered, items whose full article could not be fetched and why. Empty when all went well.
   */
  readonly notes: readonly string[];
}

/** A feed is shared by every channel subscribed to it, so it is fetched once. */
export interface Feed {
  readonly id: number;
  readonly url: string;
  readonly title: string | null;
  readonly fetch: FeedFetchState;
  readonly createdAt: IsoInstant;
}

/** A channel following a feed, with its own filters. */
export interface Subscription {
  readonly id: number;
  readonly channelId: number;
  readonly feedId: number;
  readonly filters: ContentFilters;
  readonly createdBy: string | null;
  readonly createdAt: IsoInstant;
}

/** An article kept in the store, deduplicated by guid, link and content hash across feeds. */
export interface StoredArticle {
  /** Content hash of the first version stored (`Article.id`). */
  readonly id: string;
  readonly guid: string | null;
  readonly link: string | null;
  readonly title: string | null;
  readonly publishedAt: string | null;
  /** Feed it was first seen in; null for articles loaded by hand. */
  readonly feedId: number | null;
  readonly article: Article;
  /** The analysis, when it has been run and stored. */
  readonly facts: ArticleFacts | null;
  readonly createdAt: IsoInstant;
}

/** An article a channel received, and when. */
export interface ReceivedArticle {
  readonly channelId: number;
  readonly articleId: string;
  readonly title: string | null;
  readonly link: string | null;
  readonly publishedAt: string | null;
  readonly receivedAt: IsoInstant;
}

export type ScheduleKind = 'new-articles' | 'current-article';
export const SCHEDULE_KINDS: readonly ScheduleKind[] = ['new-articles', 'current-article'];

export interface Schedule {
  readonly id: number;
  readonly channelId: number;
  /** Five-field cron expression, e.g. "0 9 * * 1-5". */
  readonly cron: string;
  /** IANA zone the expression is read in. */
  readonly timezone: string;
  readonly kind: ScheduleKind;
  readonly paused: boolean;
  /** The last slot handled (fired or claimed elsewhere); null before the first. */
  readonly lastRunSlot: IsoInstant | null;
  readonly createdBy: string | null;
  readonly createdAt: IsoInstant;
}

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

/** One message the bot posts on its own, keyed so it is posted at most once. */
export interface Delivery {
  /** `${scheduleId}:${slotISO}:${channelId}` for scheduled digests (see `deliveryKey`). */
  readonly key: string;
  readonly status: DeliveryStatus;
  readonly messageId: string | null;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: IsoInstant;
  readonly updatedAt: IsoInstant;
  /** The store instance (`HeraldStore.instanceId`) that last claimed it; who to ask whether it is still at work. */
  readonly claimedBy: string | null;
}

/** The delivery key of a scheduled slot for one channel. */
export function deliveryKey(scheduleId: number, slot: Date, channelId: number): string {
  return `${scheduleId}:${slot.toISOString()}:${channelId}`;
}

const DIGEST_KEY = /^(\d+):(\d{4}-\d\d-\d\dT[\d:.]+Z):(\d+)$/u;
/** The parts of a scheduled digest's delivery key; null for any other key (live posts, notices, parts). */
export function parseDeliveryKey(key: string): { scheduleId: number; slot: Date; channelId: number } | null {
  const m = DIGEST_KEY.exec(key);
  return m ? { scheduleId: Number(m[1]), slot: new Date(m[2]!), channelId: Number(m[3]) } : null;
}

/** One admin or moderator action. `before`/`after` are whatever JSON describes the change. */
export interface AuditEntry {
  readonly id: number;
  readonly workspaceId: number;
  /** Platform user id of who did it. */
  readonly actorId: string;
  readonly actorName: string | null;
  /** Dotted verb: "feeds.add", "schedule.pause", "config.import". */
  readonly action: string;
  /** What it acted on, as the user would name it: a feed URL, "schedule 4". */
  readonly target: string | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly at: IsoInstant;
}

export type MappedLevel = 'moderator' | 'admin';
export type RoleMappingKind = 'role' | 'user' | 'usergroup';

/** An admin's grant of a level to a platform role, user group or user. */
export interface RoleMapping {
  readonly id: number;
  readonly workspaceId: number;
  readonly level: MappedLevel;
  readonly kind: RoleMappingKind;
  readonly externalId: string;
  readonly createdBy: string | null;
  readonly createdAt: IsoInstant;
}

/** A single-use dashboard login link, as minted by `/dashboard` (only its hash is stored). */
export interface DashboardLink {
  readonly workspaceId: number;
  readonly userId: string;
  readonly userName: string | null;
  /** What the platform granted when the link was minted; the opener's level is re-checked against the mappings. */
  readonly platformLevel: 'member' | 'moderator' | 'admin';
  readonly roleIds: readonly string[];
  readonly expiresAt: IsoInstant;
}

/** A signed-in dashboard browser: one workspace, one level, a CSRF token, an idle deadline. */
export interface DashboardSession {
  readonly workspaceId: number;
  readonly userId: string;
  readonly userName: string | null;
  readonly level: MappedLevel;
  /** Sent back by every form and htmx request; compared in constant time. */
  readonly csrf: string;
  readonly createdAt: IsoInstant;
  readonly lastSeenAt: IsoInstant;
}
