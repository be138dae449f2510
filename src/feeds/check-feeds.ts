/**
 * `herald feeds check`: reads feeds the way `poll` does and says, for each, whether Herald can
 * follow it. URLs go through `fetchFeed` (address policy, byte cap, timeouts, allowlist); local
 * files through the same body steps as a fetch (the byte cap, gzip without a header, charset
 * decoding) and the same `parseFeed`. Admins use it to vet a list of feeds (a folder of files,
 * or an OPML export) before adding them.
 */
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import type { Failure, Result } from '../core/result.js';
import { err, failure, ok } from '../core/result.js';
import { decodeBody } from './decode-body.js';
import { fetchFeed, type FetchFeedDeps } from './fetch-feed.js';
import { gunzipIfCompressed } from './gunzip-body.js';
import { parseFeed } from './parse-feed.js';
import { DEFAULT_FETCH_LIMITS } from './safe-fetch.js';
import type { ParsedFeed } from './types.js';

/** One feed's verdict; `--json` prints an array of these. */
export interface FeedCheck {
  readonly source: string;
  readonly ok: boolean;
  readonly items: number;
  readonly title: string | null;
  /** The refusal in words (message, then what to do), null when the feed reads. */
  readonly error: string | null;
  /** How a feed that reads was read, when something was off (malformed XML recovered ...). */
  readonly notes: readonly string[];
}

const isUrl = (source: string): boolean => /^https?:\/\//i.test(source);

/** A local file's bytes, refused unread past the byte cap, like a too-large response. */
async function readCappedFile(path: string, maxBytes: number): Promise<Result<Uint8Array>> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    return err(
      failure('not_found', code === 'ENOENT' ? 'No such file.' : `The file cannot be read (${code}).`, {
        details: { path, code },
      }),
    );
  }
  try {
    const size = (await handle.stat()).size;
    if (size > maxBytes) {
      return err(
        failure('too_large', `The file is larger than the ${Math.round(maxBytes / 1024)} KiB limit.`, {
          hint: 'Ask an admin to raise the fetch byte cap if this feed is legitimate.',
          details: { path, maxBytes, size },
        }),
      );
    }
    const bytes = new Uint8Array(size);
    const { bytesRead } = await handle.read(bytes, 0, size, 0);
    return ok(bytes.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** A local feed file, read as `safeFetch` + `fetchFeed` would read the same bytes served without a Content-Type. */
export async function readFeedFile(path: string, maxBytes: number): Promise<Result<ParsedFeed>> {
  const bytes = await readCappedFile(path, maxBytes);
  if (!bytes.ok) return bytes;
  const inflated = gunzipIfCompressed(bytes.value, maxBytes, path);
  if (!inflated.ok) return inflated;
  return parseFeed(decodeBody(inflated.value, null).text, { baseUrl: null });
}

const refusal = (f: Failure): string => (f.hint ? `${f.message} ${f.hint}` : f.message);

/** Checks one source: an http(s) URL or a path to a file. Never throws. */
export async function checkSource(source: string, deps: FetchFeedDeps): Promise<FeedCheck> {
  const maxBytes = deps.limits?.maxBytes ?? DEFAULT_FETCH_LIMITS.maxBytes;
  let result: Result<{ title: string | null; items: readonly unknown[]; notes?: readonly string[] }>;
  try {
    if (isUrl(source)) {
      const fetched = await fetchFeed({ url: source }, deps);
      result =
        fetched.ok && fetched.value.notModified
          ? err(failure('feed_invalid', `${source} answered 304 Not Modified to a plain request.`))
          : (fetched as typeof result);
    } else {
      result = await readFeedFile(source, maxBytes);
    }
  } catch (cause) {
    // A bug, not a verdict on the feed: say so plainly rather than blame the feed.
    deps.logger?.error({ err: cause, source }, 'feed check threw');
    result = err(failure('internal', 'Herald failed while reading this feed (a bug; the log has details).'));
  }
  if (!result.ok) return { source, ok: false, items: 0, title: null, error: refusal(result.error), notes: [] };
  const { title, items, notes } = result.value;
  return { source, ok: true, items: items.length, title, error: null, notes: notes ?? [] };
}

/** Every file under a directory, sorted, skipping dot-files and dot-directories. */
export async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** The feed addresses an OPML file lists (`<outline xmlUrl="...">`), or null when the file is not OPML. */
export function opmlFeeds(text: string): string[] | null {
  if (!/<opml[\s>]/i.test(text.slice(0, 4096))) return null;
  const urls: string[] = [];
  for (const m of text.matchAll(/<outline\b[^>]*?\bxmlUrl\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const url = (m[1] ?? m[2] ?? '').replace(/&amp;/g, '&').trim();
    if (url && !urls.includes(url)) urls.push(url);
  }
  return urls;
}

/**
 * The sources the arguments stand for: a URL as is, a directory as every file under it, an
 * OPML file named directly as the feeds it lists, any other file as itself.
 */
export async function expandSources(args: readonly string[], maxBytes: number): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    if (isUrl(arg)) {
      out.push(arg);
      continue;
    }
    const info = await stat(arg).catch(() => null);
    if (info?.isDirectory()) {
      out.push(...(await filesUnder(arg)));
      continue;
    }
    if (info?.isFile() && info.size <= maxBytes) {
      const bytes = await readCappedFile(arg, maxBytes);
      const listed = bytes.ok ? opmlFeeds(decodeBody(bytes.value, null).text) : null;
      if (listed) {
        out.push(...listed);
        continue;
      }
    }
    out.push(arg); // a missing file is reported as such by checkSource
  }
  return out;
}

/** Checks sources in order, a few URLs at a time; `onResult` sees each verdict as it comes, in order. */
export async function checkFeeds(
  sources: readonly string[],
  deps: FetchFeedDeps,
  opts: { readonly concurrency?: number; readonly onResult?: (check: FeedCheck) => void } = {},
): Promise<FeedCheck[]> {
  const limit = pLimit(opts.concurrency ?? 4);
  const pending = sources.map((source) => limit(() => checkSource(source, deps)));
  const results: FeedCheck[] = [];
  for (const p of pending) {
    const check = await p;
    results.push(check);
    opts.onResult?.(check);
  }
  return results;
}
