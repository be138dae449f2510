/**
 * Articles named on the command line (`--article`, `herald analyze`, the shell's `:load`) and the
 * bundled sample: loaded, analysed, and laid over the stored library for this process only (they
 * never change what is stored).
 */
import { fileURLToPath } from 'node:url';
import { analyse } from '../core/analyse/index.js';
import type { Article } from '../core/article/types.js';
import { loadArticle, type LoadDeps } from '../core/ingest/index.js';
import { createMemoryLibrary } from '../core/library/memory-library.js';
import type { AnalysedArticle, ArticleLibrary } from '../core/ports.js';
import { FailureError, ok, type Result } from '../core/result.js';

/** The sample article shipped in the package, found from this file so any cwd works. */
export const BUNDLED_SAMPLE_PATH = fileURLToPath(
  new URL('../../assets/articles/xinhua-space-partnership.txt', import.meta.url),
);

/** Analysis is pure; the id is the article's content hash, so the same story keeps one id. */
export function analyseArticle(article: Article): AnalysedArticle {
  return { id: article.id, article, facts: analyse(article) };
}

export interface ArticleLoader {
  /** Loads, analyses, and makes the article current for this process. */
  load(ref: string): Promise<Result<AnalysedArticle>>;
  /** The sample, loaded on first need; a FailureError when it cannot be (the dispatcher shows it). */
  sample(): Promise<AnalysedArticle>;
  /** `base`, with the articles loaded here answering first. */
  overlay(base: ArticleLibrary): ArticleLibrary;
}

export function createArticleLoader(opts: { readonly sampleArticle: string; readonly io: LoadDeps }): ArticleLoader {
  const io = opts.io;
  const loadAnalysed = async (ref: string): Promise<Result<AnalysedArticle>> => {
    const loaded = await loadArticle(ref, io);
    return loaded.ok ? ok(analyseArticle(loaded.value)) : loaded;
  };
  const loaded = createMemoryLibrary();
  return {
    async load(ref) {
      const a = await loadAnalysed(ref);
      if (a.ok) loaded.add(a.value);
      return a;
    },
    async sample() {
      const a = await loadAnalysed(opts.sampleArticle);
      // The dispatcher turns a FailureError into a short reply instead of an internal error.
      if (!a.ok) throw new FailureError(a.error);
      return a.value;
    },
    overlay(base) {
      const mine = () => loaded.all().length > 0;
      const merge = <T extends { id: string }>(a: readonly T[], b: readonly T[], limit: number): T[] =>
        [...a, ...b.filter((t) => !a.some((m) => m.id === t.id))].slice(0, limit);
      return {
        current: async (where) => loaded.all()[0] ?? base.current(where),
        find: async (where, ref) => (await loaded.find(where, ref)) ?? base.find(where, ref),
        recent: async (where, limit) =>
          merge(mine() ? await loaded.recent(where, limit) : [], await base.recent(where, limit), limit),
        recentAnalysed: async (where, limit) =>
          merge(
            mine() ? await loaded.recentAnalysed(where, limit) : [],
            await base.recentAnalysed(where, limit),
            limit,
          ),
      };
    },
  };
}
