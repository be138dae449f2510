/**
 * The scheduler's `onSlot`: builds the digest a schedule posts for a slot and delivers it through
 * the platform's DeliveryPort. The scheduler has already claimed the delivery key, so this runs at
 * most once per (schedule, slot, channel). It throws `DeliveryFailed`: the scheduler retries the
 * digest later when the failure may pass (docs/decisions/048-retrying-scheduled-digests.md).
 */
import { DeliveryFailed } from '../core/delivery/retry.js';
import { composeScheduledDigest, type DigestLimits } from '../core/digest/index.js';
import type { ArticleLibrary, DeliveryPort, Logger } from '../core/ports.js';
import type { SlotHandler } from '../core/schedule/port.js';
import { deliveryKey } from '../core/store/records.js';
import type { HeraldStore } from '../core/store/repositories.js';

export interface SlotHandlerDeps {
  readonly store: Pick<HeraldStore, 'channels' | 'workspaces' | 'articles' | 'feeds'>;
  /** Resolves a channel's current article for 'current-article' schedules. */
  readonly library: ArticleLibrary;
  /** Where digests go; the composition root passes one that routes by `where.platform`. */
  readonly delivery: DeliveryPort;
  readonly logger: Logger;
  readonly limits?: DigestLimits;
}

type ArticleReads = SlotHandlerDeps['store']['articles'];

/**
 * Article reads kept for a while: in a fan-out, thousands of channels received the same few
 * articles, and parsing each stored article (and its facts) once per channel dominated the tick.
 * Stored articles do not change except for facts being added, which `setFacts` writes through.
 */
function cachedArticles(articles: ArticleReads, max: number): ArticleReads {
  const cache = new Map<string, Awaited<ReturnType<ArticleReads['get']>>>();
  const remember = (id: string, value: Awaited<ReturnType<ArticleReads['get']>>) => {
    cache.delete(id);
    cache.set(id, value);
    if (cache.size > max) cache.delete(cache.keys().next().value as string);
  };
  return {
    ...articles,
    get: async (id) => {
      if (cache.has(id)) return cache.get(id) ?? null;
      const stored = await articles.get(id);
      if (stored) remember(id, stored);
      return stored;
    },
    setFacts: async (id, facts) => {
      const done = await articles.setFacts(id, facts);
      const cached = cache.get(id);
      if (done && cached) remember(id, { ...cached, facts });
      return done;
    },
  };
}

export function createSlotHandler(deps: SlotHandlerDeps): SlotHandler {
  const log = deps.logger.child({ component: 'slot-handler' });
  const store = { ...deps.store, articles: cachedArticles(deps.store.articles, 256) };
  return async ({ schedule, slot, late, resume, previousSlot }) => {
    // better-sqlite3 answers synchronously, so a fan-out to thousands of channels would otherwise
    // run as one unbroken chain of microtasks and stall every interaction until it ends
    // (bench/schedule.bench.ts measured 2.6–6.6 s for 10,000 channels). One turn of the loop per
    // channel keeps the longest stall to a few channels' work.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const composed = await composeScheduledDigest(
      { store, library: deps.library, ...(deps.limits ? { limits: deps.limits } : {}) },
      schedule,
      slot,
      previousSlot,
    );
    const context = {
      scheduleId: schedule.id,
      channelId: schedule.channelId,
      slot: slot.toISOString(),
      kind: schedule.kind,
      late,
    };
    if (!composed.ok) throw new DeliveryFailed(composed.error);
    // Composing and recording are the two long synchronous stretches; let the loop turn between.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const { where, reply, empty, since } = composed.value;
    if (empty) {
      // An empty "nothing new" post every hour trains people to mute the channel.
      log.info({ ...context, since: since?.toISOString() ?? null }, 'no new articles: nothing posted');
      return { messageId: null };
    }
    const key = deliveryKey(schedule.id, slot, schedule.channelId);
    const sent = await deps.delivery.deliver(where, { reply, deliveryKey: key, ...(resume ? { resume } : {}) });
    // A passing failure (5xx, 429, timeout) is retried by crash recovery's pass (decision 048).
    if (!sent.ok) throw new DeliveryFailed(sent.error);
    log.info({ ...context, messageId: sent.value.messageId }, 'scheduled digest delivered');
    return { messageId: sent.value.messageId };
  };
}
