/**
 * A huge XML feed cut to its newest items as it streams in (issue 11, Medium 7). rss-parser
 * builds the whole document in one synchronous call: 100,000 items held the event loop for
 * seconds. `FeedCutter` takes the text a piece at a time (safe-fetch.ts hands it each decoded
 * slice of the body), finds where each item (`<item>`, `<entry>`, prefixed or not) starts and
 * ends with markup-scan.ts, reads its date, and keeps only the head (up to the first item), the
 * `max` newest items and the text after the last one: memory and the final join grow with what
 * is kept, not with the feed. The parser then reads a document of the head, the kept items and
 * the tail. A feed of at most `max` items comes out exactly as it came in.
 *
 * "Newest" is what `newestItems` means in the poller: by date when every item has one, else the
 * feed's own order (feeds list newest first). Comments, CDATA, processing instructions and a
 * DOCTYPE are skipped, so markup inside them never counts as an item. A document that is not an
 * RSS, Atom or RDF feed (JSON, HTML, CDF) passes through whole.
 */
import { performance } from 'node:perf_hooks';
import { isoDate } from './feed-text.js';
import { MarkupScanner, type TagHandler } from './markup-scan.js';
import { TextRecord } from './text-record.js';

/** A document cut to at most `max` items, and how many it held. */
export interface FeedCut {
  readonly xml: string;
  readonly totalItems: number;
}

interface Span {
  readonly index: number;
  /** Milliseconds since the epoch, or NaN when the item has no readable date. */
  readonly time: number;
  readonly text: string;
}

const ITEM_NAMES = new Set(['item', 'entry']);
/** The date elements rss-parser reads an item's date from (RSS, Dublin Core, Atom). */
const DATE_NAMES = new Set(['pubdate', 'date', 'published', 'updated', 'issued', 'modified']);
/** Roots of the documents cut (as parse-feed.ts reads them); any other passes through. */
const FEED_ROOTS = new Set(['rss', 'feed', 'rdf']);
/** Characters handed to the cutter at once by `cutToNewest`, and longest it runs before the loop may turn. */
const PIECE = 65_536;
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
  /** Whether an item of this date would be kept. Equal dates keep the earlier item, as a stable sort would. */
  wants(time: number): boolean {
    return this.max > 0 && (this.heap.length < this.max || time > this.heap[0]!.time);
  }
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

/**
 * Cuts a feed to its `max` newest items as its text arrives: `write` each piece in order, then
 * `end`. Markup the scan cannot follow (a tag never closed) ends the scan: the items found so far
 * count, and the rest is kept as the tail.
 */
export class FeedCutter implements TagHandler {
  private readonly record = new TextRecord();
  private readonly scanner = new MarkupScanner(this);
  /** `probe` until the first character that is not a space says whether this is markup at all. */
  private mode: 'probe' | 'scan' | 'pass' = 'probe';
  private newest: NewestSpans | null;
  private readonly first: Span[] = [];
  private head = '';
  private cutting = false;
  private total = 0;
  private firstStart = -1;
  private lastEnd = -1;
  private depth = 0;
  private item: { start: number; depth: number; time: number } | null = null;
  private dateOpen = -1;

  constructor(private readonly max: number) {
    this.newest = new NewestSpans(max);
  }

  write(piece: string): void {
    this.record.append(piece);
    if (this.mode === 'probe') {
      const at = piece.search(/\S/);
      if (at >= 0) this.mode = piece[at] === '<' ? 'scan' : 'pass';
    }
    if (this.mode !== 'pass') this.scanner.write(piece);
  }

  /** The document with only its `max` newest items, or the document itself when it holds no more. */
  end(): FeedCut {
    if (this.mode !== 'pass') this.scanner.end();
    const end = this.record.end;
    if (!this.cutting) return { xml: this.record.slice(0, end), totalItems: this.total };
    const kept = (this.newest ? [...this.newest.heap] : this.first).sort((a, b) => a.index - b.index);
    const parts = [this.head, ...kept.map((s) => s.text), this.record.slice(this.lastEnd, end)];
    return { xml: parts.join('\n'), totalItems: this.total };
  }

  open(name: string, lt: number, gt: number): void {
    if (this.mode === 'pass') return;
    this.depth += 1;
    if (this.depth === 1 && this.total === 0 && !FEED_ROOTS.has(name)) {
      this.mode = 'pass';
      return;
    }
    const item = this.item;
    if (!item && ITEM_NAMES.has(name)) this.item = { start: lt, depth: this.depth, time: Number.NaN };
    else if (item && this.depth === item.depth + 1 && DATE_NAMES.has(name) && Number.isNaN(item.time))
      this.dateOpen = gt + 1;
  }

  close(lt: number, gt: number): void {
    if (this.mode === 'pass') return;
    const item = this.item;
    if (item && this.dateOpen >= 0 && this.depth === item.depth + 1) {
      if (Number.isNaN(item.time)) item.time = dateOf(this.record.slice(this.dateOpen, lt));
      this.dateOpen = -1;
    }
    if (item && this.depth === item.depth) {
      this.item = null;
      this.finishItem(item.start, gt + 1, item.time);
    }
    this.depth -= 1;
  }

  private finishItem(start: number, end: number, time: number): void {
    const index = this.total;
    this.total += 1;
    if (this.firstStart < 0) this.firstStart = start;
    this.lastEnd = end;
    if (Number.isNaN(time)) this.newest = null;
    const inFirst = this.first.length < this.max;
    const inNewest = this.newest?.wants(time) ?? false;
    if (inFirst || inNewest) {
      const span: Span = { index, time, text: this.record.slice(start, end) };
      if (inFirst) this.first.push(span);
      if (inNewest) this.newest!.add(span);
    }
    if (this.total > this.max) {
      // From here on the document is cut: keep the head once, and let go of all before this item's end.
      if (!this.cutting) this.head = this.record.slice(0, this.firstStart);
      this.cutting = true;
      this.record.release(end);
    }
  }
}

/** `FeedCutter` over a whole text, a piece at a time, letting the event loop turn between pieces. */
export async function cutToNewest(xml: string, max: number): Promise<FeedCut> {
  const cutter = new FeedCutter(max);
  let started = performance.now();
  for (let at = 0; at < xml.length; at += PIECE) {
    cutter.write(xml.slice(at, at + PIECE));
    if (performance.now() - started > TURN_MS) {
      await nextTurn();
      started = performance.now();
    }
  }
  return cutter.end();
}
