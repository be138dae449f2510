/**
 * A body decoded to text as it streams in, in the same order of charsets as `decodeBody`
 * (decode-body.ts): the first bytes give the BOM, the 16/32-bit layout and the XML prolog; the
 * HTTP charset comes with the headers. The first charset that applies decodes each chunk as it
 * arrives (a streaming decoder, so a character split between chunks is read whole) and hands the
 * text to a sink a slice at a time, letting the event loop turn between slices. The body is never
 * joined into one buffer or one string here: a sink that keeps only part of it (feed-cut.ts)
 * costs only that part.
 *
 * The raw chunks are kept until the end, because a declared charset the bytes turn out not to fit
 * (found at the first bad byte, maybe the last) is skipped, as in `decodeBody`: the next one
 * decodes the kept chunks again, into a fresh sink.
 */
import { performance } from 'node:perf_hooks';
import { TextDecoder } from 'node:util';
import iconv from 'iconv-lite';
import { DECLARATION_BYTES, declaredCharsets, fixC1, sniffed } from './decode-body.js';

/** Where decoded text goes, a piece at a time; `end` gives what the sink made of it. */
export interface TextSink<T> {
  write(text: string): void;
  end(): T;
}

/** What the sink made of the body, the charset used and the body's length in bytes. */
export interface StreamDecoded<T> {
  readonly value: T;
  readonly charset: string;
  readonly bytes: number;
}

/** The body as one string: the sink for pages and anything not cut. */
export class WholeText implements TextSink<string> {
  private readonly parts: string[] = [];
  write(text: string): void {
    this.parts.push(text);
  }
  end(): string {
    return this.parts.join('');
  }
}

interface ChunkDecoder {
  readonly charset: string;
  write(bytes: Uint8Array): string;
  end(): string;
}

/** Bytes decoded before the event loop may turn, and longest a stretch of decoding runs. */
const SLICE_BYTES = 256 * 1024;
const TURN_MS = 8;

/** A streaming decoder for `label` (throwing on bytes it cannot read when `fatal`), or null when none knows it. */
function decoderFor(label: string, fatal: boolean): ChunkDecoder | null {
  let text: TextDecoder | null;
  try {
    text = new TextDecoder(label, { fatal });
  } catch {
    text = null; // not a WHATWG label: iconv-lite knows more (UTF-32, some legacy sets)
  }
  if (text) {
    const d = text;
    return { charset: d.encoding, write: (b) => d.decode(b, { stream: true }), end: () => d.decode() };
  }
  if (!iconv.encodingExists(label)) return null;
  const d = iconv.getDecoder(label);
  return {
    charset: label,
    write: (b) => d.write(Buffer.from(b.buffer, b.byteOffset, b.byteLength)),
    end: () => d.end() ?? '',
  };
}

/** The first `n` bytes of the chunks, copied (the chunks themselves may be large). */
function firstBytes(chunks: readonly Uint8Array[], n: number): Uint8Array {
  const out = new Uint8Array(
    Math.min(
      n,
      chunks.reduce((sum, c) => sum + c.byteLength, 0),
    ),
  );
  let at = 0;
  for (const c of chunks) {
    if (at >= out.byteLength) break;
    const part = c.subarray(0, out.byteLength - at);
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** The chunks without their first `skip` bytes (a BOM). */
function* after(chunks: readonly Uint8Array[], skip: number): Generator<Uint8Array> {
  let left = skip;
  for (const c of chunks) {
    if (left >= c.byteLength) {
      left -= c.byteLength;
      continue;
    }
    yield left > 0 ? c.subarray(left) : c;
    left = 0;
  }
}

/** One charset tried: its decoder and sink, until a byte does not fit (`failed`). */
class Attempt<T> {
  failed = false;
  private skipLeft: number;
  private started = performance.now();
  constructor(
    private readonly decoder: ChunkDecoder,
    private readonly sink: TextSink<T>,
    skip: number,
  ) {
    this.skipLeft = skip;
  }

  async feed(chunk: Uint8Array): Promise<void> {
    let bytes = chunk;
    if (this.skipLeft > 0) {
      const dropped = Math.min(this.skipLeft, bytes.byteLength);
      bytes = bytes.subarray(dropped);
      this.skipLeft -= dropped;
    }
    for (let at = 0; at < bytes.byteLength && !this.failed; at += SLICE_BYTES) {
      try {
        // C1 controls are single UTF-16 units, so fixing them a piece at a time is exact.
        this.sink.write(fixC1(this.decoder.write(bytes.subarray(at, at + SLICE_BYTES))));
      } catch {
        this.failed = true;
      }
      if (performance.now() - this.started > TURN_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        this.started = performance.now();
      }
    }
  }

  /** What the sink made of the whole body, or null when the bytes did not fit the charset. */
  finish(): { value: T; charset: string } | null {
    if (this.failed) return null;
    try {
      this.sink.write(fixC1(this.decoder.end()));
    } catch {
      return null;
    }
    return { value: this.sink.end(), charset: this.decoder.charset };
  }
}

/** Decodes the kept chunks again with `label`; null when no decoder knows it or the bytes do not fit. */
async function replay<T>(
  chunks: readonly Uint8Array[],
  skip: number,
  label: string,
  fatal: boolean,
  sink: () => TextSink<T>,
): Promise<{ value: T; charset: string } | null> {
  const decoder = decoderFor(label, fatal);
  if (!decoder) return null;
  const attempt = new Attempt(decoder, sink(), skip);
  for (const chunk of chunks) {
    await attempt.feed(chunk);
    if (attempt.failed) return null;
  }
  return attempt.finish();
}

/**
 * Decodes `chunks` into `sink()` (a fresh sink for each charset tried). Never throws for the
 * bytes themselves; errors of the chunk source (a cap, a network failure) pass through.
 */
export async function decodeChunks<T>(
  chunks: AsyncIterable<Uint8Array>,
  contentType: string | null,
  sink: () => TextSink<T>,
): Promise<StreamDecoded<T>> {
  const kept: Uint8Array[] = [];
  let bytes = 0;
  const source = chunks[Symbol.asyncIterator]();
  const pull = async (): Promise<Uint8Array | null> => {
    const next = await source.next();
    if (next.done) return null;
    kept.push(next.value);
    bytes += next.value.byteLength;
    return next.value;
  };
  while (bytes < DECLARATION_BYTES && (await pull()) !== null);
  const { skip, labels } = declaredCharsets(firstBytes(kept, DECLARATION_BYTES), contentType);

  // The first charset that has a decoder reads the body as it arrives.
  const firstKnown = labels.findIndex((l) => decoderFor(l, true) !== null);
  const live = firstKnown >= 0 ? new Attempt(decoderFor(labels[firstKnown]!, true)!, sink(), skip) : null;
  for (const chunk of kept) if (live && !live.failed) await live.feed(chunk);
  for (let chunk = await pull(); chunk !== null; chunk = await pull()) {
    if (live && !live.failed) await live.feed(chunk);
  }
  const done = live?.finish() ?? null;
  if (done) return { ...done, bytes };

  for (const label of labels.slice(firstKnown + 1)) {
    const decoded = await replay(kept, skip, label, true, sink);
    if (decoded) return { ...decoded, bytes };
  }
  // Nothing declared fits and the bytes are not UTF-8: a legacy charset nobody named.
  const guess = sniffed(after(kept, skip));
  for (const label of guess ? [guess, 'windows-1252'] : ['windows-1252']) {
    const decoded = await replay(kept, skip, label, true, sink);
    if (decoded) return { ...decoded, bytes };
  }
  const lenient = (await replay(kept, skip, 'utf-8', false, sink))!;
  return { ...lenient, bytes };
}
