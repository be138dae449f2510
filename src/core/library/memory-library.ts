/**
 * An in-memory `ArticleLibrary`: enough for the shell and the CLI, where one process
 * answers about a handful of articles. The SQLite-backed library of later issues keeps
 * the same contract per channel; this one is shared by every channel on purpose, since
 * the shell has only one.
 */
import type { AnalysedArticle, ArticleLibrary, ArticleSummary, Where } from '../ports.js';

export interface MemoryLibrary extends ArticleLibrary {
  /** Adds (or re-adds) an article and makes it the current one. */
  add(article: AnalysedArticle): void;
  /** Every article held, newest first. */
  all(): readonly AnalysedArticle[];
}

export interface MemoryLibraryOptions {
  /**
   * The sample article, analysed lazily on first use so that commands which never touch
   * an article (/help) do not pay for the analysis.
   */
  readonly sample?: () => Promise<AnalysedArticle>;
}

/** Shortest id prefix accepted, so a stray short word never matches a hash by chance. */
const MIN_PREFIX = 4;

const summaryOf = (a: AnalysedArticle): ArticleSummary => ({
  id: a.id,
  title: a.article.title,
  url: a.article.source.url,
  publishedAt: a.article.publishedAt,
});

const titleWords = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);

export function createMemoryLibrary(opts: MemoryLibraryOptions = {}): MemoryLibrary {
  // Newest first; an article appears once.
  const articles: AnalysedArticle[] = [];
  let samplePromise: Promise<AnalysedArticle> | null = null;

  const sample = async (): Promise<AnalysedArticle> => {
    if (!opts.sample) throw new Error('No article loaded and no sample article configured');
    samplePromise ??= opts.sample();
    return samplePromise;
  };

  const everything = async (): Promise<AnalysedArticle[]> => {
    if (articles.length > 0 || !opts.sample) return articles;
    return [await sample()];
  };

  return {
    add(article) {
      const at = articles.findIndex((a) => a.id === article.id);
      if (at >= 0) articles.splice(at, 1);
      articles.unshift(article);
    },
    all: () => [...articles],
    async current(_where: Where) {
      return articles[0] ?? sample();
    },
    async find(_where: Where, ref: string) {
      const wanted = ref.trim();
      if (wanted === '') return null;
      const pool = await everything();
      const lower = wanted.toLowerCase();
      const byUrl = pool.find((a) => a.article.source.url !== null && a.article.source.url === wanted);
      if (byUrl) return byUrl;
      if (lower.length >= MIN_PREFIX && /^[0-9a-f]+$/.test(lower)) {
        const byId = pool.find((a) => a.id.startsWith(lower));
        if (byId) return byId;
      }
      // Every word of the reference must appear in the title, in any order.
      const wantedWords = titleWords(wanted);
      if (wantedWords.length === 0) return null;
      return (
        pool.find((a) => {
          const have = new Set(titleWords(a.article.title ?? ''));
          return wantedWords.every((w) => have.has(w));
        }) ?? null
      );
    },
    async recent(_where: Where, limit: number) {
      return (await everything()).slice(0, Math.max(0, limit)).map(summaryOf);
    },
    async recentAnalysed(_where: Where, limit: number) {
      return (await everything()).slice(0, Math.max(0, limit));
    },
  };
}
