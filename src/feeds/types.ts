/**
 * Shapes the feed layer hands to the rest of Herald. `FeedItemInput` narrows ingest's own
 * `FeedItemInput` (every field optional there), so an item goes straight to `ingestFeedItem`;
 * here it is already normalised: a title is always present, links are absolute, a missing
 * date is `null`.
 */
import type { FeedItemInput as IngestFeedItemInput } from '../core/ingest/index.js';

/** One feed item, ready for `ingestFeedItem`. */
export interface FeedItemInput extends IngestFeedItemInput {
  /** Never empty: the feed's title, else the first words of the content, else the link, else "Untitled item". */
  readonly title: string;
  /** Absolute URL, or null when the item has none (an Atom entry with only an `<id>`). */
  readonly link: string | null;
  /** The item's stable identity: RSS `<guid>`, Atom `<id>`, or RDF `rdf:about`; null when absent. */
  readonly guid: string | null;
  /** Atom `<id>`, when the feed is Atom. */
  readonly id?: string;
  /** ISO 8601 publication time, or null when the feed gives none (the caller uses fetch time). */
  readonly isoDate: string | null;
  /** The date as the feed wrote it, for display and debugging. */
  readonly pubDate?: string;
  /** RSS `<description>` or Atom `<content>` (often HTML). */
  readonly content?: string;
  readonly 'content:encoded'?: string;
  /** Same as `content:encoded`, under a name that needs no quotes. */
  readonly contentEncoded?: string;
  /** Plain-text snippet of `content`, as rss-parser makes it. */
  readonly contentSnippet?: string;
  /** Atom `<summary>`. */
  readonly summary?: string;
  readonly categories: readonly string[];
  /** `dc:creator` or `<author>`. */
  readonly creator?: string;
  readonly author?: string;
  /** First image or media URL (media:content, media:thumbnail, an image enclosure). */
  readonly mediaUrl?: string;
}

/** A parsed feed: its own title and link, and its items in document order. */
export interface ParsedFeed {
  readonly title: string | null;
  /** The site's link (absolute), when the feed gives one. */
  readonly link: string | null;
  readonly items: readonly FeedItemInput[];
  /**
   * What an admin should know about how the feed was read, in words: "not well-formed XML
   * (line 8: ...); Herald read the 3 items it could". Empty for a clean feed.
   */
  readonly notes?: readonly string[];
  /** Items the document held, when it was cut to the newest `maxItems` (more than `items.length`). */
  readonly totalItems?: number;
}
