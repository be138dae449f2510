/**
 * Feed text → `ParsedFeed`, as liberally as feed readers read: RSS 0.9x/1.0/2.0 (with or without
 * a version), Atom 0.3/1.0, prefixed roots, CDF and JSON Feed 1.0/1.1. XML goes through
 * rss-parser's `parseString`, strict first; when that fails, a forgiving pass rebuilds the
 * document (xml-recover.ts) and the items that survive are kept, with a note that the feed is
 * malformed. What is not a feed is refused with a `feed_invalid` Failure that says what it is
 * and what to do. Nothing throws, and no parser's own error text reaches the user.
 */
import Parser from 'rss-parser';
import { err, failure, ok, type Result } from '../core/result.js';
import { cdfToRss, isCdfRoot } from './cdf.js';
import { cutToNewest } from './feed-cut.js';
import { absolute, plainText, text } from './feed-text.js';
import { parseJsonFeed } from './json-feed.js';
import { htmlPage, notMarkup, otherXml } from './not-a-feed.js';
import { ITEM_FIELDS, normaliseItem } from './rss-items.js';
import type { ParsedFeed } from './types.js';
import { prepareXml, rootElementName } from './xml-prepare.js';
import { describeXmlError, recoverXml } from './xml-recover.js';

/** Options for `parseFeed`. */
export interface ParseFeedOptions {
  /** Where the text was fetched from; relative links resolve against the feed's link, then this. */
  readonly baseUrl?: string | null;
  /**
   * Most items read, newest first (the poller's `maxItemsPerPoll`): a bigger XML feed is cut
   * before parsing (feed-cut.ts), so its size costs a scan, not a parse. Unset: every item.
   */
  readonly maxItems?: number;
  /** How many items the document held before it was cut as it streamed in (`safeFetch`'s `keepItems`). */
  readonly heldItems?: number;
}

type RawFeed = Parser.Output<Record<string, unknown>>;

/**
 * A parser per read: xml2js keeps per-document state on its instance. `defaultRSS: 2`: an
 * `<rss>` with no version (or an unknown one) reads as RSS 2, as every reader does.
 */
const newParser = () =>
  new Parser<Record<string, unknown>, Record<string, unknown>>({ customFields: { item: ITEM_FIELDS }, defaultRSS: 2 });

const FEED_ROOTS = new Set(['rss', 'feed', 'rdf']);

function toParsed(raw: RawFeed, baseUrl: string | null, notes: readonly string[]): ParsedFeed {
  const link = absolute(text(raw.link), baseUrl);
  const base = link ?? baseUrl;
  const items = (raw.items ?? []).map((item) => normaliseItem(item as Record<string, unknown>, base));
  const title = text(raw.title);
  return { title: title ? plainText(title) || null : null, link, items, notes };
}

/** The strict read; the error is the parser's message (kept for logs, never shown as such). */
async function strictRead(xml: string): Promise<{ ok: true; raw: RawFeed } | { ok: false; why: string }> {
  try {
    return { ok: true, raw: await newParser().parseString(xml) };
  } catch (cause) {
    return { ok: false, why: cause instanceof Error ? cause.message : String(cause) };
  }
}

/** Whether a parser message is an XML syntax complaint (sax reports a line) rather than a shape rss-parser could not use. */
const isSyntaxError = (why: string): boolean => /\nLine:\s*\d+/.test(why) || /Unable to parse XML/i.test(why);

function malformed(description: string, parserMessage: string, recovered: boolean): Result<never> {
  return err(
    failure(
      'feed_invalid',
      recovered
        ? `The feed is not well-formed XML (${description}), and no items could be read from it.`
        : `The feed is not well-formed XML (${description}).`,
      {
        hint: 'Tell the site that its feed is broken; a feed validator (validator.w3.org/feed) shows where.',
        details: { reason: 'malformed', parser: parserMessage.replace(/\s*\n\s*/g, ', ') },
      },
    ),
  );
}

async function parseXml(
  body: string,
  root: string,
  baseUrl: string | null,
  maxItems: number | undefined,
  heldItems: number | undefined,
): Promise<Result<ParsedFeed>> {
  const cutHere = maxItems !== undefined && !isCdfRoot(root) ? await cutToNewest(body, maxItems) : null;
  // A body cut while it streamed in holds at most `maxItems`: the count it had is the one to report.
  const cut =
    cutHere && heldItems !== undefined ? { ...cutHere, totalItems: Math.max(heldItems, cutHere.totalItems) } : cutHere;
  const xml = isCdfRoot(root) ? cdfToRss(body) : (cut?.xml ?? body);
  const rootName = isCdfRoot(root) ? 'rss' : root;
  const strict = await strictRead(prepareXml(xml, rootName));
  if (strict.ok) return ok(withTotal(toParsed(strict.raw, baseUrl, []), cut?.totalItems));

  const description = isSyntaxError(strict.why) ? describeXmlError(strict.why) : 'a structure Herald cannot follow';
  const rebuilt = recoverXml(xml);
  const recovered = rebuilt === null ? null : await strictRead(prepareXml(rebuilt, rootElementName(rebuilt) ?? root));
  if (!recovered?.ok || (recovered.raw.items ?? []).length === 0) {
    return malformed(description, strict.why, recovered?.ok === true);
  }
  const count = recovered.raw.items?.length ?? 0;
  const note = `The feed is not well-formed XML (${description}); Herald read the ${count} item${count === 1 ? '' : 's'} it could.`;
  return ok(withTotal(toParsed(recovered.raw, baseUrl, [note]), cut?.totalItems));
}

/** How many items the document held when it was cut to fewer. */
function withTotal(parsed: ParsedFeed, total: number | undefined): ParsedFeed {
  return total !== undefined && total > parsed.items.length ? { ...parsed, totalItems: total } : parsed;
}

/**
 * Parses a feed. Failures (all `feed_invalid`, with `details.reason`): empty, html (naming the
 * feed the page advertises), opml, not_a_feed, text/binary, json_malformed, json_not_a_feed,
 * malformed (when no item survives the forgiving pass).
 */
export async function parseFeed(input: string, opts: ParseFeedOptions = {}): Promise<Result<ParsedFeed>> {
  const baseUrl = opts.baseUrl ?? null;
  // A newline before `<?xml` is a fatal XML error, but real podcasts ship it; so does a stray BOM.
  const body = input.replace(/^\uFEFF/, '').trimStart();
  if (body === '') {
    return err(
      failure('feed_invalid', 'The feed is empty (no content at all), so there is nothing to read.', {
        hint: 'Check the address in a browser; if it is right, the site is publishing an empty file.',
        details: { reason: 'empty' },
      }),
    );
  }
  if (body.startsWith('{') || body.startsWith('[')) return parseJsonFeed(body, baseUrl, opts.maxItems);
  if (!body.startsWith('<')) return notMarkup(body);

  const root = rootElementName(body);
  if (root === null) {
    return err(
      failure(
        'feed_invalid',
        'The document holds no elements at all (only a prolog or comments), so it is not a feed.',
        {
          hint: 'The site may be publishing an empty or broken file; check the address in a browser.',
          details: { reason: 'empty' },
        },
      ),
    );
  }
  const local = root.slice(root.indexOf(':') + 1).toLowerCase();
  if (local === 'html' || /^<!doctype\s+html/i.test(body)) return htmlPage(body, baseUrl);
  // A fragment that starts with <head> or <body> is an HTML page too (a server error page, say).
  if (local === 'head' || local === 'body') return htmlPage(body, baseUrl);
  if (!FEED_ROOTS.has(local) && !isCdfRoot(root)) return otherXml(root);
  return parseXml(body, root, baseUrl, opts.maxItems, opts.heldItems);
}
