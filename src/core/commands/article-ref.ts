/**
 * Reading the article a user names. `/articles` numbers its lines, so a bare small number
 * ("3") means that line, as people type it; anything else goes to the library (id prefix,
 * link, title words).
 */
import type { AnalysedArticle, ArticleLibrary, Where } from '../ports.js';

/** The most `/articles` shows; a bare number above it is not a position. */
export const MAX_LISTED_ARTICLES = 25;

/** The article a reference means: its number in /articles, else the library's own lookup. */
export async function findArticle(library: ArticleLibrary, where: Where, ref: string): Promise<AnalysedArticle | null> {
  const wanted = ref.trim();
  const position = /^\d{1,2}$/u.test(wanted) ? Number(wanted) : 0;
  if (position >= 1 && position <= MAX_LISTED_ARTICLES) {
    const recent = await library.recent(where, position);
    const listed = recent[position - 1];
    if (listed) return library.find(where, listed.id);
  }
  return library.find(where, wanted);
}
