/**
 * HTML pages: metadata from the page's own tags, the story from Mozilla Readability
 * (run on a linkedom DOM), then the shared paragraph pipeline.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Article } from '../article/types.js';
import { err, failure, type Result } from '../result.js';
import { buildArticle } from './build-article.js';
import { domToBlocks } from './html-blocks.js';
import type { IngestMeta } from './types.js';

/** Below this many words the page has no story (a login wall, an index page, an error page). */
const MIN_PAGE_WORDS = 25;

/** Metadata read from <meta>/<link> tags before Readability rewrites the DOM. */
export interface PageMeta {
  readonly title: string | null;
  readonly publishedAt: string | null;
  readonly url: string | null;
  readonly siteName: string | null;
}

interface QueryableDocument {
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
}

function first(doc: QueryableDocument, selectors: readonly string[], attr: string | null): string | null {
  for (const sel of selectors) {
    const el = doc.querySelector(sel);
    const value = (attr === null ? el?.textContent : el?.getAttribute(attr))?.trim();
    if (value) return value;
  }
  return null;
}

function resolveUrl(href: string | null, base: string | null | undefined): string | null {
  if (href === null) return null;
  try {
    return new URL(href, base ?? undefined).toString();
  } catch {
    return null;
  }
}

/** Reads title, published time, canonical URL and site name from a page's head. */
export function readPageMeta(doc: QueryableDocument, baseUrl?: string | null): PageMeta {
  const content = (names: readonly string[]): string | null =>
    first(
      doc,
      names.flatMap((n) => [`meta[property="${n}"]`, `meta[name="${n}"]`, `meta[itemprop="${n}"]`]),
      'content',
    );
  return {
    title: content(['og:title', 'twitter:title']) ?? first(doc, ['title'], null),
    publishedAt:
      content([
        'article:published_time',
        'og:article:published_time',
        'datePublished',
        'pubdate',
        'publishdate',
        'date',
        'dc.date',
        'DC.date.issued',
        'sailthru.date',
        'parsely-pub-date',
      ]) ?? first(doc, ['time[datetime]'], 'datetime'),
    url: resolveUrl(first(doc, ['link[rel="canonical"]'], 'href') ?? content(['og:url']), baseUrl),
    siteName: content(['og:site_name', 'application-name']),
  };
}

/**
 * Page titles often wrap the headline in a section or site name ("Asia-pacific - Headline - Site");
 * the page's own <h1>, when the title contains it, is the headline without that furniture.
 */
function preferHeadline(title: string | null | undefined, headlines: readonly string[]): string | null {
  if (!title) return null;
  const inner = headlines.find((h) => h.split(' ').length >= 3 && h.length < title.length && title.includes(h));
  return inner ?? title;
}

/**
 * Ingests a full HTML page. The page's canonical/og:url is preferred over `meta.url`
 * (often a tracking or redirect URL) as the article's link; `meta.url` resolves relative ones.
 */
export function ingestHtml(html: string, meta: IngestMeta = {}): Result<Article> {
  const { document } = parseHTML(html);
  const page = readPageMeta(document as unknown as QueryableDocument, meta.url);
  // Read before Readability, which rewrites the document it parses.
  const headlines = [...document.querySelectorAll('h1')].map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim());
  let parsed: ReturnType<Readability['parse']>;
  try {
    parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  } catch (cause) {
    // Readability throws on some degenerate documents (no <body>, frameset); that is unreadable input, not a bug of ours.
    return err(
      failure('unreadable_article', 'This page could not be read as an article.', {
        details: { cause: String(cause) },
      }),
    );
  }
  const noStory = failure('unreadable_article', 'This page has no readable story.', {
    hint: 'Link the article page itself rather than a home or index page.',
    details: { url: page.url ?? meta.url ?? null },
  });
  if (!parsed?.content) return err(noStory);

  const { document: storyDoc } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`);
  const result = buildArticle({
    kind: 'html',
    title: meta.title ?? preferHeadline(parsed.title ?? page.title, headlines),
    blocks: domToBlocks(storyDoc.body as unknown as Parameters<typeof domToBlocks>[0]),
    url: page.url ?? meta.url ?? null,
    path: meta.path ?? null,
    sourceName: meta.sourceName ?? page.siteName ?? parsed.siteName ?? null,
    publishedAt: meta.publishedAt ?? page.publishedAt ?? parsed.publishedTime ?? null,
  });
  if (!result.ok) return err(noStory);
  const words = result.value.sentences.reduce((n, s) => n + s.text.split(/\s+/u).length, 0);
  return words < MIN_PAGE_WORDS ? err(noStory) : result;
}
