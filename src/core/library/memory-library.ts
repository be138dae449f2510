/**
 * An in-memory `ArticleLibrary`: the articles one process loaded (`--article`, `:load`,
 * `herald analyze`), laid over the stored library (src/app/article-loader.ts). It is shared by
 * every channel on purpose: what the operator loads on the command line is theirs to show. The
 * stored library (src/app/stored-library.ts) keeps the same contract per channel and workspace;
 * tests/library/contract.ts checks both.
 */
import type { AnalysedArticle, ArticleLibrary, ArticleSummary, Where } from '../ports.js';
import { lookupIn, resolveArticleRef } from './resolve-ref.js';

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

/** An analysed article as `recent` lists it. */
export const summaryOf = (a: AnalysedArticle): ArticleSummary => ({
  id: a.id,
  title: a.article.title,
  url: a.article.source.url,
  publishedAt: a.article.publishedAt,
});

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
    find: (_where: Where, ref: string) => resolveArticleRef(ref, [lookupIn(everything)]),
    async recent(_where: Where, limit: number) {
      return (await everything()).slice(0, Math.max(0, limit)).map(summaryOf);
    },
    async recentAnalysed(_where: Where, limit: number) {
      return (await everything()).slice(0, Math.max(0, limit));
    },
  };
}
