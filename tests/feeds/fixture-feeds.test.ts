/**
 * Every real feed capture, served over real HTTP from 127.0.0.1, fetched and parsed the way the
 * poller does it. Values below were checked against the files by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFeedItem } from '../../src/core/ingest/index.js';
import { fetchFeed, type FetchFeedResult } from '../../src/feeds/fetch-feed.js';
import { fixtureNames, localDeps, startFeedServer, type TestServer } from './feed-server.js';

interface Expected {
  feedTitle: string | null;
  count: number;
  title: string;
  link: string | null;
  date: string | null;
}

const EXPECTED: Record<string, Expected> = {
  'nodefeedparser_category-feed.xml': {
    feedTitle: 'NYT > Home Page',
    count: 1,
    title: 'E.P.A. Plan to Clean Up Gowanus Canal Meets Local Resistance',
    link: 'http://www.nytimes.com/2013/05/06/nyregion/epa-plan-to-clean-up-gowanus-canal-meets-local-resistance.html?partner=rss&emc=rss',
    date: '2013-05-05T17:15:11.000Z',
  },
  // Atom with relative links: resolved against the feed's own link.
  'nodefeedparser_intertwingly.atom': {
    feedTitle: 'Sam Ruby',
    count: 20,
    title: 'Inhibiting Suspend',
    link: 'http://intertwingly.net/blog/2012/07/16/Inhibiting-Suspend',
    date: '2012-07-16T15:48:01.000Z',
  },
  'nodefeedparser_rss2sample.xml': {
    feedTitle: 'Liftoff News',
    count: 4,
    title: 'Star City',
    link: 'http://liftoff.msfc.nasa.gov/news/2003/news-starcity.asp',
    date: '2003-06-03T09:39:21.000Z',
  },
  'nodefeedparser_tpm.atom': {
    feedTitle: 'All TPM News',
    count: 20,
    title: 'Hannity Announces Fox Has Hired Sebastian Gorka As NatSec Strategist',
    link: 'http://talkingpointsmemo.com/livewire/hannity-announces-fox-hired-sebastian-gorka-national-security-strategist',
    date: '2017-11-08T23:15:58.000Z',
  },
  // "10:33:00 EST" in the feed.
  'nodefeedparser_wapowellness.xml': {
    feedTitle: 'Wellness: Health, Fitness, Nutrition & More - The Washington Post',
    count: 29,
    title: 'Schools minister to kids’ fitness and nutrition needs',
    link: 'http://feeds.washingtonpost.com/click.phdo?i=cc0c5fb09865354bbec8415210a554da',
    date: '2012-08-21T15:33:00.000Z',
  },
  'rssparser_content-encoded.rss': {
    feedTitle: 'Food in Invironment on Medium',
    count: 7,
    title: 'THE CREATIVE FORAGER',
    link: 'https://medium.com/invironment/the-creative-forager-125af37d838f?source=rss----d12c403d4976--food',
    date: '2018-04-09T18:55:38.000Z',
  },
  // RSS 1.0 / RDF; the title is HTML-escaped twice in the capture.
  'rssparser_craigslist.rss': {
    feedTitle: 'craigslist SF bay area | apts/housing for rent search',
    count: 25,
    title: 'Bright, Spacious Beautiful Victorian (oakland north / temescal) $4300 3bd 1930ft2',
    link: 'http://sfbay.craigslist.org/eby/apa/6186664607.html',
    date: '2017-06-21T17:33:10.000Z',
  },
  // ISO-8859-1 bytes, declared only in the XML prolog.
  'rssparser_encoding.rss': {
    feedTitle: 'Jornal de Notícias - Últimas Notícias',
    count: 40,
    title: 'Mãe de utente é a nova presidente da Raríssimas',
    link: 'http://feeds.jn.pt/~r/JN-ULTIMAS/~3/UBnb8Ra3Q1U/sonia-laig-e-a-nova-presidente-da-rarissimas-9021600.html',
    date: '2018-01-03T13:47:00.000Z',
  },
  'rssparser_feedburner.atom': {
    feedTitle: 'Google Ads Developer Blog',
    count: 25,
    title: 'AdWords and DFP Java client library will soon require Java 7+',
    link: 'http://feedproxy.google.com/~r/blogspot/lQlzL/~3/Zjf41PDVLAc/adwords-and-dfp-java-client-library.html',
    date: '2016-06-03T14:38:00.000Z',
  },
  'rssparser_guardian.rss': {
    feedTitle: 'The Guardian',
    count: 55,
    title: 'Trump State of the Union address promised unity but emphasized discord',
    link: 'https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord',
    date: '2018-01-31T07:26:05.000Z',
  },
  'rssparser_heise.atom': {
    feedTitle: 'heise developer neueste Meldungen',
    count: 15,
    title: 'Java-Anwendungsserver: Red Hat gibt WildFly 10 frei',
    link: 'http://www.heise.de/developer/meldung/Java-Anwendungsserver-Red-Hat-gibt-WildFly-10-frei-3088438.html?wt_mc=rss.developer.beitrag.atom',
    date: '2016-02-01T16:22:00.000Z',
  },
  // RSS 0.92 with no dates at all.
  'rssparser_heraldsun.rss': {
    feedTitle: 'RSS0.92 Example',
    count: 2,
    title: 'The First Item',
    link: 'http://www.oreilly.com/example/001.html',
    date: null,
  },
  // A newline before <?xml.
  'rssparser_itunes-missing-image.rss': {
    feedTitle: 'Taverncast - Happy Hour in Your Head - Since 2005',
    count: 131,
    title: 'Taverncast 62 - Temporal Anomaly',
    link: 'http://taverncast.com/',
    date: '2015-11-07T17:00:00.000Z',
  },
  // One Atom entry with only an <id>.
  'rssparser_missing-fields.atom': { feedTitle: null, count: 1, title: 'Untitled item', link: null, date: null },
  // The whole feed on one line.
  'rssparser_reddit.rss': {
    feedTitle: 'reddit: the front page of the internet',
    count: 24,
    title: 'The water is too deep, so he improvises',
    link: 'https://www.reddit.com/r/funny/comments/3skxqc/the_water_is_too_deep_so_he_improvises/',
    date: '2015-11-12T21:16:39.000Z',
  },
};

let server: TestServer;
const results = new Map<string, FetchFeedResult>();

beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});

async function fetched(name: string) {
  const cached = results.get(name);
  if (cached) return cached;
  const result = await fetchFeed({ url: `${server.origin}/feeds/${name}` }, localDeps());
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  results.set(name, result.value);
  return result.value;
}

describe('the 15 real feeds over local HTTP', () => {
  it('covers every fixture file', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(fixtureNames());
  });

  it.each(Object.entries(EXPECTED))('%s', async (name, want) => {
    const feed = await fetched(name);
    if (feed.notModified) throw new Error('unexpected 304');
    expect(feed.title).toBe(want.feedTitle);
    expect(feed.items).toHaveLength(want.count);
    const first = feed.items[0]!;
    expect(first.title).toBe(want.title);
    expect(first.link).toBe(want.link);
    expect(first.isoDate).toBe(want.date);
    for (const item of feed.items) {
      expect(item.title.trim()).not.toBe('');
      if (item.link !== null) expect(() => new URL(item.link!)).not.toThrow();
      expect(item.title).not.toContain('\uFFFD');
    }
    expect(feed.etag).toMatch(/^"[0-9a-f]{16}"$/);
  });

  it('decodes the ISO-8859-1 feed from its prolog into real accented letters', async () => {
    const feed = await fetched('rssparser_encoding.rss');
    if (feed.notModified) throw new Error('unexpected 304');
    expect(feed.title).toContain('Notícias');
    expect(feed.items[0]!.title).toContain('Mãe');
    expect(feed.items[0]!.contentSnippet).toContain('Sónia Laygue');
    // Decoded as UTF-8, every accented byte would have become U+FFFD.
    expect(JSON.stringify(feed.items).includes('\uFFFD')).toBe(false);
  });

  it('gives an item with no title the first words of its content, and no link null', async () => {
    const feed = await fetched('nodefeedparser_rss2sample.xml');
    if (feed.notModified) throw new Error('unexpected 304');
    const untitled = feed.items[1]!;
    expect(untitled.title).toBe('Sky watchers in Europe, Asia, and parts of Alaska and Canada will…');
    expect(untitled.link).toBeNull();
    expect(untitled.guid).toBe('http://liftoff.msfc.nasa.gov/2003/05/30.html#item572');
    expect(untitled.isoDate).toBe('2003-05-30T11:06:42.000Z');
  });

  it('uses the Atom <id> as guid when an entry has nothing else', async () => {
    const feed = await fetched('rssparser_missing-fields.atom');
    if (feed.notModified) throw new Error('unexpected 304');
    expect(feed.items[0]).toMatchObject({
      guid: 'tag:github.com,2008:Repository/11167738/v3.9.0',
      link: null,
      isoDate: null,
      title: 'Untitled item',
    });
  });

  it('keeps content:encoded, creator and the RDF item URI for ingest', async () => {
    const medium = await fetched('rssparser_content-encoded.rss');
    const rdf = await fetched('rssparser_craigslist.rss');
    if (medium.notModified || rdf.notModified) throw new Error('unexpected 304');
    expect(medium.items[0]!.contentEncoded).toContain('<');
    expect(medium.items[0]!['content:encoded']).toBe(medium.items[0]!.contentEncoded);
    expect(medium.items[0]!.creator).toBeTruthy();
    expect(rdf.items[0]!.guid).toBe('http://sfbay.craigslist.org/eby/apa/6186664607.html');
  });

  it('hands every item of every feed to ingest without a throw, keeping titles and links', async () => {
    let articles = 0;
    for (const name of fixtureNames()) {
      const feed = await fetched(name);
      if (feed.notModified) throw new Error('unexpected 304');
      for (const item of feed.items) {
        const result = ingestFeedItem(item, { sourceName: feed.title });
        if (!result.ok) continue; // an item with no body at all is ingest's call to refuse
        articles += 1;
        expect(result.value.title).toBe(item.title);
        if (item.link) expect(result.value.source.url).toBe(item.link);
      }
    }
    expect(articles).toBeGreaterThan(300);
  });

  it('answers a second fetch with the stored ETag or Last-Modified as not modified', async () => {
    const url = `${server.origin}/feeds/rssparser_guardian.rss`;
    const first = await fetchFeed({ url }, localDeps());
    if (!first.ok || first.value.notModified)
      throw new Error(`first fetch should have a body: ${JSON.stringify(first)}`);
    const byEtag = await fetchFeed({ url, etag: first.value.etag }, localDeps());
    expect(byEtag).toEqual({
      ok: true,
      value: { notModified: true, etag: first.value.etag, lastModified: first.value.lastModified },
    });
    expect(server.requests.at(-1)!.headers['if-none-match']).toBe(first.value.etag);

    const byDate = await fetchFeed({ url, lastModified: first.value.lastModified }, localDeps());
    expect(byDate.ok && byDate.value.notModified).toBe(true);
    expect(server.requests.at(-1)!.headers['if-modified-since']).toBe(first.value.lastModified);
  });
});
