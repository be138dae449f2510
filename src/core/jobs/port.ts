/**
 * The job port: work shared between Herald processes (docs/decisions/021-job-port-pg-boss.md). node-cron
 * stays the trigger in every process; what a trigger starts becomes a job that exactly one free
 * process takes. A job whose process dies is retried by another after its expiry, so a handler
 * must be safe to run again: deliveries stay keyed in the store, which makes a retry post nothing twice.
 */

export interface SendOptions {
  /**
   * At most one job with this key per queue, however many processes send it (the same cron slot
   * fires in each): later sends are refused while the first job is known.
   */
  readonly singletonKey?: string;
}

export interface QueueOptions {
  /** A job running longer than this is taken for dead and given to another worker. */
  readonly expireInSeconds: number;
  /** Further attempts after a failure or an expiry. */
  readonly retryLimit: number;
  readonly retryDelaySeconds: number;
  /** Jobs this process runs at once from this queue. */
  readonly concurrency: number;
}

export type JobHandler<T> = (data: T) => Promise<void>;

export interface JobQueue {
  /** Which engine runs the jobs: 'in-process' (SQLite, one process) or 'pg-boss' (PostgreSQL). */
  readonly kind: 'in-process' | 'pg-boss';
  /** Creates the queue (idempotent) and starts taking its jobs in this process. */
  work<T extends object>(name: string, options: QueueOptions, handler: JobHandler<T>): Promise<void>;
  /** Enqueues a job; false when its singleton key was already taken. */
  send<T extends object>(name: string, data: T, options?: SendOptions): Promise<boolean>;
  /**
   * Enqueues many jobs at once (one statement on pg-boss): a fan-out to 10,000 channels is one
   * insert, not 10,000 round trips. Jobs whose singleton key is taken are left out.
   */
  sendMany<T extends object>(
    name: string,
    jobs: readonly { readonly data: T; readonly singletonKey?: string }[],
  ): Promise<void>;
  /** Jobs waiting to run (queued, or waiting for a retry), for /healthz and tests. */
  pending(name: string): Promise<number>;
  /** Stops taking jobs; running handlers finish (up to a timeout). */
  stop(): Promise<void>;
}
