/**
 * The `ArticleLibrary` over the store: what a channel is talking about is the article an admin
 * pinned, else the newest one it received from its feeds, else the bundled sample. Analysis runs
 * lazily, once per article: the facts are written back with `setFacts`, so the next process (or
 * the next command) reads them instead of analysing again.
 */
import type { Article } from '../core/article/types.js';
import type { ArticleFacts } from '../core/facts/types.js';
import type { AnalysedArticle, ArticleLibrary, ArticleSummary, Logger, Where } from '../core/ports.js';
import type { ReceivedArticle, StoredArticle } from '../core/store/records.js';
import type { HeraldStore } from '../core/store/repositories.js';

export interface StoredLibraryDeps {
  readonly store: HeraldStore;
  /** Runs the analysis (the composition root passes `analyse`). */
  readonly analyse: (article: Article) => ArticleFacts;
  /** The bundled sample: an article, or a loader run once on first need. */
  readonly sample: AnalysedArticle | (() => Promise<AnalysedArticle>);
  readonly logger?: Logger;
  /** How many of a channel's received articles `find` searches (newest first). */
  readonly searchDepth?: number;
}

/** Shortest id prefix accepted, so a stray short word never matches a hash by chance. */
const MIN_PREFIX = 4;
const DEFAULT_SEARCH_DEPTH = 500;
/** Most articles `recentAnalysed` returns: enough for a channel's news, bounded in analysis cost. */
export const MAX_ANALYSED = 20;

const titleWords = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
const looksLikeUrl = (ref: string): boolean => /^https?:\/\//iu.test(ref);

const summaryOfSample = (a: AnalysedArticle): ArticleSummary => ({
  id: a.id,
  title: a.article.title,
  url: a.article.source.url,
  publishedAt: a.article.publishedAt,
});

export function createStoredLibrary(deps: StoredLibraryDeps): ArticleLibrary {
  const { store } = deps;
  const depth = deps.searchDepth ?? DEFAULT_SEARCH_DEPTH;
  let samplePromise: Promise<AnalysedArticle> | null = null;
  // Two commands asking for the same unanalysed article at once share one analysis.
  const inFlight = new Map<string, Promise<AnalysedArticle>>();

  const sample = (): Promise<AnalysedArticle> => {
    const s = deps.sample;
    samplePromise ??= typeof s === 'function' ? s() : Promise.resolve(s);
    // A failed load is retried next time rather than cached forever.
    samplePromise.catch(() => (samplePromise = null));
    return samplePromise;
  };

  const analysed = (stored: StoredArticle): Promise<AnalysedArticle> => {
    if (stored.facts) return Promise.resolve({ id: stored.id, article: stored.article, facts: stored.facts });
    let pending = inFlight.get(stored.id);
    if (!pending) {
      pending = (async () => {
        const facts = deps.analyse(stored.article);
        await store.articles.setFacts(stored.id, facts);
        deps.logger?.debug({ articleId: stored.id }, 'article analysed and cached');
        return { id: stored.id, article: stored.article, facts };
      })().finally(() => inFlight.delete(stored.id));
      inFlight.set(stored.id, pending);
    }
    return pending;
  };

  const byId = async (id: string): Promise<AnalysedArticle | null> => {
    const stored = await store.articles.get(id);
    return stored ? analysed(stored) : null;
  };

  /** The channel's received articles, then those of the other channels of its workspace. */
  async function candidates(where: Where): Promise<ReceivedArticle[]> {
    const channel = await store.channels.find(where);
    const own = channel ? await store.articles.listReceived(channel.id, { limit: depth }) : [];
    const workspace = await store.workspaces.find(where.platform, where.workspaceId);
    if (!workspace) return [...own];
    const others: ReceivedArticle[] = [];
    for (const c of await store.channels.listByWorkspace(workspace.id)) {
      if (c.id !== channel?.id) others.push(...(await store.articles.listReceived(c.id, { limit: depth })));
    }
    return [...own, ...others];
  }

  return {
    async current(where) {
      const channel = await store.channels.find(where);
      if (channel) {
        const pinned = channel.settings.currentArticleId;
        if (pinned) {
          const a = await byId(pinned);
          if (a) return a;
          const s = await sample();
          if (s.id === pinned) return s;
          deps.logger?.warn(
            { articleId: pinned, channel: where.channelId },
            'pinned article is gone; using the newest',
          );
        }
        const [newest] = await store.articles.listReceived(channel.id, { limit: 1 });
        if (newest) {
          const a = await byId(newest.articleId);
          if (a) return a;
        }
      }
      return sample();
    },

    async find(where, ref) {
      const wanted = ref.trim();
      if (wanted === '') return null;
      if (looksLikeUrl(wanted)) {
        const stored = (await store.articles.findByLink(wanted)) ?? (await store.articles.findByGuid(wanted));
        if (stored) return analysed(stored);
      }
      const lower = wanted.toLowerCase();
      const isHex = lower.length >= MIN_PREFIX && /^[0-9a-f]+$/u.test(lower);
      if (isHex && lower.length === 64) {
        const a = await byId(lower);
        if (a) return a;
      }
      const pool = await candidates(where);
      if (isHex) {
        const hit = pool.find((r) => r.articleId.startsWith(lower));
        if (hit) return byId(hit.articleId);
      }
      const byGuid = await store.articles.findByGuid(wanted);
      if (byGuid) return analysed(byGuid);
      // Every word of the reference must appear in the title, in any order.
      const words = titleWords(wanted);
      if (words.length > 0) {
        const hit = pool.find((r) => {
          const have = new Set(titleWords(r.title ?? ''));
          return words.every((w) => have.has(w));
        });
        if (hit) return byId(hit.articleId);
      }
      // The sample stays reachable by id or title, as it is what a channel with no feeds talks about.
      const s = await sample();
      if (
        (isHex && s.id.startsWith(lower)) ||
        (words.length > 0 && words.every((w) => new Set(titleWords(s.article.title ?? '')).has(w)))
      )
        return s;
      return null;
    },

    async recent(where, limit) {
      const n = Math.max(0, limit);
      const channel = await store.channels.find(where);
      const received = channel ? await store.articles.listReceived(channel.id, { limit: n }) : [];
      if (received.length > 0) {
        return received.map((r) => ({ id: r.articleId, title: r.title, url: r.link, publishedAt: r.publishedAt }));
      }
      return n > 0 ? [summaryOfSample(await sample())] : [];
    },

    async recentAnalysed(where, limit) {
      const n = Math.min(Math.max(0, limit), MAX_ANALYSED);
      if (n === 0) return [];
      const channel = await store.channels.find(where);
      const received = channel ? await store.articles.listReceived(channel.id, { limit: n }) : [];
      // Like `recent`: a channel with no articles talks about the sample.
      if (received.length === 0) return [await sample()];
      const out: AnalysedArticle[] = [];
      // One at a time: a cold channel analyses up to MAX_ANALYSED articles, and doing them in
      // parallel would only hold the event loop longer in one go.
      for (const r of received) {
        const a = await byId(r.articleId);
        if (a) out.push(a);
      }
      return out;
    },
  };
}
