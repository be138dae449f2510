/**
 * Fetches the full page of a feed item whose feed carries only a teaser, under the same
 * address policy and limits as feeds. Turning the HTML into an Article is ingest's job
 * (`ingestHtml`, with readability); this only gets the bytes safely.
 */
import { err, failure, ok, type Result } from '../core/result.js';
import { safeFetch, type FetchLimits, type SafeFetchDeps } from './safe-fetch.js';

/** Dependencies of `fetchArticlePage`: those of `safeFetch`, plus limits from config. */
export interface FetchArticlePageDeps extends SafeFetchDeps {
  readonly limits?: Partial<FetchLimits>;
  readonly userAgent?: string;
}

/** An article page as fetched: decoded HTML and where it finally came from (for relative links). */
export interface ArticlePage {
  readonly html: string;
  readonly finalUrl: string;
  readonly contentType: string | null;
}

const HTML_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1';

/** Fetches an article page; anything but HTML (a PDF, an image) is `unreadable_article`. */
export async function fetchArticlePage(url: string, deps: FetchArticlePageDeps): Promise<Result<ArticlePage>> {
  const fetched = await safeFetch(
    url,
    { ...deps.limits, accept: HTML_ACCEPT, ...(deps.userAgent ? { userAgent: deps.userAgent } : {}) },
    deps,
  );
  if (!fetched.ok) return fetched;
  const res = fetched.value;
  // No validators were sent, so a 304 here means a broken server; treat it as nothing to read.
  if (res.status === 304) {
    return err(failure('article_unavailable', `${url} returned no page.`, { details: { url, status: 304 } }));
  }
  const type = res.contentType?.split(';')[0]?.trim().toLowerCase() ?? null;
  if (type !== null && type !== 'text/html' && type !== 'application/xhtml+xml') {
    return err(
      failure('unreadable_article', `${url} is ${type}, not a web page Herald can read.`, {
        details: { url, contentType: type },
      }),
    );
  }
  return ok({ html: res.body, finalUrl: res.finalUrl, contentType: res.contentType });
}
