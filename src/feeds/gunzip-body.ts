/**
 * Some servers (and some feed files on disk) hold gzip bytes but send no
 * `Content-Encoding: gzip`, so fetch hands them over compressed. Readers recognise the gzip
 * magic number and inflate; Herald does too, under the same byte cap as any body, so a small
 * compressed bomb cannot inflate past it.
 */
import { gunzipSync } from 'node:zlib';
import { err, failure, ok, type Result } from '../core/result.js';

/** Whether the bytes start with the gzip magic number (1f 8b) and the deflate method (08). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08;
}

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
    if (code === 'ERR_BUFFER_TOO_LARGE' || cause instanceof RangeError) {
      return err(
        failure(
          'too_large',
          `${source} is gzip-compressed and inflates past the ${Math.round(maxBytes / 1024)} KiB limit.`,
          {
            hint: 'Ask an admin to raise the fetch byte cap if this feed is legitimate.',
            details: { url: source, maxBytes, reason: 'gzip_too_large' },
          },
        ),
      );
    }
    return err(
      failure(
        'feed_invalid',
        `${source} holds gzip-compressed data that is damaged or cut short, so it cannot be read.`,
        {
          hint: 'Ask the site to fix the file, or to serve it uncompressed.',
          details: { url: source, reason: 'gzip_damaged', zlib: code },
        },
      ),
    );
  }
}
