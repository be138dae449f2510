import { distance } from 'fastest-levenshtein';

/**
 * Closest candidates to `input` by edit distance (case-insensitive), best first.
 * `maxDistance` defaults to a third of the input length (at least 2), so "hedmann"
 * finds "hedman" but "obama" finds nothing in an unrelated list.
 */
export function closest(
  input: string,
  candidates: readonly string[],
  opts: { limit?: number; maxDistance?: number } = {},
): string[] {
  const needle = input.trim().toLowerCase();
  if (needle.length === 0) return [];
  const max = opts.maxDistance ?? Math.max(2, Math.floor(needle.length / 3));
  return [...new Set(candidates)]
    .map((c) => ({ c, d: distance(needle, c.toLowerCase()) }))
    .filter((x) => x.d <= max)
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, opts.limit ?? 3)
    .map((x) => x.c);
}
