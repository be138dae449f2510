/**
 * Inputs to ingest. The feed item shape mirrors what rss-parser (and similar parsers)
 * produce, declared here so the core never imports a feed library.
 */

/** Facts the caller already knows about an article; they win over what ingest finds. */
export interface IngestMeta {
  readonly url?: string | null;
  readonly path?: string | null;
  /** Human name of the source ("Xinhua", a feed title). */
  readonly sourceName?: string | null;
  /** Any date string `Date` can parse; stored as ISO 8601. */
  readonly publishedAt?: string | null;
  readonly title?: string | null;
}

/** A category as feed parsers give it: a string, or xml2js's `{ _: text }` when the element had attributes. */
export type FeedCategory = string | { readonly _?: string; readonly [key: string]: unknown };

/** One RSS/Atom item as a plain object (rss-parser's item shape, all fields optional). */
export interface FeedItemInput {
  readonly title?: string | null;
  readonly link?: string | null;
  readonly guid?: string | null;
  readonly id?: string | null;
  readonly isoDate?: string | null;
  readonly pubDate?: string | null;
  readonly content?: string | null;
  readonly 'content:encoded'?: string | null;
  readonly contentEncoded?: string | null;
  readonly contentSnippet?: string | null;
  readonly summary?: string | null;
  readonly description?: string | null;
  readonly categories?: readonly FeedCategory[] | null;
  readonly creator?: string | null;
  readonly author?: string | null;
}

/** A document of unknown format, as read from a file or fetched from a URL. */
export interface DocumentInput {
  readonly content: string;
  readonly contentType?: string | null;
  readonly path?: string | null;
  readonly url?: string | null;
  readonly sourceName?: string | null;
}
