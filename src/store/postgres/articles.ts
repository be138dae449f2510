/** Articles (deduplicated across feeds) and which channel received which, in PostgreSQL. */
import type { Clock } from '../../core/ports.js';
import type { StoredArticle } from '../../core/store/records.js';
import type { ArticleRepository } from '../../core/store/repositories.js';
import {
  articleOf,
  emptyToNull,
  matchOf,
  receivedOf,
  workspaceArticleOf,
  type ArticleRow as Row,
  type ReceivedRow as Received,
  type WorkspaceRow,
} from '../article-rows.js';
import { changed, iso, one, rows, type Db } from './pool.js';

type ArticleRow = Row<Date>;
type ReceivedRow = Received<Date>;
const toArticle = (r: ArticleRow) => articleOf(r, iso);
const toReceived = (r: ReceivedRow) => receivedOf(r, iso);

/** Receipts of the workspace's channels, one row an article, the scope's channel ($2) first, newest first. */
const inWorkspace = (select: string, where: string, limit: string): string =>
  `SELECT ${select}, MAX(CASE WHEN ca.channel_id = $2 THEN 1 ELSE 0 END) AS own, MAX(ca.received_at) AS latest
   FROM channel_articles ca JOIN channels c ON c.id = ca.channel_id JOIN articles a ON a.id = ca.article_id
   WHERE c.workspace_id = $1 AND ${where}
   GROUP BY a.id ORDER BY own DESC, latest DESC LIMIT ${limit}`;
const FIND_IN = {
  id: inWorkspace('a.*', 'a.id = $3::text', '1'),
  idPrefix: inWorkspace('a.*', 'left(a.id, length($3::text)) = $3::text', '1'),
  linkOrGuid: inWorkspace('a.*', '(a.link = $3::text OR a.guid = $3::text)', '1'),
};
const LIST_IN = inWorkspace('a.id AS article_id, a.title, a.link, a.published_at', 'TRUE', '$3');

export function pgArticles(db: Db, clock: Clock): ArticleRepository {
  const oneBy = async (column: 'id' | 'link' | 'guid', value: string): Promise<StoredArticle | null> => {
    const row = await one<ArticleRow>(db, `SELECT * FROM articles WHERE ${column} = $1`, [value]);
    return row ? toArticle(row) : null;
  };
  return {
    insert: async (input) => {
      const { article } = input;
      const guid = emptyToNull(article.guid);
      const link = emptyToNull(input.link === undefined ? article.source.url : input.link);
      // No conflict target: a clash on any of id, guid or link makes the insert a no-op. A
      // concurrent insert of the same story (another process) waits on the unique index and
      // then also does nothing, so the race ends in one row.
      const inserted = await changed(
        db,
        `INSERT INTO articles (id, guid, link, title, published_at, feed_id, article, facts, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::json, $8::json, $9)
         ON CONFLICT DO NOTHING`,
        [
          article.id,
          guid,
          link,
          article.title,
          article.publishedAt,
          input.feedId ?? null,
          JSON.stringify(article),
          input.facts ? JSON.stringify(input.facts) : null,
          clock.now().toISOString(),
        ],
      );
      if (inserted === 1) return { id: article.id, created: true };
      const row = await one<{ id: string }>(
        db,
        `SELECT id FROM articles
         WHERE id = $1 OR ($2::text IS NOT NULL AND guid = $2) OR ($3::text IS NOT NULL AND link = $3)
         ORDER BY (id = $1) DESC, created_at LIMIT 1`,
        [article.id, guid, link],
      );
      // Unreachable unless a unique index is missing; better to fail loudly than to lose the article.
      if (!row) throw new Error(`Article ${article.id} was neither inserted nor found as a duplicate`);
      return { id: row.id, created: false };
    },
    get: (id) => oneBy('id', id),
    findByLink: (link) => oneBy('link', link),
    findByGuid: (guid) => oneBy('guid', guid),
    setFacts: async (id, facts) =>
      (await changed(db, 'UPDATE articles SET facts = $1::json WHERE id = $2', [JSON.stringify(facts), id])) > 0,
    listForFeed: async (feedId, limit) =>
      (
        await rows<ArticleRow>(
          db,
          'SELECT * FROM articles WHERE feed_id = $1 ORDER BY created_at DESC, published_at DESC NULLS LAST, id LIMIT $2',
          [feedId, limit],
        )
      ).map(toArticle),
    markReceived: async (channelId, articleId, at) =>
      (await changed(
        db,
        'INSERT INTO channel_articles (channel_id, article_id, received_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [channelId, articleId, at.toISOString()],
      )) === 1,
    // LIMIT NULL is no limit in PostgreSQL.
    listReceived: async (channelId, options = {}) =>
      (
        await rows<ReceivedRow>(
          db,
          `SELECT ca.channel_id, ca.article_id, ca.received_at, a.title, a.link, a.published_at
           FROM channel_articles ca JOIN articles a ON a.id = ca.article_id
           WHERE ca.channel_id = $1 AND ($2::timestamptz IS NULL OR ca.received_at > $2)
           ORDER BY ca.received_at DESC, ca.seq DESC LIMIT $3`,
          [channelId, options.since ? options.since.toISOString() : null, options.limit ?? null],
        )
      ).map(toReceived),
    findReceivedIn: async (scope, match) => {
      const [kind, value] = matchOf(match);
      const row = await one<ArticleRow>(db, FIND_IN[kind], [scope.workspaceId, scope.channelId, value]);
      return row ? toArticle(row) : null;
    },
    listReceivedIn: async (scope, options) =>
      (await rows<WorkspaceRow<Date>>(db, LIST_IN, [scope.workspaceId, scope.channelId, options.limit])).map((r) =>
        workspaceArticleOf(r, iso),
      ),
  };
}
