/**
 * Turns fetched bytes into text with the right character set. Feeds still ship as ISO-8859-1,
 * Shift_JIS, UTF-16 without a byte-order mark and friends, and decoding them as UTF-8 turns
 * every accented letter into U+FFFD. The order follows feedparser (the reference liberal
 * reader): a byte-order mark, then a 16/32-bit layout seen in the first bytes (XML 1.0
 * appendix F), then the HTTP charset, then the XML prolog, then UTF-8, then a guess from the
 * bytes (chardet), then windows-1252. A declared charset the bytes do not fit is skipped.
 */

import { TextDecoder } from 'node:util';
import chardet from 'chardet';
import iconv from 'iconv-lite';

/** The `charset` parameter of a Content-Type header, if any (`charset=utf-8`, `charset= "us-ascii"`). */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = contentType?.match(/;\s*charset\s*=\s*["']?([^"';\s]+)["']?/i);
  return match?.[1]?.toLowerCase() ?? null;
}

/** The `encoding` of an XML prolog (`<?xml version="1.0" encoding="ISO-8859-1"?>`), if any. */
export function charsetFromXmlProlog(bytes: Uint8Array): string | null {
  // The prolog is ASCII in every encoding this reaches (wide encodings are caught first);
  // feeds sometimes put a blank line before it, so look a little further than byte 0.
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
  const match = head.match(/^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/);
  return match?.[1]?.toLowerCase() ?? null;
}

/** A byte-order mark's encoding and length. UTF-32LE is checked before UTF-16LE: its BOM starts the same. */
function bom(bytes: Uint8Array): { label: string; length: number } | null {
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { label: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { label: 'utf-32le', length: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { label: 'utf-32be', length: 4 };
  if (a === 0xff && b === 0xfe) return { label: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { label: 'utf-16be', length: 2 };
  return null;
}

/**
 * UTF-16 or UTF-32 without a BOM, recognised by where the zero bytes sit around the first `<`
 * (XML 1.0 appendix F). Nothing else puts NUL bytes there.
 */
function wideLayout(bytes: Uint8Array): string | null {
  const [a, b, c, d] = bytes;
  if (a === 0 && b === 0 && c === 0 && d === 0x3c) return 'utf-32be';
  if (a === 0x3c && b === 0 && c === 0 && d === 0) return 'utf-32le';
  if (a === 0 && b === 0x3c && c === 0 && d !== undefined && d !== 0) return 'utf-16be';
  if (a === 0x3c && b === 0 && c !== undefined && c !== 0 && d === 0) return 'utf-16le';
  return null;
}

/**
 * Windows-1252 for characters U+0080–U+009F (undefined bytes map to themselves). Those C1
 * controls never mean anything in a feed: they are windows-1252 bytes that went through a
 * latin-1 or UTF-8 encoder ("don\u0092t"), and feedparser maps them the same way. Node 20's
 * TextDecoder fast path also yields them for "iso-8859-1" instead of curly quotes.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const C1 = /[\u0080-\u009f]/g;

/** Maps C1 control characters to the windows-1252 characters they stand for. */
export function fixC1(text: string): string {
  C1.lastIndex = 0;
  if (!C1.test(text)) return text;
  return text.replace(C1, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** The decoded text, or null when `label` is unknown or the bytes are not valid in it. */
function tryDecode(bytes: Uint8Array, label: string): { text: string; charset: string } | null {
  let decoder: TextDecoder | null = null;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    decoder = null; // not a WHATWG label: iconv-lite knows more (UTF-32, some legacy sets)
  }
  if (decoder) {
    try {
      return { text: decoder.decode(bytes), charset: decoder.encoding };
    } catch {
      return null; // a declared charset the bytes do not fit: try the next source
    }
  }
  if (!iconv.encodingExists(label)) return null;
  return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), label), charset: label };
}

/**
 * The bytes outside `<...>`, up to 64 KiB: markup is ASCII and drowns the few words a detector
 * has to go on (a Russian title in a KOI8-R feed reads as Italian Latin-1 with its tags around
 * it). Trail bytes of Shift_JIS, Big5 and GBK never take the values of `<` or `>`.
 */
function textBytes(chunks: Iterable<Uint8Array>): Uint8Array {
  const out = new Uint8Array(65_536);
  let n = 0;
  let inTag = false;
  for (const bytes of chunks) {
    for (let i = 0; i < bytes.byteLength && n < out.byteLength; i++) {
      const b = bytes[i]!;
      if (b === 0x3c) inTag = true;
      else if (b === 0x3e) inTag = false;
      else if (!inTag) out[n++] = b;
    }
    if (n >= out.byteLength) break;
  }
  return out.subarray(0, n);
}

/** chardet's guess from the text between the tags (of the body, in its chunks), lower-cased, or null. */
export function sniffed(chunks: Iterable<Uint8Array>): string | null {
  const guess = chardet.detect(textBytes(chunks));
  return guess ? guess.toLowerCase() : null;
}

/** The text and the charset actually used, so callers can log a surprising choice. */
export interface DecodedBody {
  readonly text: string;
  readonly charset: string;
}

/** The bytes a charset is chosen from: a BOM and the XML prolog sit in the first ones. */
export const DECLARATION_BYTES = 516;

/**
 * How many bytes of BOM to drop, and the charsets declared for the body, in the order they are
 * tried. Only the first `DECLARATION_BYTES` are read.
 */
export function declaredCharsets(bytes: Uint8Array, contentType?: string | null): { skip: number; labels: string[] } {
  const mark = bom(bytes);
  const body = mark ? bytes.subarray(mark.length) : bytes;
  const labels = [
    mark?.label ?? null,
    mark ? null : wideLayout(bytes),
    charsetFromContentType(contentType),
    charsetFromXmlProlog(body),
    'utf-8',
  ].filter((l): l is string => l !== null);
  return { skip: mark?.length ?? 0, labels };
}

/** Nothing declared fits and the bytes are not UTF-8: a legacy charset nobody named. */
function undeclared(body: Uint8Array): DecodedBody {
  const guess = sniffed([body]);
  const decoded = (guess ? tryDecode(body, guess) : null) ?? tryDecode(body, 'windows-1252');
  if (decoded) return { text: fixC1(decoded.text), charset: decoded.charset };
  return { text: new TextDecoder().decode(body), charset: 'utf-8' };
}

/**
 * Decodes a body, trying the sources in the order above; the first that decodes the bytes
 * without error wins. The BOM itself is dropped so parsers see `<` first. Never throws.
 */
export function decodeBody(bytes: Uint8Array, contentType?: string | null): DecodedBody {
  const { skip, labels } = declaredCharsets(bytes, contentType);
  const body = bytes.subarray(skip);
  for (const label of labels) {
    const decoded = tryDecode(body, label);
    if (decoded) return { text: fixC1(decoded.text), charset: decoded.charset };
  }
  return undeclared(body);
}
