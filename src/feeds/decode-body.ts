/**
 * Turns fetched bytes into text with the right character set. Feeds still ship as ISO-8859-1
 * and friends, and decoding them as UTF-8 turns every accented letter into U+FFFD.
 */

import { TextDecoder } from 'node:util';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** The `charset` parameter of a Content-Type header, if any. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = contentType?.match(/;\s*charset\s*=\s*"?([^";\s]+)"?/i);
  return match?.[1]?.toLowerCase() ?? null;
}

/** The `encoding` of an XML prolog (`<?xml version="1.0" encoding="ISO-8859-1"?>`), if any. */
export function charsetFromXmlProlog(bytes: Uint8Array): string | null {
  // The prolog is ASCII in every encoding we decode (UTF-16 is caught by its BOM first);
  // feeds sometimes put a blank line before it, so look a little further than byte 0.
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
  const match = head.match(/^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/);
  return match?.[1]?.toLowerCase() ?? null;
}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2]) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null; // an unknown label; the caller falls back
  }
}

/**
 * Windows-1252 for bytes 0x80–0x9F (undefined bytes map to themselves). WHATWG decodes
 * "iso-8859-1" and "latin1" as windows-1252, but Node 20's TextDecoder fast path yields C1
 * control characters there instead of curly quotes, dashes and the euro sign.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function fixCp1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** The text and the charset actually used, so callers can log a surprising choice. */
export interface DecodedBody {
  readonly text: string;
  readonly charset: string;
}

/**
 * Decodes a body: a byte-order mark wins (as browsers do), then the Content-Type charset, then
 * the XML prolog, then UTF-8. Unknown labels fall through to the next source. The BOM itself
 * is dropped so parsers see `<` first.
 */
export function decodeBody(bytes: Uint8Array, contentType?: string | null): DecodedBody {
  const candidates = [bomCharset(bytes), charsetFromContentType(contentType), charsetFromXmlProlog(bytes), 'utf-8'];
  for (const label of candidates) {
    if (label === null) continue;
    const decoder = decoderFor(label);
    if (!decoder) continue;
    const text = decoder.decode(bytes);
    return { text: decoder.encoding === 'windows-1252' ? fixCp1252(text) : text, charset: decoder.encoding };
  }
  return { text: new TextDecoder().decode(bytes), charset: 'utf-8' };
}
