/**
 * The job port inside one process, for the SQLite install: no other process exists to take a
 * job over, so there is no expiry hand-over, but singleton keys, retries and concurrency behave
 * as with pg-boss, and the same contract tests run on both.
 */
import type { JobHandler, JobQueue, QueueOptions, SendOptions } from '../core/jobs/port.js';
import type { Logger } from '../core/ports.js';

interface Job {
  readonly data: object;
  attempts: number;
}

interface Queue {
  readonly options: QueueOptions;
  readonly handler: JobHandler<object>;
  readonly waiting: Job[];
  running: number;
  /** Jobs waiting for a retry delay. */
  delayed: number;
}

/** Singleton keys remembered at most (oldest forgotten first); a slot key is only resent within minutes. */
const MAX_KEYS = 100_000;

export function createInProcessQueue(deps: { readonly logger: Logger }): JobQueue {
  const log = deps.logger.child({ component: 'jobs' });
  const queues = new Map<string, Queue>();
  const backlog = new Map<string, Job[]>();
  const keys = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  const idle = new Set<() => void>();
  let stopped = false;

  const pump = (name: string, queue: Queue): void => {
    while (!stopped && queue.running < queue.options.concurrency && queue.waiting.length > 0) {
      const job = queue.waiting.shift()!;
      queue.running += 1;
      void run(name, queue, job);
    }
    if (queue.running === 0) for (const resolve of idle) resolve();
  };

  const run = async (name: string, queue: Queue, job: Job): Promise<void> => {
    job.attempts += 1;
    try {
      // A turn of the event loop first, so a burst of jobs never runs as one unbroken chain.
      await new Promise<void>((resolve) => setImmediate(resolve));
      await queue.handler(job.data);
    } catch (error) {
      if (job.attempts <= queue.options.retryLimit && !stopped) {
        log.warn({ err: error, queue: name, attempt: job.attempts }, 'job failed; retrying');
        queue.delayed += 1;
        const timer = setTimeout(() => {
          timers.delete(timer);
          queue.delayed -= 1;
          queue.waiting.push(job);
          pump(name, queue);
        }, queue.options.retryDelaySeconds * 1000);
        timers.add(timer);
      } else {
        log.error({ err: error, queue: name, attempts: job.attempts }, 'job failed for good');
      }
    } finally {
      queue.running -= 1;
      pump(name, queue);
    }
  };

  const port: JobQueue = {
    kind: 'in-process',
    async work<T extends object>(name: string, options: QueueOptions, handler: JobHandler<T>) {
      const queue: Queue = {
        options,
        handler: handler as JobHandler<object>,
        waiting: backlog.get(name) ?? [],
        running: 0,
        delayed: 0,
      };
      backlog.delete(name);
      queues.set(name, queue);
      pump(name, queue);
    },
    async send<T extends object>(name: string, data: T, options: SendOptions = {}) {
      if (stopped) return false;
      if (options.singletonKey !== undefined) {
        const key = `${name}\u0000${options.singletonKey}`;
        if (keys.has(key)) return false;
        keys.add(key);
        if (keys.size > MAX_KEYS) keys.delete(keys.values().next().value as string);
      }
      const job: Job = { data, attempts: 0 };
      const queue = queues.get(name);
      if (queue) {
        queue.waiting.push(job);
        pump(name, queue);
      } else {
        // Sent before a worker registered: kept until one does.
        backlog.set(name, [...(backlog.get(name) ?? []), job]);
      }
      return true;
    },
    async sendMany(name, jobs) {
      for (const job of jobs)
        await port.send(name, job.data, job.singletonKey !== undefined ? { singletonKey: job.singletonKey } : {});
    },
    async pending(name) {
      const queue = queues.get(name);
      if (!queue) return backlog.get(name)?.length ?? 0;
      return queue.waiting.length + queue.delayed;
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const busy = () => [...queues.values()].some((q) => q.running > 0);
      while (busy()) await new Promise<void>((resolve) => idle.add(resolve));
      idle.clear();
    },
  };
  return port;
}
