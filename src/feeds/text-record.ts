/**
 * The text of a document as it streams in, kept from a moving mark: slices of it can be read
 * while the rest is still arriving, and what lies before the mark is let go. Used by feed-cut.ts,
 * which keeps only the head, the items it chose and the text after the last item.
 */
export class TextRecord {
  private readonly pieces: string[] = [];
  /** Offset in the whole text of `pieces[0]`. */
  private from = 0;
  private length = 0;

  /** Offset just past the text written so far. */
  get end(): number {
    return this.length;
  }

  append(piece: string): void {
    if (piece.length === 0) return;
    this.pieces.push(piece);
    this.length += piece.length;
  }

  /** The text from `start` to `end` (offsets in the whole text); `start` must not lie before a released mark. */
  slice(start: number, end: number): string {
    if (start < this.from) throw new RangeError(`text before ${this.from} was released`);
    const parts: string[] = [];
    let at = this.from;
    for (const piece of this.pieces) {
      const next = at + piece.length;
      if (next > start && at < end) parts.push(piece.slice(Math.max(0, start - at), Math.min(piece.length, end - at)));
      if (next >= end) break;
      at = next;
    }
    return parts.length === 1 ? parts[0]! : parts.join('');
  }

  /** Lets go of the text before `mark` (whole pieces only). */
  release(mark: number): void {
    let drop = 0;
    while (drop < this.pieces.length && this.from + this.pieces[drop]!.length <= mark) {
      this.from += this.pieces[drop]!.length;
      drop += 1;
    }
    this.pieces.splice(0, drop);
  }
}
