/**
 * Reading a feed as it streams in (decoded and cut chunk by chunk, safe-fetch.ts) must give what
 * reading the same bytes whole gives (gunzip, `decodeBody`, then `parseFeed`), for every odd and
 * real fixture feed: the same items, title and count, or the same refusal. Each file is served in
 * writes of 61 bytes, so chunk edges fall inside tags, entities, multibyte characters and gzip
 * blocks, and read with a cap of 1 item (cut wherever a feed holds more) and with none.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/feeds/decode-body.js';
import { fetchFeed } from '../../src/feeds/fetch-feed.js';
import { gunzipIfCompressed } from '../../src/feeds/gunzip-body.js';
import { parseFeed } from '../../src/feeds/parse-feed.js';
import { FIXTURE_DIR, localDeps, startFeedServer, type TestServer } from './feed-server.js';

const ODD_DIR = join(import.meta.dirname, '..', 'fixtures', 'feeds-odd');
const files = (dir: string) =>
  readdirSync(dir)
    .filter((f) => !f.startsWith('LICENSE') && !f.endsWith('.md'))
    .map((f) => join(dir, f));
const FILES = [...files(ODD_DIR), ...files(FIXTURE_DIR)];

type Outcome = { items: unknown; title: unknown; totalItems: number } | { code: string; reason: unknown };

async function readWhole(bytes: Uint8Array, url: string, maxItems?: number): Promise<Outcome> {
  const inflated = gunzipIfCompressed(bytes, 5_000_000, url);
  if (!inflated.ok) return { code: inflated.error.code, reason: inflated.error.details?.reason };
  const opts = { baseUrl: url, ...(maxItems !== undefined ? { maxItems } : {}) };
  const parsed = await parseFeed(decodeBody(inflated.value, null).text, opts);
  if (!parsed.ok) return { code: parsed.error.code, reason: parsed.error.details?.reason };
  const { items, title } = parsed.value;
  return { items, title, totalItems: parsed.value.totalItems ?? items.length };
}

async function readStreamed(url: string, maxItems?: number): Promise<Outcome> {
  const result = await fetchFeed({ url, ...(maxItems !== undefined ? { maxItems } : {}) }, localDeps());
  if (!result.ok) return { code: result.error.code, reason: result.error.details?.reason };
  if (result.value.notModified) throw new Error('304 to a plain request');
  const { items, title, totalItems } = result.value;
  return { items, title, totalItems };
}

describe('a feed read as it streams in reads as the same bytes read whole', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startFeedServer();
    FILES.forEach((file, n) => {
      const bytes = readFileSync(file);
      server.route(`/s/${n}`, (_req, res) => {
        // No Content-Type charset, as the whole read is given none.
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        let at = 0;
        const next = () => {
          if (at >= bytes.byteLength) return void res.end();
          res.write(bytes.subarray(at, (at += 61)));
          setImmediate(next);
        };
        next();
      });
    });
  });
  afterAll(() => server.close());

  it.each(FILES.map((file, n) => [file.split('/').pop()!, n] as const))('%s', async (_name, n) => {
    const url = `${server.origin}/s/${n}`;
    const bytes = new Uint8Array(readFileSync(FILES[n]!));
    for (const maxItems of [1, undefined]) {
      expect(await readStreamed(url, maxItems), `maxItems ${maxItems}`).toEqual(await readWhole(bytes, url, maxItems));
    }
  });
});
