/**
 * One way to read an article reference, for every library: the exact link or feed guid, else
 * an id (the full hash, or a prefix of at least four hex digits), else title words (every word
 * of the reference in the title, in any order). Each library says only how to look each kind up
 * in what it holds (`ArticleLookup`); the rules and their order live here, so `article:X` means
 * the same in the shell, over the store and in the overlay of loaded articles.
 */
import type { AnalysedArticle } from '../ports.js';

/** Shortest id prefix accepted, so a stray short word never matches a hash by chance. */
export const MIN_ID_PREFIX = 4;

/** What a reference can name, read once. */
export interface ParsedArticleRef {
  /** The reference, trimmed: compared exactly with links and guids. */
  readonly text: string;
  /** Lowercase hex of at least MIN_ID_PREFIX digits, else null. */
  readonly idPrefix: string | null;
  /** Its words, lowercased, for title matching. */
  readonly words: readonly string[];
}

/** How one library looks up each kind of reference among the articles it may show. */
export interface ArticleLookup<T> {
  /** The article whose link or feed guid is exactly `key`. */
  byLinkOrGuid(key: string): Promise<T | null>;
  /** The article whose id starts with `prefix` (lowercase hex; a full id is its own prefix). */
  byIdPrefix(prefix: string): Promise<T | null>;
  /** An article whose title holds every one of `words` (see `titleHasWords`). */
  byTitleWords(words: readonly string[]): Promise<T | null>;
}

/** Lowercased words of a text, split on anything that is not a letter or a digit. */
export const textWords = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);

/** Whether every one of `words` is a word of `title`. */
export function titleHasWords(title: string | null, words: readonly string[]): boolean {
  if (words.length === 0) return false;
  const have = new Set(textWords(title ?? ''));
  return words.every((w) => have.has(w));
}

export function parseArticleRef(ref: string): ParsedArticleRef | null {
  const text = ref.trim();
  if (text === '') return null;
  const lower = text.toLowerCase();
  const idPrefix = lower.length >= MIN_ID_PREFIX && /^[0-9a-f]+$/u.test(lower) ? lower : null;
  return { text, idPrefix, words: textWords(text) };
}

/**
 * The article `ref` names. Each kind of match is tried in every lookup before the next kind, so
 * an exact link in a later lookup (the sample) beats title words in an earlier one (the store).
 */
export async function resolveArticleRef<T>(ref: string, lookups: readonly ArticleLookup<T>[]): Promise<T | null> {
  const parsed = parseArticleRef(ref);
  if (!parsed) return null;
  const steps: ((l: ArticleLookup<T>) => Promise<T | null>)[] = [(l) => l.byLinkOrGuid(parsed.text)];
  if (parsed.idPrefix) steps.push((l) => l.byIdPrefix(parsed.idPrefix!));
  if (parsed.words.length > 0) steps.push((l) => l.byTitleWords(parsed.words));
  for (const step of steps)
    for (const lookup of lookups) {
      const found = await step(lookup);
      if (found) return found;
    }
  return null;
}

/** A lookup over analysed articles held in memory, first match in the order given. */
export function lookupIn(pool: () => Promise<readonly AnalysedArticle[]>): ArticleLookup<AnalysedArticle> {
  const first = async (test: (a: AnalysedArticle) => boolean) => (await pool()).find(test) ?? null;
  return {
    byLinkOrGuid: (key) => first((a) => a.article.source.url === key || (!!a.article.guid && a.article.guid === key)),
    byIdPrefix: (prefix) => first((a) => a.id.startsWith(prefix)),
    byTitleWords: (words) => first((a) => titleHasWords(a.article.title, words)),
  };
}
