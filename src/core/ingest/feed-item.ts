/**
 * RSS/Atom items as plain objects (rss-parser's shape). The core never parses XML: the feeds
 * module hands us items; HTML bodies go through the fragment path, categories become tags.
 */
import type { Article } from '../article/types.js';
import type { Result } from '../result.js';
import { buildArticle } from './build-article.js';
import { htmlFragmentToBlocks, looksLikeHtml } from './html-blocks.js';
import { textToBlocks } from './text.js';
import type { FeedCategory, FeedItemInput, IngestMeta } from './types.js';

function nonEmpty(...values: (string | null | undefined)[]): string | null {
  for (const v of values) if (typeof v === 'string' && v.trim() !== '') return v;
  return null;
}

function categoryText(c: FeedCategory): string | null {
  if (typeof c === 'string') return c;
  return typeof c._ === 'string' ? c._ : null;
}

function isHttpUrl(value: string | null): value is string {
  return value !== null && /^https?:\/\//iu.test(value.trim());
}

/**
 * Ingests one feed item. The fullest body wins (`content:encoded` over `content` over
 * `summary`/`description`, and `contentSnippet` last, since parsers derive it by stripping tags).
 */
export function ingestFeedItem(item: FeedItemInput, meta: IngestMeta = {}): Result<Article> {
  const body =
    nonEmpty(
      item['content:encoded'],
      item.contentEncoded,
      item.content,
      item.summary,
      item.description,
      item.contentSnippet,
    ) ?? '';
  const blocks = looksLikeHtml(body) ? htmlFragmentToBlocks(body) : textToBlocks(body.replace(/\r\n?/gu, '\n'));
  const guid = nonEmpty(item.guid, item.id);
  const link = nonEmpty(item.link) ?? (isHttpUrl(guid) ? guid.trim() : null);
  const tags = (item.categories ?? []).map(categoryText).filter((t): t is string => t !== null && t.trim() !== '');
  return buildArticle({
    kind: 'feed-item',
    title: meta.title ?? nonEmpty(item.title),
    blocks,
    url: meta.url ?? link,
    path: meta.path ?? null,
    sourceName: meta.sourceName ?? null,
    publishedAt: meta.publishedAt ?? nonEmpty(item.isoDate, item.pubDate),
    tags,
    guid: guid?.trim() ?? null,
  });
}
