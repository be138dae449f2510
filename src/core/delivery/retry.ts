/**
 * What Herald does when a platform fails a message it posts on its own (a live post, a scheduled
 * digest): one rule for which failures pass, and one way of noting a failed attempt, shared by
 * both (docs/decisions/034-live-posting.md, docs/decisions/048-retrying-scheduled-digests.md).
 *
 * A failed attempt that may pass leaves the delivery row `pending`, its error and attempt noted.
 * Nothing else is kept: the row outlives the process, so a retry is not lost to a restart, and
 * every retry asks the adapter to look on the platform first (`resume`), because the failed
 * attempt may have landed with only its answer lost.
 */
import type { Failure } from '../result.js';
import type { Delivery, Schedule } from '../store/records.js';
import type { DeliveryRepository } from '../store/repositories.js';

/**
 * Whether asking the platform again later may succeed: a rate limit, a timeout, a 5xx or a lost
 * connection (the adapters mark those `details.retryable`). A refusal (no access, unknown
 * channel, a message the platform rejects) is answered the same way every time.
 */
export function passingFailure(f: Pick<Failure, 'code' | 'details'>): boolean {
  return f.code === 'rate_limited' || f.code === 'timeout' || f.details?.['retryable'] === true;
}

/** A message the platform (or composing it) failed; `retryable` when the reason may pass. */
export class DeliveryFailed extends Error {
  readonly retryable: boolean;
  constructor(readonly failure: Pick<Failure, 'code' | 'message' | 'details'>) {
    super(`${failure.code}: ${failure.message}`);
    this.name = 'DeliveryFailed';
    this.retryable = passingFailure(failure);
  }
}

/**
 * Records a failed attempt: a passing failure stays pending for another attempt while attempts
 * remain (true); anything else, or the last attempt, is failed for good (false).
 */
export async function noteDeliveryFailure(
  deliveries: Pick<DeliveryRepository, 'markRetrying' | 'markFailed'>,
  key: string,
  e: unknown,
  maxAttempts: number,
): Promise<boolean> {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof DeliveryFailed && e.retryable) return deliveries.markRetrying(key, message, maxAttempts);
  await deliveries.markFailed(key, message);
  return false;
}

/** Attempts a scheduled digest gets in all: the first and up to four retries. */
export const DIGEST_ATTEMPTS = 5;
/** The wait after the n-th failed attempt: 1, 5, 15, 30 minutes (51 minutes in all, inside the window). */
const DIGEST_BACKOFF_MS = [1, 5, 15, 30].map((m) => m * 60_000);
/** However rarely a schedule runs, its digest is not posted later than this after its slot. */
export const DIGEST_RETRY_WINDOW_MS = 60 * 60_000;

/** A scheduled digest whose last attempt failed for a passing reason: pending, its error noted. */
export const waitingForRetry = (d: Delivery): boolean => d.status === 'pending' && d.lastError !== null;

/** When a digest waiting for its retry may be tried again: its last failure plus the backoff. */
export function digestRetryAt(d: Pick<Delivery, 'attempts' | 'updatedAt'>): Date {
  const wait = DIGEST_BACKOFF_MS[Math.min(Math.max(d.attempts, 1), DIGEST_BACKOFF_MS.length) - 1]!;
  return new Date(Date.parse(d.updatedAt) + wait);
}

/**
 * Why a slot's digest must no longer be posted, or null while it still may be: after the window,
 * after the schedule's next slot (that digest is the news now, and posting both would say the same
 * thing twice), or once a later slot of the schedule was handled.
 */
export function staleDigest(
  schedule: Pick<Schedule, 'lastRunSlot'>,
  slot: Date,
  now: Date,
  nextSlot: Date | null,
): string | null {
  if (schedule.lastRunSlot !== null && Date.parse(schedule.lastRunSlot) > slot.getTime())
    return `a later slot of the schedule (${schedule.lastRunSlot}) has run`;
  if (nextSlot && now.getTime() >= nextSlot.getTime())
    return `the schedule's next slot (${nextSlot.toISOString()}) has come`;
  if (now.getTime() > slot.getTime() + DIGEST_RETRY_WINDOW_MS)
    return `more than ${DIGEST_RETRY_WINDOW_MS / 60_000} minutes after its slot`;
  return null;
}
