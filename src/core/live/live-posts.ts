/**
 * Live posting (docs/decisions/034-live-posting.md): the items a poll brought to a channel whose
 * feed posts `live` go out one message each, at most once per channel.
 *
 * In two steps. `claim` runs inside the poll's transaction: it decides what to post (a new
 * subscription's first poll is its baseline, a burst is capped) and claims one delivery key per
 * post, so the claims commit together with the receipts: a process killed after the commit
 * leaves pending rows that crash recovery finishes (`postClaimed` with `resume`), never items
 * received and silently not posted. `post` runs after the commit and delivers what was claimed.
 *
 * A post the platform failed for a passing reason stays pending, its error noted: this process
 * tries it again at its next posting run, and if the process is gone first, crash recovery does,
 * as for any pending post of a dead process. So a retry is not lost to a restart.
 */
import pLimit from 'p-limit';
import { analyse } from '../analyse/index.js';
import { DeliveryFailed, noteDeliveryFailure } from '../delivery/retry.js';
import type { ArticleFacts } from '../facts/types.js';
import { compileFilters, filterText, passesFilters } from '../feeds/filters.js';
import type { Clock, DeliveryPort, Logger, Where } from '../ports.js';
import type { Placement } from '../reply/types.js';
import type { Feed, StoredArticle } from '../store/records.js';
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
/** Stories whose analysis a poster keeps for the channels still posting them. */
const RECENT_ANALYSES = 256;
/** Attempts a live post gets when the platform fails it for a passing reason (rate limit, timeout, 5xx). */
export const LIVE_POST_ATTEMPTS = 3;

/** The key of a burst's "N more" note; it carries N, so crash recovery can post the note again. */
const moreKey = (channelId: number, feedId: number, count: number, at: Date): string =>
  `live-more:${channelId}:${feedId}:${count}:${at.toISOString()}`;
const MORE_KEY = /^live-more:(\d+):(\d+):(\d+):\d{4}-/u;

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
  /**
   * Crash recovery: posts a claimed story (or "N more" note) again, looking on the platform
   * first. Throws `DeliveryFailed` when the platform fails it (`retryable` when that passes).
   */
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

/** Records a failed attempt of a live post; true while it waits for another (see `noteDeliveryFailure`). */
export const noteLiveFailure = (deliveries: HeraldStore['deliveries'], key: string, e: unknown): Promise<boolean> =>
  noteDeliveryFailure(deliveries, key, e, LIVE_POST_ATTEMPTS);

export function createLivePoster(deps: LivePosterDeps): LivePoster {
  const log = deps.logger.child({ component: 'live-posts' });
  const max = deps.maxPerPoll ?? DEFAULT_MAX_LIVE_POSTS;
  const { store } = deps;
  const noteFailure = (key: string, e: unknown) => noteLiveFailure(store.deliveries, key, e);

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

  // One analysis per story, however many channels post it at once; stored for /ask and digests.
  const analysing = new Map<string, Promise<ArticleFacts>>();
  function factsOf(stored: StoredArticle): Promise<ArticleFacts> {
    if (stored.facts) return Promise.resolve(stored.facts);
    let facts = analysing.get(stored.id);
    if (!facts) {
      const made = analyse(stored.article);
      facts = store.articles.setFacts(stored.id, made).then(() => made);
      analysing.set(stored.id, facts);
      // The newest few are kept: a channel that read the article before it was stored asks again.
      if (analysing.size > RECENT_ANALYSES) analysing.delete(analysing.keys().next().value!);
      void facts.catch(() => analysing.delete(stored.id));
    }
    return facts;
  }

  async function postStory(job: Extract<LiveJob, { kind: 'story' }>, resume?: Date): Promise<LivePosted> {
    const located = await whereOf(job.channelId);
    const found = await store.articles.get(job.articleId);
    if (!located || !found) throw new Error(`live post ${job.key}: its channel or article is gone`);
    const stored = { ...found, facts: await factsOf(found) };
    const feed = await store.feeds.get(job.feedId);
    const settings = feedPostSettings(located.channel.settings.feedPosts, job.feedId);
    const post = storyPost(stored, { feedName: feed?.title ?? null, template: settings.template });
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
    if (!sent.ok) throw new DeliveryFailed(sent.error);
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

  async function postMore(job: Extract<LiveJob, { kind: 'more' }>, resume?: Date): Promise<LivePosted | null> {
    const located = await whereOf(job.channelId);
    if (!located) return null;
    const feed = await store.feeds.get(job.feedId);
    const reply = moreStoriesReply(job.count, feed?.title ?? feed?.url ?? 'this feed');
    const sent = await deps.delivery.deliver(located.where, {
      reply,
      deliveryKey: job.key,
      ...(resume ? { resume: { since: resume } } : {}),
    });
    if (!sent.ok) throw new DeliveryFailed(sent.error);
    return { where: located.where, title: reply.title, messageId: sent.value.messageId, threadId: null };
  }

  const postJob = (job: LiveJob, resume?: Date) =>
    job.kind === 'story' ? postStory(job, resume) : postMore(job, resume);

  // Posts that failed for a passing reason, tried again at the next posting run (any feed's).
  // Their rows stay pending, so if this process dies first, crash recovery posts them.
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
          const key = moreKey(channelId, feed.id, plan.more, now);
          if (await tx.deliveries.claim(key))
            jobs.push({ kind: 'more', key, channelId, feedId: feed.id, count: plan.more });
        }
      }
      return jobs;
    },

    async post(fresh) {
      // Earlier posts first, so a channel still reads oldest to newest.
      const jobs: LiveJob[] = [];
      const since = new Map<string, Date>();
      for (const [key, job] of retry) {
        retry.delete(key);
        // Still this process's to post, unless recovery took this process for dead and settled it.
        const row = await store.deliveries.get(key);
        if (row?.status !== 'pending' || row.claimedBy !== store.instanceId) continue;
        jobs.push(job);
        // The failed attempt may have landed (a lost answer): the platform is asked first.
        since.set(key, new Date(row.createdAt));
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
                const done = await postJob(job, since.get(job.key));
                await store.deliveries.markSent(job.key, done?.messageId ?? null);
                if (done) posted.push(done);
              } catch (e) {
                const again = await noteFailure(job.key, e);
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
      const story = parseLiveKey(key);
      const more = MORE_KEY.exec(key);
      const job: LiveJob | null = story
        ? { kind: 'story', key, ...story }
        : more
          ? { kind: 'more', key, channelId: Number(more[1]), feedId: Number(more[2]), count: Number(more[3]) }
          : null;
      if (!job) throw new Error(`not a live post key that can be resumed: ${key}`);
      const done = await postJob(job, since);
      return { messageId: done?.messageId ?? null };
    },
  };
}
