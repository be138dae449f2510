/**
 * The tags of an XML document read as it streams in, a piece of text at a time: each opening
 * tag (with its name) and each closing tag, by its offset in the whole text. Comments, CDATA,
 * processing instructions and declarations (a DOCTYPE with its internal subset) are skipped, so
 * markup inside them never counts; `>` inside a quoted attribute value does not end a tag. A
 * piece may end anywhere: inside a tag, a comment's `-->`, or right after a `<`. Only a few
 * characters are carried from one piece to the next (a `<` not yet followed by enough to say
 * what it opens, the last characters of a search for `-->`), so the work is linear in the text.
 *
 * What cannot be followed (a comment or tag still open when the text ends) ends the scan, as it
 * would on the whole text. Used by feed-cut.ts to find items without parsing them.
 */

/** What the scan reports. Offsets count UTF-16 units from the start of the whole text. */
export interface TagHandler {
  /** An opening tag from `lt` (its `<`) to `gt` (its `>`): `name` without prefix, lower-cased, '' past 9 characters. */
  open(name: string, lt: number, gt: number): void;
  /** A closing tag from `lt` to `gt`. */
  close(lt: number, gt: number): void;
}

type State =
  | { readonly kind: 'text' }
  | { readonly kind: 'until'; readonly marker: string; from: number }
  | { readonly kind: 'declaration'; brackets: number }
  | {
      readonly kind: 'tag';
      readonly lt: number;
      readonly closing: boolean;
      /** Offset of the next character to read: a carried tag is not read twice. */
      at: number;
      name: string | null;
      quote: number;
      prev: number;
    };

/** Longest `<!...` opener told apart: `<![CDATA[`. */
const OPENER = 9;
/** Longest tag name (prefix included) read; a longer one counts as no name. */
const NAME_LIMIT = 256;

const TEXT: State = { kind: 'text' };

const isNameEnd = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 47;

/** The tag's name without its prefix, lower-cased: `dc:date` → `date`; '' when longer than 9. */
function localName(raw: string): string {
  const name = raw.slice(raw.lastIndexOf(':') + 1);
  return name.length > 9 ? '' : name.toLowerCase();
}

/** Index of `c` in `s` from `from`, Infinity when there is none (never looked for again in that text). */
function nextOf(s: string, c: string, from: number): number {
  const at = s.indexOf(c, from);
  return at < 0 ? Infinity : at;
}

/** The name of a tag whole in `s` from `lt` to `gt`, as `localName` reads it. */
function quickName(s: string, lt: number, gt: number): string {
  let end = lt + 1;
  while (end < gt && !isNameEnd(s.charCodeAt(end))) end += 1;
  return localName(s.slice(lt + 1, end));
}

export class MarkupScanner {
  private state: State = TEXT;
  /** The next `"` and `'` at or after where they were last looked for in the current text (-1: not looked yet). */
  private dq = -1;
  private sq = -1;
  /** Text not yet settled, carried into the next piece, and its offset in the whole text. */
  private carry = '';
  private carryAt = 0;
  private stopped = false;

  constructor(private readonly handler: TagHandler) {}

  /** Reads the next piece of the text. */
  write(piece: string): void {
    if (!this.stopped) this.scan(this.carry + piece, false);
  }

  /** The text has ended: whatever is still open ends the scan. */
  end(): void {
    if (!this.stopped) this.scan(this.carry, true);
    this.stopped = true;
  }

  private scan(s: string, last: boolean): void {
    const base = this.carryAt;
    this.dq = -1;
    this.sq = -1;
    let i = 0;
    let carryFrom = s.length;
    let gt = -1;
    while (i < s.length || this.state.kind !== 'text') {
      const st = this.state;
      if (st.kind === 'text') {
        const lt = s.indexOf('<', i);
        if (lt < 0) break;
        const next = s.charCodeAt(lt + 1);
        // '<' at the very end, or '<!' without enough after it to tell a comment from CDATA.
        if (!last && (lt + 1 >= s.length || (next === 33 && lt + OPENER > s.length))) {
          carryFrom = lt;
          break;
        }
        if (next === 33) {
          if (s.startsWith('<!--', lt)) this.state = { kind: 'until', marker: '-->', from: base + lt + 4 };
          else if (s.startsWith('<![CDATA[', lt)) this.state = { kind: 'until', marker: ']]>', from: base + lt + 9 };
          else this.state = { kind: 'declaration', brackets: 0 };
          i = lt + 2;
        } else if (next === 63) {
          this.state = { kind: 'until', marker: '?>', from: base + lt + 2 };
          i = lt + 2;
        } else if ((gt = this.quickTag(s, lt)) >= 0) {
          // The whole tag is here and holds no quote: its end is the first '>'.
          i = gt + 1;
          if (next === 47) this.handler.close(base + lt, base + gt);
          else if (s.charCodeAt(gt - 1) !== 47) this.handler.open(quickName(s, lt, gt), base + lt, base + gt);
        } else {
          this.state = {
            kind: 'tag',
            lt: base + lt,
            closing: next === 47,
            at: base + lt + 1,
            name: null,
            quote: 0,
            prev: 60,
          };
          i = lt + 1;
        }
      } else if (st.kind === 'until') {
        const from = Math.max(st.from - base, 0);
        const e = s.indexOf(st.marker, from);
        if (e < 0) {
          // The marker may straddle this piece and the next: keep its first characters.
          carryFrom = Math.max(from, s.length - (st.marker.length - 1));
          st.from = base + carryFrom;
          break;
        }
        i = e + st.marker.length;
        this.state = TEXT;
      } else if (st.kind === 'declaration') {
        let j = i;
        for (; j < s.length; j++) {
          const c = s.charCodeAt(j);
          if (c === 91) st.brackets += 1;
          else if (c === 93) st.brackets -= 1;
          else if (c === 62 && st.brackets <= 0) break;
        }
        if (j >= s.length) break;
        i = j + 1;
        this.state = TEXT;
      } else {
        gt = this.tagEnd(st, s, Math.max(i, st.at - base), base);
        if (gt < 0) {
          // The name is read from the carried text once the tag's end or its first space is here.
          if (st.name === null) carryFrom = Math.min(carryFrom, st.lt - base);
          break;
        }
        i = gt + 1;
        this.state = TEXT;
        if (st.closing) this.handler.close(st.lt, base + gt);
        else if (st.prev !== 47) this.handler.open(st.name ?? '', st.lt, base + gt);
      }
    }
    if (last && this.state.kind !== 'text') this.stopped = true;
    this.carry = s.slice(carryFrom);
    this.carryAt = base + carryFrom;
  }

  /** The index of the `>` ending the tag opened at `lt` when all of it is in `s` and it holds no quote, else -1. */
  private quickTag(s: string, lt: number): number {
    const gt = s.indexOf('>', lt + 1);
    if (gt < 0) return -1;
    // Each quote is looked for once per text, so this stays linear however many tags there are.
    if (this.dq < lt) this.dq = nextOf(s, '"', lt);
    if (this.sq < lt) this.sq = nextOf(s, "'", lt);
    return Math.min(this.dq, this.sq) < gt ? -1 : gt;
  }

  /** Reads a tag on from `i`: the index of its `>` in `s`, or -1 when `s` ends first. */
  private tagEnd(st: State & { kind: 'tag' }, s: string, i: number, base: number): number {
    const lt = st.lt - base;
    for (let j = i; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (st.name === null && isNameEnd(c)) st.name = localName(s.slice(lt + 1, j));
      else if (st.name === null && j - lt > NAME_LIMIT) st.name = '';
      if (st.quote !== 0) {
        if (c === st.quote) st.quote = 0;
      } else if (c === 34 || c === 39) st.quote = c;
      else if (c === 62) {
        if (st.name === null) st.name = localName(s.slice(lt + 1, j));
        return j;
      }
      st.prev = c;
    }
    st.at = base + s.length;
    return -1;
  }
}
