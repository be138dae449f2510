/**
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), validated with a zod schema and
 * turned into the same `ParsedFeed` as RSS and Atom. Liberal where readers are: a bare "1.1"
 * version (gofeed's test files use it), numeric ids, 1.0's `author` beside 1.1's `authors`.
 * An item the schema refuses is skipped and counted in the feed's notes, not fatal to the feed.
 */
import { z } from 'zod';
import { err, failure, ok, type Result } from '../core/result.js';
import { absolute, isoDate, itemTitle, plainText } from './feed-text.js';
import type { FeedItemInput, ParsedFeed } from './types.js';

const VERSION = /^(?:https?:\/\/jsonfeed\.org\/version\/)?1(?:\.\d+)?\/?$/i;

const author = z.object({ name: z.string().optional(), url: z.string().optional() });

/** One item; unknown fields (extensions, `_custom`) are allowed and ignored. */
export const jsonFeedItemSchema = z
  .object({
    // Required by the spec, but readers (gofeed) take an item without one; the url stands in.
    id: z
      .union([z.string().min(1), z.number()])
      .transform(String)
      .optional(),
    url: z.string().optional(),
    external_url: z.string().optional(),
    title: z.string().optional(),
    content_html: z.string().optional(),
    content_text: z.string().optional(),
    summary: z.string().optional(),
    image: z.string().optional(),
    banner_image: z.string().optional(),
    date_published: z.string().optional(),
    date_modified: z.string().optional(),
    author: author.optional(),
    authors: z.array(author).optional(),
    tags: z.array(z.string()).optional(),
  })
  .refine((i) => i.content_html !== undefined || i.content_text !== undefined || i.title !== undefined, {
    message: 'has no content_html, content_text or title',
  });

/** The feed: a JSON Feed version and a list of items are what make it one. */
export const jsonFeedSchema = z.object({
  version: z.string().regex(VERSION, 'is not a JSON Feed version (https://jsonfeed.org/version/1.1)'),
  title: z.string().optional(),
  home_page_url: z.string().optional(),
  feed_url: z.string().optional(),
  items: z.array(z.unknown()),
});

type JsonItem = z.infer<typeof jsonFeedItemSchema>;

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** content_text is plain text; the rest of Herald reads item bodies as HTML, one paragraph a blank line. */
const textAsHtml = (s: string): string =>
  s
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim())}</p>`)
    .join('\n');

function toItem(item: JsonItem, base: string | null): FeedItemInput {
  const link = absolute(item.url ?? item.external_url, base);
  const content = item.content_html ?? (item.content_text !== undefined ? textAsHtml(item.content_text) : undefined);
  const by = item.authors?.[0]?.name ?? item.author?.name;
  const out: Record<string, unknown> = {
    title: itemTitle(item.title, item.summary ?? content, link),
    link,
    guid: item.id ?? link,
    id: item.id,
    isoDate: isoDate(item.date_published, item.date_modified),
    pubDate: item.date_published,
    content,
    contentSnippet: item.content_text ?? (item.content_html ? plainText(item.content_html) : undefined),
    summary: item.summary,
    categories: item.tags ?? [],
    author: by,
    mediaUrl: absolute(item.image ?? item.banner_image, base) ?? undefined,
  };
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out as unknown as FeedItemInput;
}

/** A zod issue as the end of a sentence: "is missing", "should be a list". */
function words(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'does not match the JSON Feed format';
  if (issue.code === 'invalid_type') {
    if (/received undefined/.test(issue.message)) return 'is missing';
    const expected: Record<string, string> = {
      string: 'text',
      array: 'a list',
      object: 'an object',
      number: 'a number',
    };
    return `should be ${expected[issue.expected] ?? issue.expected}`;
  }
  return issue.message;
}

function invalid(message: string, reason: string, hint: string): Result<never> {
  return err(failure('feed_invalid', message, { hint, details: { reason } }));
}

/** Reads a JSON Feed. `body` starts with `{` or `[`; anything else is the XML readers' job. */
export function parseJsonFeed(body: string, baseUrl: string | null, maxItems?: number): Result<ParsedFeed> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return invalid(
      'The response looks like JSON but is not valid JSON (it may be cut short), so it cannot be a JSON Feed.',
      'json_malformed',
      'Open the address in a browser: a JSON Feed is one complete JSON object with "version" and "items".',
    );
  }
  const feed = jsonFeedSchema.safeParse(json);
  if (!feed.success) {
    const first = feed.error.issues[0];
    const where = first && first.path.length > 0 ? `"${first.path.join('.')}"` : 'the document';
    return invalid(
      `This is JSON, but not a JSON Feed: ${where} ${words(first)}.`,
      'json_not_a_feed',
      'A JSON Feed has "version": "https://jsonfeed.org/version/1.1" and an "items" list; check the address.',
    );
  }
  const base = absolute(feed.data.home_page_url, baseUrl) ?? baseUrl;
  const items: FeedItemInput[] = [];
  const skipped: string[] = [];
  const all = feed.data.items;
  const taken = maxItems !== undefined && all.length > maxItems ? newestJsonItems(all, maxItems) : all;
  taken.forEach((raw, index) => {
    const item = jsonFeedItemSchema.safeParse(raw);
    if (item.success) items.push(toItem(item.data, base));
    else {
      const issue = item.error.issues[0];
      skipped.push(`item ${index + 1}: ${issue?.path.length ? `"${issue.path.join('.')}"` : 'it'} ${words(issue)}`);
    }
  });
  const notes =
    skipped.length > 0
      ? [`Skipped ${skipped.length} JSON Feed item(s) that break the format (${skipped.slice(0, 3).join('; ')}).`]
      : [];
  return ok({
    title: feed.data.title ? plainText(feed.data.title) || null : null,
    link: absolute(feed.data.home_page_url, baseUrl),
    items,
    notes,
    ...(taken.length < all.length ? { totalItems: all.length } : {}),
  });
}

/** The `max` newest raw items: by date_published (else date_modified) when every item has one, else the first. */
function newestJsonItems(items: readonly unknown[], max: number): unknown[] {
  const times = items.map((raw) => {
    const r = (raw ?? {}) as { date_published?: unknown; date_modified?: unknown };
    const iso = isoDate(r.date_published, r.date_modified);
    return iso ? Date.parse(iso) : Number.NaN;
  });
  if (times.some(Number.isNaN)) return items.slice(0, max);
  const order = items.map((_, i) => i).sort((a, b) => times[b]! - times[a]! || a - b);
  return order
    .slice(0, max)
    .sort((a, b) => a - b)
    .map((i) => items[i]);
}
