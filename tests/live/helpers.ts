/** Shared set-up for live-posting tests: a feed whose items the test changes, and subscriptions with post settings. */
import type { FeedPostSettings } from '../../src/core/live/settings.js';
import { newSubscriptionPosts, writeFeedPost } from '../../src/core/live/write-settings.js';
import type { Where } from '../../src/core/ports.js';
import type { HeraldStore } from '../../src/core/store/repositories.js';
import type { ItemSpec } from '../feeds-admin/poll-fixtures.js';

/** A story item with a lead sentence and a person named with a role. */
export const story = (n: number, title = `Story number ${n}`): ItemSpec => ({
  guid: `story-${n}`,
  title,
  body: `${title} was reported on Monday. Maria Lopez, the mission director, said the team was ready. The window opens on Tuesday.`,
  date: new Date(Date.UTC(2025, 0, 1) + n * 60_000).toUTCString(),
});

/** Follows `url` in `where` as `/feeds add` does: a baseline first, then `patch` on top. */
export async function follow(
  store: HeraldStore,
  where: Where,
  url: string,
  opts: {
    readonly backfill?: number;
    readonly patch?: Partial<FeedPostSettings>;
    readonly mode?: 'live' | 'digest';
  } = {},
): Promise<{ channelId: number; feedId: number }> {
  const channel = await store.channels.ensure(where);
  const feed = await store.feeds.ensure(url);
  await store.subscriptions.subscribe(channel.id, feed.id, { include: [], exclude: [] });
  const fresh = newSubscriptionPosts(opts.mode ?? 'live', opts.backfill ?? 0);
  if (!fresh.ok) throw new Error(fresh.error.message);
  await writeFeedPost(store, channel.id, feed.id, (c) => ({ ...fresh.value(c), ...opts.patch }));
  return { channelId: channel.id, feedId: feed.id };
}
