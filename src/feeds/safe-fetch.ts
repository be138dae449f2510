/**
 * Fetching a URL someone typed into a chat, safely: only public http(s) addresses (every
 * redirect hop re-checked), a total deadline that really aborts the socket, a byte cap enforced
 * while reading (and again when inflating gzip sent without its header), conditional GET, and
 * charset decoding.
 * See docs/decisions/009-feed-fetching-limits.md.
 */
import type { Logger } from '../core/ports.js';
import { err, failure, FailureError, ok, type Result } from '../core/result.js';
import { checkUrl, EMPTY_ALLOWLIST, type AddressAllowlist, type LookupFn } from './address-policy.js';
import { decodeChunks, WholeText } from './decode-stream.js';
import { FeedCutter } from './feed-cut.js';
import { inflateIfGzip } from './gunzip-body.js';
import { OverByteCap, readChunks } from '../core/io/read-capped.js';

/** Limits on one fetch, redirects included. `config.feeds` has this shape; the defaults match config's. */
export interface FetchLimits {
  /** Deadline for the whole exchange: DNS, every redirect hop, headers and body. */
  readonly timeoutMs: number;
  /** Largest (decompressed) body accepted. */
  readonly maxBytes: number;
  readonly maxRedirects: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 10_000, maxBytes: 5_000_000, maxRedirects: 5 };

/** Per-request options: limits, validators from the last fetch, and headers. */
export interface SafeFetchOptions extends Partial<FetchLimits> {
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  readonly accept?: string;
  readonly userAgent?: string;
  /**
   * Cut an RSS, Atom or RDF body to its newest `keepItems` items as it streams in (feed-cut.ts),
   * so a huge feed is never held whole; `heldItems` then says how many it had.
   */
  readonly keepItems?: number;
}

/** What `safeFetch` needs from outside, wired in `src/main.ts`. */
export interface SafeFetchDeps {
  readonly fetch: typeof globalThis.fetch;
  readonly lookup: LookupFn;
  /** Hosts and CIDRs an admin allowed despite the address rules. */
  readonly allowlist?: AddressAllowlist;
  readonly logger?: Logger;
}

interface FetchedCommon {
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** The URL after redirects; relative links resolve against it. */
  readonly finalUrl: string;
}

/** A fetched body (200) or "unchanged since your validators" (304, no body read). */
export type FetchedResource =
  | (FetchedCommon & {
      readonly status: 200;
      readonly body: string;
      readonly contentType: string | null;
      readonly charset: string;
      readonly bytes: number;
      /** Items the feed held, when it was read with `keepItems`. */
      readonly heldItems?: number;
    })
  | (FetchedCommon & { readonly status: 304 });

export const DEFAULT_USER_AGENT = 'Herald/0.1 (+https://github.com/herald-bot/herald; news bot)';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Drops a body we will not read, so the connection is released instead of left half-read. */
async function discard(res: Response): Promise<void> {
  try {
    await res.body?.cancel();
  } catch {
    // already errored or closed: nothing left to release
  }
}

/** Resolves to `null` when `signal` aborts first: a DNS lookup ignores our deadline otherwise. */
function unlessAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T | null> {
  if (signal.aborted) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(null);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function errorCode(cause: unknown): string | undefined {
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause : cause;
  return typeof inner === 'object' && inner !== null && 'code' in inner ? String(inner.code) : undefined;
}

/**
 * One GET, retried once when a pooled keep-alive socket turns out to have been closed by the
 * server in the meantime (ECONNRESET / socket closed before any response). A GET is safe to
 * repeat, and without this a poll after a quiet spell fails for nothing.
 */
async function fetchOnce(
  doFetch: typeof globalThis.fetch,
  url: URL,
  init: RequestInit & { signal: AbortSignal },
): Promise<Response> {
  try {
    return await doFetch(url, init);
  } catch (cause) {
    const code = errorCode(cause);
    if (init.signal.aborted || (code !== 'ECONNRESET' && code !== 'UND_ERR_SOCKET' && code !== 'EPIPE')) throw cause;
    return doFetch(url, init);
  }
}

function networkFailure(cause: unknown, url: string, timeout: AbortSignal, timeoutMs: number) {
  if (timeout.aborted) {
    return err(
      failure('timeout', `Timed out after ${timeoutMs} ms fetching ${url}.`, {
        hint: 'The site is slow or not answering; Herald will try again later.',
        details: { url, timeoutMs },
      }),
    );
  }
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause : cause;
  const code = errorCode(cause);
  return err(
    failure('feed_unreachable', `Could not reach ${url}${code ? ` (${code})` : ''}.`, {
      hint: 'Check the address; Herald will try again later.',
      details: { url, code, cause: String(inner) },
    }),
  );
}

function tooLarge(url: string, maxBytes: number, contentLength?: number) {
  return err(
    failure('too_large', `${url} is larger than the ${Math.round(maxBytes / 1024)} KiB limit.`, {
      hint: 'Ask an admin to raise the fetch byte cap if this feed is legitimate.',
      details: { url, maxBytes, contentLength },
    }),
  );
}

/**
 * GETs `url` within the limits, following at most `maxRedirects` redirects, each hop checked
 * against the address policy. Expected failures are values: url_refused, timeout, too_large,
 * feed_unreachable (network errors, HTTP errors, redirect loops), bad_input (not a URL).
 */
export async function safeFetch(
  url: string,
  opts: SafeFetchOptions,
  deps: SafeFetchDeps,
): Promise<Result<FetchedResource>> {
  const limits: FetchLimits = {
    timeoutMs: opts.timeoutMs ?? DEFAULT_FETCH_LIMITS.timeoutMs,
    maxBytes: opts.maxBytes ?? DEFAULT_FETCH_LIMITS.maxBytes,
    maxRedirects: opts.maxRedirects ?? DEFAULT_FETCH_LIMITS.maxRedirects,
  };
  const allow = deps.allowlist ?? EMPTY_ALLOWLIST;
  // One deadline for the whole chain, so a redirect loop of slow hops cannot stretch it.
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const capAbort = new AbortController();
  const signal = AbortSignal.any([timeout, capAbort.signal]);

  const headers: Record<string, string> = {
    accept: opts.accept ?? '*/*',
    'user-agent': opts.userAgent ?? DEFAULT_USER_AGENT,
  };
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;

  let current = url;
  for (let hop = 0; ; hop++) {
    const checked = await unlessAborted(checkUrl(current, deps.lookup, allow), timeout);
    if (checked === null) return networkFailure(null, current, timeout, limits.timeoutMs);
    if (!checked.ok) return checked;

    let res: Response;
    try {
      res = await fetchOnce(deps.fetch, checked.value, { method: 'GET', headers, redirect: 'manual', signal });
    } catch (cause) {
      return networkFailure(cause, current, timeout, limits.timeoutMs);
    }

    if (REDIRECT_STATUSES.has(res.status)) {
      const location = res.headers.get('location');
      await discard(res);
      if (!location) {
        return err(
          failure('feed_unreachable', `${current} redirected without saying where to.`, {
            details: { url: current, status: res.status },
          }),
        );
      }
      if (hop >= limits.maxRedirects) {
        return err(
          failure('feed_unreachable', `Too many redirects (more than ${limits.maxRedirects}) starting from ${url}.`, {
            hint: 'The site may be stuck in a redirect loop; try the final address directly.',
            details: { url, lastUrl: current, maxRedirects: limits.maxRedirects, reason: 'redirect_limit' },
          }),
        );
      }
      const next = new URL(location, checked.value).href;
      deps.logger?.debug({ from: current, to: next, status: res.status }, 'following redirect');
      current = next;
      continue;
    }

    const etag = res.headers.get('etag') ?? null;
    const lastModified = res.headers.get('last-modified') ?? null;
    if (res.status === 304) {
      await discard(res);
      // A 304 may omit the validators; the ones we sent are still the current ones.
      return ok({
        status: 304,
        etag: etag ?? opts.etag ?? null,
        lastModified: lastModified ?? opts.lastModified ?? null,
        finalUrl: current,
      });
    }
    if (res.status !== 200) {
      await discard(res);
      return err(
        failure(
          'feed_unreachable',
          `${current} answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`,
          {
            hint:
              res.status === 404 || res.status === 410
                ? 'The feed may have moved; check its address.'
                : 'Herald will try again later.',
            details: { url: current, status: res.status, retryAfter: res.headers.get('retry-after') ?? undefined },
          },
        ),
      );
    }

    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      capAbort.abort(new Error('declared length over byte cap'));
      await discard(res);
      return tooLarge(current, limits.maxBytes, declared);
    }
    const contentType = res.headers.get('content-type');
    // Aborting the signal tears down the socket; cancel alone may leave it draining.
    const chunks = inflateIfGzip(
      readChunks(res, limits.maxBytes, () => capAbort.abort(new Error('body over byte cap'))),
      limits.maxBytes,
      current,
    );
    let body: string;
    let heldItems: number | undefined;
    let decoded: { charset: string; bytes: number };
    try {
      if (opts.keepItems === undefined) {
        const whole = await decodeChunks(chunks, contentType, () => new WholeText());
        body = whole.value;
        decoded = whole;
      } else {
        const keep = opts.keepItems;
        const cut = await decodeChunks(chunks, contentType, () => new FeedCutter(keep));
        body = cut.value.xml;
        heldItems = cut.value.totalItems;
        decoded = cut;
      }
    } catch (cause) {
      // Whatever stopped the read, the socket goes with it (a no-op when the overflow already aborted).
      capAbort.abort(new Error('body not read to the end'));
      if (cause instanceof OverByteCap) return tooLarge(current, limits.maxBytes);
      if (cause instanceof FailureError) return err(cause.failure);
      return networkFailure(cause, current, timeout, limits.timeoutMs);
    }
    return ok({
      status: 200,
      body,
      etag,
      lastModified,
      contentType,
      charset: decoded.charset,
      bytes: decoded.bytes,
      ...(heldItems !== undefined ? { heldItems } : {}),
      finalUrl: current,
    });
  }
}
