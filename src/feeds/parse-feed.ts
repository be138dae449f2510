/**
 * Feed text → `ParsedFeed` with rss-parser's `parseString` (RSS 0.9x/1.0/2.0 and Atom), then
 * normalised so the rest of Herald never sees rss-parser's loose shapes: every item has a
 * title, links are absolute, dates are ISO or null.
 */
import Parser from 'rss-parser';
import { err, failure, ok, type Result } from '../core/result.js';
import type { FeedItemInput, ParsedFeed } from './types.js';

/** Options for `parseFeed`. */
export interface ParseFeedOptions {
  /** Where the text was fetched from; relative links resolve against the feed's link, then this. */
  readonly baseUrl?: string | null;
}

const ITEM_FIELDS: Parser.CustomFieldItem<Record<string, unknown>>[] = [
  ['content:encoded', 'contentEncoded'],
  ['dc:creator', 'creator'],
  ['media:content', 'mediaContent', { keepArray: true }],
  ['media:thumbnail', 'mediaThumbnail', { keepArray: true }],
  ['media:group', 'mediaGroup'],
];

const FALLBACK_TITLE_WORDS = 12;

/** A string out of xml2js's shapes: a string, `{ _: text }`, or an array of either. */
function text(value: unknown): string | undefined {
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'object' && value !== null && '_' in value) return text((value as { _: unknown })._);
  return undefined;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Titles are plain text, but some feeds escape HTML twice (`&#x0024;4300 3bd 1930ft<sup>2</sup>`). */
function plainText(value: string): string {
  return value
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

function absolute(link: string | undefined, base: string | null): string | null {
  if (!link) return null;
  try {
    return new URL(link, base ?? undefined).href;
  } catch {
    return null; // relative with no base, or garbage: better no link than a broken one
  }
}

function isoDate(...candidates: unknown[]): string | null {
  for (const candidate of candidates) {
    const raw = text(candidate);
    if (!raw) continue;
    const time = Date.parse(raw);
    if (Number.isFinite(time)) return new Date(time).toISOString();
  }
  return null;
}

function fallbackTitle(body: string | undefined, link: string | null): string {
  const words = body ? plainText(body).split(' ').filter(Boolean) : [];
  if (words.length > 0) {
    const head = words.slice(0, FALLBACK_TITLE_WORDS).join(' ');
    return words.length > FALLBACK_TITLE_WORDS ? `${head}…` : head;
  }
  return link ?? 'Untitled item';
}

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

function normaliseItem(raw: Record<string, unknown>, base: string | null): FeedItemInput {
  const link = absolute(text(raw.link), base);
  const content = typeof raw.content === 'string' ? raw.content : undefined;
  const encoded = text(raw.contentEncoded) ?? text(raw['content:encoded']);
  const summary = text(raw.summary);
  const id = text(raw.id);
  const title = text(raw.title);
  const item: Record<string, unknown> = {
    title: title
      ? plainText(title) || fallbackTitle(encoded ?? content ?? summary, link)
      : fallbackTitle(encoded ?? content ?? summary, link),
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

/** The first element name after the prolog, comments and doctype: "html", "rss", "feed"... */
function rootElement(body: string): string | null {
  const stripped = body.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi, '');
  return stripped.match(/<([A-Za-z][\w:.-]*)/)?.[1]?.toLowerCase() ?? null;
}

function invalid(message: string, details: Record<string, unknown>, hint?: string) {
  return err(
    failure('feed_invalid', message, { hint: hint ?? 'Check that the URL points at an RSS or Atom feed.', details }),
  );
}

/**
 * Parses RSS or Atom text. Malformed XML, an HTML page or some other XML document gives a
 * `feed_invalid` Failure that names the problem; nothing throws.
 */
export async function parseFeed(input: string, opts: ParseFeedOptions = {}): Promise<Result<ParsedFeed>> {
  // A newline before `<?xml` is a fatal XML error, but real podcasts ship it; so does a stray BOM.
  const body = input.replace(/^\uFEFF/, '').trimStart();
  if (body === '') return invalid('The response was empty, not a feed.', { reason: 'empty' });
  const root = rootElement(body.slice(0, 4096));
  if (root === 'html') {
    const alternate = body
      .match(/<link[^>]+type=["']application\/(?:rss|atom)\+xml["'][^>]*>/i)?.[0]
      ?.match(/href=["']([^"']+)["']/i)?.[1];
    const feedLink = absolute(alternate, opts.baseUrl ?? null);
    return invalid(
      'The URL returned an HTML page, not a feed.',
      { reason: 'html', alternate: feedLink },
      feedLink ? `The page names its feed: ${feedLink}` : "Look for the site's RSS or Atom link and use that.",
    );
  }

  let raw: Parser.Output<Record<string, unknown>>;
  try {
    const parser = new Parser<Record<string, unknown>, Record<string, unknown>>({
      customFields: { item: ITEM_FIELDS },
    });
    raw = await parser.parseString(body);
  } catch (cause) {
    const why = String(cause instanceof Error ? cause.message : cause)
      .replace(/\s*\n\s*/g, ', ')
      .replace(/,\s*$/, '');
    if (/not recognized as RSS/i.test(why)) {
      return invalid(`Not an RSS or Atom feed (the document is <${root ?? '?'}>).`, { reason: 'not_a_feed', root });
    }
    return invalid(`The feed is not well-formed XML: ${why}.`, { reason: 'malformed', parser: why });
  }

  const base = absolute(text(raw.link), opts.baseUrl ?? null) ?? opts.baseUrl ?? null;
  const items = (raw.items ?? []).map((item) => normaliseItem(item as Record<string, unknown>, base));
  const title = text(raw.title);
  return ok({ title: title ? plainText(title) : null, link: absolute(text(raw.link), opts.baseUrl ?? null), items });
}
