/**
 * Finding a name (an organisation, a person) as a whole word in a text without building a
 * RegExp for each name on every call: `indexOf`, then the boundary checks a
 * `(?<!…)name(?!…)` pattern would make. Same first match as that pattern, a fraction of the
 * cost, which matters because the analysis runs these for every name in every article.
 */

/** What may not touch the name on either side. */
export interface WholeWordBounds {
  /** A code point just before the match that rules it out. */
  readonly before: RegExp;
  /** Text just after the match (up to two UTF-16 units) that rules it out. */
  readonly after: RegExp;
}

/** Names not glued to letters or digits on either side ("NASA" but not "NASAs" or "3NASA"). */
export const NOT_IN_ALPHANUMERIC: WholeWordBounds = {
  before: /[\p{L}\p{N}]$/u,
  after: /^[\p{L}\p{N}]/u,
};

/** Names not glued to letters, and not possessive ("Acme" but not "Acme’s"). */
export const NOT_IN_WORD_OR_POSSESSIVE: WholeWordBounds = {
  before: /\p{L}$/u,
  after: /^(?:\p{L}|[’']s)/u,
};

/** Index of the first whole-word occurrence of `form` in `text`, or -1. Case-sensitive. */
export function indexOfWhole(text: string, form: string, bounds: WholeWordBounds): number {
  for (let from = 0; from <= text.length;) {
    const at = text.indexOf(form, from);
    if (at < 0) return -1;
    const end = at + form.length;
    // Two UTF-16 units either side hold one whole code point, astral letters included.
    if (!bounds.before.test(text.slice(Math.max(0, at - 2), at)) && !bounds.after.test(text.slice(end, end + 2)))
      return at;
    from = at + 1;
  }
  return -1;
}
