/**
 * The `ArticleLibrary` over the store: what a channel is talking about is the article an admin
 * pinned, else the newest one it received from its feeds, else the bundled sample. Analysis runs
 * lazily, once per article: the facts are written back with `setFacts`, so the next process (or
 * the next command) reads them instead of analysing again.
 *
 * A workspace sees only the articles its own channels received (`findReceivedIn`,
 * `listReceivedIn`: the scope is in the query, not a filter afterwards), plus the sample: an
 * article that came through another workspace's feed is "not found", exactly as an unknown id is
 * (docs/decisions/033-articles-kept-per-workspace.md).
 */
import type { Article } from '../core/article/types.js';
import type { ArticleFacts } from '../core/facts/types.js';
import { summaryOf } from '../core/library/memory-library.js';
import { parentOf } from '../core/channels/threads.js';
import { lookupIn, resolveArticleRef, titleHasWords, type ArticleLookup } from '../core/library/resolve-ref.js';
import type { AnalysedArticle, ArticleLibrary, Logger, Where } from '../core/ports.js';
import type { StoredArticle } from '../core/store/records.js';
import type { HeraldStore, ReceivedScope } from '../core/store/repositories.js';

export interface StoredLibraryDeps {
  readonly store: HeraldStore;
  /** Runs the analysis (the composition root passes `analyse`). */
  readonly analyse: (article: Article) => ArticleFacts;
  /** The bundled sample: an article, or a loader run once on first need. */
  readonly sample: AnalysedArticle | (() => Promise<AnalysedArticle>);
  readonly logger?: Logger;
  /** How many of the workspace's received articles a title search reads (the channel's own first). */
  readonly searchDepth?: number;
}

const DEFAULT_SEARCH_DEPTH = 500;
/** Most articles `recentAnalysed` returns: enough for a channel's news, bounded in analysis cost. */
export const MAX_ANALYSED = 20;

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

  const orNull = (stored: StoredArticle | null): Promise<AnalysedArticle | null> =>
    stored ? analysed(stored) : Promise.resolve(null);
  const byId = async (id: string): Promise<AnalysedArticle | null> => orNull(await store.articles.get(id));

  /** The workspace `where` is in, its channel first; null for a workspace never seen. */
  async function scopeOf(where: Where): Promise<ReceivedScope | null> {
    const channel = await store.channels.find(where);
    if (channel) return { workspaceId: channel.workspaceId, channelId: channel.id };
    const workspace = await store.workspaces.find(where.platform, where.workspaceId);
    return workspace ? { workspaceId: workspace.id, channelId: null } : null;
  }

  /** The articles the workspace received, each kind of reference one query scoped to it. */
  const inWorkspace = (scope: ReceivedScope): ArticleLookup<AnalysedArticle> => ({
    byLinkOrGuid: async (key) => orNull(await store.articles.findReceivedIn(scope, { linkOrGuid: key })),
    byIdPrefix: async (prefix) => orNull(await store.articles.findReceivedIn(scope, { idPrefix: prefix })),
    byTitleWords: async (words) => {
      const listed = await store.articles.listReceivedIn(scope, { limit: depth });
      const hit = listed.find((r) => titleHasWords(r.title, words));
      return hit ? byId(hit.articleId) : null;
    },
  });
  // The sample stays reachable everywhere: it is what a channel with no feeds talks about.
  const theSample = lookupIn(async () => [await sample()]);

  return {
    async current(where) {
      // A Slack thread Herald did not start is no channel of its own: it talks about its channel's news.
      const parent = parentOf(where);
      const channel = (await store.channels.find(where)) ?? (parent ? await store.channels.find(parent) : null);
      if (channel) {
        const pinned = channel.settings.currentArticleId;
        if (pinned) {
          // Read within the workspace, so a pin written before workspaces were kept apart cannot leak.
          const scope = { workspaceId: channel.workspaceId, channelId: channel.id };
          const a = await orNull(await store.articles.findReceivedIn(scope, { id: pinned }));
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
      const scope = await scopeOf(where);
      return resolveArticleRef(ref, scope ? [inWorkspace(scope), theSample] : [theSample]);
    },

    async recent(where, limit) {
      const n = Math.max(0, limit);
      const channel = await store.channels.find(where);
      const received = channel ? await store.articles.listReceived(channel.id, { limit: n }) : [];
      if (received.length > 0) {
        return received.map((r) => ({ id: r.articleId, title: r.title, url: r.link, publishedAt: r.publishedAt }));
      }
      return n > 0 ? [summaryOf(await sample())] : [];
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
