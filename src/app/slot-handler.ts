/**
 * The scheduler's `onSlot`: builds the digest a schedule posts for a slot and delivers it through
 * the platform's DeliveryPort. The scheduler has already claimed the delivery key, so this runs at
 * most once per (schedule, slot, channel); throwing marks the delivery failed.
 */
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

/** Thrown so the scheduler records the delivery as failed with a readable reason. */
export class SlotDeliveryError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
    this.name = 'SlotDeliveryError';
  }
}

export function createSlotHandler(deps: SlotHandlerDeps): SlotHandler {
  const log = deps.logger.child({ component: 'slot-handler' });
  return async ({ schedule, slot, late }) => {
    const composed = await composeScheduledDigest({ store: deps.store, library: deps.library, ...(deps.limits ? { limits: deps.limits } : {}) }, schedule, slot);
    const context = { scheduleId: schedule.id, channelId: schedule.channelId, slot: slot.toISOString(), kind: schedule.kind, late };
    if (!composed.ok) throw new SlotDeliveryError(composed.error.message, composed.error.code);
    const { where, reply, empty, since } = composed.value;
    if (empty) {
      // An empty "nothing new" post every hour trains people to mute the channel.
      log.info({ ...context, since: since?.toISOString() ?? null }, 'no new articles: nothing posted');
      return { messageId: null };
    }
    const key = deliveryKey(schedule.id, slot, schedule.channelId);
    const sent = await deps.delivery.deliver(where, { reply, deliveryKey: key });
    if (!sent.ok) throw new SlotDeliveryError(`${sent.error.code}: ${sent.error.message}`, sent.error.code);
    log.info({ ...context, messageId: sent.value.messageId }, 'scheduled digest delivered');
    return { messageId: sent.value.messageId };
  };
}
