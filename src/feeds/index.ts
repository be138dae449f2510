/**
 * Fetching and parsing feeds safely. The composition root wires it:
 *
 * ```ts
 * const allow = parseAllowlist(config.feeds.allowlist);            // once, at start
 * const deps = { fetch: globalThis.fetch, lookup: systemLookup, allowlist: allow.value, limits: config.feeds, logger };
 * const result = await fetchFeed({ url, etag, lastModified }, deps);
 * ```
 */
export { checkUrl, parseAllowlist, refusedAddressReason, systemLookup, EMPTY_ALLOWLIST } from './address-policy.js';
export type { AddressAllowlist, LookupFn, ResolvedAddress } from './address-policy.js';
export { decodeBody } from './decode-body.js';
export { fetchArticlePage } from './fetch-article-page.js';
export type { ArticlePage, FetchArticlePageDeps } from './fetch-article-page.js';
export { backoff, DEFAULT_BACKOFF, DISABLE_AFTER_FAILURES, fetchFeed, shouldDisable } from './fetch-feed.js';
export type { BackoffPolicy, DisableDecision, FeedToFetch, FetchFeedDeps, FetchFeedResult } from './fetch-feed.js';
export { parseFeed } from './parse-feed.js';
export { createFullArticleReader, fullTextFor, teaserReason } from './full-article.js';
export type { FullArticleReader, FullTextOutcome } from './full-article.js';
export { DEFAULT_FETCH_LIMITS, safeFetch } from './safe-fetch.js';
export type { FetchedResource, FetchLimits, SafeFetchDeps, SafeFetchOptions } from './safe-fetch.js';
export type { FeedItemInput, ParsedFeed } from './types.js';
