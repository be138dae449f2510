/**
 * One poll cycle: elect this process with a lease (two processes never poll together), fetch
 * every due feed with bounded concurrency, and sum up. Each feed is caught on its own, so one
 * bad feed never stops the others. The scheduler (or `herald poll --once`) calls `pollCycle`.
 */
import pLimit from 'p-limit';
import type { Article } from '../core/article/types.js';
import type { ArticleFacts } from '../core/facts/types.js';
import type { LivePosted, LivePoster } from '../core/live/live-posts.js';
import type { Clock, DeliveryPort, Logger } from '../core/ports.js';
import type { FailureCode } from '../core/result.js';
import type { Feed } from '../core/store/records.js';
import type { HeraldStore } from '../core/store/repositories.js';
import { DEFAULT_BACKOFF, DISABLE_AFTER_FAILURES, type BackoffPolicy, type FetchFeedDeps } from '../feeds/index.js';
import { pollFeed, type PollFeedDeps } from './poll-feed.js';

export const POLL_LEASE_KEY = 'feeds:poll';
export const DEFAULT_POLL_CONCURRENCY = 8;

export interface PollerDeps {
  readonly store: HeraldStore;
  /** `feedFetchDeps(config.feeds, ...)`: fetch, resolver, allowlist and limits. */
  readonly fetch: FetchFeedDeps;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly delivery?: DeliveryPort;
  readonly options?: PollerOptions;
  /** Counts each feed's outcome (`herald_feed_fetches_total`). */
  readonly metrics?: { readonly feedFetches: { inc(labels: { outcome: string }): void } };
  /** Posts new items to channels whose feeds post live (docs/decisions/034-live-posting.md). */
  readonly live?: LivePoster;
}

export interface PollerOptions {
  /** Feeds fetched at once. Default 8. */
  readonly concurrency?: number;
  /** Time between successful fetches of one feed (config `pollIntervalMinutes`). Default 15 min. */
  readonly pollIntervalMs?: number;
  readonly disableAfterFailures?: number;
  readonly backoff?: BackoffPolicy;
  /**
   * How long the poll lease lasts unless renewed; renewed every third of it while the cycle runs,
   * so a process killed mid-cycle holds polling up for at most this long. Default 90 s.
   */
  readonly leaseMs?: number;
  /** Most items taken from one feed in one poll, newest first (config `feeds.maxItemsPerPoll`). */
  readonly maxItemsPerPoll?: number;
  /** Analyse new articles while storing them; default lazy (the library analyses on first use). */
  readonly analyse?: (article: Article) => ArticleFacts;
  /** Poll every enabled feed now, due or not (`herald poll --once --all`). */
  readonly all?: boolean;
}

/** One feed that failed in this cycle. */
export interface PollFailure {
  readonly feedId: number;
  readonly url: string;
  readonly code: FailureCode;
  readonly message: string;
  readonly disabled: boolean;
}

/** What a cycle did, for logs and `herald poll --once`. */
export interface PollSummary {
  /** False when another process holds the poll lease; nothing was fetched. */
  readonly ran: boolean;
  readonly due: number;
  /** Feeds fetched with a body (200). */
  readonly fetched: number;
  readonly notModified: number;
  readonly items: number;
  /** Items new to the store or to at least one channel. */
  readonly newItems: number;
  /** (channel, article) receipts recorded. */
  readonly received: number;
  readonly errors: number;
  readonly disabled: number;
  /** Channels told that a feed was disabled. */
  readonly notified: number;
  readonly failures: readonly PollFailure[];
  /** Live posts made in this cycle. */
  readonly posted: readonly LivePosted[];
  readonly durationMs: number;
}

/** What polling one feed needs, from the poller's deps (shared by the cycle and the feed-poll job). */
export function pollFeedDeps(deps: PollerDeps, logger: Logger): PollFeedDeps {
  const opts = deps.options ?? {};
  return {
    store: deps.store,
    fetch: deps.fetch,
    clock: deps.clock,
    logger,
    pollIntervalMs: opts.pollIntervalMs ?? 15 * 60_000,
    disableAfterFailures: opts.disableAfterFailures ?? DISABLE_AFTER_FAILURES,
    backoff: opts.backoff ?? DEFAULT_BACKOFF,
    ...(deps.delivery ? { delivery: deps.delivery } : {}),
    ...(opts.analyse ? { analyse: opts.analyse } : {}),
    ...(opts.maxItemsPerPoll ? { maxItemsPerPoll: opts.maxItemsPerPoll } : {}),
    ...(deps.live ? { live: deps.live } : {}),
  };
}

export async function pollCycle(deps: PollerDeps): Promise<PollSummary> {
  const opts = deps.options ?? {};
  const leaseMs = opts.leaseMs ?? 90_000;
  const ms = (): number => deps.clock.now().getTime();
  const started = ms();
  const log = deps.logger.child({ job: 'poll' });
  const summary = {
    ran: true,
    due: 0,
    fetched: 0,
    notModified: 0,
    items: 0,
    newItems: 0,
    received: 0,
    errors: 0,
    disabled: 0,
    notified: 0,
  };
  const failures: PollFailure[] = [];
  const posted: LivePosted[] = [];
  const done = () => ({ ...summary, failures, posted, durationMs: ms() - started });

  if (!(await deps.store.leases.tryLease(POLL_LEASE_KEY, leaseMs, deps.clock.now()))) {
    log.info('another process is polling; skipping this cycle');
    return { ...done(), ran: false };
  }
  let leaseRenewedAt = ms();
  let leaseLost = false;
  // A long cycle renews the lease before it runs out, and stops taking feeds if it was lost.
  const keepLease = async (): Promise<void> => {
    if (ms() - leaseRenewedAt < leaseMs / 3) return;
    leaseRenewedAt = ms();
    if (!(await deps.store.leases.tryLease(POLL_LEASE_KEY, leaseMs, deps.clock.now()))) {
      leaseLost = true;
      log.warn('poll lease lost to another process; stopping this cycle');
    }
  };

  const feedDeps = pollFeedDeps(deps, log);
  // Renewed on a timer too, so one slow feed (a huge parse) cannot let the lease lapse mid-cycle.
  const renewal = setInterval(() => void keepLease().catch(() => undefined), leaseMs / 3);
  renewal.unref();

  try {
    // `all`: every enabled, followed feed, as if its next attempt were now.
    const due = await deps.store.feeds.listDue(opts.all ? new Date('9999-12-31T23:59:59.999Z') : deps.clock.now());
    summary.due = due.length;
    const limit = pLimit(opts.concurrency ?? DEFAULT_POLL_CONCURRENCY);
    const pollOne = async (feed: Feed): Promise<void> => {
      await keepLease();
      // Once the lease is lost, the feeds still queued are left to the process that holds it.
      if (leaseLost) return;
      try {
        const outcome = await pollFeed(feed, feedDeps);
        deps.metrics?.feedFetches.inc({ outcome: outcome.kind === 'failed' ? outcome.failure.code : outcome.kind });
        if (outcome.kind === 'not-modified') summary.notModified += 1;
        else if (outcome.kind === 'fetched') {
          summary.fetched += 1;
          summary.items += outcome.items;
          summary.newItems += outcome.newItems;
          summary.received += outcome.received;
          posted.push(...outcome.posted);
        } else {
          summary.errors += 1;
          if (outcome.disabled) summary.disabled += 1;
          summary.notified += outcome.notified;
          failures.push({
            feedId: feed.id,
            url: feed.url,
            code: outcome.failure.code,
            message: outcome.failure.message,
            disabled: outcome.disabled,
          });
        }
      } catch (e) {
        // A bug or a store error for this feed: logged, counted, and the cycle goes on.
        summary.errors += 1;
        failures.push({
          feedId: feed.id,
          url: feed.url,
          code: 'internal',
          message: (e as Error).message,
          disabled: false,
        });
        log.error({ err: e, feedId: feed.id, url: feed.url }, 'polling a feed failed');
      }
    };
    await Promise.all(due.map((feed) => limit(() => pollOne(feed))));
  } finally {
    clearInterval(renewal);
    if (!leaseLost) await deps.store.leases.release(POLL_LEASE_KEY);
  }
  const result = done();
  log.info({ ...result, failures: failures.length, posted: posted.length }, 'poll cycle done');
  return result;
}
