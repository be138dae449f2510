/**
 * Word tokens with offsets for languages written with spaces. Elided articles ("l'", "d'")
 * are tokens of their own so "d'Agnès" yields "Agnès"; hyphenated names stay whole.
 */
export interface WordToken {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  /** Punctuation mark, not a word. */
  readonly punct: boolean;
}

const TOKEN =
  /(?:[lLdDjJnNsScCmMtT]|[qQ]u)['’](?=\p{L})|[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-‐]*[\p{L}\p{M}\p{N}]|[\p{L}\p{N}]|[^\s\p{L}\p{N}]/gu;

export function tokenize(text: string): WordToken[] {
  const out: WordToken[] = [];
  for (const m of text.matchAll(TOKEN)) {
    out.push({
      text: m[0],
      lower: m[0].toLowerCase(),
      start: m.index,
      end: m.index + m[0].length,
      punct: !/[\p{L}\p{N}]/u.test(m[0]),
    });
  }
  return out;
}

export function isCapitalised(token: WordToken): boolean {
  return !token.punct && /^\p{Lu}/u.test(token.text);
}

/** "UMP", "CDU", "BBC": an acronym, never part of a person's name. */
export function isAcronym(token: WordToken): boolean {
  return /^[\p{Lu}\d-]{2,}$/u.test(token.text) && !/^[IVX]+$/u.test(token.text);
}
