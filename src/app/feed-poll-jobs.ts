/**
 * Feed polling as jobs (docs/decisions/036-work-as-jobs.md). Every process's poll tick lists the
 * due feeds and enqueues one `feed-poll` job per feed, keyed by the feed and the instant it fell
 * due: N processes listing the same due feed make one job, and once it is polled its next due
 * instant (a new key) lies in the future. Whichever process is free takes a job; a job whose
 * process died is retried elsewhere after its expiry. `herald poll --once` still runs
 * `pollCycle` in its own process.
 */
import type { JobQueue, QueueOptions } from '../core/jobs/port.js';
import type { Feed } from '../core/store/records.js';
import { DEFAULT_POLL_CONCURRENCY, pollFeedDeps, type PollerDeps } from './poller.js';
import { pollFeed } from './poll-feed.js';

export const FEED_POLL_QUEUE = 'feed-poll';

export interface FeedPollJob {
  readonly feedId: number;
}

/** A fetch is bounded by its timeout and byte cap (seconds); a job still running after 5 min is taken for dead. */
export function feedPollJobOptions(concurrency = DEFAULT_POLL_CONCURRENCY): QueueOptions {
  return { expireInSeconds: 300, retryLimit: 2, retryDelaySeconds: 30, concurrency };
}

/** One job per (feed, due instant): the same due feed listed by N processes is one job. */
export const feedPollKey = (feed: Feed): string => `${feed.id}:${feed.fetch.nextAttemptAt ?? 'new'}`;

export interface FeedPollJobs {
  /** The poll tick: enqueues every due feed; returns how many were due. */
  enqueueDue(): Promise<number>;
  /** Starts taking feed-poll jobs in this process. */
  work(): Promise<void>;
}

export function createFeedPollJobs(deps: PollerDeps & { readonly queue: JobQueue }): FeedPollJobs {
  const log = deps.logger.child({ job: 'poll' });
  const feedDeps = pollFeedDeps(deps, log);
  const poll = async ({ feedId }: FeedPollJob): Promise<void> => {
    const feed = await deps.store.feeds.get(feedId);
    const now = deps.clock.now().getTime();
    // Polled already (a retry after the first run finished), disabled, or removed since queued.
    if (!feed || feed.fetch.disabledReason !== null) return;
    if (feed.fetch.nextAttemptAt !== null && Date.parse(feed.fetch.nextAttemptAt) > now) return;
    try {
      const outcome = await pollFeed(feed, feedDeps);
      deps.metrics?.feedFetches.inc({ outcome: outcome.kind === 'failed' ? outcome.failure.code : outcome.kind });
      if (outcome.kind === 'failed')
        log.warn(
          { feedId, url: feed.url, code: outcome.failure.code, disabled: outcome.disabled },
          outcome.failure.message,
        );
    } catch (e) {
      // A bug or a store error: logged and counted; the feed is due again next tick.
      deps.metrics?.feedFetches.inc({ outcome: 'internal' });
      log.error({ err: e, feedId, url: feed.url }, 'polling a feed failed');
    }
  };
  return {
    async enqueueDue() {
      const due = await deps.store.feeds.listDue(deps.clock.now());
      await deps.queue.sendMany<FeedPollJob>(
        FEED_POLL_QUEUE,
        due.map((feed) => ({ data: { feedId: feed.id }, singletonKey: feedPollKey(feed) })),
      );
      return due.length;
    },
    work: () => deps.queue.work<FeedPollJob>(FEED_POLL_QUEUE, feedPollJobOptions(deps.options?.concurrency), poll),
  };
}
