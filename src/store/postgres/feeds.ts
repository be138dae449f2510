/** Feeds, their fetch state, and channel subscriptions in PostgreSQL. */
import type { Clock } from '../../core/ports.js';
import type { Feed, FeedFetchState, Subscription } from '../../core/store/records.js';
import type { FeedRepository, SubscriptionRepository } from '../../core/store/repositories.js';
import { definedOnly, readFilters, readNotes } from '../row-json.js';
import { changed, iso, one, rows, type Db } from './pool.js';

interface FeedRow {
  id: number;
  url: string;
  title: string | null;
  etag: string | null;
  last_modified: string | null;
  last_fetch_at: Date | null;
  last_error: string | null;
  consecutive_failures: number;
  next_attempt_at: Date | null;
  disabled_reason: string | null;
  items_seen: number;
  /** jsonb, handed over as text (postgres/pool.ts). */
  read_notes: unknown;
  created_at: Date;
}
interface SubscriptionRow {
  id: number;
  channel_id: number;
  feed_id: number;
  filters: string;
  created_by: string | null;
  created_at: Date;
}

const toFeed = (r: FeedRow): Feed => ({
  id: r.id,
  url: r.url,
  title: r.title,
  createdAt: iso(r.created_at),
  fetch: {
    etag: r.etag,
    lastModified: r.last_modified,
    lastFetchAt: iso(r.last_fetch_at),
    lastError: r.last_error,
    consecutiveFailures: r.consecutive_failures,
    nextAttemptAt: iso(r.next_attempt_at),
    disabledReason: r.disabled_reason,
    itemsSeen: r.items_seen,
    notes: readNotes(r.read_notes),
  },
});

const toSubscription = (r: SubscriptionRow): Subscription => ({
  id: r.id,
  channelId: r.channel_id,
  feedId: r.feed_id,
  filters: readFilters('subscriptions', r.id, r.filters),
  createdBy: r.created_by,
  createdAt: iso(r.created_at),
});

/** Fetch-state fields and their columns: the only names a patch can turn into SQL. */
const FETCH_COLUMNS: Readonly<Record<keyof FeedFetchState, string>> = {
  etag: 'etag',
  lastModified: 'last_modified',
  lastFetchAt: 'last_fetch_at',
  lastError: 'last_error',
  consecutiveFailures: 'consecutive_failures',
  nextAttemptAt: 'next_attempt_at',
  disabledReason: 'disabled_reason',
  itemsSeen: 'items_seen',
  notes: 'read_notes',
};

/** A patch value as a query parameter: the notes list goes in as JSON text for the jsonb column. */
const param = (key: string, value: unknown): unknown => (key === 'notes' ? JSON.stringify(value) : value);

export function pgFeeds(db: Db, clock: Clock): FeedRepository {
  return {
    ensure: async (url, title) =>
      toFeed(
        (await one<FeedRow>(
          db,
          `INSERT INTO feeds (url, title, created_at) VALUES ($1, $2, $3)
           ON CONFLICT (url) DO UPDATE SET title = COALESCE(feeds.title, excluded.title)
           RETURNING *`,
          [url, title ?? null, clock.now().toISOString()],
        ))!,
      ),
    get: async (id) => {
      const row = await one<FeedRow>(db, 'SELECT * FROM feeds WHERE id = $1', [id]);
      return row ? toFeed(row) : null;
    },
    findByUrl: async (url) => {
      const row = await one<FeedRow>(db, 'SELECT * FROM feeds WHERE url = $1', [url]);
      return row ? toFeed(row) : null;
    },
    list: async () => (await rows<FeedRow>(db, 'SELECT * FROM feeds ORDER BY id')).map(toFeed),
    // Feeds nobody follows are kept (for /feeds list) but never fetched.
    listDue: async (now) =>
      (
        await rows<FeedRow>(
          db,
          `SELECT f.* FROM feeds f
           WHERE f.disabled_reason IS NULL
             AND (f.next_attempt_at IS NULL OR f.next_attempt_at <= $1)
             AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.feed_id = f.id)
           ORDER BY f.next_attempt_at IS NOT NULL, f.next_attempt_at, f.id`,
          [now.toISOString()],
        )
      ).map(toFeed),
    setTitle: async (id, title) => {
      await db.query('UPDATE feeds SET title = $1 WHERE id = $2', [title, id]);
    },
    // Only the fields given are written, in one statement, so a concurrent patch of other
    // fields (another process) is not overwritten with stale values.
    updateFetchState: async (id, patch) => {
      const entries = Object.entries(definedOnly(patch)).filter(([k]) => k in FETCH_COLUMNS);
      const sets = entries.map(
        ([k], i) => `${FETCH_COLUMNS[k as keyof FeedFetchState]} = $${i + 2}${k === 'notes' ? '::jsonb' : ''}`,
      );
      const row = await one<FeedRow>(
        db,
        sets.length > 0
          ? `UPDATE feeds SET ${sets.join(', ')} WHERE id = $1 RETURNING *`
          : 'SELECT * FROM feeds WHERE id = $1',
        [id, ...entries.map(([k, v]) => param(k, v))],
      );
      return row ? toFeed(row) : null;
    },
    remove: async (id) => (await changed(db, 'DELETE FROM feeds WHERE id = $1', [id])) > 0,
  };
}

export function pgSubscriptions(db: Db, clock: Clock): SubscriptionRepository {
  return {
    subscribe: async (channelId, feedId, filters, createdBy) =>
      toSubscription(
        (await one<SubscriptionRow>(
          db,
          `INSERT INTO subscriptions (channel_id, feed_id, filters, created_by, created_at) VALUES ($1, $2, $3::jsonb, $4, $5)
           ON CONFLICT (channel_id, feed_id) DO UPDATE SET filters = excluded.filters
           RETURNING *`,
          [
            channelId,
            feedId,
            JSON.stringify({ include: filters.include, exclude: filters.exclude }),
            createdBy ?? null,
            clock.now().toISOString(),
          ],
        ))!,
      ),
    unsubscribe: async (channelId, feedId) =>
      (await changed(db, 'DELETE FROM subscriptions WHERE channel_id = $1 AND feed_id = $2', [channelId, feedId])) > 0,
    get: async (channelId, feedId) => {
      const row = await one<SubscriptionRow>(db, 'SELECT * FROM subscriptions WHERE channel_id = $1 AND feed_id = $2', [
        channelId,
        feedId,
      ]);
      return row ? toSubscription(row) : null;
    },
    listForChannel: async (channelId) =>
      (
        await rows<SubscriptionRow>(db, 'SELECT * FROM subscriptions WHERE channel_id = $1 ORDER BY id', [channelId])
      ).map(toSubscription),
    listForFeed: async (feedId) =>
      (await rows<SubscriptionRow>(db, 'SELECT * FROM subscriptions WHERE feed_id = $1 ORDER BY id', [feedId])).map(
        toSubscription,
      ),
    // One join instead of a feed read per subscription (`/feeds list`, `/feeds status`).
    listFeedsForChannel: async (channelId) =>
      (
        await rows<FollowedRow>(
          db,
          `SELECT f.*, s.id AS sub_id, s.filters AS sub_filters, s.created_by AS sub_created_by,
                  s.created_at AS sub_created_at
             FROM subscriptions s JOIN feeds f ON f.id = s.feed_id
            WHERE s.channel_id = $1 ORDER BY s.id`,
          [channelId],
        )
      ).map((r) => ({
        feed: toFeed(r),
        subscription: toSubscription({
          id: r.sub_id,
          channel_id: channelId,
          feed_id: r.id,
          filters: r.sub_filters,
          created_by: r.sub_created_by,
          created_at: r.sub_created_at,
        }),
      })),
  };
}

interface FollowedRow extends FeedRow {
  sub_id: number;
  sub_filters: string;
  sub_created_by: string | null;
  sub_created_at: Date;
}
