/** The cron runner and cron helpers; the only place besides main.ts that imports node-cron. */
export {
  CronScheduler,
  type CronSchedulerOptions,
  type FanOutReport,
  type StartReport,
  type SlotOutcome,
  type CronGroupInfo,
} from './cron-scheduler.js';
export {
  validateCron,
  validateTimezone,
  nextRuns,
  nextSlotAfter,
  latestSlotIn,
  previousSlotBefore,
  slotsAround,
} from './cron-time.js';
