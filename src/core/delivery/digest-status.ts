/**
 * How each schedule's newest digest went, in words for moderators: not posted and why, or waiting
 * to be tried again (docs/decisions/048-retrying-scheduled-digests.md). `/schedule list` and
 * `herald doctor` say it; the dashboard's delivery log shows the rows themselves.
 */
import { formatInstant } from '../schedule/time.js';
import { parseDeliveryKey } from '../store/records.js';
import type { DeliveryRepository } from '../store/repositories.js';
import { DIGEST_ATTEMPTS, waitingForRetry } from './retry.js';

/** Deliveries of a channel read, newest first: enough to reach each schedule's newest digest. */
const READ = 50;

/** Schedule id → what went wrong with its newest digest; a schedule whose newest digest was posted is absent. */
export async function digestTrouble(
  deliveries: Pick<DeliveryRepository, 'listForChannel'>,
  channelId: number,
  zone: string,
): Promise<Map<number, string>> {
  const trouble = new Map<number, string>();
  const seen = new Set<number>();
  for (const d of await deliveries.listForChannel(channelId, READ)) {
    const digest = parseDeliveryKey(d.key);
    if (!digest || seen.has(digest.scheduleId)) continue;
    seen.add(digest.scheduleId);
    const which = `the digest of ${formatInstant(digest.slot, zone)}`;
    if (d.status === 'failed')
      trouble.set(digest.scheduleId, `${which} was not posted: ${d.lastError ?? 'no reason noted'}`);
    else if (waitingForRetry(d))
      trouble.set(
        digest.scheduleId,
        `${which} failed (${d.lastError}); Herald tries again (${d.attempts} of ${DIGEST_ATTEMPTS} attempts made)`,
      );
  }
  return trouble;
}
