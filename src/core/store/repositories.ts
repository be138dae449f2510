/**
 * The store port: one repository per concern, every method async so a PostgreSQL store can
 * implement the same interface. Creation times come from the clock the store was opened with;
 * methods whose meaning depends on a moment (due feeds, leases, receipts) take it explicitly. `tests/store/contract.ts` is the behaviour every implementation
 * must have. Nothing here knows SQL.
 */
import type { Article } from '../article/types.js';
import type { ArticleFacts } from '../facts/types.js';
import type { Platform, Where } from '../ports.js';
import type {
  AuditEntry,
  Channel,
  ChannelSettings,
  ContentFilters,
  DashboardLink,
  DashboardSession,
  Delivery,
  Feed,
  FeedFetchState,
  MappedLevel,
  ReceivedArticle,
  RoleMapping,
  RoleMappingKind,
  Schedule,
  ScheduleKind,
  StoredArticle,
  Subscription,
  Workspace,
} from './records.js';

export interface WorkspaceRepository {
  /** Returns the workspace, creating it on first sight; a given name updates the stored one. */
  ensure(platform: Platform, externalId: string, name?: string | null): Promise<Workspace>;
  get(id: number): Promise<Workspace | null>;
  find(platform: Platform, externalId: string): Promise<Workspace | null>;
  list(): Promise<readonly Workspace[]>;
}

export interface ChannelRepository {
  /** Returns the channel of `where`, creating it and its workspace with default settings on first sight. */
  ensure(where: Where, name?: string | null): Promise<Channel>;
  get(id: number): Promise<Channel | null>;
  find(where: Where): Promise<Channel | null>;
  listByWorkspace(workspaceId: number): Promise<readonly Channel[]>;
  /** Merges `patch` into the settings; null when the channel does not exist. */
  updateSettings(id: number, patch: Partial<ChannelSettings>): Promise<Channel | null>;
}

export interface FeedRepository {
  /** Returns the feed with this URL, creating it (due now) on first sight. */
  ensure(url: string, title?: string | null): Promise<Feed>;
  get(id: number): Promise<Feed | null>;
  findByUrl(url: string): Promise<Feed | null>;
  list(): Promise<readonly Feed[]>;
  /** Feeds with at least one subscription, not disabled, whose next attempt is due at `now`. */
  listDue(now: Date): Promise<readonly Feed[]>;
  setTitle(id: number, title: string | null): Promise<void>;
  /** Merges `patch` into the fetch state; null when the feed does not exist. */
  updateFetchState(id: number, patch: Partial<FeedFetchState>): Promise<Feed | null>;
  /** Deletes the feed and its subscriptions; articles stay. */
  remove(id: number): Promise<boolean>;
}

/** A feed as one channel follows it. */
export interface FollowedFeed {
  readonly feed: Feed;
  readonly subscription: Subscription;
}

export interface SubscriptionRepository {
  /** Subscribes, or replaces the filters of an existing subscription. */
  subscribe(
    channelId: number,
    feedId: number,
    filters: ContentFilters,
    createdBy?: string | null,
  ): Promise<Subscription>;
  unsubscribe(channelId: number, feedId: number): Promise<boolean>;
  get(channelId: number, feedId: number): Promise<Subscription | null>;
  listForChannel(channelId: number): Promise<readonly Subscription[]>;
  /** The channel's subscriptions with their feeds, oldest subscription first, in one read. */
  listFeedsForChannel(channelId: number): Promise<readonly FollowedFeed[]>;
  listForFeed(feedId: number): Promise<readonly Subscription[]>;
}

export interface ArticleInsert {
  readonly article: Article;
  readonly facts?: ArticleFacts | null;
  /** The item's link; defaults to `article.source.url`. */
  readonly link?: string | null;
  readonly feedId?: number | null;
}

export interface ArticleInsertResult {
  /** The id of the stored article: the new one, or the one this duplicates. */
  readonly id: string;
  /** False when an article with the same guid, link or content hash was already stored. */
  readonly created: boolean;
}

export interface ArticleRepository {
  /** Stores an article unless one with the same guid, link or content hash exists (in any feed). */
  insert(input: ArticleInsert): Promise<ArticleInsertResult>;
  get(id: string): Promise<StoredArticle | null>;
  /** Any workspace's article: for the poller's de-duplication, never to answer a user (use `findReceivedIn`). */
  findByLink(link: string): Promise<StoredArticle | null>;
  /** Any workspace's article: for the poller's de-duplication, never to answer a user (use `findReceivedIn`). */
  findByGuid(guid: string): Promise<StoredArticle | null>;
  setFacts(id: string, facts: ArticleFacts): Promise<boolean>;
  /** Records that a channel received an article; false when it already had. */
  markReceived(channelId: number, articleId: string, at: Date): Promise<boolean>;
  /** The articles first seen in this feed, newest first (every item, whether a channel's filters let it through or not). */
  listForFeed(feedId: number, limit: number): Promise<readonly StoredArticle[]>;
  /** What a channel received, newest first; `since` is exclusive. */
  listReceived(
    channelId: number,
    options?: { readonly limit?: number; readonly since?: Date },
  ): Promise<readonly ReceivedArticle[]>;
  /**
   * An article some channel of the workspace received, matched by `match`; the scope's own
   * channel's first, then the newest receipt. An article no channel of the workspace received is
   * not found, whoever else holds it: this is how workspaces are kept apart (docs/security.md).
   */
  findReceivedIn(scope: ReceivedScope, match: ArticleMatch): Promise<StoredArticle | null>;
  /**
   * What the channels of the workspace received, one row an article, the scope's own channel's
   * first, then newest first: one query, whatever the number of channels.
   */
  listReceivedIn(scope: ReceivedScope, options: { readonly limit: number }): Promise<readonly WorkspaceArticle[]>;
}

/** A workspace (store id), and the channel in it whose articles come first (null: none). */
export interface ReceivedScope {
  readonly workspaceId: number;
  readonly channelId: number | null;
}

/** How an article is named: its exact id, an id prefix (lowercase hex), or its exact link or feed guid. */
export type ArticleMatch = { readonly id: string } | { readonly idPrefix: string } | { readonly linkOrGuid: string };

/** An article a workspace received, as `listReceivedIn` lists it. */
export type WorkspaceArticle = Omit<ReceivedArticle, 'channelId'>;

export interface NewSchedule {
  readonly channelId: number;
  readonly cron: string;
  readonly timezone: string;
  readonly kind: ScheduleKind;
  readonly createdBy?: string | null;
  readonly paused?: boolean;
}

/** Stores schedules as given; validating cron and zone is the scheduler's job (`validateCron`). */
export interface ScheduleRepository {
  create(input: NewSchedule): Promise<Schedule>;
  get(id: number): Promise<Schedule | null>;
  listForChannel(channelId: number): Promise<readonly Schedule[]>;
  listAll(): Promise<readonly Schedule[]>;
  setPaused(id: number, paused: boolean): Promise<Schedule | null>;
  /** Moves `lastRunSlot` forward to `slot`; never backwards. */
  recordRun(id: number, slot: Date): Promise<void>;
  /** Deletes the schedule; its deliveries stay as history. */
  remove(id: number): Promise<boolean>;
}

export interface DeliveryRepository {
  /**
   * Claims a delivery key. True only for the first claimer, across processes sharing the
   * database: the key is unique and the insert does nothing on conflict.
   */
  claim(key: string): Promise<boolean>;
  /** Takes back a failed delivery for another attempt; true for exactly one claimer. */
  reclaimFailed(key: string, maxAttempts: number): Promise<boolean>;
  /**
   * Notes a failed attempt of a pending delivery that may pass (a rate limit, a 5xx, a timeout):
   * while fewer than `maxAttempts` attempts were made it stays `pending`, claimed as before, and
   * true is returned; the last attempt marks it failed (false). A pending row outlives its
   * process, so a retry is not lost to a restart: crash recovery posts it (looking first).
   */
  markRetrying(key: string, error: string, maxAttempts: number): Promise<boolean>;
  markSent(key: string, messageId: string | null): Promise<void>;
  markFailed(key: string, error: string): Promise<void>;
  get(key: string): Promise<Delivery | null>;
  /** Deliveries still `pending`, oldest first: in flight, or left behind by a process that died. */
  listPending(limit: number): Promise<readonly Delivery[]>;
  /**
   * The channel's deliveries, newest change first: scheduled digests and notices (keys ending in
   * `:<channelId>`) and live posts (`live:<channelId>:…`, `live-more:<channelId>:…`).
   */
  listForChannel(channelId: number, limit: number): Promise<readonly Delivery[]>;
}

export interface NewAuditEntry {
  readonly workspaceId: number;
  readonly actorId: string;
  readonly actorName?: string | null;
  readonly action: string;
  readonly target?: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface AuditRepository {
  append(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Newest first; entries with the same instant keep their insertion order (newest first). */
  list(workspaceId: number, limit: number): Promise<readonly AuditEntry[]>;
}

export interface NewRoleMapping {
  readonly workspaceId: number;
  readonly level: MappedLevel;
  readonly kind: RoleMappingKind;
  readonly externalId: string;
  readonly createdBy?: string | null;
}

export interface RoleMappingRepository {
  /** Adds the mapping; `created` is false when the same one existed. */
  add(input: NewRoleMapping): Promise<{ readonly mapping: RoleMapping; readonly created: boolean }>;
  remove(workspaceId: number, level: MappedLevel, kind: RoleMappingKind, externalId: string): Promise<boolean>;
  list(workspaceId: number): Promise<readonly RoleMapping[]>;
}

/** A short exclusive hold on a key, for electing one process to do a job (a poll cycle, a slot). */
export interface LeaseRepository {
  /**
   * True when this store instance now holds `key` until `now + ttlMs`: the key was free, expired,
   * or already held by this instance (which renews it).
   */
  tryLease(key: string, ttlMs: number, now: Date): Promise<boolean>;
  /** Gives the key up early, if this instance holds it. */
  release(key: string): Promise<void>;
}

/**
 * Dashboard sign-in (docs/dashboard.md): single-use links and browser sessions, both stored under
 * a SHA-256 hash of their secret, so a copy of the database signs nobody in.
 */
export interface DashboardRepository {
  addLink(tokenHash: string, link: DashboardLink): Promise<void>;
  /**
   * Uses the link up: returns it once, when it exists, was not used and has not expired at `now`;
   * null for every other case and every later call, across processes sharing the database.
   */
  takeLink(tokenHash: string, now: Date): Promise<DashboardLink | null>;
  openSession(idHash: string, session: Omit<DashboardSession, 'createdAt' | 'lastSeenAt'>, now: Date): Promise<void>;
  /**
   * The session when it was last seen less than `idleMs` before `now`, marked seen now; null (and
   * gone) when it idled out or never existed.
   */
  touchSession(idHash: string, now: Date, idleMs: number): Promise<DashboardSession | null>;
  closeSession(idHash: string): Promise<void>;
  /** Deletes links expired or used and sessions idle longer than `idleMs`; returns how many rows went. */
  purge(now: Date, idleMs: number): Promise<number>;
}

/** Every repository, as passed to the core and to `transaction`. */
export interface StoreRepositories {
  readonly workspaces: WorkspaceRepository;
  readonly channels: ChannelRepository;
  readonly feeds: FeedRepository;
  readonly subscriptions: SubscriptionRepository;
  readonly articles: ArticleRepository;
  readonly schedules: ScheduleRepository;
  readonly deliveries: DeliveryRepository;
  readonly audit: AuditRepository;
  readonly roles: RoleMappingRepository;
  readonly leases: LeaseRepository;
  readonly dashboard: DashboardRepository;
}

/** The store port the composition root passes around. */
export interface HeraldStore extends StoreRepositories {
  /**
   * Runs `fn` atomically: everything it writes through `tx` is committed together, or nothing if
   * it throws. Calls made on the store itself wait until the transaction ends, so unrelated work
   * never slips into it.
   */
  transaction<T>(fn: (tx: StoreRepositories) => Promise<T>): Promise<T>;
  /**
   * Who this store instance is (`host/pid/random`): stamped on delivery claims and leases, so
   * another process can tell whether the claimer is still alive (docs/decisions/027-crash-recovery.md).
   */
  readonly instanceId: string;
  /** Schema version the store runs on. */
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
}
