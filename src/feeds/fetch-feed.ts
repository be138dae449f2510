/**
 * One feed poll: conditional GET within the limits, then parse. Plus the retry policy the
 * poller applies to failures: exponential backoff with jitter, and disabling a feed that keeps
 * failing (the reason is shown in `/feeds status`).
 */
import type { Failure, Result } from '../core/result.js';
import { ok } from '../core/result.js';
import type { FullArticleReader } from './full-article.js';
import { parseFeed } from './parse-feed.js';
import { safeFetch, type FetchLimits, type SafeFetchDeps } from './safe-fetch.js';
import type { FeedItemInput } from './types.js';

/** What the poller knows about a feed before fetching it. */
export interface FeedToFetch {
  readonly url: string;
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  /** Most items read, newest first; a bigger feed is cut before it is parsed. Unset: every item. */
  readonly maxItems?: number;
}

/** Dependencies of `fetchFeed`: those of `safeFetch`, plus limits from config. */
export interface FetchFeedDeps extends SafeFetchDeps {
  readonly limits?: Partial<FetchLimits>;
  readonly userAgent?: string;
  /** Set when `feeds.fetchFullArticle` is on: the poller fetches the pages behind teasers with it. */
  readonly fullArticles?: FullArticleReader;
}

/** A fetched feed: unchanged since the validators, or its items and new validators to store. */
export type FetchFeedResult =
  | { readonly notModified: true; readonly etag: string | null; readonly lastModified: string | null }
  | {
      readonly notModified: false;
      readonly title: string | null;
      readonly link: string | null;
      readonly items: readonly FeedItemInput[];
      /** Items the feed held; more than `items.length` when it was cut to `maxItems`. */
      readonly totalItems: number;
      /** How the feed was read, for `/feeds status` ("not well-formed XML ...; read the 3 items it could"). */
      readonly notes: readonly string[];
      readonly etag: string | null;
      readonly lastModified: string | null;
      /** Where the feed was finally served from; differs from `url` after redirects. */
      readonly finalUrl: string;
    };

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5';

/** Fetches and parses one feed. Failures are values (url_refused, timeout, too_large, feed_unreachable, feed_invalid). */
export async function fetchFeed(feed: FeedToFetch, deps: FetchFeedDeps): Promise<Result<FetchFeedResult>> {
  const fetched = await safeFetch(
    feed.url,
    {
      ...deps.limits,
      etag: feed.etag ?? null,
      lastModified: feed.lastModified ?? null,
      accept: FEED_ACCEPT,
      ...(feed.maxItems !== undefined ? { keepItems: feed.maxItems } : {}),
      ...(deps.userAgent ? { userAgent: deps.userAgent } : {}),
    },
    deps,
  );
  if (!fetched.ok) return fetched;
  const res = fetched.value;
  if (res.status === 304) return ok({ notModified: true, etag: res.etag, lastModified: res.lastModified });

  const parsed = await parseFeed(res.body, {
    baseUrl: res.finalUrl,
    ...(feed.maxItems !== undefined ? { maxItems: feed.maxItems } : {}),
    ...(res.heldItems !== undefined ? { heldItems: res.heldItems } : {}),
  });
  if (!parsed.ok) {
    return {
      ok: false,
      error: { ...parsed.error, details: { ...parsed.error.details, url: feed.url, contentType: res.contentType } },
    };
  }
  deps.logger?.debug(
    { url: feed.url, items: parsed.value.items.length, bytes: res.bytes, charset: res.charset },
    'feed fetched',
  );
  return ok({
    notModified: false,
    title: parsed.value.title,
    link: parsed.value.link,
    items: parsed.value.items,
    totalItems: parsed.value.totalItems ?? parsed.value.items.length,
    notes: parsed.value.notes ?? [],
    etag: res.etag,
    lastModified: res.lastModified,
    finalUrl: res.finalUrl,
  });
}

/** How failures space out retries. `random` is injected so tests are deterministic. */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
  /** Fraction of the delay to spread either way (0.2 = ±20%), so failed feeds do not retry in lockstep. */
  readonly jitter: number;
  /** Returns a number in [0, 1). */
  readonly random: () => number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  baseMs: 5 * 60_000,
  maxMs: 6 * 60 * 60_000,
  jitter: 0.2,
  random: Math.random,
};

/**
 * When to try a feed again after `consecutiveFailures` failures in a row: base × 2^(n−1),
 * jittered, capped. With no failures the feed is due now.
 */
export function backoff(consecutiveFailures: number, now: Date, policy: BackoffPolicy = DEFAULT_BACKOFF): Date {
  if (consecutiveFailures <= 0) return new Date(now.getTime());
  // Cap the exponent too, so 2^n never overflows into Infinity for a feed failing for years.
  const exponential = policy.baseMs * 2 ** Math.min(consecutiveFailures - 1, 30);
  const spread = 1 - policy.jitter + 2 * policy.jitter * policy.random();
  const delay = Math.min(policy.maxMs, Math.round(Math.min(exponential, policy.maxMs) * spread));
  return new Date(now.getTime() + delay);
}

/** Failures in a row after which a feed is disabled until an admin re-enables it. */
export const DISABLE_AFTER_FAILURES = 10;

/** Whether to disable a feed, and the reason `/feeds status` and the channel notice show. */
export type DisableDecision = { readonly disable: false } | { readonly disable: true; readonly reason: string };

/**
 * Disables a feed after `threshold` failures in a row. A refused URL is disabled at once:
 * retrying cannot make a private address public.
 */
export function shouldDisable(
  consecutiveFailures: number,
  lastError?: Failure,
  threshold = DISABLE_AFTER_FAILURES,
): DisableDecision {
  if (lastError?.code === 'url_refused') {
    return { disable: true, reason: `Disabled: ${lastError.message}` };
  }
  if (consecutiveFailures < threshold) return { disable: false };
  const last = lastError ? ` Last error: ${lastError.message}` : '';
  return { disable: true, reason: `Disabled after ${consecutiveFailures} failed fetches in a row.${last}` };
}
