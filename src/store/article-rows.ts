/**
 * What the SQLite and PostgreSQL article repositories share: their rows, read into records the
 * same way (timestamps are text in SQLite and `Date` in PostgreSQL: see instants.ts), and the one
 * switch over `ArticleMatch`.
 */
import type { ReceivedArticle, StoredArticle } from '../core/store/records.js';
import type { ArticleMatch, WorkspaceArticle } from '../core/store/repositories.js';
import type { ReadInstant } from './instants.js';
import { readArticle, readFacts } from './row-json.js';

export interface ArticleRow<Instant> {
  id: string;
  guid: string | null;
  link: string | null;
  title: string | null;
  published_at: string | null;
  feed_id: number | null;
  article: string;
  facts: string | null;
  created_at: Instant;
}
export interface ReceivedRow<Instant> {
  channel_id: number;
  article_id: string;
  title: string | null;
  link: string | null;
  published_at: string | null;
  received_at: Instant;
}
/** A `listReceivedIn` row: one an article, its newest receipt in the workspace as `latest`. */
export type WorkspaceRow<Instant> = Omit<ReceivedRow<Instant>, 'channel_id' | 'received_at'> & { latest: Instant };

export const articleOf = <I>(r: ArticleRow<I>, instant: ReadInstant<I>): StoredArticle => ({
  id: r.id,
  guid: r.guid,
  link: r.link,
  title: r.title,
  publishedAt: r.published_at,
  feedId: r.feed_id,
  article: readArticle(r.id, r.article),
  facts: readFacts(r.id, r.facts),
  createdAt: instant(r.created_at),
});

export const receivedOf = <I>(r: ReceivedRow<I>, instant: ReadInstant<I>): ReceivedArticle => ({
  channelId: r.channel_id,
  articleId: r.article_id,
  title: r.title,
  link: r.link,
  publishedAt: r.published_at,
  receivedAt: instant(r.received_at),
});

export const workspaceArticleOf = <I>(r: WorkspaceRow<I>, instant: ReadInstant<I>): WorkspaceArticle => ({
  articleId: r.article_id,
  title: r.title,
  link: r.link,
  publishedAt: r.published_at,
  receivedAt: instant(r.latest),
});

/** The kind of match and the value it compares, for the statement of that kind. */
export function matchOf(match: ArticleMatch): ['id' | 'idPrefix' | 'linkOrGuid', string] {
  if ('id' in match) return ['id', match.id];
  if ('idPrefix' in match) return ['idPrefix', match.idPrefix];
  return ['linkOrGuid', match.linkOrGuid];
}

/** Feeds put empty strings where they mean "none"; an empty guid must not dedupe everything. */
export function emptyToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}
