/**
 * Crash recovery for deliveries (docs/decisions/027-crash-recovery.md). A delivery row is claimed
 * (`pending`) before its message is posted and marked `sent` after; a process killed in between
 * leaves it `pending`. On start, and then every minute, every pending row whose claimer is dead
 * is settled: a scheduled digest is handed back to its slot handler with `resume`, so the platform
 * adapter first looks for the message (Discord: the nonce; Slack: the key in message metadata)
 * and posts only when it is not there; anything else is marked failed.
 *
 * The same pass retries scheduled digests the platform failed for a passing reason
 * (docs/decisions/048-retrying-scheduled-digests.md): such a row is pending with its error noted,
 * let go by its claimer, and due after a backoff; it is posted the same way, with `resume`, whoever
 * claimed it, unless its slot has gone stale. One pass runs at a time (a lease), so one process
 * retries it; a process killed mid-retry leaves it waiting, and the next pass looks first again.
 */
import { noteLiveFailure } from '../live/live-posts.js';
import type { Clock, Logger } from '../ports.js';
import type { SlotHandler } from '../schedule/port.js';
import { parseDeliveryKey, type Delivery, type Schedule } from '../store/records.js';
import type { HeraldStore } from '../store/repositories.js';
import { digestRetryAt, DIGEST_ATTEMPTS, noteDeliveryFailure, staleDigest, waitingForRetry } from './retry.js';

/** The lease a live process renews; a claimer without one is gone. */
export const instanceLeaseKey = (instanceId: string): string => `instance:${instanceId}`;
export const INSTANCE_LEASE_MS = 60_000;

export interface RecoveryDeps {
  readonly store: Pick<HeraldStore, 'deliveries' | 'schedules' | 'leases' | 'instanceId'>;
  /** The scheduler's slot handler: composes the digest again and delivers it with `resume`. */
  readonly onSlot: SlotHandler;
  readonly clock: Clock;
  readonly logger: Logger;
  /**
   * Whether the process that owns `instanceId` is alive: true, false, or null when this process
   * cannot tell (another host; then its heartbeat lease decides). See `processAlive`.
   */
  readonly isAlive?: (instanceId: string) => boolean | null;
  /** A pending row claimed by nobody known (written before claims were stamped) is orphaned after this. Default 10 min. */
  readonly unownedAfterMs?: number;
  /**
   * Live posts (`live:` and `live-more:` keys): posts them again with `resume`, so the adapter
   * looks for the message (and its thread) before posting. Without it, such rows are marked failed.
   * A post that fails again for a passing reason stays pending (while attempts remain) and the
   * next recovery pass tries it again.
   */
  readonly resumeLive?: (key: string, since: Date) => Promise<{ messageId: string | null }>;
  /**
   * The schedule's slots either side of `slot` (the scheduler's cron arithmetic): a digest is not
   * posted once its next slot has come, and lists the articles after the slot before it. Without
   * it, only the hour's window bounds a retry.
   */
  readonly cronSlots?: (schedule: Schedule, slot: Date) => { previous: Date | null; next: Date | null };
  /** Rows read per batch. Default 500. */
  readonly batch?: number;
}

export interface RecoveryReport {
  readonly examined: number;
  /** Found on the platform, or posted now: marked sent. */
  readonly sent: number;
  readonly failed: number;
  /** Claimed by a process that is still alive: left to it. */
  readonly leftToOwner: number;
  /** Failed again for a passing reason: left pending for the next pass. */
  readonly retrying: number;
  /** Scheduled digests waiting for their retry, not yet due. */
  readonly waiting: number;
}

/** Keys an adapter writes for parts of a message (Slack's journal); settled through their message's key. */
const PART_KEY = /^slack:/;
const LIVE_KEY = /^live(-more)?:/;

export async function recoverPendingDeliveries(deps: RecoveryDeps): Promise<RecoveryReport> {
  const { store, clock } = deps;
  const log = deps.logger.child({ component: 'delivery-recovery' });
  const report = { examined: 0, sent: 0, failed: 0, leftToOwner: 0, retrying: 0, waiting: 0 };
  const verdicts = new Map<string, boolean>();

  /** True when the row's claimer is certainly gone. */
  const orphaned = async (d: Delivery): Promise<boolean> => {
    if (d.claimedBy === store.instanceId) return false;
    if (d.claimedBy === null)
      return clock.now().getTime() - Date.parse(d.updatedAt) > (deps.unownedAfterMs ?? 10 * 60_000);
    const known = verdicts.get(d.claimedBy);
    if (known !== undefined) return !known;
    let alive = deps.isAlive ? deps.isAlive(d.claimedBy) : null;
    if (alive === null) {
      // Another host: alive while its heartbeat lease is held. Taking the lease proves it lapsed.
      const key = instanceLeaseKey(d.claimedBy);
      const free = await store.leases.tryLease(key, 1, clock.now());
      if (free) await store.leases.release(key);
      alive = !free;
    }
    verdicts.set(d.claimedBy, alive);
    return !alive;
  };

  const settle = async (d: Delivery): Promise<'sent' | 'failed' | 'retrying'> => {
    if (LIVE_KEY.test(d.key) && deps.resumeLive) {
      try {
        const result = await deps.resumeLive(d.key, new Date(d.createdAt));
        await store.deliveries.markSent(d.key, result.messageId);
        return 'sent';
      } catch (error) {
        const again = await noteLiveFailure(store.deliveries, d.key, error);
        log.warn({ err: error, key: d.key, retry: again }, 'recovered live post failed');
        return again ? 'retrying' : 'failed';
      }
    }
    const digest = parseDeliveryKey(d.key);
    if (!digest) {
      await store.deliveries.markFailed(d.key, 'abandoned by a process that died; not a delivery that can be resumed');
      return 'failed';
    }
    const schedule = await store.schedules.get(digest.scheduleId);
    const { slot } = digest;
    const why =
      !schedule || schedule.channelId !== digest.channelId
        ? 'its schedule was removed'
        : schedule.paused
          ? 'its schedule is paused'
          : staleDigest(schedule, slot, clock.now(), deps.cronSlots?.(schedule, slot).next ?? null);
    if (!schedule || why !== null) {
      await store.deliveries.markFailed(d.key, `${why}${d.lastError ? ` (last failure: ${d.lastError})` : ''}`);
      return 'failed';
    }
    try {
      const result = await deps.onSlot({
        schedule,
        slot,
        late: true,
        resume: { since: new Date(d.createdAt) },
        previousSlot: deps.cronSlots?.(schedule, slot).previous ?? null,
      });
      await store.deliveries.markSent(d.key, result?.messageId ?? null);
      return 'sent';
    } catch (error) {
      const again = await noteDeliveryFailure(store.deliveries, d.key, error, DIGEST_ATTEMPTS);
      log.warn({ err: error, key: d.key, retry: again }, 'recovered or retried digest failed');
      return again ? 'retrying' : 'failed';
    }
  };

  const batch = deps.batch ?? 500;
  const skip = new Set<string>();
  // Two passes: messages first (they settle their own parts through the adapter), then leftover parts.
  for (const pass of ['messages', 'parts'] as const) {
    for (;;) {
      const rows = (await store.deliveries.listPending(batch + skip.size)).filter((d) => !skip.has(d.key));
      if (rows.length === 0) break;
      for (const d of rows) {
        skip.add(d.key);
        const isPart = PART_KEY.test(d.key);
        if ((pass === 'messages') === isPart) continue;
        report.examined += 1;
        // A digest waiting for its retry was let go by its claimer: due, whoever claimed it; else it waits.
        const retry = !isPart && parseDeliveryKey(d.key) !== null && waitingForRetry(d);
        if (retry && digestRetryAt(d).getTime() > clock.now().getTime()) {
          report.waiting += 1;
          continue;
        }
        if (!retry && !(await orphaned(d))) {
          report.leftToOwner += 1;
          continue;
        }
        if (isPart) {
          await store.deliveries.markFailed(d.key, 'abandoned by a process that died');
          report.failed += 1;
          continue;
        }
        const outcome = await settle(d);
        report[outcome] += 1;
        log.info(
          { key: d.key, claimedBy: d.claimedBy, attempts: d.attempts, outcome },
          retry ? 'scheduled digest retried' : 'pending delivery left by a dead process settled',
        );
      }
      if (rows.length < batch) break;
    }
    if (pass === 'messages') skip.clear();
  }
  if (report.examined > 0) log.info(report, 'delivery recovery done');
  return report;
}
