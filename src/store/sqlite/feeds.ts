/** Feeds, their fetch state, and channel subscriptions in SQLite. */
import type { Database } from 'better-sqlite3';
import type { Clock } from '../../core/ports.js';
import type { Feed, FeedFetchState } from '../../core/store/records.js';
import type { FeedRepository, SubscriptionRepository } from '../../core/store/repositories.js';
import { definedOnly } from '../row-json.js';
import {
  feedOf,
  followedOf,
  subscriptionOf,
  type FeedRow as SharedFeedRow,
  type FollowedRow as SharedFollowedRow,
  type SubscriptionRow as SharedSubscriptionRow,
} from '../feed-rows.js';
import { isoText } from '../instants.js';

type FeedRow = SharedFeedRow<string>;
type SubscriptionRow = SharedSubscriptionRow<string>;
type FollowedRow = SharedFollowedRow<string>;
const toFeed = (r: FeedRow) => feedOf(r, isoText);
const toSubscription = (r: SubscriptionRow) => subscriptionOf(r, isoText);

export function sqliteFeeds(db: Database, clock: Clock): FeedRepository {
  const insert = db.prepare(
    `INSERT INTO feeds (url, title, created_at) VALUES (?, ?, ?)
     ON CONFLICT (url) DO UPDATE SET title = COALESCE(feeds.title, excluded.title)
     RETURNING *`,
  );
  const byId = db.prepare('SELECT * FROM feeds WHERE id = ?');
  const byUrl = db.prepare('SELECT * FROM feeds WHERE url = ?');
  // Feeds nobody follows are kept (for /feeds list) but never fetched.
  const due = db.prepare(
    `SELECT f.* FROM feeds f
     WHERE f.disabled_reason IS NULL
       AND (f.next_attempt_at IS NULL OR f.next_attempt_at <= ?)
       AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.feed_id = f.id)
     ORDER BY f.next_attempt_at IS NOT NULL, f.next_attempt_at, f.id`,
  );
  const setState = db.prepare(
    `UPDATE feeds SET etag = @etag, last_modified = @lastModified, last_fetch_at = @lastFetchAt,
       last_error = @lastError, consecutive_failures = @consecutiveFailures,
       next_attempt_at = @nextAttemptAt, disabled_reason = @disabledReason, items_seen = @itemsSeen,
       read_notes = @readNotes
     WHERE id = @id RETURNING *`,
  );
  const get = (id: number): Feed | null => {
    const row = byId.get(id) as FeedRow | undefined;
    return row ? toFeed(row) : null;
  };
  return {
    ensure: async (url, title) => toFeed(insert.get(url, title ?? null, clock.now().toISOString()) as FeedRow),
    get: async (id) => get(id),
    findByUrl: async (url) => {
      const row = byUrl.get(url) as FeedRow | undefined;
      return row ? toFeed(row) : null;
    },
    list: async () => (db.prepare('SELECT * FROM feeds ORDER BY id').all() as FeedRow[]).map(toFeed),
    listDue: async (now) => (due.all(now.toISOString()) as FeedRow[]).map(toFeed),
    setTitle: async (id, title) => {
      db.prepare('UPDATE feeds SET title = ? WHERE id = ?').run(title, id);
    },
    updateFetchState: async (id, patch) => {
      const current = get(id);
      if (!current) return null;
      const next: FeedFetchState = { ...current.fetch, ...definedOnly(patch) };
      return toFeed(setState.get({ ...next, readNotes: JSON.stringify(next.notes), id }) as FeedRow);
    },
    remove: async (id) => db.prepare('DELETE FROM feeds WHERE id = ?').run(id).changes > 0,
  };
}

export function sqliteSubscriptions(db: Database, clock: Clock): SubscriptionRepository {
  const upsert = db.prepare(
    `INSERT INTO subscriptions (channel_id, feed_id, filters, created_by, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (channel_id, feed_id) DO UPDATE SET filters = excluded.filters
     RETURNING *`,
  );
  const one = db.prepare('SELECT * FROM subscriptions WHERE channel_id = ? AND feed_id = ?');
  const forChannel = db.prepare('SELECT * FROM subscriptions WHERE channel_id = ? ORDER BY id');
  const forFeed = db.prepare('SELECT * FROM subscriptions WHERE feed_id = ? ORDER BY id');
  // One join instead of a feed read per subscription (`/feeds list`, `/feeds status`).
  const followed = db.prepare(
    `SELECT f.*, s.id AS sub_id, s.filters AS sub_filters, s.created_by AS sub_created_by,
            s.created_at AS sub_created_at
       FROM subscriptions s JOIN feeds f ON f.id = s.feed_id
      WHERE s.channel_id = ? ORDER BY s.id`,
  );
  return {
    subscribe: async (channelId, feedId, filters, createdBy) =>
      toSubscription(
        upsert.get(
          channelId,
          feedId,
          JSON.stringify({ include: filters.include, exclude: filters.exclude }),
          createdBy ?? null,
          clock.now().toISOString(),
        ) as SubscriptionRow,
      ),
    unsubscribe: async (channelId, feedId) =>
      db.prepare('DELETE FROM subscriptions WHERE channel_id = ? AND feed_id = ?').run(channelId, feedId).changes > 0,
    get: async (channelId, feedId) => {
      const row = one.get(channelId, feedId) as SubscriptionRow | undefined;
      return row ? toSubscription(row) : null;
    },
    listForChannel: async (channelId) => (forChannel.all(channelId) as SubscriptionRow[]).map(toSubscription),
    listForFeed: async (feedId) => (forFeed.all(feedId) as SubscriptionRow[]).map(toSubscription),
    listFeedsForChannel: async (channelId) =>
      (followed.all(channelId) as FollowedRow[]).map((r) => followedOf(r, channelId, isoText)),
  };
}
