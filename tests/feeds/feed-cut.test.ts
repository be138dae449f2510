/**
 * A huge feed is cut to its newest items before it is parsed (issue 11, Medium 7): what the cut
 * keeps must be what the poller would have kept from the whole parse, and markup that only looks
 * like an item (in CDATA, comments) never counts.
 */
import { describe, expect, it } from 'vitest';
import { cutToNewest } from '../../src/feeds/feed-cut.js';
import { parseFeed } from '../../src/feeds/parse-feed.js';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toUTCString();
const rss = (items: string[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://a.example/</link>${items.join('')}</channel></rss>`;
const item = (n: number, dated = true) =>
  `<item><title>Story ${n}</title><guid>s${n}</guid>${dated ? `<pubDate>${day(n)}</pubDate>` : ''}</item>`;

describe('cutting a feed to its newest items', () => {
  it('keeps the newest by date when the feed lists oldest first, and reports how many it held', async () => {
    const xml = rss(Array.from({ length: 50 }, (_, i) => item(i)));
    const parsed = await parseFeed(xml, { maxItems: 5 });
    expect(parsed.ok && parsed.value.items.map((i) => i.guid)).toEqual(['s45', 's46', 's47', 's48', 's49']);
    expect(parsed.ok && parsed.value.totalItems).toBe(50);
  });

  it("keeps the feed's first items when one has no date", async () => {
    const xml = rss([...Array.from({ length: 9 }, (_, i) => item(i)), item(99, false)]);
    const parsed = await parseFeed(xml, { maxItems: 3 });
    expect(parsed.ok && parsed.value.items.map((i) => i.guid)).toEqual(['s0', 's1', 's2']);
  });

  it('leaves a feed within the cap as it is', async () => {
    const xml = rss([item(1), item(2)]);
    expect(await cutToNewest(xml, 2)).toEqual({ xml, totalItems: 2 });
  });

  it('does not count item markup inside CDATA, comments or attribute values', async () => {
    const tricky = `<item><title>Tricky</title><guid>t</guid><pubDate>${day(0)}</pubDate><description><![CDATA[<item><pubDate>${day(900)}</pubDate></item>]]></description></item>`;
    const xml = rss([
      `<!-- <item><guid>c</guid></item> -->`,
      tricky,
      `<item a="<entry>"><guid>x</guid><pubDate>${day(1)}</pubDate></item>`,
      item(2),
    ]);
    const cut = await cutToNewest(xml, 2);
    expect(cut.totalItems).toBe(3);
    const parsed = await parseFeed(cut.xml);
    expect(parsed.ok && parsed.value.items.map((i) => i.guid)).toEqual(['x', 's2']);
  });

  it('cuts prefixed Atom entries by their updated date', async () => {
    const entry = (n: number) =>
      `<a:entry><a:title>E${n}</a:title><a:id>urn:e${n}</a:id><a:updated>${new Date(Date.UTC(2026, 0, n + 1)).toISOString()}</a:updated></a:entry>`;
    const xml = `<?xml version="1.0"?><a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>A</a:title>${[3, 1, 4, 0, 2].map(entry).join('')}</a:feed>`;
    const parsed = await parseFeed(xml, { maxItems: 2 });
    expect(parsed.ok && parsed.value.items.map((i) => i.guid)).toEqual(['urn:e3', 'urn:e4']);
  });

  it('cuts a JSON Feed the same way', async () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'J',
      items: Array.from({ length: 10 }, (_, i) => ({
        id: `j${i}`,
        content_text: `t ${i}`,
        date_published: new Date(Date.UTC(2026, 0, i + 1)).toISOString(),
      })),
    });
    const parsed = await parseFeed(json, { maxItems: 2 });
    expect(parsed.ok && parsed.value.items.map((i) => i.guid)).toEqual(['j8', 'j9']);
    expect(parsed.ok && parsed.value.totalItems).toBe(10);
  });
});
