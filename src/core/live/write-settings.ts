/**
 * Writing one feed's post settings into a channel's settings, inside the caller's transaction
 * (`/feeds add` and `/feeds set` both do it).
 */
import { err, failure, ok, type Result } from '../result.js';
import type { StoreRepositories } from '../store/repositories.js';
import { DIGEST_ONLY, feedPostSettings, MAX_BACKFILL, type FeedPostSettings, type PostMode } from './settings.js';

/**
 * Writes how a feed posts in a channel, inside the caller's transaction. A new subscription
 * starts with a baseline: its first poll posts only the newest `backfill` items.
 */
export async function writeFeedPost(
  tx: StoreRepositories,
  channelId: number,
  feedId: number,
  next: (current: FeedPostSettings) => FeedPostSettings,
): Promise<FeedPostSettings> {
  const channel = await tx.channels.get(channelId);
  if (!channel) throw new Error(`channel ${channelId} is gone`);
  const updated = next(feedPostSettings(channel.settings.feedPosts, feedId));
  await tx.channels.updateSettings(channelId, {
    feedPosts: { ...channel.settings.feedPosts, [String(feedId)]: updated },
  });
  return updated;
}

/** The settings of a subscription just made: `mode`, with a baseline of the feed's current items. */
export function newSubscriptionPosts(
  mode: PostMode,
  backfill: number,
): Result<(c: FeedPostSettings) => FeedPostSettings> {
  if (!Number.isInteger(backfill) || backfill < 0 || backfill > MAX_BACKFILL)
    return err(
      failure('bad_input', `backfill posts at most the ${MAX_BACKFILL} newest items, not ${backfill}.`, {
        hint: 'Older items are in /articles and the next digest.',
      }),
    );
  return ok(() => ({ ...DIGEST_ONLY, post: mode, baseline: { backfill: mode === 'live' ? backfill : 0 } }));
}
