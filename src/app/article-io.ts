/**
 * How `--article`, `herald analyze` and the shell's `:load` read an article: a link goes through
 * the feeds' safe fetch (address policy and allowlist, byte cap, timeouts, redirects re-checked)
 * and its one charset decoder; a file is read up to the same byte cap and decoded the same way.
 */
import { open } from 'node:fs/promises';
import type { FetchedPage, LoadDeps } from '../core/ingest/index.js';
import { err, failure, ok, type Result } from '../core/result.js';
import { decodeBody } from '../feeds/decode-body.js';
import { safeFetch, type SafeFetchDeps, type FetchLimits } from '../feeds/safe-fetch.js';

const ACCEPT = 'text/html,application/xhtml+xml,text/markdown,text/plain;q=0.9,*/*;q=0.5';

/** Reads at most `maxBytes + 1` bytes: enough to tell "too large" without reading a device to its end. */
export async function readFileCapped(path: string, maxBytes: number): Promise<string> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(maxBytes + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await file.read(buffer, filled, buffer.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return decodeBody(buffer.subarray(0, filled)).text;
  } finally {
    await file.close();
  }
}

/** The safe fetch, with its failures worded for an article rather than a feed. */
export function fetchArticle(deps: SafeFetchDeps & { readonly limits?: Partial<FetchLimits> }) {
  return async (url: string): Promise<Result<FetchedPage>> => {
    const fetched = await safeFetch(url, { ...deps.limits, accept: ACCEPT }, deps);
    if (!fetched.ok) {
      const f = fetched.error;
      if (f.code === 'timeout')
        return err(
          failure('article_unavailable', `The article page did not answer in time (${url}).`, {
            hint: 'Check the link, or try again later.',
            details: { url, reason: 'timeout' },
          }),
        );
      if (f.code === 'feed_unreachable')
        return err(
          failure('article_unavailable', f.message, {
            hint: 'Check the link, or try again later.',
            details: f.details,
          }),
        );
      return fetched;
    }
    const res = fetched.value;
    // No validators were sent, so a 304 means a misbehaving server: nothing to read.
    if (res.status === 304)
      return err(failure('article_unavailable', `${url} returned no page.`, { details: { url, status: 304 } }));
    return ok({ text: res.body, contentType: res.contentType, finalUrl: res.finalUrl });
  };
}

/** The LoadDeps the composition root gives article loading. */
export function articleIo(deps: SafeFetchDeps & { readonly limits?: Partial<FetchLimits> }): LoadDeps {
  return {
    readFile: readFileCapped,
    fetchPage: fetchArticle(deps),
    ...(deps.limits?.maxBytes ? { maxBytes: deps.limits.maxBytes } : {}),
  };
}
