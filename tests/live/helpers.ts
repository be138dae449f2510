/**
 * Shared set-up for live-posting tests: a feed whose items the test changes, subscriptions with
 * post settings, the minute-by-minute poll that posts live, and the real Discord delivery.
 */
import { createDiscordDelivery } from '../../src/adapters/discord/delivery.js';
import { createDiscordRest } from '../../src/adapters/discord/rest.js';
import { pollCycle, type PollSummary } from '../../src/app/poller.js';
import type { LivePoster } from '../../src/core/live/live-posts.js';
import type { FeedPostSettings } from '../../src/core/live/settings.js';
import { newSubscriptionPosts, writeFeedPost } from '../../src/core/live/write-settings.js';
import type { DeliveryPort, Logger, Where } from '../../src/core/ports.js';
import type { HeraldStore } from '../../src/core/store/repositories.js';
import type { FakeDiscord } from '../discord/fake-discord/server.js';
import { localDeps } from '../feeds/feed-server.js';
import type { ItemSpec, manualClock } from '../feeds-admin/poll-fixtures.js';

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

/** One poll cycle a minute after the last (the manual clock moves on), every feed due, posting through `live`. */
export function pollLive(deps: {
  readonly store: HeraldStore;
  readonly clock: ReturnType<typeof manualClock>;
  readonly logger: Logger;
  readonly live: LivePoster;
}): Promise<PollSummary> {
  deps.clock.advance(60_000);
  return pollCycle({
    ...deps,
    fetch: { ...localDeps(), limits: { timeoutMs: 20_000 } },
    options: { pollIntervalMs: 60_000, all: true },
  });
}

/** The real Discord delivery (discord.js REST) against the fake Discord, with one retry and no clock offset. */
export function fakeDiscordDelivery(discord: FakeDiscord, logger: Logger): DeliveryPort {
  return createDiscordDelivery({
    rest: createDiscordRest({ token: 'bot', apiUrl: discord.api, overrides: { offset: 0, retries: 1 } }),
    logger,
  });
}
