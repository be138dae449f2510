/**
 * rss-parser's loose item shapes → `FeedItemInput`, so the rest of Herald never sees them:
 * every item has a plain-text title, links are absolute, dates are ISO or null.
 */
import type Parser from 'rss-parser';
import { absolute, isoDate, itemTitle, text } from './feed-text.js';
import type { FeedItemInput } from './types.js';

export const ITEM_FIELDS: Parser.CustomFieldItem<Record<string, unknown>>[] = [
  ['content:encoded', 'contentEncoded'],
  ['dc:creator', 'creator'],
  ['media:content', 'mediaContent', { keepArray: true }],
  ['media:thumbnail', 'mediaThumbnail', { keepArray: true }],
  ['media:group', 'mediaGroup'],
];

function mediaUrl(raw: Record<string, unknown>): string | undefined {
  const attrUrl = (v: unknown): string | undefined => {
    const first = Array.isArray(v) ? v[0] : v;
    const attrs = (first as { $?: { url?: unknown } } | undefined)?.$;
    return typeof attrs?.url === 'string' ? attrs.url : undefined;
  };
  const group = raw.mediaGroup as Record<string, unknown> | undefined;
  const enclosure = raw.enclosure as { url?: unknown; type?: unknown } | undefined;
  const enclosureUrl =
    typeof enclosure?.url === 'string' && String(enclosure.type ?? '').startsWith('image/') ? enclosure.url : undefined;
  return attrUrl(raw.mediaContent) ?? attrUrl(raw.mediaThumbnail) ?? attrUrl(group?.['media:content']) ?? enclosureUrl;
}

function categories(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((c) => text(c) ?? text((c as { $?: { term?: unknown } })?.$?.term))
    .filter((c): c is string => c !== undefined);
}

/** A body as a string: rss-parser hands over objects when a body held unescaped markup. */
const body = (value: unknown): string | undefined => (typeof value === 'string' ? value : text(value));

export function normaliseItem(raw: Record<string, unknown>, base: string | null): FeedItemInput {
  const link = absolute(text(raw.link), base);
  const content = body(raw.content);
  const encoded = text(raw.contentEncoded) ?? text(raw['content:encoded']);
  const summary = text(raw.summary);
  const id = text(raw.id);
  const item: Record<string, unknown> = {
    title: itemTitle(text(raw.title), encoded ?? content ?? summary, link),
    link,
    guid: text(raw.guid) ?? id ?? text(raw['rdf:about']) ?? null,
    id,
    isoDate: isoDate(raw.isoDate, raw.pubDate, raw.date, raw['dc:date']),
    pubDate: text(raw.pubDate) ?? text(raw.date),
    content,
    'content:encoded': encoded,
    contentEncoded: encoded,
    contentSnippet: text(raw.contentSnippet),
    summary,
    categories: categories(raw.categories),
    creator: text(raw.creator) ?? text(raw['dc:creator']),
    author: text(raw.author),
    mediaUrl: mediaUrl(raw),
  };
  // Absent stays absent, so JSON output and `'x' in item` checks stay honest.
  for (const key of Object.keys(item)) if (item[key] === undefined) delete item[key];
  return item as unknown as FeedItemInput;
}
