/**
 * Refusals for documents that are not feeds, each saying what the document is and what to do:
 * an HTML page (naming the feed it advertises, by `<link rel="alternate">` autodiscovery), an
 * OPML subscription list, an old CDF channel, or some other XML.
 */
import { err, failure, type Result } from '../core/result.js';
import { absolute } from './feed-text.js';

const FEED_TYPES = /^application\/(?:rss\+xml|atom\+xml|rdf\+xml|feed\+json|json)$/i;

/** Attributes of one start tag, names lower-cased; values quoted either way or bare. */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([A-Za-z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    out[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return out;
}

/** The feeds an HTML page names in `<link rel="alternate" type="application/rss+xml" href=...>`, absolute. */
export function discoverFeeds(html: string, baseUrl: string | null): string[] {
  const head = html.slice(0, 262_144);
  const base = absolute(attributes(head.match(/<base\b[^>]*>/i)?.[0] ?? '')['href'], baseUrl) ?? baseUrl;
  const found: string[] = [];
  for (const m of head.matchAll(/<link\b[^>]*>/gi)) {
    const a = attributes(m[0]);
    const rel = (a['rel'] ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('alternate') || !FEED_TYPES.test((a['type'] ?? '').trim())) continue;
    const href = absolute(a['href'], base);
    if (href && !found.includes(href)) found.push(href);
  }
  return found;
}

/** "an HTML page, not a feed: the page names its feed at <url>". */
export function htmlPage(html: string, baseUrl: string | null): Result<never> {
  const feeds = discoverFeeds(html, baseUrl);
  const [first] = feeds;
  if (first) {
    const more = feeds.length > 1 ? ` (it names ${feeds.length} feeds: ${feeds.join(', ')})` : '';
    return err(
      failure('feed_invalid', `This is an HTML page, not a feed: the page names its feed at ${first}${more}.`, {
        hint: `Use ${first} instead.`,
        details: { reason: 'html', alternate: first, feeds },
      }),
    );
  }
  return err(
    failure('feed_invalid', 'This is an HTML page, not a feed, and the page names no feed of its own.', {
      hint: 'Look on the site for a link named RSS, Atom or Feed, and use that address.',
      details: { reason: 'html', alternate: null, feeds: [] },
    }),
  );
}

/** Refusal for an XML document whose root is not a feed's, worded by what it is. */
export function otherXml(root: string): Result<never> {
  const local = root.slice(root.indexOf(':') + 1).toLowerCase();
  if (local === 'opml') {
    return err(
      failure('feed_invalid', 'This is an OPML list of feeds, not a feed itself.', {
        hint: 'Add the feeds it lists one by one with /feeds add, or check them all with: herald feeds check <file>.',
        details: { reason: 'opml', root },
      }),
    );
  }
  return err(
    failure('feed_invalid', `This is an XML document of another kind (<${root}>), not an RSS, Atom or JSON feed.`, {
      hint: 'Check that the address points at the feed itself; feed addresses often end in /feed, /rss or .xml.',
      details: { reason: 'not_a_feed', root },
    }),
  );
}

/** Refusal for text that is neither markup nor JSON (plain text, an error message, binary data). */
export function notMarkup(body: string): Result<never> {
  const binary = /[\u0000-\u0008\u000e-\u001f]/.test(body.slice(0, 512));
  return err(
    failure(
      'feed_invalid',
      binary
        ? 'The response is binary data, not a feed.'
        : 'The response is plain text, not a feed (it does not start with XML or JSON).',
      {
        hint: 'Check that the address points at the feed itself; open it in a browser to see what it serves.',
        details: { reason: binary ? 'binary' : 'text' },
      },
    ),
  );
}
