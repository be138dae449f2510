/**
 * A body decoded chunk by chunk as it arrives, cut to its newest items on the way (issue 11,
 * Medium 7): a character split between two chunks is read whole, the charset is chosen as
 * `decodeBody` chooses it (BOM, HTTP charset, prolog, UTF-8, a guess), a declared charset the
 * bytes stop fitting late in the body is still skipped, and a feed served in small writes, gzip
 * or not, comes out cut to the same items as when read whole.
 */
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/feeds/decode-body.js';
import { decodeChunks, WholeText } from '../../src/feeds/decode-stream.js';
import { fetchFeed } from '../../src/feeds/fetch-feed.js';
import { localDeps, startFeedServer, type TestServer } from './feed-server.js';

async function* inChunks(bytes: Uint8Array, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (const c of [...cuts, bytes.byteLength]) {
    yield bytes.subarray(at, c);
    at = c;
  }
}

const decodeSplit = (bytes: Uint8Array, cuts: readonly number[], contentType: string | null = null) =>
  decodeChunks(inChunks(bytes, cuts), contentType, () => new WholeText());

const feed = (title: string, prolog = '<?xml version="1.0"?>') =>
  `${prolog}<rss version="2.0"><channel><title>Quayside</title><item><title>${title}</title></item></channel></rss>`;

describe('decoding a body chunk by chunk', () => {
  it('reads a character split between chunks whole, at every byte boundary (UTF-8, UTF-16 with BOM)', async () => {
    const title = 'Café “Möwe” serves 5 € tea 🐟 at the pier';
    for (const charset of ['utf-8', 'utf-16le']) {
      const bytes = new Uint8Array(iconv.encode(feed(title), charset, { addBOM: charset !== 'utf-8' }));
      const whole = decodeBody(bytes);
      for (let cut = 1; cut < bytes.byteLength; cut++) {
        const split = await decodeSplit(bytes, [cut]);
        expect(split.value, `${charset} split at byte ${cut}`).toBe(whole.text);
        expect(split.charset).toBe(whole.charset);
      }
    }
  });

  it('skips a declared UTF-8 the bytes stop fitting ~1 MB into the body, for the prolog charset after it', async () => {
    const filler = 'The tide came in slowly over the old stone steps. '.repeat(20_000);
    const phrase = 'Паром отходит в девять часов';
    const text = feed(`${filler}${phrase}`, '<?xml version="1.0" encoding="koi8-r"?>');
    const bytes = new Uint8Array(iconv.encode(text, 'koi8-r'));
    const header = 'application/rss+xml; charset=utf-8';
    const cuts = Array.from({ length: 60 }, (_, i) => (i + 1) * 17_000);
    const split = await decodeSplit(bytes, cuts, header);
    expect(split.charset).toBe(decodeBody(bytes, header).charset);
    expect(split.charset).toBe('koi8-r');
    expect(split.value).toBe(text);
    expect(split.bytes).toBe(bytes.byteLength);
  });

  it('reads an iconv-only charset (UTF-32) and a prolog charset split over tiny chunks', async () => {
    const title = 'Überfahrt nach Föhr';
    const utf32 = new Uint8Array(iconv.encode(feed(title), 'utf-32le', { addBOM: true }));
    expect((await decodeSplit(utf32, [1, 2, 3, 5, 9, 40])).value).toBe(decodeBody(utf32).text);
    const latin1 = new Uint8Array(iconv.encode(feed(title, '<?xml version="1.0" encoding="iso-8859-1"?>'), 'latin1'));
    const cuts = Array.from({ length: latin1.byteLength - 1 }, (_, i) => i + 1);
    expect((await decodeSplit(latin1, cuts)).value).toContain(title);
  });
});

describe('a feed cut while it streams from a server', () => {
  let server: TestServer;
  const items = 3_000;
  // Oldest first, so the newest are the last ones sent.
  const xml =
    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Ferry log</title>' +
    Array.from(
      { length: items },
      (_, i) =>
        `<item><title>Crossing №${i} — calm</title><guid>x${i}</guid><pubDate>${new Date(Date.UTC(2026, 0, 1, 0, i)).toUTCString()}</pubDate></item>`,
    ).join('') +
    '</channel></rss>';
  const bytes = Buffer.from(xml);

  beforeAll(async () => {
    server = await startFeedServer();
    // Small writes of odd sizes, so chunk edges fall inside tags, dates and multibyte characters.
    const dribble = (body: Buffer) => (_req: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const step = 997;
      let at = 0;
      const next = () => {
        if (at >= body.byteLength) return void res.end();
        res.write(body.subarray(at, (at += step)));
        setImmediate(next);
      };
      next();
    };
    server.route('/plain', dribble(bytes));
    server.route('/gz', dribble(gzipSync(bytes)));
  });
  afterAll(() => server.close());

  it.each(['/plain', '/gz'])('%s: the 5 newest of 3,000 items, and the count it held', async (path) => {
    const result = await fetchFeed({ url: `${server.origin}${path}`, maxItems: 5 }, localDeps());
    if (!result.ok || result.value.notModified) throw new Error(JSON.stringify(result));
    expect(result.value.items.map((i) => i.guid)).toEqual(['x2995', 'x2996', 'x2997', 'x2998', 'x2999']);
    expect(result.value.items[0]?.title).toBe('Crossing №2995 — calm');
    expect(result.value.totalItems).toBe(items);
  });

  it('still holds the byte cap on a cut feed, and on its inflated gzip', async () => {
    const limits = { maxBytes: 50_000 };
    expect(gzipSync(bytes).byteLength).toBeLessThan(limits.maxBytes);
    for (const [path, reason] of [
      ['/plain', undefined],
      ['/gz', 'gzip_too_large'],
    ] as const) {
      const result = await fetchFeed({ url: `${server.origin}${path}`, maxItems: 5 }, { ...localDeps(), limits });
      expect(result.ok ? 'ok' : [result.error.code, result.error.details?.reason]).toEqual(['too_large', reason]);
    }
  });
});
