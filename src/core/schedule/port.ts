/**
 * What `/schedule` commands need from the scheduler, without knowing it runs on node-cron.
 * `src/scheduler/cron-scheduler.ts` implements it; commands receive it as an argument.
 */
import type { Result } from '../result.js';
import type { Schedule } from '../store/records.js';
import type { NewSchedule } from '../store/repositories.js';

/** A slot being fired for one schedule (one channel). */
export interface SlotEvent {
  readonly schedule: Schedule;
  /** The instant the cron expression named, not the moment it ran. */
  readonly slot: Date;
  /** True when fired on start-up for a slot missed while the bot was down. */
  readonly late: boolean;
  /** Set by crash recovery: a dead process claimed this slot at `since` and may have posted it. */
  readonly resume?: { readonly since: Date };
  /**
   * The schedule's slot before this one, by its cron expression. Set when a digest is posted again
   * (a retry, a crash recovery): its slot may already be recorded as run, and the new articles it
   * lists are still those after the slot before it.
   */
  readonly previousSlot?: Date | null;
}

/**
 * Builds and delivers the digest of one slot; the scheduler has already claimed its delivery key.
 * Resolving marks the delivery sent (with the platform message id when known); throwing marks it failed.
 */
export type SlotHandler = (event: SlotEvent) => Promise<{ readonly messageId?: string | null } | void>;

export interface ScheduleControl {
  /** Validates cron and zone (Failure with an example when wrong), stores and starts the schedule. */
  add(input: NewSchedule): Promise<Result<Schedule>>;
  remove(id: number): Promise<Result<Schedule>>;
  pause(id: number): Promise<Result<Schedule>>;
  resume(id: number): Promise<Result<Schedule>>;
  /** Next run times strictly after `from`, for `/schedule next`. */
  nextRuns(cron: string, timezone: string, count: number, from: Date): Result<Date[]>;
  /** Re-reads schedules written straight to the store (a `/config import` transaction). */
  sync?(): Promise<void>;
}
