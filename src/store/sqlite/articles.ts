/** Articles (deduplicated across feeds) and which channel received which, in SQLite. */
import type { Database } from 'better-sqlite3';
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
import { isoText } from '../instants.js';

type ArticleRow = Row<string>;
type ReceivedRow = Received<string>;
const toArticle = (r: ArticleRow) => articleOf(r, isoText);
const toReceived = (r: ReceivedRow) => receivedOf(r, isoText);

export function sqliteArticles(db: Database, clock: Clock): ArticleRepository {
  // No conflict target: a clash on any of id, guid or link makes the insert a no-op, and then
  // the existing row is looked up. Another process inserting the same story at the same moment
  // meets the same unique keys, so the race also ends in one row.
  const insert = db.prepare(
    `INSERT INTO articles (id, guid, link, title, published_at, feed_id, article, facts, created_at)
     VALUES (@id, @guid, @link, @title, @publishedAt, @feedId, @article, @facts, @createdAt)
     ON CONFLICT DO NOTHING`,
  );
  const existing = db.prepare(
    `SELECT id FROM articles WHERE id = @id OR (guid IS NOT NULL AND guid = @guid) OR (link IS NOT NULL AND link = @link)
     ORDER BY (id = @id) DESC, created_at LIMIT 1`,
  );
  const byId = db.prepare('SELECT * FROM articles WHERE id = ?');
  const byLink = db.prepare('SELECT * FROM articles WHERE link = ?');
  const byGuid = db.prepare('SELECT * FROM articles WHERE guid = ?');
  const received = db.prepare(
    'INSERT INTO channel_articles (channel_id, article_id, received_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const listReceived = db.prepare(
    `SELECT ca.channel_id, ca.article_id, ca.received_at, a.title, a.link, a.published_at
     FROM channel_articles ca JOIN articles a ON a.id = ca.article_id
     WHERE ca.channel_id = @channelId AND (@since IS NULL OR ca.received_at > @since)
     ORDER BY ca.received_at DESC, ca.rowid DESC LIMIT @limit`,
  );
  // Receipts of the workspace's channels, one row an article, the scope's channel first, newest first.
  const inWorkspace = (select: string, where: string, limit: string): string =>
    `SELECT ${select}, MAX(ca.channel_id = @channelId) AS own, MAX(ca.received_at) AS latest
     FROM channel_articles ca JOIN channels c ON c.id = ca.channel_id JOIN articles a ON a.id = ca.article_id
     WHERE c.workspace_id = @workspaceId AND ${where}
     GROUP BY a.id ORDER BY own DESC, latest DESC LIMIT ${limit}`;
  const findIn = {
    id: db.prepare(inWorkspace('a.*', 'a.id = @value', '1')),
    idPrefix: db.prepare(inWorkspace('a.*', 'substr(a.id, 1, length(@value)) = @value', '1')),
    linkOrGuid: db.prepare(inWorkspace('a.*', '(a.link = @value OR a.guid = @value)', '1')),
  };
  const listIn = db.prepare(inWorkspace('a.id AS article_id, a.title, a.link, a.published_at', '1', '@limit'));
  const ofFeed = db.prepare(
    'SELECT * FROM articles WHERE feed_id = ? ORDER BY created_at DESC, published_at DESC, rowid DESC LIMIT ?',
  );
  const one = (stmt: typeof byId, key: string): StoredArticle | null => {
    const row = stmt.get(key) as ArticleRow | undefined;
    return row ? toArticle(row) : null;
  };

  return {
    insert: async (input) => {
      const { article } = input;
      const params = {
        id: article.id,
        guid: emptyToNull(article.guid),
        link: emptyToNull(input.link === undefined ? article.source.url : input.link),
        title: article.title,
        publishedAt: article.publishedAt,
        feedId: input.feedId ?? null,
        article: JSON.stringify(article),
        facts: input.facts ? JSON.stringify(input.facts) : null,
        createdAt: clock.now().toISOString(),
      };
      if (insert.run(params).changes === 1) return { id: article.id, created: true };
      const row = existing.get(params) as { id: string } | undefined;
      // Unreachable unless a unique index is missing; better to fail loudly than to lose the article.
      if (!row) throw new Error(`Article ${article.id} was neither inserted nor found as a duplicate`);
      return { id: row.id, created: false };
    },
    get: async (id) => one(byId, id),
    findByLink: async (link) => one(byLink, link),
    findByGuid: async (guid) => one(byGuid, guid),
    setFacts: async (id, facts) =>
      db.prepare('UPDATE articles SET facts = ? WHERE id = ?').run(JSON.stringify(facts), id).changes > 0,
    listForFeed: async (feedId, limit) => (ofFeed.all(feedId, limit) as ArticleRow[]).map(toArticle),
    markReceived: async (channelId, articleId, at) =>
      received.run(channelId, articleId, at.toISOString()).changes === 1,
    listReceived: async (channelId, options = {}) =>
      (
        listReceived.all({
          channelId,
          since: options.since ? options.since.toISOString() : null,
          limit: options.limit ?? -1,
        }) as ReceivedRow[]
      ).map(toReceived),
    findReceivedIn: async (scope, match) => {
      const [kind, value] = matchOf(match);
      const row = findIn[kind].get({ workspaceId: scope.workspaceId, channelId: scope.channelId, value }) as
        ArticleRow | undefined;
      return row ? toArticle(row) : null;
    },
    listReceivedIn: async (scope, options) =>
      (
        listIn.all({
          workspaceId: scope.workspaceId,
          channelId: scope.channelId,
          limit: options.limit,
        }) as WorkspaceRow<string>[]
      ).map((r) => workspaceArticleOf(r, isoText)),
  };
}
