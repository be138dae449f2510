/** Feeds, their fetch state, and channel subscriptions in PostgreSQL. */
import type { Clock } from '../../core/ports.js';
import type { FeedFetchState } from '../../core/store/records.js';
import type { FeedRepository, SubscriptionRepository } from '../../core/store/repositories.js';
import { definedOnly } from '../row-json.js';
import { changed, iso, one, rows, type Db } from './pool.js';
import {
  feedOf,
  followedOf,
  subscriptionOf,
  type FeedRow as SharedFeedRow,
  type FollowedRow as SharedFollowedRow,
  type SubscriptionRow as SharedSubscriptionRow,
} from '../feed-rows.js';

type FeedRow = SharedFeedRow<Date>;
type SubscriptionRow = SharedSubscriptionRow<Date>;
type FollowedRow = SharedFollowedRow<Date>;
const toFeed = (r: FeedRow) => feedOf(r, iso);
const toSubscription = (r: SubscriptionRow) => subscriptionOf(r, iso);

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
      ).map((r) => followedOf(r, channelId, iso)),
  };
}
