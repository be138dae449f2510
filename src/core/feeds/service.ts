/**
 * What `/feeds` commands need from the feed layer, without knowing how feeds are fetched
 * (`src/app/feed-service.ts` implements it over `fetchFeed`, with the poller's limits and
 * address rules). Commands reach it as `ctx.services.feeds`.
 */
import type { Result } from '../result.js';

/** One item as `/feeds test` shows it. */
export interface FeedPreviewItem {
  readonly title: string;
  readonly link: string | null;
  readonly publishedAt: string | null;
  /** The item's most representative sentence, when the item has a body. */
  readonly summary: string | null;
}

/** A feed fetched once, nothing stored. */
export interface FeedPreview {
  /** The URL as normalised (what `/feeds add` stores). */
  readonly url: string;
  /** Where the feed was served from after redirects. */
  readonly finalUrl: string;
  readonly title: string | null;
  readonly link: string | null;
  readonly itemCount: number;
  /** The first few items, in feed order. */
  readonly items: readonly FeedPreviewItem[];
}

export interface FeedService {
  /**
   * Fetches and parses the feed at `url` once, under the same limits and address rules as the
   * poller. Failures: bad_input (not an http(s) URL), url_refused, timeout, too_large,
   * feed_unreachable, feed_invalid.
   */
  preview(url: string, options?: { readonly items?: number }): Promise<Result<FeedPreview>>;
  /**
   * The address policy alone, without fetching: the URL is http(s) and its host resolves to no
   * private, loopback, link-local or metadata address (unless allowlisted). For `/config import`,
   * which must not store such a feed even though it does not fetch every feed it lists.
   * Failures: bad_input, url_refused, feed_unreachable (the name does not resolve).
   */
  checkAddress(url: string): Promise<Result<string>>;
}

/** Normalises what a user typed into the URL stored for a feed, or null when it is no http(s) URL. */
export function normaliseFeedUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  return url.href;
}
