/**
 * A job that runs every `everyMs` without ever overlapping itself: a tick that comes while the
 * previous run is still going is skipped (and logged), so a slow feed poll can never run twice at
 * once, and the poll lease its run takes is held from the start of a run to its end
 * (docs/decisions/029-feed-polling-schedule.md).
 */
import type { Logger } from '../core/ports.js';

export interface RepeatingJobOptions {
  readonly name: string;
  readonly everyMs: number;
  /** One run; a throw is logged and the next tick runs as usual. */
  readonly run: () => Promise<void>;
  readonly logger: Logger;
  /** Run once right away on start (the poller: new feeds need not wait a minute). Default true. */
  readonly runOnStart?: boolean;
}

export interface RepeatingJob {
  start(): void;
  /** Stops the timer and waits for a run in progress to finish. */
  stop(): Promise<void>;
  /** Runs once now unless a run is in progress; resolves when that run (or the one in progress) ends. */
  tick(): Promise<void>;
  /** Ticks skipped because a run was still going (for logs and tests). */
  readonly skipped: number;
}

export function createRepeatingJob(opts: RepeatingJobOptions): RepeatingJob {
  const log = opts.logger.child({ job: opts.name });
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> | null = null;
  let skipped = 0;

  const tick = (): Promise<void> => {
    if (inFlight) {
      skipped += 1;
      log.warn({ everyMs: opts.everyMs }, 'previous run still going; this tick is skipped');
      return inFlight;
    }
    inFlight = opts
      .run()
      .catch((e: unknown) => log.error({ err: e }, `${opts.name} failed`))
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };

  return {
    get skipped() {
      return skipped;
    },
    tick,
    start() {
      if (timer) return;
      timer = setInterval(() => void tick(), opts.everyMs);
      timer.unref();
      if (opts.runOnStart !== false) void tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await inFlight;
    },
  };
}
