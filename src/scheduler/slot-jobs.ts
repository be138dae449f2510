/**
 * Scheduled digests as jobs (docs/decisions/036-work-as-jobs.md). node-cron fires in every
 * process; the tick becomes one `schedule-slot` job per (cron group, slot), whose singleton key
 * makes the ticks of N processes one job. Whichever process takes it reads the group's schedules
 * from the store and enqueues one `schedule-delivery` job per (schedule, slot), i.e. per channel,
 * again keyed, so a repeated fan-out or a start-up catch-up of the same slot adds nothing. Each
 * delivery job claims the delivery key in the store before posting: a job retried after its
 * process died never posts twice.
 */
import type { JobQueue, QueueOptions } from '../core/jobs/port.js';
import type { Logger } from '../core/ports.js';
import type { Schedule } from '../core/store/records.js';
import type { HeraldStore } from '../core/store/repositories.js';

export const SLOT_QUEUE = 'schedule-slot';
export const DELIVERY_QUEUE = 'schedule-delivery';

export interface SlotJob {
  readonly cron: string;
  readonly timezone: string;
  /** ISO instant of the slot the cron expression named. */
  readonly slot: string;
}

export interface DeliveryJob {
  readonly scheduleId: number;
  readonly slot: string;
  readonly late: boolean;
}

/** One fan-out at a time per process; it is one insert, so it is short. */
export const SLOT_JOB_OPTIONS: QueueOptions = {
  expireInSeconds: 300,
  retryLimit: 3,
  retryDelaySeconds: 5,
  concurrency: 1,
};

/**
 * A delivery is one channel's digest: seconds, a minute when a platform rate-limits hard. After
 * `expireInSeconds` a job whose process died is handed to another one.
 */
export function deliveryJobOptions(concurrency: number, expireInSeconds = 60): QueueOptions {
  return { expireInSeconds, retryLimit: 3, retryDelaySeconds: 2, concurrency };
}

export const slotJobKey = (cron: string, timezone: string, slot: Date): string =>
  `${cron}|${timezone}|${slot.toISOString()}`;
export const deliveryJobKey = (scheduleId: number, slot: Date): string => `${scheduleId}:${slot.toISOString()}`;

/** The slot a cron tick names, to the second: every process must derive the same job key from it. */
export const wholeSecond = (date: Date): Date => new Date(Math.floor(date.getTime() / 1000) * 1000);

export interface SlotJobsDeps {
  readonly queue: JobQueue;
  readonly store: Pick<HeraldStore, 'schedules'>;
  readonly logger: Logger;
  /** Claims the key and runs the slot handler for one schedule (the scheduler's `deliverSlot`). */
  readonly deliver: (schedule: Schedule, slot: Date, late: boolean) => Promise<unknown>;
  /** Delivery jobs this process runs at once. */
  readonly concurrency: number;
  readonly deliveryExpireSeconds?: number;
}

export interface SlotJobs {
  /** What a cron tick does: one keyed job for the slot, whichever process sends it first. */
  trigger(cron: string, timezone: string, slot: Date): Promise<boolean>;
  /** One keyed delivery job per schedule (start-up catch-up, and the slot job's fan-out). */
  queueDeliveries(scheduleIds: readonly number[], slot: Date, late: boolean): Promise<void>;
  /** Starts taking slot and delivery jobs in this process. */
  work(): Promise<void>;
}

export function createSlotJobs(deps: SlotJobsDeps): SlotJobs {
  const log = deps.logger.child({ component: 'slot-jobs' });
  const queueDeliveries = async (scheduleIds: readonly number[], slot: Date, late: boolean): Promise<void> => {
    await deps.queue.sendMany<DeliveryJob>(
      DELIVERY_QUEUE,
      scheduleIds.map((scheduleId) => ({
        data: { scheduleId, slot: slot.toISOString(), late },
        singletonKey: deliveryJobKey(scheduleId, slot),
      })),
    );
  };
  return {
    trigger: (cron, timezone, slot) =>
      deps.queue.send<SlotJob>(
        SLOT_QUEUE,
        { cron, timezone, slot: slot.toISOString() },
        { singletonKey: slotJobKey(cron, timezone, slot) },
      ),
    queueDeliveries,
    async work() {
      await deps.queue.work<SlotJob>(SLOT_QUEUE, SLOT_JOB_OPTIONS, async (job) => {
        // The store, not this process's timers, says who follows the group: another process may
        // have added a schedule this one has not synced yet.
        const ids = (await deps.store.schedules.listAll())
          .filter((s) => !s.paused && s.cron === job.cron && s.timezone === job.timezone)
          .map((s) => s.id);
        await queueDeliveries(ids, new Date(job.slot), false);
        log.info({ ...job, deliveries: ids.length }, 'slot fanned out into delivery jobs');
      });
      await deps.queue.work<DeliveryJob>(
        DELIVERY_QUEUE,
        deliveryJobOptions(deps.concurrency, deps.deliveryExpireSeconds),
        async (job) => {
          const schedule = await deps.store.schedules.get(job.scheduleId);
          // Removed or paused since the slot fired: nothing to post.
          if (!schedule || schedule.paused) return;
          await deps.deliver(schedule, new Date(job.slot), job.late);
        },
      );
    },
  };
}
