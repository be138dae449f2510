/**
 * Character sets, in feedparser's order: BOM, 16/32-bit layout, HTTP charset (quoted too), XML
 * prolog, UTF-8, then a guess from the bytes for feeds that name no charset; C1 controls read
 * as windows-1252. Then gzip bytes sent without Content-Encoding, under the byte cap.
 */
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeBody } from '../../src/feeds/decode-body.js';
import { fetchFeed } from '../../src/feeds/fetch-feed.js';
import { parseFeed } from '../../src/feeds/parse-feed.js';
import { localDeps, startFeedServer, type TestServer } from './feed-server.js';

const feed = (title: string, prolog = '<?xml version="1.0"?>') =>
  `${prolog}<rss version="2.0"><channel><title>Feed</title><item><title>${title}</title></item></channel></rss>`;

async function firstTitle(bytes: Uint8Array, contentType?: string): Promise<string | undefined> {
  const parsed = await parseFeed(decodeBody(bytes, contentType).text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value.items[0]?.title;
}

const encode = (text: string, charset: string, bom = false) =>
  new Uint8Array(iconv.encode(text, charset, { addBOM: bom }));

describe('byte-order marks and wide encodings', () => {
  const title = 'Überraschung in Zürich: 3 € pro Kaffee';
  it.each(['utf-8', 'utf-16le', 'utf-16be', 'utf-32le', 'utf-32be'])('%s with a BOM', async (charset) => {
    const bytes = encode(feed(title), charset, true);
    expect(decodeBody(bytes).charset).toBe(charset);
    expect(await firstTitle(bytes)).toBe(title);
  });

  it.each(['utf-16le', 'utf-16be', 'utf-32le', 'utf-32be'])(
    '%s without a BOM, seen from the zero bytes around "<"',
    async (charset) => {
      const bytes = encode(feed(title, `<?xml version="1.0" encoding="${charset}"?>`), charset);
      expect(decodeBody(bytes).charset).toBe(charset);
      expect(await firstTitle(bytes)).toBe(title);
    },
  );
});

describe('declared charsets', () => {
  const title = 'Café crème à la gare';
  const latin1 = encode(feed(title, '<?xml version="1.0" encoding="iso-8859-1"?>'), 'latin1');

  it('reads the charset from the Content-Type, quoted or not, before the prolog', async () => {
    expect(charsetFromContentType('application/rss+xml;charset= "us-ascii"')).toBe('us-ascii');
    expect(charsetFromContentType("text/xml; charset='ISO-8859-1'")).toBe('iso-8859-1');
    const prologSaysUtf8 = encode(feed(title, '<?xml version="1.0" encoding="utf-8"?>'), 'latin1');
    expect(await firstTitle(prologSaysUtf8, 'application/rss+xml; charset="iso-8859-1"')).toBe(title);
  });

  it('reads the XML prolog when the header names none', async () => {
    expect(await firstTitle(latin1, 'application/rss+xml')).toBe(title);
  });

  it('skips a declared charset the bytes do not fit (UTF-8 declared, latin-1 sent)', async () => {
    const bytes = encode(feed(title, '<?xml version="1.0" encoding="utf-8"?>'), 'latin1');
    expect(await firstTitle(bytes, 'text/xml; charset=utf-8')).toBe(title);
  });
});

describe('undeclared legacy charsets, guessed from the bytes', () => {
  // Sentences written for this test, long enough for a detector to have something to go on.
  const cases: [string, string][] = [
    ['Shift_JIS', '東京の図書館は来週から開館時間を延長します。市民の皆さんは夜九時まで本を借りることができます。'],
    ['EUC-JP', '東京の図書館は来週から開館時間を延長します。市民の皆さんは夜九時まで本を借りることができます。'],
    ['Big5', '台北市立圖書館下週起延長開放時間，市民可以借書到晚上九點。館方表示這是為了方便上班族。'],
    ['KOI8-R', 'Городская библиотека со следующей недели будет открыта до девяти часов вечера каждый день.'],
    ['windows-1251', 'Городская библиотека со следующей недели будет открыта до девяти часов вечера каждый день.'],
    [
      'ISO-8859-1',
      "La bibliothèque municipale prolonge ses horaires d'ouverture dès la semaine prochaine, à la demande des élèves.",
    ],
  ];
  it.each(cases)('%s', async (charset, sentence) => {
    const bytes = encode(feed(sentence, '<?xml version="1.0"?>'), charset);
    expect(await firstTitle(bytes)).toBe(sentence);
  });
});

describe('C1 control characters', () => {
  it('read as the windows-1252 characters they stand for, in UTF-8 text and in numeric references', async () => {
    const bytes = new TextEncoder().encode(feed('don\u0092t say \u0093never\u0094 &#150; or &#133;'));
    expect(await firstTitle(bytes)).toBe('don’t say “never” – or …');
  });
});

describe('gzip bytes without Content-Encoding', () => {
  let server: TestServer;
  const xml = feed('Compressed but not labelled');
  beforeAll(async () => {
    server = await startFeedServer();
    const send = (body: Uint8Array) => (_req: unknown, res: import('node:http').ServerResponse) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
    server.route('/gz', send(gzipSync(xml)));
    server.route('/gz-bomb', send(gzipSync(Buffer.alloc(4_000_000, 0x20))));
    server.route('/gz-cut', send(gzipSync(xml).subarray(0, 40)));
  });
  afterAll(() => server.close());

  it('are inflated and read', async () => {
    const result = await fetchFeed({ url: `${server.origin}/gz` }, localDeps());
    expect(result.ok && !result.value.notModified ? result.value.items.map((i) => i.title) : result).toEqual([
      'Compressed but not labelled',
    ]);
  });

  it('are held to the byte cap once inflated, and damaged gzip is named as such', async () => {
    const bomb = await fetchFeed(
      { url: `${server.origin}/gz-bomb` },
      { ...localDeps(), limits: { maxBytes: 100_000 } },
    );
    expect(bomb.ok ? 'ok' : bomb.error).toMatchObject({ code: 'too_large', details: { reason: 'gzip_too_large' } });
    const cut = await fetchFeed({ url: `${server.origin}/gz-cut` }, localDeps());
    expect(cut.ok ? 'ok' : cut.error).toMatchObject({ code: 'feed_invalid', details: { reason: 'gzip_damaged' } });
  });
});
