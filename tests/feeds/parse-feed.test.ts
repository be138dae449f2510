/**
 * parseFeed on hand-made edge cases the real fixtures do not cover: broken XML, HTML pages,
 * other XML documents, relative links, and title fallbacks. Plus the retry policy.
 */
import { describe, expect, it } from 'vitest';
import { backoff, shouldDisable, type BackoffPolicy } from '../../src/feeds/fetch-feed.js';
import { parseFeed } from '../../src/feeds/parse-feed.js';
import { failure } from '../../src/core/result.js';

const rss = (items: string, channel = '<title>T</title><link>https://site.example/news/</link>') =>
  `<?xml version="1.0"?><rss version="2.0"><channel>${channel}${items}</channel></rss>`;

describe('parseFeed refuses what is not a feed, saying why', () => {
  it('malformed XML with no item to recover, saying where, in words of its own', async () => {
    const result = await parseFeed('<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</channel></rss>');
    expect(result.ok ? 'ok' : result.error).toMatchObject({ code: 'feed_invalid', details: { reason: 'malformed' } });
    expect(result.ok ? '' : result.error.message).toBe(
      'The feed is not well-formed XML (line 1: an end tag that does not match the element it should close), and no items could be read from it.',
    );
  });

  it('an HTML page, pointing at the feed it advertises', async () => {
    const html =
      '<!DOCTYPE html>\n<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head><body>News</body></html>';
    const result = await parseFeed(html, { baseUrl: 'https://site.example/news' });
    expect(result.ok ? 'ok' : result.error).toMatchObject({
      code: 'feed_invalid',
      message: 'This is an HTML page, not a feed: the page names its feed at https://site.example/rss.xml.',
      hint: 'Use https://site.example/rss.xml instead.',
    });
  });

  it('some other XML document', async () => {
    const result = await parseFeed('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>');
    expect(result.ok ? 'ok' : result.error).toMatchObject({
      code: 'feed_invalid',
      message: 'This is an XML document of another kind (<svg>), not an RSS, Atom or JSON feed.',
    });
  });

  it('an empty body', async () => {
    const result = await parseFeed(' \n ');
    expect(result.ok ? 'ok' : result.error).toMatchObject({ code: 'feed_invalid', details: { reason: 'empty' } });
  });

  it('an unknown entity is kept as written; an entity-expansion bomb is expanded nowhere, in milliseconds', async () => {
    const unknown = await parseFeed(rss('<item><title>A &bogus; B</title></item>'));
    expect(unknown.ok ? unknown.value.items.map((i) => i.title) : unknown.error).toEqual(['A &bogus; B']);
    const lol = '&lol;'.repeat(10);
    const lol2 = '&lol2;'.repeat(10);
    const bomb = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY lol "lol"><!ENTITY lol2 "${lol}"><!ENTITY lol3 "${lol2}">]>${rss('<item><title>&lol3;</title></item>').replace(/^<\?xml[^>]*>/, '')}`;
    const started = Date.now();
    const result = await parseFeed(bomb);
    // Read (forgivingly) with the reference left as written, never as 1,000 "lol"s.
    expect(result.ok ? result.value.items.map((i) => i.title) : result.error.code).toEqual(['&lol3;']);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('parseFeed normalises items', () => {
  it('tolerates whitespace and a BOM before <?xml', async () => {
    const result = await parseFeed(`\uFEFF\n\n  ${rss('<item><title>One</title></item>')}`);
    expect(result.ok && result.value.items[0]!.title).toBe('One');
  });

  it('resolves relative links against the feed link, and the feed link against the fetch URL', async () => {
    const result = await parseFeed(
      rss(
        '<item><title>A</title><link>story/1</link></item><item><title>B</title><link>/other/2</link></item>',
        '<title>T</title><link>/news/</link>',
      ),
      { baseUrl: 'https://site.example/feeds/main.xml' },
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.link).toBe('https://site.example/news/');
    expect(result.value.items.map((i) => i.link)).toEqual([
      'https://site.example/news/story/1',
      'https://site.example/other/2',
    ]);
  });

  it('falls back from title to content words, then link, then "Untitled item"', async () => {
    const result = await parseFeed(
      rss(
        '<item><description>&lt;p&gt;Only a &lt;b&gt;teaser&lt;/b&gt; here.&lt;/p&gt;</description></item>' +
          '<item><link>https://site.example/a</link></item>' +
          '<item><guid isPermaLink="false">x-1</guid></item>' +
          '<item><title>   </title><description>Blank titles count as missing.</description></item>',
      ),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.items.map((i) => i.title)).toEqual([
      'Only a teaser here.',
      'https://site.example/a',
      'Untitled item',
      'Blank titles count as missing.',
    ]);
    expect(result.value.items[2]!.guid).toBe('x-1');
  });

  it('gives null for a missing or unparseable date, ISO otherwise', async () => {
    const result = await parseFeed(
      rss(
        '<item><title>a</title></item><item><title>b</title><pubDate>not a date</pubDate></item>' +
          '<item><title>c</title><pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate></item>',
      ),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.items.map((i) => i.isoDate)).toEqual([null, null, '2003-06-10T04:00:00.000Z']);
  });

  it('collects categories, creator and a media URL', async () => {
    const result = await parseFeed(`<?xml version="1.0"?>
      <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>
      <item><title>a</title><category>World</category><category domain="x">Space</category><dc:creator>Ada Byron</dc:creator>
      <media:content url="https://img.example/1.jpg" medium="image"/></item></channel></rss>`);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.items[0]).toMatchObject({
      categories: ['World', 'Space'],
      creator: 'Ada Byron',
      mediaUrl: 'https://img.example/1.jpg',
    });
  });
});

describe('retry policy', () => {
  const policy = (random: number): BackoffPolicy => ({
    baseMs: 60_000,
    maxMs: 3_600_000,
    jitter: 0.2,
    random: () => random,
  });
  const now = new Date('2024-05-01T12:00:00Z');
  const delay = (n: number, random = 0.5) => backoff(n, now, policy(random)).getTime() - now.getTime();

  it('doubles from the base, caps, and jitters within ±20%', () => {
    expect(delay(0)).toBe(0);
    expect([1, 2, 3, 4].map((n) => delay(n))).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(delay(50)).toBe(3_600_000);
    expect(delay(1, 0)).toBe(48_000);
    expect(delay(1, 0.999999)).toBeCloseTo(72_000, -1);
    expect(delay(100, 0.999999)).toBe(3_600_000); // jitter never pushes past the cap
  });

  it('disables after ten failures with a reason, or at once for a refused URL', () => {
    expect(shouldDisable(9)).toEqual({ disable: false });
    const unreachable = failure('feed_unreachable', 'Could not reach https://x.example/feed (ECONNREFUSED).');
    expect(shouldDisable(10, unreachable)).toEqual({
      disable: true,
      reason:
        'Disabled after 10 failed fetches in a row. Last error: Could not reach https://x.example/feed (ECONNREFUSED).',
    });
    const refused = failure(
      'url_refused',
      'Refused to fetch http://10.0.0.1/: 10.0.0.1 resolves to a private address (10.0.0.1).',
    );
    expect(shouldDisable(1, refused)).toMatchObject({ disable: true });
  });
});
