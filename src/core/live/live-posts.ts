/**
 * Live posting (docs/decisions/034-live-posting.md): the items a poll brought to a channel whose
 * feed posts `live` go out one message each, at most once per channel.
 *
 * In two steps. `claim` runs inside the poll's transaction: it decides what to post (a new
 * subscription's first poll is its baseline, a burst is capped) and claims one delivery key per
 * post, so the claims commit together with the receipts: a process killed after the commit
 * leaves pending rows that crash recovery finishes (`postClaimed` with `resume`), never items
 * received and silently not posted. `post` runs after the commit and delivers what was claimed.
 */
import pLimit from 'p-limit';
import { compileFilters, filterText, passesFilters } from '../feeds/filters.js';
import type { Clock, DeliveryPort, Logger, Where } from '../ports.js';
import type { Placement } from '../reply/types.js';
import type { Feed } from '../store/records.js';
import type { HeraldStore, StoreRepositories } from '../store/repositories.js';
import { feedPostSettings, type FeedPostSettings } from './settings.js';
import { moreStoriesReply, storyPost } from './story-post.js';
import { writeFeedPost } from './write-settings.js';

/** Posts one feed makes in one channel in one poll, at most (config `feeds.maxLivePostsPerPoll`). */
export const DEFAULT_MAX_LIVE_POSTS = 5;

/** The key of one live post: one item, one channel (the feed is kept for its settings). */
export const liveKey = (channelId: number, articleId: string, feedId: number): string =>
  `live:${channelId}:${articleId}:${feedId}`;
const LIVE_KEY = /^live:(\d+):([^:]+):(\d+)$/u;
export const parseLiveKey = (key: string): { channelId: number; articleId: string; feedId: number } | null => {
  const m = LIVE_KEY.exec(key);
  return m ? { channelId: Number(m[1]), articleId: m[2]!, feedId: Number(m[3]) } : null;
};
/** Attempts a live post gets when the platform fails it for a passing reason (rate limit, timeout, 5xx). */
export const LIVE_POST_ATTEMPTS = 3;

/** A post the platform refused; `retryable` when the reason passes (the next posting run tries again). */
class LivePostFailed extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}
const failedPost = (e: { code: string; message: string; details?: Readonly<Record<string, unknown>> }) =>
  new LivePostFailed(
    `${e.code}: ${e.message}`,
    e.code === 'rate_limited' || e.code === 'timeout' || e.details?.['retryable'] === true,
  );

const moreKey = (channelId: number, feedId: number, at: Date): string =>
  `live-more:${channelId}:${feedId}:${at.toISOString()}`;

export type LiveJob =
  | {
      readonly kind: 'story';
      readonly key: string;
      readonly channelId: number;
      readonly feedId: number;
      readonly articleId: string;
    }
  | {
      readonly kind: 'more';
      readonly key: string;
      readonly channelId: number;
      readonly feedId: number;
      readonly count: number;
    };

/** One post made, for logs and `herald poll --once`. */
export interface LivePosted {
  readonly where: Where;
  readonly title: string;
  readonly messageId: string | null;
  readonly threadId: string | null;
}

export interface LivePosterDeps {
  readonly store: HeraldStore;
  readonly delivery: DeliveryPort;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly maxPerPoll?: number;
  /** Channels posted to at once. Default 16. */
  readonly concurrency?: number;
}

export interface LivePoster {
  claim(
    tx: StoreRepositories,
    feed: Feed,
    received: ReadonlyMap<number, readonly string[]>,
    now: Date,
  ): Promise<LiveJob[]>;
  post(jobs: readonly LiveJob[]): Promise<LivePosted[]>;
  /** Crash recovery: posts a claimed story again, looking on the platform first. */
  resume(key: string, since: Date): Promise<{ messageId: string | null }>;
}

/** What to post of `fresh` (oldest first): the baseline's backfill, or at most `max`, and how many are left over. */
export function planPosts(
  fresh: readonly string[],
  settings: FeedPostSettings,
  max: number,
): { post: string[]; more: number } {
  if (settings.baseline) return { post: fresh.slice(Math.max(0, fresh.length - settings.baseline.backfill)), more: 0 };
  if (settings.post !== 'live') return { post: [], more: 0 };
  if (fresh.length <= max) return { post: [...fresh], more: 0 };
  return { post: fresh.slice(fresh.length - max), more: fresh.length - max };
}

export function createLivePoster(deps: LivePosterDeps): LivePoster {
  const log = deps.logger.child({ component: 'live-posts' });
  const max = deps.maxPerPoll ?? DEFAULT_MAX_LIVE_POSTS;
  const { store } = deps;

  async function whereOf(channelId: number) {
    const channel = await store.channels.get(channelId);
    const workspace = channel ? await store.workspaces.get(channel.workspaceId) : null;
    if (!channel || !workspace) return null;
    const where: Where = {
      platform: workspace.platform,
      workspaceId: workspace.externalId,
      channelId: channel.externalId,
    };
    return { channel, where };
  }

  function placementFor(settings: FeedPostSettings, threadName: string, pingable: boolean): Placement {
    return {
      ...(settings.thread ? { thread: { name: threadName, autoArchiveMinutes: settings.archiveMinutes } } : {}),
      ...(settings.tags.length ? { tags: settings.tags } : {}),
      ...(settings.mention && pingable ? { ping: { id: settings.mention.id } } : {}),
      ...(settings.publish ? { publish: true } : {}),
    };
  }

  /** Whether the item passes the mention's `only:` filter (no filter: every item pings). */
  function pings(settings: FeedPostSettings, text: string): boolean {
    if (!settings.mention) return false;
    const only = settings.mention.only;
    if (!only) return true;
    const compiled = compileFilters(only);
    return compiled.ok && passesFilters(compiled.value, text);
  }

  async function postStory(job: Extract<LiveJob, { kind: 'story' }>, resume?: Date): Promise<LivePosted> {
    const located = await whereOf(job.channelId);
    const stored = await store.articles.get(job.articleId);
    if (!located || !stored) throw new Error(`live post ${job.key}: its channel or article is gone`);
    const feed = await store.feeds.get(job.feedId);
    const settings = feedPostSettings(located.channel.settings.feedPosts, job.feedId);
    const post = storyPost(stored, { feedName: feed?.title ?? null, template: settings.template });
    if (!stored.facts) await store.articles.setFacts(stored.id, post.facts);
    const placement = placementFor(
      settings,
      post.threadName,
      pings(settings, filterText({ title: post.reply.title, tags: stored.article.tags, body: post.filterText })),
    );
    const sent = await deps.delivery.deliver(located.where, {
      reply: post.reply,
      deliveryKey: job.key,
      placement,
      ...(resume ? { resume: { since: resume } } : {}),
    });
    if (!sent.ok) throw failedPost(sent.error);
    if (sent.value.publish === 'limited') await noteUnpublished(job.channelId, job.feedId);
    const threadId = sent.value.threadId ?? null;
    if (threadId) {
      // The thread is a channel about this story: commands in it with no article use this one.
      const thread = await store.channels.ensure({ ...located.where, channelId: threadId });
      await store.channels.updateSettings(thread.id, { currentArticleId: stored.id });
      await store.articles.markReceived(thread.id, stored.id, deps.clock.now());
    }
    return { where: located.where, title: post.reply.title, messageId: sent.value.messageId, threadId };
  }

  /** Counts a post Discord's hourly crosspost limit left unpublished, for `/feeds status`. */
  async function noteUnpublished(channelId: number, feedId: number): Promise<void> {
    const lastAt = deps.clock.now().toISOString();
    await store.transaction((tx) =>
      writeFeedPost(tx, channelId, feedId, (s) => ({
        ...s,
        unpublished: { count: (s.unpublished?.count ?? 0) + 1, lastAt },
      })),
    );
  }

  async function postMore(job: Extract<LiveJob, { kind: 'more' }>): Promise<LivePosted | null> {
    const located = await whereOf(job.channelId);
    if (!located) return null;
    const feed = await store.feeds.get(job.feedId);
    const reply = moreStoriesReply(job.count, feed?.title ?? feed?.url ?? 'this feed');
    const sent = await deps.delivery.deliver(located.where, { reply, deliveryKey: job.key });
    if (!sent.ok) throw failedPost(sent.error);
    return { where: located.where, title: reply.title, messageId: sent.value.messageId, threadId: null };
  }

  // Posts that failed for a passing reason, tried again at the next posting run (any feed's).
  const retry = new Map<string, LiveJob>();

  return {
    async claim(tx, feed, received, now) {
      const jobs: LiveJob[] = [];
      for (const [channelId, fresh] of received) {
        const channel = await tx.channels.get(channelId);
        if (!channel) continue;
        const settings = feedPostSettings(channel.settings.feedPosts, feed.id);
        const plan = planPosts(fresh, settings, max);
        if (settings.baseline) {
          const { baseline: _done, ...rest } = settings;
          await tx.channels.updateSettings(channelId, {
            feedPosts: { ...channel.settings.feedPosts, [String(feed.id)]: { ...rest, baseline: null } },
          });
          if (fresh.length > 0)
            log.info(
              { channelId, feedId: feed.id, baseline: fresh.length, backfill: plan.post.length },
              'first poll: baseline taken',
            );
        }
        for (const articleId of plan.post) {
          const key = liveKey(channelId, articleId, feed.id);
          if (await tx.deliveries.claim(key)) jobs.push({ kind: 'story', key, channelId, feedId: feed.id, articleId });
        }
        if (plan.more > 0) {
          const key = moreKey(channelId, feed.id, now);
          if (await tx.deliveries.claim(key))
            jobs.push({ kind: 'more', key, channelId, feedId: feed.id, count: plan.more });
        }
      }
      return jobs;
    },

    async post(fresh) {
      // Earlier posts first, so a channel still reads oldest to newest.
      const jobs: LiveJob[] = [];
      for (const [key, job] of retry) {
        retry.delete(key);
        if (await store.deliveries.reclaimFailed(key, LIVE_POST_ATTEMPTS)) jobs.push(job);
      }
      jobs.push(...fresh);
      const byChannel = new Map<number, LiveJob[]>();
      for (const j of jobs) byChannel.set(j.channelId, [...(byChannel.get(j.channelId) ?? []), j]);
      const limit = pLimit(deps.concurrency ?? 16);
      const posted: LivePosted[] = [];
      // One channel's posts in order (oldest story first, the "more" note last); channels in parallel.
      await Promise.all(
        [...byChannel.values()].map((list) =>
          limit(async () => {
            for (const job of list) {
              try {
                const done = job.kind === 'story' ? await postStory(job) : await postMore(job);
                await store.deliveries.markSent(job.key, done?.messageId ?? null);
                if (done) posted.push(done);
              } catch (e) {
                await store.deliveries.markFailed(job.key, (e as Error).message);
                const again = e instanceof LivePostFailed && e.retryable;
                if (again) retry.set(job.key, job);
                log.warn({ err: e, key: job.key, retry: again }, 'live post failed');
              }
            }
          }),
        ),
      );
      return posted;
    },

    async resume(key, since) {
      const parsed = parseLiveKey(key);
      if (!parsed) throw new Error(`not a live post key: ${key}`);
      const done = await postStory({ kind: 'story', key, ...parsed }, since);
      return { messageId: done.messageId };
    },
  };
}
