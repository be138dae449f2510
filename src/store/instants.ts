/**
 * How each store hands over an instant: SQLite keeps ISO text, PostgreSQL gives a `Date`. The
 * shared row readers (`*-rows.ts`) take the store's reader so one mapping serves both.
 */
export type ReadInstant<I> = (t: I) => string;

/** SQLite's reader: its instants are ISO text already. */
export const isoText: ReadInstant<string> = (t) => t;

/** A nullable column's instant. */
export const maybeInstant = <I>(t: I | null, instant: ReadInstant<I>): string | null =>
  t === null ? null : instant(t);
