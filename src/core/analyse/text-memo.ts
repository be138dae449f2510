/**
 * A bounded memo for pure per-word tests. Every extractor asks the same few questions
 * (capitalised? acronym? can it be part of a name?) about every capitalised token, so an
 * article asks each question of the same word many times; the answer depends only on the
 * word's text, so it is computed once. The table is emptied when it grows past `max`, which
 * bounds memory in a long-running bot reading many articles.
 */
export function memoByText<T>(fn: (text: string) => T, max = 20_000): (text: string) => T {
  const seen = new Map<string, T>();
  return (text: string): T => {
    const hit = seen.get(text);
    if (hit !== undefined || seen.has(text)) return hit as T;
    if (seen.size >= max) seen.clear();
    const value = fn(text);
    seen.set(text, value);
    return value;
  };
}
