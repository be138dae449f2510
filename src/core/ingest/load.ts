/**
 * Loads an article from a local path or an http(s) URL. File reading and fetch are passed
 * in, so the core does no I/O of its own and tests can use real files and a real local server.
 */
import { fileURLToPath } from 'node:url';
import type { Article } from '../article/types.js';
import { err, failure, type Result } from '../result.js';
import { ingestDocument } from './document.js';
import { readCapped } from '../io/read-capped.js';

/** What loadArticle needs from the outside world. */
export interface LoadDeps {
  readFile(path: string): Promise<string>;
  fetch: typeof fetch;
  /** Whole request, body included. Default 15 s. */
  timeoutMs?: number;
  /** Cap on the article's size in bytes. Default 5 MB. */
  maxBytes?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
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
    text = await deps.readFile(path);
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

function charsetOf(contentType: string | null): string {
  const m = /charset\s*=\s*"?([\w.:-]+)"?/iu.exec(contentType ?? '');
  return m?.[1]?.toLowerCase() ?? 'utf-8';
}

function decode(bytes: Uint8Array, contentType: string | null): string {
  try {
    return new TextDecoder(charsetOf(contentType)).decode(bytes);
  } catch {
    // An unknown charset label: UTF-8 is the web's default and the best guess.
    return new TextDecoder('utf-8').decode(bytes);
  }
}

async function loadUrl(url: string, deps: LoadDeps): Promise<Result<Article>> {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = deps.maxBytes ?? DEFAULT_MAX_BYTES;
  const unavailable = (message: string, details: Record<string, unknown>): Result<never> =>
    err(
      failure('article_unavailable', message, {
        hint: 'Check the link, or try again later.',
        details: { url, ...details },
      }),
    );
  try {
    const res = await deps.fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'follow',
      headers: { accept: 'text/html,application/xhtml+xml,text/markdown,text/plain;q=0.9,*/*;q=0.5' },
    });
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      return unavailable(`The article page answered HTTP ${res.status}.`, { status: res.status });
    }
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      return err(
        failure('too_large', `The article is too large (${declared} bytes; limit ${maxBytes}).`, { details: { url } }),
      );
    }
    const bytes = await readCapped(res, maxBytes);
    if (bytes === null)
      return err(failure('too_large', `The article is larger than the ${maxBytes}-byte limit.`, { details: { url } }));
    const contentType = res.headers.get('content-type');
    const text = decode(bytes, contentType);
    const bad = checkText(text, { url, contentType });
    if (bad) return bad as Result<never>;
    return ingestDocument({ content: text, contentType, url: res.url || url });
  } catch (cause) {
    const name = cause instanceof Error ? cause.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') {
      return unavailable(`The article page did not answer within ${Math.round(timeoutMs / 1000)} s.`, {
        timeoutMs,
        reason: 'timeout',
      });
    }
    if (cause instanceof TypeError) {
      // fetch reports network failures (DNS, refused connection, TLS) as TypeError.
      return unavailable('The article page could not be reached.', {
        cause: String((cause as { cause?: unknown }).cause ?? cause),
      });
    }
    throw cause;
  }
}
