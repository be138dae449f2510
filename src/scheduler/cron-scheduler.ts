/**
 * Runs schedules with node-cron 4: one cron task per distinct (expression, time zone), fanning
 * out to every active schedule sharing it (docs/decisions/008-one-cron-task-per-expression.md).
 * Each schedule's slot is delivered at most once per channel: the delivery key is claimed in the
 * store before the handler runs, so two schedulers on one database never both deliver.
 */
import cron, { type ScheduledTask } from 'node-cron';
import pLimit from 'p-limit';
import { DIGEST_ATTEMPTS, noteDeliveryFailure } from '../core/delivery/retry.js';
import type { JobQueue } from '../core/jobs/port.js';
import type { Clock, Logger } from '../core/ports.js';
import { err, failure, ok, type Result } from '../core/result.js';
import type { ScheduleControl, SlotHandler } from '../core/schedule/port.js';
import { deliveryKey, type Schedule } from '../core/store/records.js';
import type { HeraldStore, NewSchedule } from '../core/store/repositories.js';
import { nextRuns, validateCron, validateTimezone } from './cron-time.js';
import { missedSlots } from './missed-slots.js';
import type { RepeatingJob } from './poll-loop.js';
import { createSlotJobs, wholeSecond, type SlotJobs } from './slot-jobs.js';

export interface CronSchedulerOptions {
  readonly store: Pick<HeraldStore, 'schedules' | 'deliveries'>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly onSlot: SlotHandler;
  /** How late a slot missed while down may still be posted on start (config), e.g. 15 minutes. */
  readonly graceMs: number;
  /** Slot handlers running at once during a fan-out. Default 8. */
  readonly concurrency?: number;
  /** Jobs on a fixed interval that start and stop with the scheduler (feed polling). */
  readonly jobs?: readonly RepeatingJob[];
  /**
   * Schedules paused behind the scheduler's back (a channel became unavailable, see
   * app/channel-health.ts): the scheduler subscribes here to drop their timers.
   */
  readonly onSchedulesPaused?: (listener: (scheduleIds: readonly number[]) => void) => void;
  /**
   * The job queue shared by every process (src/scheduler/slot-jobs.ts): a cron tick or a
   * start-up catch-up becomes keyed jobs that whichever process is free runs. Without one, this
   * process fans out itself (tests, `fireGroup`).
   */
  readonly queue?: JobQueue;
  /** How long a delivery job may run before another process takes it over. Default 60 s. */
  readonly deliveryExpireSeconds?: number;
}

/**
 * What happened to one (schedule, slot); 'queued': handed to the job queue; 'retrying': failed for
 * a passing reason, pending until crash recovery's pass tries it again.
 */
export type SlotOutcome = 'sent' | 'failed' | 'retrying' | 'claimed-elsewhere' | 'queued';

export interface FanOutReport {
  readonly slot: Date;
  readonly sent: number;
  readonly failed: number;
  /** Failed for a passing reason; tried again later. */
  readonly retrying: number;
  readonly claimedElsewhere: number;
}

export interface StartReport {
  readonly schedules: number;
  readonly tasks: number;
  /** Slots missed while down and posted now, inside the grace window. */
  readonly caughtUp: readonly { readonly scheduleId: number; readonly slot: Date; readonly outcome: SlotOutcome }[];
  /** Slots missed while down and not posted, outside the grace window. */
  readonly skipped: readonly { readonly scheduleId: number; readonly slot: Date }[];
}

/** A cron group as tests and `/schedule list` may inspect it. */
export interface CronGroupInfo {
  readonly cron: string;
  readonly timezone: string;
  readonly scheduleIds: readonly number[];
}

interface Group {
  readonly cron: string;
  readonly timezone: string;
  readonly task: ScheduledTask;
  readonly schedules: Map<number, Schedule>;
}

const groupKey = (cronExpr: string, timezone: string) => `${cronExpr}|${timezone}`;

export class CronScheduler implements ScheduleControl {
  private readonly groups = new Map<string, Group>();
  private readonly log: Logger;
  private running = false;
  private readonly slotJobs: SlotJobs | null;
  // node-cron logs plain strings (a missed tick, a failed task); route them into our logger.
  private readonly cronLogger = {
    info: (message: string) => this.log.debug({ source: 'node-cron' }, message),
    debug: (message: string | Error) => this.log.debug({ source: 'node-cron' }, String(message)),
    warn: (message: string) => this.log.warn({ source: 'node-cron' }, message),
    error: (message: string | Error, error?: Error) =>
      this.log.error(
        { source: 'node-cron', err: error ?? message },
        typeof message === 'string' ? message : message.message,
      ),
  };

  constructor(private readonly options: CronSchedulerOptions) {
    this.log = options.logger.child({ component: 'scheduler' });
    this.slotJobs = options.queue
      ? createSlotJobs({
          queue: options.queue,
          store: options.store,
          logger: options.logger,
          deliver: (schedule, slot, late) => this.deliverSlot(schedule, slot, late),
          concurrency: options.concurrency ?? 8,
          ...(options.deliveryExpireSeconds ? { deliveryExpireSeconds: options.deliveryExpireSeconds } : {}),
        })
      : null;
    options.onSchedulesPaused?.((ids) => {
      for (const id of ids) this.unregister(id);
    });
  }

  /**
   * Loads every schedule from the store, starts the cron tasks, and posts missed slots within grace.
   * `jobs: false` leaves the repeating jobs (feed polling) off.
   */
  async start(opts: { jobs?: boolean } = {}): Promise<StartReport> {
    this.running = true;
    await this.slotJobs?.work();
    if (opts.jobs !== false) for (const job of this.options.jobs ?? []) job.start();
    const all = await this.options.store.schedules.listAll();
    const active = all.filter((s) => !s.paused);
    for (const schedule of active) this.register(schedule);
    const report = await this.catchUp(active);
    this.log.info({ schedules: all.length, active: active.length, tasks: this.groups.size }, 'scheduler started');
    return { schedules: all.length, tasks: this.groups.size, ...report };
  }

  /** Stops every cron task and job; waits for a job run in progress. Running fan-outs finish on their own. */
  async stop(): Promise<void> {
    this.running = false;
    for (const group of this.groups.values()) void group.task.destroy();
    this.groups.clear();
    await Promise.all((this.options.jobs ?? []).map((job) => job.stop()));
  }

  /** Re-reads schedules from the store, picking up changes made by another process. */
  async sync(): Promise<void> {
    const active = (await this.options.store.schedules.listAll()).filter((s) => !s.paused);
    const wanted = new Set(active.map((s) => s.id));
    for (const group of [...this.groups.values()]) {
      for (const id of [...group.schedules.keys()]) if (!wanted.has(id)) this.unregister(id);
    }
    for (const schedule of active) this.register(schedule);
  }

  async add(input: NewSchedule): Promise<Result<Schedule>> {
    const cronExpr = validateCron(input.cron);
    if (!cronExpr.ok) return cronExpr;
    const zone = validateTimezone(input.timezone);
    if (!zone.ok) return zone;
    const schedule = await this.options.store.schedules.create({
      ...input,
      cron: cronExpr.value,
      timezone: zone.value,
    });
    if (!schedule.paused) this.register(schedule);
    return ok(schedule);
  }

  async remove(id: number): Promise<Result<Schedule>> {
    const schedule = await this.options.store.schedules.get(id);
    if (!schedule) return notFound(id);
    await this.options.store.schedules.remove(id);
    this.unregister(id);
    return ok(schedule);
  }

  async pause(id: number): Promise<Result<Schedule>> {
    const schedule = await this.options.store.schedules.setPaused(id, true);
    if (!schedule) return notFound(id);
    this.unregister(id);
    return ok(schedule);
  }

  async resume(id: number): Promise<Result<Schedule>> {
    const schedule = await this.options.store.schedules.setPaused(id, false);
    if (!schedule) return notFound(id);
    this.register(schedule);
    return ok(schedule);
  }

  nextRuns(cronExpr: string, timezone: string, count: number, from: Date): Result<Date[]> {
    return nextRuns(cronExpr, timezone, count, from);
  }

  /** Number of cron tasks (timers) running: one per distinct expression and zone. */
  taskCount(): number {
    return this.groups.size;
  }

  groupsInfo(): readonly CronGroupInfo[] {
    return [...this.groups.values()].map((g) => ({
      cron: g.cron,
      timezone: g.timezone,
      scheduleIds: [...g.schedules.keys()],
    }));
  }

  /** Fires one slot of one (expression, zone) group for all its schedules; what a cron tick does. */
  async fireGroup(cronExpr: string, timezone: string, slot: Date): Promise<FanOutReport> {
    const group = this.groups.get(groupKey(cronExpr, timezone));
    const schedules = group ? [...group.schedules.values()] : [];
    const limit = pLimit(this.options.concurrency ?? 8);
    const outcomes = await Promise.all(schedules.map((s) => limit(() => this.deliverSlot(s, slot, false))));
    const count = (o: SlotOutcome) => outcomes.filter((x) => x === o).length;
    const report = {
      slot,
      sent: count('sent'),
      failed: count('failed'),
      retrying: count('retrying'),
      claimedElsewhere: count('claimed-elsewhere'),
    };
    this.log.info({ cron: cronExpr, timezone, ...report, slot: slot.toISOString() }, 'slot fanned out');
    return report;
  }

  /**
   * What a cron tick does: with a job queue, one keyed slot job (the same tick in N processes
   * makes one); without, the fan-out runs here.
   */
  async trigger(cronExpr: string, timezone: string, slot: Date): Promise<void> {
    if (!this.slotJobs) {
      await this.fireGroup(cronExpr, timezone, slot);
      return;
    }
    const sent = await this.slotJobs.trigger(cronExpr, timezone, slot);
    this.log.info({ cron: cronExpr, timezone, slot: slot.toISOString(), sent }, 'slot job sent');
  }

  /**
   * Claims the slot's delivery key for the schedule's channel and, if won, runs the handler.
   * A delivery job runs this; a second run of the same (schedule, slot) finds the key taken.
   */
  async deliverSlot(schedule: Schedule, slot: Date, late: boolean): Promise<SlotOutcome> {
    const { store, onSlot } = this.options;
    const key = deliveryKey(schedule.id, slot, schedule.channelId);
    let outcome: SlotOutcome = 'claimed-elsewhere';
    try {
      if (await store.deliveries.claim(key)) {
        try {
          const result = await onSlot({ schedule, slot, late });
          await store.deliveries.markSent(key, result?.messageId ?? null);
          outcome = 'sent';
        } catch (error) {
          // A passing failure leaves the claim pending for crash recovery's pass to retry (decision 048).
          const again = await noteDeliveryFailure(store.deliveries, key, error, DIGEST_ATTEMPTS);
          outcome = again ? 'retrying' : 'failed';
          this.log[again ? 'warn' : 'error'](
            { err: error, scheduleId: schedule.id, slot: slot.toISOString(), key, retry: again },
            again ? 'scheduled delivery failed; it will be tried again' : 'scheduled delivery failed',
          );
        }
      }
      // Recorded whoever delivered: the slot is handled either way.
      await store.schedules.recordRun(schedule.id, slot);
      this.remember({ ...schedule, lastRunSlot: slot.toISOString() });
    } catch (error) {
      // A store failure in one channel must not stop the fan-out to the others.
      outcome = 'failed';
      this.log.error(
        { err: error, scheduleId: schedule.id, slot: slot.toISOString(), key },
        'scheduled slot could not be recorded',
      );
    }
    return outcome;
  }

  private async catchUp(active: readonly Schedule[]): Promise<Omit<StartReport, 'schedules' | 'tasks'>> {
    const { late, skipped } = missedSlots(active, this.options.clock.now(), this.options.graceMs);
    for (const { scheduleId, slot } of skipped)
      this.log.warn(
        { scheduleId, slot: slot.toISOString(), graceMs: this.options.graceMs },
        'missed slot skipped: outside the grace window',
      );
    const caughtUp: { scheduleId: number; slot: Date; outcome: SlotOutcome }[] = [];
    if (this.slotJobs) {
      // One insert per slot; every process starting sends the same keys, so one job each.
      const bySlot = new Map<number, number[]>();
      for (const { schedule, slot } of late)
        bySlot.set(slot.getTime(), [...(bySlot.get(slot.getTime()) ?? []), schedule.id]);
      for (const [slot, ids] of bySlot) await this.slotJobs.queueDeliveries(ids, new Date(slot), true);
      for (const { schedule, slot } of late) caughtUp.push({ scheduleId: schedule.id, slot, outcome: 'queued' });
      if (late.length > 0) this.log.info({ schedules: late.length }, 'missed slots queued, within the grace window');
      return { caughtUp, skipped };
    }
    for (const { schedule, slot } of late) {
      const outcome = await this.deliverSlot(schedule, slot, true);
      caughtUp.push({ scheduleId: schedule.id, slot, outcome });
      this.log.info(
        { scheduleId: schedule.id, slot: slot.toISOString(), outcome },
        'missed slot posted late, within the grace window',
      );
    }
    return { caughtUp, skipped };
  }

  private register(schedule: Schedule): void {
    this.unregister(schedule.id);
    if (!this.running) return;
    const key = groupKey(schedule.cron, schedule.timezone);
    let group = this.groups.get(key);
    if (!group) {
      const task = cron.schedule(
        schedule.cron,
        async (context) => {
          await this.trigger(schedule.cron, schedule.timezone, wholeSecond(context.date));
        },
        { timezone: schedule.timezone, name: `herald:${key}`, logger: this.cronLogger },
      );
      group = { cron: schedule.cron, timezone: schedule.timezone, task, schedules: new Map() };
      this.groups.set(key, group);
    }
    group.schedules.set(schedule.id, schedule);
  }

  private remember(schedule: Schedule): void {
    const group = this.groups.get(groupKey(schedule.cron, schedule.timezone));
    if (group?.schedules.has(schedule.id)) group.schedules.set(schedule.id, schedule);
  }

  private unregister(id: number): void {
    for (const [key, group] of this.groups) {
      if (!group.schedules.delete(id)) continue;
      // An empty group costs a timer for nothing.
      if (group.schedules.size === 0) {
        void group.task.destroy();
        this.groups.delete(key);
      }
    }
  }
}

function notFound(id: number): Result<never> {
  return err(failure('not_found', `There is no schedule ${id}.`, { hint: 'Use /schedule list to see the ids.' }));
}
