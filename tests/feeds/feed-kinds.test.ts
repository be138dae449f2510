/**
 * One kind of odd feed at a time, on documents written for these tests: versionless RSS, RSS
 * 0.9x/1.0 variants, prefixed roots, CDF, JSON Feed, markup in titles, the forgiving pass for
 * malformed XML, and refusals that say what a document is.
 */
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feeds/parse-feed.js';
import type { ParsedFeed } from '../../src/feeds/types.js';

async function read(text: string, baseUrl?: string): Promise<ParsedFeed> {
  const result = await parseFeed(text, { baseUrl: baseUrl ?? null });
  if (!result.ok) throw new Error(`refused: ${result.error.message}`);
  return result.value;
}

async function refusal(text: string, baseUrl?: string) {
  const result = await parseFeed(text, { baseUrl: baseUrl ?? null });
  if (result.ok) throw new Error(`read ${result.value.items.length} items`);
  return result.error;
}

const titles = (feed: ParsedFeed) => feed.items.map((i) => i.title);

describe('RSS without a version, and RSS 0.9x/1.0 variants', () => {
  it('reads <rss> with no version attribute as RSS 2', async () => {
    const feed = await read(
      '<rss><channel><title>Harbour news</title><item><title>Ferry timetable changes</title><link>https://harbour.example/ferry</link></item></channel></rss>',
    );
    expect(feed.title).toBe('Harbour news');
    expect(titles(feed)).toEqual(['Ferry timetable changes']);
    expect(feed.items[0]?.link).toBe('https://harbour.example/ferry');
  });

  it('reads RSS 1.0 whose elements carry an rss: prefix', async () => {
    const feed = await read(
      `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rss="http://purl.org/rss/1.0/">
        <rss:channel rdf:about="https://library.example/"><rss:title>Library</rss:title><rss:link>https://library.example/</rss:link></rss:channel>
        <rss:item rdf:about="https://library.example/hours"><rss:title>Winter opening hours</rss:title><rss:link>https://library.example/hours</rss:link></rss:item>
      </rdf:RDF>`,
    );
    expect(feed.title).toBe('Library');
    expect(titles(feed)).toEqual(['Winter opening hours']);
  });

  it('reads an RSS 0.90 document with items but no channel', async () => {
    const feed = await read(
      `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
        <item><title>Old format, still read</title><link>https://old.example/1</link></item></rdf:RDF>`,
    );
    expect(titles(feed)).toEqual(['Old format, still read']);
  });

  it('an <rss> with no channel is an empty feed, not an error', async () => {
    expect((await read('<rss version="2.0"></rss>')).items).toEqual([]);
    expect((await read('<rss version="2.0"/>')).items).toEqual([]);
  });
});

describe('roots in a prefixed namespace', () => {
  it('<a:feed> bound to Atom', async () => {
    const feed = await read(
      `<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>Rail works</a:title>
        <a:entry><a:id>urn:x:1</a:id><a:title>Line closed on Sunday</a:title><a:link href="https://rail.example/sunday"/></a:entry></a:feed>`,
    );
    expect(feed.title).toBe('Rail works');
    expect(titles(feed)).toEqual(['Line closed on Sunday']);
    expect(feed.items[0]?.link).toBe('https://rail.example/sunday');
  });

  it('<r:rss> bound to the RSS 2 namespace, while atom:link in an RSS feed stays out of <link>', async () => {
    const prefixed = await read(
      `<r:rss version="2.0" xmlns:r="http://backend.userland.com/rss2"><r:channel><r:title>Parks</r:title>
        <r:item><r:title>New playground opens</r:title><r:link>https://parks.example/playground</r:link></r:item></r:channel></r:rss>`,
    );
    expect(titles(prefixed)).toEqual(['New playground opens']);
    const withAtomLink = await read(
      `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Parks</title><link>https://parks.example/</link>
        <atom:link rel="self" href="https://parks.example/feed.xml"/><item><title>Bench repairs</title><link>https://parks.example/benches</link></item></channel></rss>`,
    );
    expect(withAtomLink.link).toBe('https://parks.example/');
  });
});

describe('CDF channels', () => {
  it('reads items, links and dates', async () => {
    const feed = await read(
      '<CHANNEL HREF="https://old.example/"><TITLE>Old site</TITLE><ITEM HREF="https://old.example/a" LASTMOD="2004-04-06T23:05:43-05:00"><TITLE>An item</TITLE><ABSTRACT>What it says.</ABSTRACT></ITEM></CHANNEL>',
    );
    expect(feed.title).toBe('Old site');
    expect(feed.items[0]).toMatchObject({
      title: 'An item',
      link: 'https://old.example/a',
      isoDate: '2004-04-07T04:05:43.000Z',
    });
  });
});

describe('markup in titles becomes plain text', () => {
  it('Atom type="xhtml" keeps the words in order', async () => {
    const feed = await read(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">The <em>town</em> paper</div></title>
        <entry><id>1</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Council <b>approves</b> the <i>new</i> bridge</div></title>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The vote was <b>7 to 2</b> on Tuesday.</p></div></content></entry></feed>`,
    );
    expect(feed.title).toBe('The town paper');
    expect(titles(feed)).toEqual(['Council approves the new bridge']);
    expect(feed.items[0]?.content).toContain('The vote was <b>7 to 2</b> on Tuesday.');
  });

  it('Atom type="html" and HTML entities', async () => {
    const feed = await read(
      `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><title type="html">Caf&amp;eacute; &lt;b&gt;reopens&lt;/b&gt; &amp;amp; hires</title></entry></feed>`,
    );
    expect(titles(feed)).toEqual(['Café reopens & hires']);
  });

  it('raw HTML inside an RSS title', async () => {
    const feed = await read(
      '<rss version="2.0"><channel><item><title>Rates <b>rise</b> again</title></item></channel></rss>',
    );
    expect(titles(feed)).toEqual(['Rates rise again']);
  });
});

describe('JSON Feed', () => {
  const v11 = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Garden notes',
    home_page_url: 'https://garden.example/',
    items: [
      {
        id: 'g1',
        url: '/tomatoes',
        title: 'Tomatoes need <em>more</em> water',
        content_html: '<p>Water them every morning.</p>',
        date_published: '2026-06-01T08:00:00Z',
        authors: [{ name: 'Ana Ruiz' }],
        tags: ['vegetables'],
      },
      { id: 2, content_text: 'A note without a title.\n\nIt has two paragraphs.' },
    ],
  };

  it('1.1: items with titles, absolute links, dates, authors and tags', async () => {
    const feed = await read(JSON.stringify(v11));
    expect(feed.title).toBe('Garden notes');
    expect(feed.items[0]).toMatchObject({
      title: 'Tomatoes need more water',
      link: 'https://garden.example/tomatoes',
      guid: 'g1',
      isoDate: '2026-06-01T08:00:00.000Z',
      author: 'Ana Ruiz',
      categories: ['vegetables'],
    });
    expect(feed.items[1]).toMatchObject({
      title: 'A note without a title. It has two paragraphs.',
      guid: '2',
      content: '<p>A note without a title.</p>\n<p>It has two paragraphs.</p>',
    });
  });

  it('1.0 with its single author', async () => {
    const feed = await read(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1',
        title: 'Old style',
        items: [{ id: 'x', url: 'https://a.example/x', content_text: 'Body.', author: { name: 'Lee' } }],
      }),
    );
    expect(feed.items[0]).toMatchObject({ title: 'Body.', author: 'Lee', link: 'https://a.example/x' });
  });

  it('skips an item the schema refuses, and says so', async () => {
    const feed = await read(
      JSON.stringify({ ...v11, items: [...v11.items, { id: 'bad', tags: 'not-a-list', content_text: 'x' }] }),
    );
    expect(feed.items).toHaveLength(2);
    expect(feed.notes?.[0]).toMatch(
      /^Skipped 1 JSON Feed item\(s\) that break the format \(item 3: "tags" should be a list\)\.$/,
    );
  });

  it('refuses JSON that is not a feed, and JSON that is cut short', async () => {
    expect(await refusal('{"name": "a package.json"}')).toMatchObject({
      message: 'This is JSON, but not a JSON Feed: "version" is missing.',
      details: { reason: 'json_not_a_feed' },
    });
    expect((await refusal('{"version": "https://jsonfeed.org/version/1.1", "items": [')).details).toMatchObject({
      reason: 'json_malformed',
    });
  });
});

describe('malformed XML: a forgiving second pass keeps the items that are whole', () => {
  const channel = (items: string) =>
    `<rss version="2.0"><channel><title>Town hall</title><link>https://town.example/</link>${items}</channel></rss>`;

  it('a bare & and an unknown entity', async () => {
    const feed = await read(
      channel(
        '<item><title>Roads &amp; bridges</title><link>https://town.example/?a=1&b=2</link></item><item><title>Fish &chips; night</title></item>',
      ),
    );
    expect(titles(feed)).toEqual(['Roads & bridges', 'Fish &chips; night']);
    expect(feed.items[0]?.link).toBe('https://town.example/?a=1&b=2');
    expect(feed.notes).toEqual([
      'The feed is not well-formed XML (line 1: an "&" that is not written as &amp;, or an entity XML does not define); Herald read the 2 items it could.',
    ]);
  });

  it('a mismatched end tag drops only the item it breaks', async () => {
    const feed = await read(
      channel(
        '<item><title>Budget approved</title></item><item><title>Broken one</titel></item><item><title>Library hours</title></item>',
      ),
    );
    expect(titles(feed)).toEqual(['Budget approved', 'Library hours']);
    expect(feed.notes?.[0]).toMatch(/^The feed is not well-formed XML \(line 1: an end tag that does not match/);
  });

  it('a document cut short keeps the items before the cut', async () => {
    const feed = await read(
      channel('<item><title>First</title></item><item><title>Second</title></item>').slice(0, -45),
    );
    expect(titles(feed)).toEqual(['First']);
    expect(feed.notes?.[0]).toMatch(/ends before its elements are closed/);
  });
});

describe('refusals say what the document is', () => {
  it('an HTML page names the feed it advertises (attributes in any order, relative href)', async () => {
    const error = await refusal(
      `<!doctype html><html><head><link href="/feed.atom" type="application/atom+xml" rel="alternate" title="News"></head><body></body></html>`,
      'https://paper.example/news/today',
    );
    expect(error.message).toBe(
      'This is an HTML page, not a feed: the page names its feed at https://paper.example/feed.atom.',
    );
    expect(error.details).toMatchObject({ reason: 'html', alternate: 'https://paper.example/feed.atom' });
  });

  it('an OPML list, some other XML, plain text, an empty body', async () => {
    expect(
      (await refusal('<opml version="2.0"><body><outline xmlUrl="https://a.example/f"/></body></opml>')).details,
    ).toMatchObject({
      reason: 'opml',
    });
    expect((await refusal('<svg xmlns="http://www.w3.org/2000/svg"/>')).message).toMatch(/another kind \(<svg>\)/);
    expect((await refusal('Service Unavailable')).details).toMatchObject({ reason: 'text' });
    expect((await refusal('<?xml version="1.0"?><!-- nothing -->')).details).toMatchObject({ reason: 'empty' });
  });
});
