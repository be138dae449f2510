/**
 * The use cases behind `/feeds`: follow a feed in a channel (fetch once, then store and audit in
 * one transaction), stop following it, and find the channel's feeds. Expected failures are values;
 * `/feeds` only parses, calls these, and shapes the reply.
 */
import { writeAudit, type Actor, type AdminScope } from '../admin/scope.js';
import type { FeedPostSettings, PostMode } from '../live/settings.js';
import { newSubscriptionPosts, writeFeedPost } from '../live/write-settings.js';
import { err, failure, ok, type Failure, type Result } from '../result.js';
import type { ContentFilters } from '../store/records.js';
import type { FollowedFeed, HeraldStore } from '../store/repositories.js';
import { normaliseFeedUrl, type FeedPreview, type FeedService } from './service.js';

const URL_HINT = 'Give the full feed address, like https://example.com/feed.xml';

/** The channel's feeds with their subscriptions, oldest first, in one read. */
export function followedFeeds(
  store: Pick<HeraldStore, 'subscriptions'>,
  channelId: number,
): Promise<readonly FollowedFeed[]> {
  return store.subscriptions.listFeedsForChannel(channelId);
}

/** A feed of this channel by id (`3`, `#3`), URL, or words of its title. */
export function pickFollowed(all: readonly FollowedFeed[], ref: string): FollowedFeed | undefined {
  const r = ref.trim();
  const id = /^#?(\d+)$/u.exec(r)?.[1];
  if (id) return all.find((f) => f.feed.id === Number(id));
  const url = normaliseFeedUrl(r);
  if (url) return all.find((f) => f.feed.url === url);
  const words = r.toLowerCase().split(/\s+/u);
  return all.find((f) => words.every((w) => (f.feed.title ?? '').toLowerCase().includes(w)));
}

/** The one failure for "this channel does not follow that", with where to look. */
export function notFollowed(ref: string): Failure {
  return failure('not_found', `This channel follows no feed matching "${ref}".`, {
    hint: 'Type /feeds list to see the feeds of this channel.',
  });
}

/** What a user typed, as the URL a feed is stored under. */
export function parseFeedUrl(input: string): Result<string> {
  const url = normaliseFeedUrl(input);
  return url ? ok(url) : err(failure('bad_input', `"${input}" is not an http(s) URL.`, { hint: URL_HINT }));
}

export interface Followed extends FollowedFeed {
  readonly preview: FeedPreview;
  /** The subscription as it was before, when the channel already followed the feed. */
  readonly before: FollowedFeed['subscription'] | null;
  /** How the feed posts in the channel now. */
  readonly posts: FeedPostSettings;
}

/**
 * Follows `url` in the scope's channel with `filters`. The feed is fetched once before anything is
 * stored, so a typo or a web page never becomes a dead feed; then the feed, the subscription and
 * the audit entry are written in one transaction.
 */
export async function followFeed(
  feeds: FeedService,
  scope: AdminScope,
  actor: Actor,
  input: {
    readonly url: string;
    readonly filters: ContentFilters;
    /** How it posts: a new subscription defaults to `defaultMode`; an existing one changes only when `mode` is given. */
    readonly post?: { readonly mode?: PostMode; readonly defaultMode: PostMode; readonly backfill?: number };
  },
): Promise<Result<Followed>> {
  const url = parseFeedUrl(input.url);
  if (!url.ok) return url;
  const fresh = newSubscriptionPosts(
    input.post?.mode ?? input.post?.defaultMode ?? 'digest',
    input.post?.backfill ?? 0,
  );
  if (!fresh.ok) return fresh;
  const preview = await feeds.preview(url.value, { items: 0 });
  if (!preview.ok) return preview;
  const p = preview.value;
  const { channel } = scope;
  const done = await scope.store.transaction(async (tx) => {
    const existing = await tx.feeds.findByUrl(p.url);
    const prior = existing ? await tx.subscriptions.get(channel.id, existing.id) : null;
    const feed = await tx.feeds.ensure(p.url, p.title);
    // A channel new to a known feed gets its current items on the next poll (no 304), and
    // re-adding a disabled feed turns it back on: the fetch above just worked.
    if (!prior || feed.fetch.disabledReason) {
      await tx.feeds.updateFetchState(feed.id, {
        etag: null,
        lastModified: null,
        nextAttemptAt: null,
        disabledReason: null,
        consecutiveFailures: 0,
        lastError: null,
      });
    }
    const subscription = await tx.subscriptions.subscribe(channel.id, feed.id, input.filters, actor.userId);
    // A new subscription's first poll is its baseline (nothing old is posted unless backfill asks).
    const mode = input.post?.mode;
    const posts = !prior
      ? await writeFeedPost(tx, channel.id, feed.id, fresh.value)
      : await writeFeedPost(tx, channel.id, feed.id, (c) => (mode ? { ...c, post: mode } : c));
    await writeAudit(
      actor,
      scope,
      {
        action: 'feeds.add',
        target: p.url,
        before: prior ? { feedId: feed.id, filters: prior.filters, disabledReason: feed.fetch.disabledReason } : null,
        after: { feedId: feed.id, title: p.title, filters: input.filters, post: posts.post },
      },
      tx,
    );
    return { feed, subscription, before: prior, posts };
  });
  return ok({ ...done, preview: p });
}

/** Stops following the feed `ref` names in the scope's channel; articles already received stay. */
export async function unfollowFeed(scope: AdminScope, actor: Actor, ref: string): Promise<Result<FollowedFeed>> {
  const target = pickFollowed(await followedFeeds(scope.store, scope.channel.id), ref);
  if (!target) return err(notFollowed(ref));
  const { feed, subscription } = target;
  await scope.store.transaction(async (tx) => {
    await tx.subscriptions.unsubscribe(scope.channel.id, feed.id);
    await writeAudit(
      actor,
      scope,
      {
        action: 'feeds.remove',
        target: feed.url,
        before: { feedId: feed.id, title: feed.title, filters: subscription.filters },
        after: null,
      },
      tx,
    );
  });
  return ok(target);
}
