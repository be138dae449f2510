/**
 * Characters from feeds and articles that must never reach a renderer as they are.
 *
 * - Terminal control: ESC sequences (CSI colours and cursor moves, OSC 0/2 window titles,
 *   OSC 52 clipboard writes, OSC 8 hyperlinks, DCS), the other C0 controls, DEL and the C1
 *   controls (U+0080–U+009F, of which U+009B and U+009D start sequences on some terminals).
 *   Only line feed and tab are kept; CR LF becomes LF and a lone CR (which lets a line
 *   overwrite itself) becomes LF. (issue 11, Medium 8)
 * - Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder what a
 *   reader sees, so `evil.example/moc.knab` can show as a bank's name. (issue 11, Low RTL)
 *
 * Every renderer runs its Reply through `safeReply` first: that is the one place for these
 * characters. Each platform then escapes its own markup (Discord Markdown and masked links,
 * Slack mrkdwn) in its escape module.
 */
import type { Reply } from './types.js';

// Whole sequences, so their parameters (an OSC 52 payload, a title) do not show as text.
const ESC_SEQUENCES =
  // eslint-disable-next-line no-control-regex
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[PX^_][^\u001b]*(?:\u001b\\)?|\u001b[ -/]*[0-~]?/gu;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/gu;

/** Removes bidirectional override and isolate characters. */
export function stripBidi(text: string): string {
  return text.replace(BIDI, '');
}

/** Removes terminal escape sequences and control characters except line feed and tab. */
export function stripControls(text: string): string {
  return text.replace(/\r\n?/gu, '\n').replace(ESC_SEQUENCES, '').replace(CONTROLS, '');
}

/**
 * Any character the passes below would touch: every escape sequence starts with ESC (U+001B),
 * inside the control range. Nearly every string of every reply has none, so it is read once,
 * not four times.
 */
// eslint-disable-next-line no-control-regex
const ANY_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** Text that is safe to show anywhere: no controls, no escape sequences, no bidi overrides. */
export function safeText(text: string): string {
  return ANY_UNSAFE.test(text) ? stripBidi(stripControls(text)) : text;
}

/**
 * `value` with every string made safe. Copy on write: an array or object none of whose strings
 * changes is returned as it is, so the usual reply (nothing to strip) allocates nothing here.
 * Replies are plain data (strings, numbers, booleans, arrays, plain objects), never mutated.
 */
function deepSafe<T>(value: T): T {
  if (typeof value === 'string') return safeText(value) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const s = deepSafe(v);
      if (s !== v) (out ??= value.slice())[i] = s;
    }
    return (out ?? value) as T;
  }
  if (value && typeof value === 'object') {
    let out: Record<string, unknown> | null = null;
    const obj = value as Record<string, unknown>;
    // for…in, not Object.keys: no array of keys per object (replies are plain object literals,
    // whose prototype has no enumerable keys).
    for (const k in obj) {
      const v = obj[k];
      const s = deepSafe(v);
      if (s !== v) (out ??= { ...obj })[k] = s;
    }
    return (out ?? value) as T;
  }
  return value;
}

/** The same reply with every string made safe (titles, blocks, citations, buttons, fields). */
export function safeReply(reply: Reply): Reply {
  return deepSafe(reply);
}
