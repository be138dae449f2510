/**
 * A feed cut as it streams in (issue 11, Medium 7): the text arrives in pieces that may end
 * anywhere (inside a tag name, an attribute, a comment's `-->`, a CDATA section holding
 * "</item>", a date), and the cut must come out exactly as if the whole text had been read at
 * once, and keep the right items.
 */
import { describe, expect, it } from 'vitest';
import { cutToNewest, FeedCutter, type FeedCut } from '../../src/feeds/feed-cut.js';
import { parseFeed } from '../../src/feeds/parse-feed.js';

const day = (n: number) => new Date(Date.UTC(2026, 2, 1 + n)).toUTCString();

/** The cut of `text` handed over in the pieces `cuts` splits it into. */
function cutInPieces(text: string, max: number, cuts: readonly number[]): FeedCut {
  const cutter = new FeedCutter(max);
  let at = 0;
  for (const c of [...cuts, text.length]) {
    cutter.write(text.slice(at, c));
    at = c;
  }
  return cutter.end();
}

/** Every way of splitting `text` in two, then pieces of a few fixed sizes. */
function splits(text: string): number[][] {
  const out: number[][] = [];
  for (let i = 1; i < text.length; i++) out.push([i]);
  for (const size of [1, 2, 3, 7, 64]) {
    const cuts: number[] = [];
    for (let i = size; i < text.length; i += size) cuts.push(i);
    out.push(cuts);
  }
  return out;
}

async function guids(xml: string): Promise<string[]> {
  const parsed = await parseFeed(xml);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value.items.map((i) => i.guid ?? '');
}

// Markup that only looks like items, in every place a scanner can be fooled.
const RSS = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<?xml-stylesheet type="text/xsl" href="s.xsl"?>',
  '<!DOCTYPE rss [<!ENTITY fake "<item><guid>doctype</guid></item>">]>',
  '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Harbour news</title>',
  '<!-- <item><guid>comment</guid><pubDate>Sun, 01 Jan 2090 00:00:00 GMT</pubDate></item> -->',
  `<item><title>Ferry timetable changes</title><guid>a</guid><pubDate>${day(1)}</pubDate>`,
  '<description><![CDATA[Ends early: </item><item><guid>cdata</guid> and -- > ]] > inside]]></description></item>',
  `<item data-note="a > b, <entry>"><title>Quay repairs</title><guid>b</guid><dc:date>${new Date(Date.UTC(2026, 2, 9)).toISOString()}</dc:date></item>`,
  `<item><title>Night market opens</title><guid>c</guid><pubDate><![CDATA[${day(5)}]]></pubDate></item>`,
  `<item><title>Pier closed for a day</title><guid>d</guid><pubDate>${day(3)}</pubDate><enclosure url="x.mp3" length="1" type="audio/mpeg"/></item>`,
  `<item><title>Harbour lights renewed</title><guid>e</guid><pubDate>${day(2)}</pubDate></item>`,
  '</channel></rss>',
].join('\n');

const ATOM = [
  '<?xml version="1.0"?>',
  '<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>Library notes</a:title><a:id>urn:lib</a:id>',
  ...[4, 9, 1, 7, 3].map(
    (n) =>
      `<a:entry><a:title>Reading hour ${n}</a:title><a:id>urn:r${n}</a:id><a:updated>2026-03-0${n}T10:00:00Z</a:updated><a:content type="html">&lt;entry&gt; is just text</a:content></a:entry>`,
  ),
  '</a:feed>',
].join('\n');

describe('cutting a feed as it streams in', () => {
  it('keeps the newest RSS items, counting none of the look-alikes, wherever the pieces end', async () => {
    const whole = await cutToNewest(RSS, 2);
    expect(whole.totalItems).toBe(5);
    // b (9 March) and c (6 March) are the newest; the comment's 2090 date and the CDATA's item never count.
    expect(await guids(whole.xml)).toEqual(['b', 'c']);
    for (const cuts of splits(RSS)) expect(cutInPieces(RSS, 2, cuts), `split at ${cuts.slice(0, 3)}`).toEqual(whole);
  });

  it('keeps the newest prefixed Atom entries wherever the pieces end', async () => {
    const whole = await cutToNewest(ATOM, 2);
    expect(whole.totalItems).toBe(5);
    expect(await guids(whole.xml)).toEqual(['urn:r9', 'urn:r7']);
    for (const cuts of splits(ATOM)) expect(cutInPieces(ATOM, 2, cuts), `split at ${cuts.slice(0, 3)}`).toEqual(whole);
  });

  it('hands back a feed within the cap exactly as it came, in whatever pieces', () => {
    for (const cuts of splits(RSS).slice(0, 400))
      expect(cutInPieces(RSS, 5, cuts)).toEqual({ xml: RSS, totalItems: 5 });
  });

  it("keeps the feed's first items once one has no date", async () => {
    const undated = RSS.replace(`<pubDate>${day(2)}</pubDate>`, '');
    const cut = cutInPieces(undated, 2, [100, 101, 500]);
    expect(await guids(cut.xml)).toEqual(['a', 'b']);
  });

  it('keeps the text after a tag that never closes as the tail, as a whole-text read does', () => {
    const broken = `${RSS.replace('</channel></rss>', '')}<item><title>Cut short <b`;
    const whole = cutInPieces(broken, 2, []);
    expect(whole.totalItems).toBe(5);
    expect(whole.xml.endsWith('<item><title>Cut short <b')).toBe(true);
    for (const cuts of splits(broken).slice(-300)) expect(cutInPieces(broken, 2, cuts)).toEqual(whole);
  });

  it('passes JSON, HTML and CDF through whole, even with more "items" than the cap', () => {
    const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: '<item></item>' }] });
    const html = `<!DOCTYPE html><html><body>${'<item>x</item>'.repeat(5)}</body></html>`;
    const cdf = `<?xml version="1.0"?><CHANNEL HREF="https://a.example/">${'<ITEM HREF="https://a.example/x"><TITLE>x</TITLE></ITEM>'.repeat(5)}</CHANNEL>`;
    for (const text of [json, html, cdf]) expect(cutInPieces(text, 2, [3, 9, 40]).xml).toBe(text);
  });

  it('keeps memory to the kept items: 20,000 items streamed in, the cut holds 3', async () => {
    const cutter = new FeedCutter(3);
    cutter.write('<rss version="2.0"><channel><title>Tide tables</title>');
    for (let i = 0; i < 20_000; i++)
      cutter.write(
        `<item><guid>t${i}</guid><pubDate>${new Date(Date.UTC(2026, 0, 1, 0, i)).toUTCString()}</pubDate></item>`,
      );
    cutter.write('</channel></rss>');
    const cut = cutter.end();
    expect(cut.totalItems).toBe(20_000);
    expect(await guids(cut.xml)).toEqual(['t19997', 't19998', 't19999']);
    expect(cut.xml.length).toBeLessThan(400);
  });
});
