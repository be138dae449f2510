/**
 * Small text helpers shared by the RSS/Atom and JSON Feed readers: plain-text titles, absolute
 * links, ISO dates, and the title an item gets when its feed gives none.
 */
import { decodeHTMLStrict } from 'entities';
import { fixC1 } from './decode-body.js';

/** A string out of xml2js's shapes: a string, `{ _: text }`, or an array of either. */
export function text(value: unknown): string | undefined {
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === 'string') return value.trim() === '' ? undefined : fixC1(value.trim());
  if (typeof value === 'object' && value !== null && '_' in value) return text((value as { _: unknown })._);
  return undefined;
}

const PAIRED_TAG = /<([a-z][a-z0-9]*)\b[^<>]*>([\s\S]*?)<\/\1\s*>/gi;

/**
 * Titles are plain text, but feeds send HTML titles (Atom `type="html"`, xhtml turned into
 * HTML before parsing) and some escape HTML twice (`&amp;#x0024;4300 3bd 1930ft<sup>2</sup>`):
 * tags go, HTML entities (all of them, `&eacute;` too) are decoded, and numeric references to
 * C1 controls (`&#146;`) read as the windows-1252 characters they meant.
 */
export function plainText(value: string): string {
  const stripped = value.replace(/<[^>]*>/g, '');
  const decoded = stripped.includes('&') ? decodeHTMLStrict(stripped) : stripped;
  // Escaped twice: what decoding revealed is markup too when it comes in pairs (`<p>…</p>`);
  // a lone `<blink>` in "History of the <blink> tag" is the title's own text.
  const unwrapped = decoded.includes('<') ? decoded.replace(PAIRED_TAG, '$2').replace(/<br\s*\/?>/gi, ' ') : decoded;
  return fixC1(unwrapped).replace(/\s+/g, ' ').trim();
}

/** `link` resolved against `base`, or null when that gives no http(s)-style URL. */
export function absolute(link: string | undefined, base: string | null): string | null {
  if (!link) return null;
  try {
    return new URL(link.trim(), base ?? undefined).href;
  } catch {
    return null; // relative with no base, or garbage: better no link than a broken one
  }
}

/** The first candidate that parses as a date, as ISO 8601; null when none does. */
export function isoDate(...candidates: unknown[]): string | null {
  for (const candidate of candidates) {
    const raw = text(candidate);
    if (!raw) continue;
    const time = Date.parse(raw);
    if (Number.isFinite(time)) return new Date(time).toISOString();
  }
  return null;
}

const FALLBACK_TITLE_WORDS = 12;

/** The first words of the body, else the link, else "Untitled item". */
export function fallbackTitle(body: string | undefined, link: string | null): string {
  const words = body ? plainText(body).split(' ').filter(Boolean) : [];
  if (words.length > 0) {
    const head = words.slice(0, FALLBACK_TITLE_WORDS).join(' ');
    return words.length > FALLBACK_TITLE_WORDS ? `${head}…` : head;
  }
  return link ?? 'Untitled item';
}

/** A title as plain text, falling back to the body's first words when it is empty once cleaned. */
export function itemTitle(title: string | undefined, body: string | undefined, link: string | null): string {
  const plain = title ? plainText(title) : '';
  return plain || fallbackTitle(body, link);
}
