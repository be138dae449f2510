/**
 * Which slots a schedule missed while no Herald ran: the latest one inside the grace window is
 * posted late on start; one outside it is skipped (and logged by the scheduler).
 */
import type { Schedule } from '../core/store/records.js';
import { latestSlotIn, nextSlotAfter } from './cron-time.js';

export interface MissedSlots {
  /** Posted late: the latest missed slot inside the grace window, per schedule. */
  readonly late: readonly { readonly schedule: Schedule; readonly slot: Date }[];
  /** Missed, outside the grace window: the first missed slot, per schedule. */
  readonly skipped: readonly { readonly scheduleId: number; readonly slot: Date }[];
}

export function missedSlots(active: readonly Schedule[], now: Date, graceMs: number): MissedSlots {
  const windowStart = new Date(now.getTime() - graceMs);
  const late: { schedule: Schedule; slot: Date }[] = [];
  const skipped: { scheduleId: number; slot: Date }[] = [];
  for (const schedule of active) {
    // Before its first run, a schedule has "run" when it was created: nothing earlier is missed.
    const baseline = new Date(schedule.lastRunSlot ?? schedule.createdAt);
    const missed = nextSlotAfter(schedule.cron, schedule.timezone, baseline);
    if (missed.getTime() > now.getTime()) continue;
    const after = baseline.getTime() > windowStart.getTime() ? baseline : windowStart;
    const slot = latestSlotIn(schedule.cron, schedule.timezone, after, now);
    if (slot) late.push({ schedule, slot });
    else skipped.push({ scheduleId: schedule.id, slot: missed });
  }
  return { late, skipped };
}
