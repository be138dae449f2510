/**
 * What the SQLite and PostgreSQL feed and subscription repositories share: their rows, read into
 * records the same way (instants through the store's `ReadInstant`, see instants.ts), and the
 * row of `listFeedsForChannel`'s join, split into its feed and its subscription.
 */
import type { Feed, Subscription } from '../core/store/records.js';
import type { FollowedFeed } from '../core/store/repositories.js';
import { maybeInstant, type ReadInstant } from './instants.js';
import { readFilters, readNotes } from './row-json.js';

export interface FeedRow<I> {
  id: number;
  url: string;
  title: string | null;
  etag: string | null;
  last_modified: string | null;
  last_fetch_at: I | null;
  last_error: string | null;
  consecutive_failures: number;
  next_attempt_at: I | null;
  disabled_reason: string | null;
  items_seen: number;
  /** JSON text (SQLite) or jsonb handed over as text (postgres/pool.ts). */
  read_notes: unknown;
  created_at: I;
}
export interface SubscriptionRow<I> {
  id: number;
  channel_id: number;
  feed_id: number;
  filters: string;
  created_by: string | null;
  created_at: I;
}
/** A feed joined with one channel's subscription to it. */
export interface FollowedRow<I> extends FeedRow<I> {
  sub_id: number;
  sub_filters: string;
  sub_created_by: string | null;
  sub_created_at: I;
}

export const feedOf = <I>(r: FeedRow<I>, instant: ReadInstant<I>): Feed => ({
  id: r.id,
  url: r.url,
  title: r.title,
  createdAt: instant(r.created_at),
  fetch: {
    etag: r.etag,
    lastModified: r.last_modified,
    lastFetchAt: maybeInstant(r.last_fetch_at, instant),
    lastError: r.last_error,
    consecutiveFailures: r.consecutive_failures,
    nextAttemptAt: maybeInstant(r.next_attempt_at, instant),
    disabledReason: r.disabled_reason,
    itemsSeen: r.items_seen,
    notes: readNotes(r.read_notes),
  },
});

export const subscriptionOf = <I>(r: SubscriptionRow<I>, instant: ReadInstant<I>): Subscription => ({
  id: r.id,
  channelId: r.channel_id,
  feedId: r.feed_id,
  filters: readFilters('subscriptions', r.id, r.filters),
  createdBy: r.created_by,
  createdAt: instant(r.created_at),
});

export const followedOf = <I>(r: FollowedRow<I>, channelId: number, instant: ReadInstant<I>): FollowedFeed => ({
  feed: feedOf(r, instant),
  subscription: subscriptionOf(
    {
      id: r.sub_id,
      channel_id: channelId,
      feed_id: r.id,
      filters: r.sub_filters,
      created_by: r.sub_created_by,
      created_at: r.sub_created_at,
    },
    instant,
  ),
});
