/**
 * One feed in a poll cycle: fetch (conditional GET), store the items (deduplicated across feeds),
 * hand each to the subscribed channels whose filters pass, and record the fetch state. Failures
 * back off; a feed that keeps failing is disabled and each subscribed channel is told once.
 */
import type { Article } from '../core/article/types.js';
import type { LivePosted, LivePoster } from '../core/live/live-posts.js';
import { articleFilterText, compileFilters, passesFilters, type CompiledFilters } from '../core/feeds/filters.js';
import type { ArticleFacts } from '../core/facts/types.js';
import { ingestFeedItem, ingestHtml } from '../core/ingest/index.js';
import type { Clock, DeliveryPort, Logger, Where } from '../core/ports.js';
import { info } from '../core/reply/build.js';
import type { Failure } from '../core/result.js';
import type { ContentFilters, Feed, FeedFetchState, StoredArticle } from '../core/store/records.js';
import type { HeraldStore } from '../core/store/repositories.js';
import {
  backoff,
  fetchFeed,
  fullTextFor,
  shouldDisable,
  teaserReason,
  type BackoffPolicy,
  type FetchFeedDeps,
} from '../feeds/index.js';
import type { FeedItemInput } from '../feeds/types.js';

export interface PollFeedDeps {
  readonly store: HeraldStore;
  readonly fetch: FetchFeedDeps;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Where "this feed was disabled" notices go; without one they are only logged. */
  readonly delivery?: DeliveryPort;
  /** Time between successful fetches of a feed. */
  readonly pollIntervalMs: number;
  readonly disableAfterFailures: number;
  readonly backoff: BackoffPolicy;
  /** When given, new articles are analysed as they are stored (eager); otherwise on first use. */
  readonly analyse?: (article: Article) => ArticleFacts;
  /** Most items taken from one fetch, newest first (config `feeds.maxItemsPerPoll`). Default 200. */
  readonly maxItemsPerPoll?: number;
  /** Posts new items to the channels whose feed posts live; without one, items wait for digests. */
  readonly live?: LivePoster;
}

export const DEFAULT_MAX_ITEMS_PER_POLL = 200;
const maxItems = (deps: PollFeedDeps): number => deps.maxItemsPerPoll ?? DEFAULT_MAX_ITEMS_PER_POLL;
/** Longest stretch of item work before the event loop may turn, so interactions are answered during a poll. */
const TURN_MS = 8;
/** Resolves at once while this turn is young, else after the event loop has turned. */
function turns(): () => Promise<void> {
  let started = performance.now();
  return async () => {
    if (performance.now() - started < TURN_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    started = performance.now();
  };
}

/**
 * The `max` newest items: by date when every item has one, else the feed's own order (feeds list
 * newest first). A 100,000-item feed costs the same as a 200-item one from here on.
 */
export function newestItems<T extends { readonly isoDate?: string | null }>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  if (!items.every((i) => i.isoDate)) return items.slice(0, max);
  return [...items].sort((a, b) => b.isoDate!.localeCompare(a.isoDate!)).slice(0, max);
}

export type FeedOutcome =
  | { readonly kind: 'not-modified' }
  | {
      readonly kind: 'fetched';
      readonly items: number;
      readonly newItems: number;
      readonly received: number;
      readonly skippedItems: number;
      /** Live posts made after this fetch. */
      readonly posted: readonly LivePosted[];
    }
  | { readonly kind: 'failed'; readonly failure: Failure; readonly disabled: boolean; readonly notified: number };

interface Recipient {
  readonly channelId: number;
  readonly filters: CompiledFilters | null;
}

/** Compiles stored filters; a pattern that no longer compiles is logged and ignored rather than blocking the channel. */
function compileStored(filters: ContentFilters, log: Logger, context: Record<string, unknown>): CompiledFilters | null {
  if (filters.include.length === 0 && filters.exclude.length === 0) return null;
  const compiled = compileFilters(filters);
  if (compiled.ok) return compiled.value;
  log.warn({ ...context, problem: compiled.error.message }, 'stored filter does not compile; ignoring it');
  return null;
}

async function recipients(feed: Feed, deps: PollFeedDeps, log: Logger): Promise<Recipient[]> {
  const out: Recipient[] = [];
  for (const sub of await deps.store.subscriptions.listForFeed(feed.id)) {
    const channel = await deps.store.channels.get(sub.channelId);
    if (!channel) continue;
    out.push({ channelId: sub.channelId, filters: compileStored(sub.filters, log, { subscription: sub.id }) });
    // Channel-wide filters apply on top of the subscription's own.
    const channelFilters = compileStored(channel.settings.filters, log, { channel: channel.id });
    if (channelFilters) out.push({ channelId: sub.channelId, filters: channelFilters });
  }
  return out;
}

/** Oldest first, so the newest item is received last and lists first in `listReceived`. */
function oldestFirst(items: readonly FeedItemInput[]): FeedItemInput[] {
  const reversed = [...items].reverse();
  if (!reversed.every((i) => i.isoDate)) return reversed;
  return reversed.sort((a, b) => a.isoDate!.localeCompare(b.isoDate!));
}

type Prepared =
  | { readonly knownId: string; readonly text: string }
  | { readonly article: Article; readonly link: string | null; readonly text: string };

/** The stored article an item duplicates by guid or link, if any. */
async function findKnown(store: HeraldStore, item: FeedItemInput): Promise<StoredArticle | null> {
  const guid = (item.guid ?? item.id)?.trim();
  if (guid) {
    const byGuid = await store.articles.findByGuid(guid);
    if (byGuid) return byGuid;
  }
  return item.link ? store.articles.findByLink(item.link) : null;
}

export async function pollFeed(feed: Feed, deps: PollFeedDeps): Promise<FeedOutcome> {
  const log = deps.logger.child({ feedId: feed.id, url: feed.url });
  let fetched;
  try {
    fetched = await fetchFeed(
      { url: feed.url, etag: feed.fetch.etag, lastModified: feed.fetch.lastModified, maxItems: maxItems(deps) },
      deps.fetch,
    );
  } catch (e) {
    log.error({ err: e }, 'feed fetch threw');
    fetched = {
      ok: false as const,
      error: { code: 'internal' as const, message: `Internal error while fetching: ${(e as Error).message}` },
    };
  }
  const now = deps.clock.now();
  if (!fetched.ok) return failed(feed, fetched.error, deps, log);

  const success: Partial<FeedFetchState> = {
    etag: fetched.value.etag,
    lastModified: fetched.value.lastModified,
    lastFetchAt: now.toISOString(),
    lastError: null,
    consecutiveFailures: 0,
    nextAttemptAt: new Date(now.getTime() + deps.pollIntervalMs).toISOString(),
  };
  if (fetched.value.notModified) {
    await deps.store.feeds.updateFetchState(feed.id, success);
    return { kind: 'not-modified' };
  }

  const result = fetched.value;
  if (result.notes.length > 0) log.info({ notes: result.notes }, 'feed read with problems');
  const sourceName = feed.title ?? result.title;
  const targets = await recipients(feed, deps, log);
  const needText = targets.some((t) => t.filters !== null);
  // Ingest (CPU) before the transaction, so the store is held only for the writes. Items stored
  // before (by guid or link, from any feed) skip ingest: a changed feed mostly repeats old items.
  const prepared: Prepared[] = [];
  const kept: string[] = [];
  let skippedItems = 0;
  const taken = newestItems(result.items, maxItems(deps));
  if (taken.length < result.totalItems)
    log.info({ items: result.totalItems, taken: taken.length }, 'feed has more items than one poll takes; newest kept');
  const nextTurn = turns();
  for (const item of oldestFirst(taken)) {
    await nextTurn();
    const known = await findKnown(deps.store, item);
    if (known) {
      prepared.push({ knownId: known.id, text: needText ? articleFilterText(known.article) : '' });
      continue;
    }
    const ingested = ingestFeedItem(item, { sourceName });
    // A teaser too thin to ingest on its own may still lead to a full page.
    const article = await fullStory(item, ingested.ok ? ingested.value : null, sourceName, deps, kept);
    if (!article) {
      skippedItems += 1;
      log.debug(
        { item: item.link ?? item.guid, problem: ingested.ok ? '' : ingested.error.message },
        'feed item skipped',
      );
      continue;
    }
    prepared.push({ article, link: item.link, text: needText ? articleFilterText(article) : '' });
  }
  const notes = [...result.notes, ...keptTeaserNotes(kept)];

  const counts = await deps.store.transaction(async (tx) => {
    let newItems = 0;
    let received = 0;
    // What each channel received for the first time in this poll, oldest first, for live posting.
    const firstTime = new Map<number, string[]>(targets.map((t) => [t.channelId, []]));
    for (const p of prepared) {
      await nextTurn();
      let id: string;
      let fresh = false;
      if ('knownId' in p) id = p.knownId;
      else {
        const facts = deps.analyse ? deps.analyse(p.article) : null;
        const stored = await tx.articles.insert({ article: p.article, link: p.link, feedId: feed.id, facts });
        ({ id } = stored);
        fresh = stored.created;
      }
      // A channel receives an item when every filter set that applies to it passes.
      const blocked = new Set<number>();
      for (const t of targets) if (t.filters && !passesFilters(t.filters, p.text)) blocked.add(t.channelId);
      for (const channelId of new Set(targets.map((t) => t.channelId))) {
        if (blocked.has(channelId)) continue;
        if (await tx.articles.markReceived(channelId, id, now)) {
          received += 1;
          fresh = true;
          firstTime.get(channelId)?.push(id);
        }
      }
      if (fresh) newItems += 1;
    }
    if (!feed.title && result.title) await tx.feeds.setTitle(feed.id, result.title);
    await tx.feeds.updateFetchState(feed.id, {
      ...success,
      itemsSeen: feed.fetch.itemsSeen + newItems,
      notes,
    });
    // Claimed with the receipts, so a crash after the commit leaves them for recovery to post.
    const jobs = deps.live ? await deps.live.claim(tx, feed, firstTime, now) : [];
    return { newItems, received, jobs };
  });
  // Called with no new jobs too: it also retries posts that failed for a passing reason.
  const posted = deps.live ? await deps.live.post(counts.jobs) : [];
  log.debug(
    { items: result.totalItems, newItems: counts.newItems, received: counts.received, posted: posted.length },
    'feed polled',
  );
  return {
    kind: 'fetched',
    items: result.totalItems,
    newItems: counts.newItems,
    received: counts.received,
    skippedItems,
    posted,
  };
}

/**
 * The article to store for a new item: the page behind it when the item is a teaser and the
 * page reads (full-text fetching on), else the item itself, with the reason kept for the notes.
 */
async function fullStory(
  item: FeedItemInput,
  teaser: Article | null,
  sourceName: string | null,
  deps: PollFeedDeps,
  kept: string[],
): Promise<Article | null> {
  const reader = deps.fetch.fullArticles;
  if (!reader || teaserReason(item) === null) return teaser;
  const full = await fullTextFor(item, reader, (page) =>
    ingestHtml(page.html, { url: page.finalUrl, sourceName, title: item.title, publishedAt: item.isoDate }),
  );
  if (full.ok) return { ...full.article, guid: teaser?.guid ?? item.guid };
  kept.push(`Kept the teaser of "${item.title}" (${item.link ?? 'no link'}): ${full.reason}.`);
  return teaser;
}

/** At most five teaser notes, then a count, so /feeds status stays short. */
function keptTeaserNotes(kept: readonly string[]): string[] {
  if (kept.length <= 5) return [...kept];
  return [...kept.slice(0, 5), `...and ${kept.length - 5} more items kept their teaser.`];
}

/** Records a failure with back-off, and disables the feed (telling its channels) when it is time. */
async function failed(feed: Feed, failure: Failure, deps: PollFeedDeps, log: Logger): Promise<FeedOutcome> {
  const now = deps.clock.now();
  const failures = feed.fetch.consecutiveFailures + 1;
  const decision = shouldDisable(failures, failure, deps.disableAfterFailures);
  const disabledReason = decision.disable ? decision.reason : null;
  await deps.store.feeds.updateFetchState(feed.id, {
    lastFetchAt: now.toISOString(),
    lastError: failure.message,
    consecutiveFailures: failures,
    nextAttemptAt: backoff(failures, now, deps.backoff).toISOString(),
    disabledReason,
  });
  log.warn({ code: failure.code, failures, disabled: decision.disable, problem: failure.message }, 'feed fetch failed');
  const notified = disabledReason ? await notifyDisabled(feed, disabledReason, now, deps, log) : 0;
  return { kind: 'failed', failure, disabled: decision.disable, notified };
}

/**
 * Tells each subscribed channel, once, that the feed was disabled. The delivery key names the
 * feed, the moment it was disabled and the channel, and is claimed in the store first, so two
 * processes (or a retry) never post the notice twice.
 */
async function notifyDisabled(feed: Feed, reason: string, at: Date, deps: PollFeedDeps, log: Logger): Promise<number> {
  let notified = 0;
  for (const sub of await deps.store.subscriptions.listForFeed(feed.id)) {
    try {
      const channel = await deps.store.channels.get(sub.channelId);
      const workspace = channel ? await deps.store.workspaces.get(channel.workspaceId) : null;
      if (!channel || !workspace) continue;
      const where: Where = {
        platform: workspace.platform,
        workspaceId: workspace.externalId,
        channelId: channel.externalId,
      };
      const key = `feed-disabled:${feed.id}:${at.toISOString()}:${channel.id}`;
      if (!deps.delivery) {
        log.info({ channel: channel.externalId, reason }, 'feed disabled; no delivery port to tell the channel');
        continue;
      }
      if (!(await deps.store.deliveries.claim(key))) continue;
      const name = feed.title ?? feed.url;
      const reply = info(
        `Feed disabled: ${name}`,
        [
          { type: 'text', text: `Herald stopped fetching ${feed.url}. ${reason}` },
          {
            type: 'text',
            text: 'An admin can see the details with /feeds status, and turn it back on with /feeds add once the feed works again.',
          },
        ],
        { ephemeral: false },
      );
      const sent = await deps.delivery.deliver(where, { reply, deliveryKey: key });
      if (sent.ok) {
        await deps.store.deliveries.markSent(key, sent.value.messageId);
        notified += 1;
      } else {
        await deps.store.deliveries.markFailed(key, sent.error.message);
        log.warn(
          { channel: channel.externalId, problem: sent.error.message },
          'could not tell the channel its feed was disabled',
        );
      }
    } catch (e) {
      log.error({ err: e, subscription: sub.id }, 'disabled-feed notice failed');
    }
  }
  return notified;
}
