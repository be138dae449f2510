/**
 * The whole story behind a teaser (`feeds.fetchFullArticle`, docs/decisions/023). An item is a
 * teaser when its text is a few words, ends in a truncation mark, or says "continue reading";
 * its page is then fetched through the same `safeFetch` (address policy, byte cap, timeouts,
 * allowlist), at most a few pages per host per minute, and only where the site's robots.txt
 * lets Herald in (robots-parser, one cached copy per host). What cannot be read keeps the teaser,
 * with the reason in words for `/feeds status`.
 */
import robotsParserModule from 'robots-parser';
import type { Clock } from '../core/ports.js';
import { err, failure, type Result } from '../core/result.js';
import { fetchArticlePage, type ArticlePage, type FetchArticlePageDeps } from './fetch-article-page.js';
import { plainText } from './feed-text.js';
import { safeFetch } from './safe-fetch.js';
import type { FeedItemInput } from './types.js';

/** Fewer words than this is a teaser whatever it says. */
export const TEASER_WORDS = 60;
const MORE = /\b(?:continue reading|read more|read the (?:full|rest|whole)|keep reading|full (?:story|article))\b/i;
const TRUNCATED = /(?:…|\.\.\.|\[\s*(?:…|\.\.\.)\s*\])\s*(?:\S{0,3})$/;

/** The item's text as plain words. */
export function itemText(item: FeedItemInput): string {
  return plainText(item.contentEncoded ?? item.content ?? item.summary ?? item.contentSnippet ?? '');
}

/** Why an item reads as a teaser, or null when it looks like the whole story. */
export function teaserReason(item: FeedItemInput): string | null {
  const text = itemText(item);
  const words = text.split(' ').filter(Boolean).length;
  if (MORE.test(text)) return 'says "continue reading"';
  if (TRUNCATED.test(text)) return 'ends in a truncation mark';
  if (words < TEASER_WORDS) return `only ${words} words`;
  return null;
}

/** Pages per host per minute when not configured: a reader's pace, not a crawler's. */
export const DEFAULT_PAGES_PER_HOST_PER_MINUTE = 6;
const ROBOTS_TTL_MS = 60 * 60_000;
const ROBOTS_MAX_BYTES = 512 * 1024;
/** The product token robots.txt rules name (`User-agent: Herald`). */
export const ROBOTS_AGENT = 'Herald';

export interface FullArticleOptions {
  readonly clock: Clock;
  readonly pagesPerHostPerMinute?: number;
}

/** Fetches the pages behind teasers; one per process, so its robots cache and rate limit are shared. */
export interface FullArticleReader {
  fetchPage(link: string): Promise<Result<ArticlePage>>;
}

/** The part of robots-parser's Robot we use (its bundled types declare no callable default export). */
interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
}
const robotsParser = robotsParserModule as unknown as (url: string, robotsTxt: string) => Robot;

type Robots = Robot | 'allow-all';

export function createFullArticleReader(deps: FetchArticlePageDeps, opts: FullArticleOptions): FullArticleReader {
  const perMinute = opts.pagesPerHostPerMinute ?? DEFAULT_PAGES_PER_HOST_PER_MINUTE;
  const robots = new Map<string, { at: number; rules: Robots | Promise<Robots> }>();
  const recent = new Map<string, number[]>();

  async function loadRobots(origin: string): Promise<Robots> {
    const res = await safeFetch(`${origin}/robots.txt`, { ...deps.limits, maxBytes: ROBOTS_MAX_BYTES }, deps);
    // No robots.txt (404, 410 ...) means no rules; so does one we cannot fetch (as crawlers read it).
    if (!res.ok || res.value.status !== 200) return 'allow-all';
    return robotsParser(`${origin}/robots.txt`, res.value.body);
  }

  async function rulesFor(origin: string): Promise<Robots> {
    const now = opts.clock.now().getTime();
    const cached = robots.get(origin);
    if (cached && now - cached.at < ROBOTS_TTL_MS) return cached.rules;
    const rules = loadRobots(origin);
    robots.set(origin, { at: now, rules });
    const settled = await rules;
    robots.set(origin, { at: now, rules: settled });
    return settled;
  }

  /** Takes one of the host's pages for this minute, or says no. */
  function takeSlot(host: string): boolean {
    const now = opts.clock.now().getTime();
    const times = (recent.get(host) ?? []).filter((t) => now - t < 60_000);
    if (times.length >= perMinute) {
      recent.set(host, times);
      return false;
    }
    times.push(now);
    recent.set(host, times);
    return true;
  }

  return {
    async fetchPage(link) {
      let url: URL;
      try {
        url = new URL(link);
      } catch {
        return err(failure('bad_input', `${link} is not a web address.`));
      }
      const rules = await rulesFor(url.origin);
      if (rules !== 'allow-all' && rules.isAllowed(url.href, ROBOTS_AGENT) === false) {
        return err(
          failure('permission_denied', `${url.host}'s robots.txt does not allow Herald to fetch ${url.pathname}.`, {
            details: { url: link, reason: 'robots' },
          }),
        );
      }
      if (!takeSlot(url.host)) {
        return err(
          failure('rate_limited', `Herald already fetched ${perMinute} pages from ${url.host} this minute.`, {
            details: { url: link, reason: 'rate_limit' },
          }),
        );
      }
      return fetchArticlePage(link, deps);
    },
  };
}

/** A page that read as an article, or why the teaser stays. */
export type FullTextOutcome<A> =
  { readonly ok: true; readonly article: A } | { readonly ok: false; readonly reason: string };

/** Reads the page behind a teaser item with `ingest` (readability), insisting it says more than the teaser. */
export async function fullTextFor<A extends { readonly sentences: readonly unknown[] }>(
  item: FeedItemInput,
  reader: FullArticleReader,
  ingest: (page: ArticlePage) => Result<A>,
): Promise<FullTextOutcome<A>> {
  if (!item.link) return { ok: false, reason: 'the item has no link to its page' };
  const page = await reader.fetchPage(item.link);
  if (!page.ok) return { ok: false, reason: page.error.message.replace(/\.$/, '') };
  const article = ingest(page.value);
  if (!article.ok) return { ok: false, reason: 'the page holds no article Herald can read' };
  const teaserWords = itemText(item).split(' ').filter(Boolean).length;
  const pageWords = article.value.sentences.length * 12; // rough: a sentence is a dozen words
  if (article.value.sentences.length < 2 || pageWords < 2 * teaserWords) {
    return { ok: false, reason: 'the page says no more than the teaser (not an article page?)' };
  }
  return { ok: true, article: article.value };
}
