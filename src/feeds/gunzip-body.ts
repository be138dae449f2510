/**
 * Some servers (and some feed files on disk) hold gzip bytes but send no
 * `Content-Encoding: gzip`, so fetch hands them over compressed. Readers recognise the gzip
 * magic number and inflate; Herald does too, under the same byte cap as any body, so a small
 * compressed bomb cannot inflate past it.
 */
import { Readable, pipeline } from 'node:stream';
import { createGunzip, gunzipSync } from 'node:zlib';
import { err, failure, FailureError, ok, type Failure, type Result } from '../core/result.js';

/** Whether the bytes start with the gzip magic number (1f 8b) and the deflate method (08). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08;
}

const tooLargeInflated = (source: string, maxBytes: number): Failure =>
  failure('too_large', `${source} is gzip-compressed and inflates past the ${Math.round(maxBytes / 1024)} KiB limit.`, {
    hint: 'Ask an admin to raise the fetch byte cap if this feed is legitimate.',
    details: { url: source, maxBytes, reason: 'gzip_too_large' },
  });

const damaged = (source: string, zlib: string | undefined): Failure =>
  failure('feed_invalid', `${source} holds gzip-compressed data that is damaged or cut short, so it cannot be read.`, {
    hint: 'Ask the site to fix the file, or to serve it uncompressed.',
    details: { url: source, reason: 'gzip_damaged', zlib },
  });

/**
 * The bytes themselves, or inflated when they are gzip. Failures: `too_large` past `maxBytes`
 * once inflated, `feed_invalid` when the gzip data is damaged.
 */
export function gunzipIfCompressed(bytes: Uint8Array, maxBytes: number, source: string): Result<Uint8Array> {
  if (!isGzip(bytes)) return ok(bytes);
  try {
    // maxOutputLength stops inflating at the cap instead of allocating the whole result first.
    const inflated = gunzipSync(bytes, { maxOutputLength: maxBytes });
    return ok(new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.byteLength));
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || cause instanceof RangeError) return err(tooLargeInflated(source, maxBytes));
    return err(damaged(source, code));
  }
}

/** The first chunks, joined, until they hold at least `n` bytes (or the body ends). */
async function peek(source: AsyncIterator<Uint8Array>, n: number): Promise<{ head: Uint8Array; ended: boolean }> {
  const parts: Uint8Array[] = [];
  let length = 0;
  while (length < n) {
    const next = await source.next();
    if (next.done) return { head: Buffer.concat(parts), ended: true };
    parts.push(next.value);
    length += next.value.byteLength;
  }
  return { head: parts.length === 1 ? parts[0]! : Buffer.concat(parts), ended: false };
}

/** Errors of zlib itself (damaged data), as opposed to errors of the chunks fed to it. */
const isZlibError = (cause: unknown): boolean =>
  typeof (cause as { code?: unknown })?.code === 'string' && (cause as { code: string }).code.startsWith('Z_');

/**
 * `gunzipIfCompressed` as the body streams in: the chunks themselves, or inflated as they come
 * when the first bytes are gzip, never more than `maxBytes` of them. Throws a `FailureError`
 * with the same failures (`too_large` reason gzip_too_large, `feed_invalid` reason gzip_damaged).
 */
export async function* inflateIfGzip(
  chunks: AsyncIterable<Uint8Array>,
  maxBytes: number,
  source: string,
): AsyncGenerator<Uint8Array, void, undefined> {
  const it = chunks[Symbol.asyncIterator]();
  const { head, ended } = await peek(it, 3);
  const rest = async function* () {
    if (head.byteLength > 0) yield head;
    if (ended) return;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
  };
  try {
    if (!isGzip(head)) {
      yield* rest();
      return;
    }
    const gunzip = createGunzip();
    pipeline(Readable.from(rest()), gunzip, () => undefined);
    let total = 0;
    try {
      for await (const piece of gunzip as AsyncIterable<Buffer>) {
        total += piece.byteLength;
        if (total > maxBytes) throw new FailureError(tooLargeInflated(source, maxBytes));
        yield new Uint8Array(piece.buffer, piece.byteOffset, piece.byteLength);
      }
    } catch (cause) {
      if (!isZlibError(cause)) throw cause;
      throw new FailureError(damaged(source, (cause as { code: string }).code));
    }
  } finally {
    // Stopped early: the body's own reader lets go of the response (not awaited: a read may be pending).
    it.return?.(undefined)?.catch(() => undefined);
  }
}
