/**
 * The `FeedService` commands use (`/feeds add` verifies, `/feeds test` previews), over the same
 * `fetchFeed` and limits as the poller, plus the helper that turns config into fetch deps.
 */
import type { Article } from '../core/article/types.js';
import type { ArticleFacts } from '../core/facts/types.js';
import { normaliseFeedUrl, type FeedPreviewItem, type FeedService } from '../core/feeds/service.js';
import { ingestFeedItem } from '../core/ingest/index.js';
import type { Clock, Logger } from '../core/ports.js';
import { err, failure, ok, type Result } from '../core/result.js';
import { checkUrl, EMPTY_ALLOWLIST } from '../feeds/address-policy.js';
import {
  createFullArticleReader,
  fetchFeed,
  parseAllowlist,
  systemLookup,
  type FetchFeedDeps,
  type LookupFn,
} from '../feeds/index.js';
import { createPinnedFetch } from '../feeds/pinned-fetch.js';
import type { FeedItemInput } from '../feeds/types.js';
import { DEFAULT_MAX_ITEMS_PER_POLL } from './poll-feed.js';

export interface FeedServiceDeps {
  readonly fetch: FetchFeedDeps;
  readonly analyse: (article: Article) => ArticleFacts;
}

/** Items `/feeds test` shows by default. */
export const PREVIEW_ITEMS = 5;

/** The one sentence that best sums up an item: its first summary sentence, else its first sentence. */
export function oneSentence(article: Article, facts: ArticleFacts | null): string | null {
  const id = facts?.summary[0];
  const sentence = (id !== undefined ? article.sentences[id] : undefined) ?? article.sentences[0];
  return sentence?.text ?? null;
}

function previewItem(
  item: FeedItemInput,
  sourceName: string | null,
  analyse: FeedServiceDeps['analyse'],
): FeedPreviewItem {
  const ingested = ingestFeedItem(item, { sourceName });
  const base = { title: item.title, link: item.link, publishedAt: item.isoDate };
  if (!ingested.ok || ingested.value.sentences.length === 0) return { ...base, summary: null };
  return { ...base, summary: oneSentence(ingested.value, analyse(ingested.value)) };
}

export function createFeedService(deps: FeedServiceDeps): FeedService {
  return {
    async checkAddress(input) {
      const url = normaliseFeedUrl(input);
      if (!url)
        return err(
          failure('bad_input', `"${input}" is not an http(s) URL.`, {
            hint: 'Give the full feed address, like https://example.com/feed.xml',
          }),
        );
      const checked = await checkUrl(url, deps.fetch.lookup, deps.fetch.allowlist ?? EMPTY_ALLOWLIST);
      return checked.ok ? ok(url) : checked;
    },
    async preview(input, options = {}) {
      const url = normaliseFeedUrl(input);
      if (!url) {
        return err(
          failure('bad_input', `"${input}" is not an http(s) URL.`, {
            hint: 'Give the full feed address, like https://example.com/feed.xml',
          }),
        );
      }
      // Read as a poll reads it, so a huge feed is cut before parsing and the bot keeps answering.
      const fetched = await fetchFeed({ url, maxItems: DEFAULT_MAX_ITEMS_PER_POLL }, deps.fetch);
      if (!fetched.ok) return fetched;
      const feed = fetched.value;
      // No validators were sent, so a 304 means a misbehaving server, not "unchanged".
      if (feed.notModified)
        return err(
          failure('feed_invalid', `${url} answered 304 Not Modified to a plain request.`, {
            hint: 'Check the address, or try again later.',
          }),
        );
      const items = feed.items
        .slice(0, Math.max(0, options.items ?? PREVIEW_ITEMS))
        .map((i) => previewItem(i, feed.title, deps.analyse));
      return ok({
        url,
        finalUrl: feed.finalUrl,
        title: feed.title,
        link: feed.link,
        itemCount: feed.totalItems,
        items,
      });
    },
  };
}

/** The feed settings of `Config['feeds']` the fetcher needs. */
export interface FeedFetchConfig {
  readonly allowlist: readonly string[];
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
  /** Fetch the page behind teaser items (docs/decisions/023-full-text-for-teasers.md). */
  readonly fetchFullArticle?: boolean;
}

/**
 * Builds `fetchFeed`'s deps from config: the allowlist compiled once (a bad entry is a Failure
 * at start-up), the limits, the real resolver and the address-pinned fetch unless others are given.
 */
export function feedFetchDeps(
  config: FeedFetchConfig,
  io: {
    readonly fetch?: typeof globalThis.fetch;
    readonly lookup?: LookupFn;
    readonly logger?: Logger;
    /** The full-article reader's robots.txt cache ages by it. */
    readonly clock: Clock;
  },
): Result<FetchFeedDeps> {
  const allow = parseAllowlist(config.allowlist);
  if (!allow.ok) return allow;
  const base: FetchFeedDeps = {
    // The pinned fetch re-checks the address at connect time (DNS rebinding); tests pass plain fetch.
    fetch: io.fetch ?? createPinnedFetch(allow.value),
    lookup: io.lookup ?? systemLookup,
    allowlist: allow.value,
    limits: { timeoutMs: config.timeoutMs, maxBytes: config.maxBytes, maxRedirects: config.maxRedirects },
    ...(io.logger ? { logger: io.logger } : {}),
  };
  if (!config.fetchFullArticle) return ok(base);
  // One reader per process: its robots.txt cache and per-host limit are shared by every feed.
  const fullArticles = createFullArticleReader(base, { clock: io.clock });
  return ok({ ...base, fullArticles });
}
