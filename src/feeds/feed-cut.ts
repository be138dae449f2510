/**
 * A huge XML feed cut to its newest items before it is parsed (issue 11, Medium 7). rss-parser
 * builds the whole document in one synchronous call: 100,000 items held the event loop for
 * seconds. This scan only finds where each item (`<item>`, `<entry>`, prefixed or not) starts and
 * ends and reads its date; it yields to the event loop every few milliseconds and keeps at most
 * `max` items in memory. The parser then reads a document of the head, the kept items and the tail.
 *
 * "Newest" is what `newestItems` means in the poller: by date when every item has one, else the
 * feed's own order (feeds list newest first). Comments, CDATA, processing instructions and a
 * DOCTYPE are skipped, so markup inside them never counts as an item.
 */
import { performance } from 'node:perf_hooks';
import { isoDate } from './feed-text.js';

/** A document cut to at most `max` items, and how many it held. */
export interface FeedCut {
  readonly xml: string;
  readonly totalItems: number;
}

interface Span {
  readonly start: number;
  readonly end: number;
  readonly index: number;
  /** Milliseconds since the epoch, or NaN when the item has no readable date. */
  readonly time: number;
}

const ITEM_NAMES = new Set(['item', 'entry']);
/** The date elements rss-parser reads an item's date from (RSS, Dublin Core, Atom). */
const DATE_NAMES = new Set(['pubdate', 'date', 'published', 'updated', 'issued', 'modified']);
/** Longest the scan runs before letting the event loop turn. */
const TURN_MS = 8;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function dateOf(raw: string): number {
  const iso = isoDate(raw.replace(/<!\[CDATA\[|\]\]>/g, '').trim());
  return iso ? Date.parse(iso) : Number.NaN;
}

/** The `max` newest dated spans: a min-heap on time, so memory stays O(max) whatever the feed holds. */
class NewestSpans {
  readonly heap: Span[] = [];
  constructor(private readonly max: number) {}
  add(span: Span): void {
    const h = this.heap;
    if (h.length < this.max) {
      h.push(span);
      for (let i = h.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (h[parent]!.time <= h[i]!.time) break;
        [h[parent], h[i]] = [h[i]!, h[parent]!];
        i = parent;
      }
      return;
    }
    // Equal dates keep the earlier item, as a stable sort would.
    if (span.time <= h[0]!.time) return;
    h[0] = span;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let least = i;
      if (l < h.length && h[l]!.time < h[least]!.time) least = l;
      if (r < h.length && h[r]!.time < h[least]!.time) least = r;
      if (least === i) break;
      [h[least], h[i]] = [h[i]!, h[least]!];
      i = least;
    }
  }
}

/** Index of the `>` closing the tag opened at `lt`, skipping `>` inside quoted attribute values; -1 if none. */
function tagEnd(xml: string, lt: number): number {
  let quote = 0;
  for (let j = lt + 1; j < xml.length; j++) {
    const c = xml.charCodeAt(j);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return j;
  }
  return -1;
}

/** End (exclusive) of a `<!...>` declaration, with a DOCTYPE's internal subset in brackets. */
function declarationEnd(xml: string, lt: number): number {
  let brackets = 0;
  for (let j = lt + 2; j < xml.length; j++) {
    const c = xml[j];
    if (c === '[') brackets += 1;
    else if (c === ']') brackets -= 1;
    else if (c === '>' && brackets <= 0) return j + 1;
  }
  return -1;
}

/** End (exclusive) of `close` searched from `from`, or -1. */
function endOf(xml: string, close: string, from: number): number {
  const e = xml.indexOf(close, from);
  return e < 0 ? -1 : e + close.length;
}

/** Where a construct that cannot hold tags (comment, CDATA, processing instruction, declaration) opened at `lt` ends. */
function skipped(xml: string, lt: number): number {
  if (xml.startsWith('<!--', lt)) return endOf(xml, '-->', lt + 4);
  if (xml.startsWith('<![CDATA[', lt)) return endOf(xml, ']]>', lt + 9);
  if (xml.charCodeAt(lt + 1) === 63) return endOf(xml, '?>', lt + 2);
  return declarationEnd(xml, lt);
}

/** The tag's name without its prefix, lower-cased: `<dc:date x="1">` → `date`. */
function tagName(xml: string, lt: number, gt: number): string {
  let start = lt + 1;
  let end = start;
  for (; end < gt; end++) {
    const c = xml.charCodeAt(end);
    if (c === 58)
      start = end + 1; // ':'
    else if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) break;
  }
  return end - start > 9 ? '' : xml.slice(start, end).toLowerCase();
}

/**
 * The document with only its `max` newest items, or the document itself when it holds no more.
 * Markup the scan cannot follow (a tag never closed) ends the scan: the items found so far count.
 */
export async function cutToNewest(xml: string, max: number): Promise<FeedCut> {
  const newest = new NewestSpans(max);
  const first: Span[] = [];
  let total = 0;
  let allDated = true;
  let firstStart = -1;
  let lastEnd = -1;
  let depth = 0;
  let item: { start: number; depth: number; time: number } | null = null;
  let dateOpen = -1;
  let turnStarted = performance.now();
  let steps = 0;
  for (let i = 0; ;) {
    if (++steps % 256 === 0 && performance.now() - turnStarted > TURN_MS) {
      await nextTurn();
      turnStarted = performance.now();
    }
    const lt = xml.indexOf('<', i);
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 33 || next === 63) {
      // '<!' or '<?'
      const skip = skipped(xml, lt);
      if (skip < 0) break;
      i = skip;
      continue;
    }
    const gt = tagEnd(xml, lt);
    if (gt < 0) break;
    i = gt + 1;
    if (next === 47) {
      if (item && dateOpen >= 0 && depth === item.depth + 1) {
        if (Number.isNaN(item.time)) item.time = dateOf(xml.slice(dateOpen, lt));
        dateOpen = -1;
      }
      if (item && depth === item.depth) {
        const span: Span = { start: item.start, end: gt + 1, index: total, time: item.time };
        total += 1;
        if (firstStart < 0) firstStart = span.start;
        lastEnd = span.end;
        if (first.length < max) first.push(span);
        if (Number.isNaN(span.time)) allDated = false;
        else if (allDated) newest.add(span);
        item = null;
      }
      depth -= 1;
      continue;
    }
    if (xml.charCodeAt(gt - 1) === 47) continue; // self-closing
    depth += 1;
    const name = tagName(xml, lt, gt);
    if (!item && ITEM_NAMES.has(name)) item = { start: lt, depth, time: Number.NaN };
    else if (item && depth === item.depth + 1 && DATE_NAMES.has(name) && Number.isNaN(item.time)) dateOpen = gt + 1;
  }
  if (total <= max) return { xml, totalItems: total };
  const kept = (allDated ? [...newest.heap] : first).sort((a, b) => a.index - b.index);
  const parts = [xml.slice(0, firstStart), ...kept.map((s) => xml.slice(s.start, s.end)), xml.slice(lastEnd)];
  return { xml: parts.join('\n'), totalItems: total };
}
