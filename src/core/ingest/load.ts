/**
 * Loads an article from a local path or an http(s) URL. Reading files and fetching pages are
 * passed in: the composition root gives the feeds' safe fetch (address policy, allowlist, byte
 * cap, timeouts) and its one charset decoder, so an article link is held to the same rules as a
 * feed, and the core does no I/O and no decoding of its own.
 */
import { fileURLToPath } from 'node:url';
import type { Article } from '../article/types.js';
import { err, failure, type Result } from '../result.js';
import { ingestDocument } from './document.js';

/** A page as the safe fetch returns it: decoded text, its type, and where it came from after redirects. */
export interface FetchedPage {
  readonly text: string;
  readonly contentType: string | null;
  readonly finalUrl: string;
}

/** What loadArticle needs from the outside world. */
export interface LoadDeps {
  /**
   * A file's text. Implementations read at most `maxBytes + 1` bytes (so `/dev/zero` is not read
   * to the end) and may return a text longer than `maxBytes`, which is then refused as too large.
   */
  readFile(path: string, maxBytes: number): Promise<string>;
  /**
   * Fetches a URL under the address rules and limits; failures are values (url_refused, timeout,
   * too_large, article_unavailable). Without it, links are refused.
   */
  fetchPage?(url: string): Promise<Result<FetchedPage>>;
  /** Cap on a local article's size in bytes. Default 5 MB. */
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** Loads and ingests `ref` (a file path, a file: URL, or an http(s) URL). */
export async function loadArticle(ref: string, deps: LoadDeps): Promise<Result<Article>> {
  const trimmed = ref.trim();
  if (/^https?:\/\//iu.test(trimmed)) return loadUrl(trimmed, deps);
  if (/^file:\/\//iu.test(trimmed)) return loadFile(fileURLToPath(trimmed), deps);
  if (/^[a-z][a-z0-9+.-]*:\/\//iu.test(trimmed)) {
    return err(failure('url_refused', `Only http and https links can be loaded, not "${trimmed}".`));
  }
  return loadFile(trimmed, deps);
}

function errnoCode(cause: unknown): string | null {
  return typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string'
    ? cause.code
    : null;
}

/** Text that decoded to many U+FFFD or holds NUL bytes was not text to begin with. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes('\u0000')) return true;
  const bad = sample.match(/\uFFFD/gu)?.length ?? 0;
  return sample.length > 0 && bad / sample.length > 0.02;
}

function checkText(text: string, where: Record<string, unknown>): Result<string> | null {
  if (text.trim() === '') return err(failure('unreadable_article', 'The article is empty.', { details: where }));
  if (looksBinary(text)) return err(failure('unreadable_article', 'The article is not text.', { details: where }));
  return null;
}

async function loadFile(path: string, deps: LoadDeps): Promise<Result<Article>> {
  let text: string;
  try {
    text = await deps.readFile(path, deps.maxBytes ?? DEFAULT_MAX_BYTES);
  } catch (cause) {
    const code = errnoCode(cause);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return err(failure('not_found', `No article file at ${path}.`, { hint: 'Check the path.', details: { path } }));
    }
    if (code === 'EISDIR')
      return err(failure('unreadable_article', `${path} is a folder, not an article file.`, { details: { path } }));
    if (code === 'EACCES' || code === 'EPERM') {
      return err(
        failure('article_unavailable', `The article file at ${path} cannot be read (permission denied).`, {
          details: { path, code },
        }),
      );
    }
    if (code !== null)
      return err(
        failure('article_unavailable', `The article file at ${path} could not be read.`, { details: { path, code } }),
      );
    throw cause;
  }
  const maxBytes = deps.maxBytes ?? DEFAULT_MAX_BYTES;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes)
    return err(
      failure('too_large', `The article file is too large (${bytes} bytes; limit ${maxBytes}).`, { details: { path } }),
    );
  const bad = checkText(text, { path });
  if (bad) return bad as Result<never>;
  return ingestDocument({ content: text, path });
}

async function loadUrl(url: string, deps: LoadDeps): Promise<Result<Article>> {
  if (!deps.fetchPage)
    return err(failure('url_refused', `Loading links is not available here: ${url}.`, { details: { url } }));
  const fetched = await deps.fetchPage(url);
  if (!fetched.ok) return fetched;
  const { text, contentType, finalUrl } = fetched.value;
  const bad = checkText(text, { url, contentType });
  if (bad) return bad as Result<never>;
  return ingestDocument({ content: text, contentType, url: finalUrl || url });
}
