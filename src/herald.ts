/**
 * What the composition root (src/main.ts) takes and what it builds: `HeraldDeps` in, a `Herald`
 * out. Kept apart from main.ts so the wiring reads on its own; main.ts re-exports these types.
 */
import type { Writable } from 'node:stream';
import type { Config } from './config/schema.js';
import type { CommandRegistry } from './core/commands/registry.js';
import type { Dispatcher } from './core/commands/dispatch.js';
import type { AnalysedArticle, ArticleLibrary, Clock, DeliveryPort, Logger } from './core/ports.js';
import type { Result } from './core/result.js';
import type { HeraldStore } from './core/store/repositories.js';
import type { JobQueue } from './core/jobs/port.js';
import type { createChannelHealth } from './app/channel-health.js';
import type { PlatformPlugin } from './app/platforms.js';
import type { PollSummary } from './app/poller.js';
import type { FetchFeedDeps } from './feeds/index.js';
import type { DashboardLogin } from './dashboard/index.js';
import type { CronScheduler } from './scheduler/index.js';
import type { SelectedStore } from './store/open-store.js';

export interface HeraldDeps {
  readonly logger: Logger;
  readonly clock?: Clock;
  /** Reference ids for logged errors (tests make them predictable). */
  readonly newRef?: () => string;
  /**
   * The store. Default: the SQLite file under `config.dataDir`, opened and migrated here and closed
   * by `close()`. A store passed in stays the caller's to close; `'memory'` is a private in-memory
   * SQLite database (tests and one-shot analysis).
   */
  readonly store?: HeraldStore | 'memory';
  /** Where shell deliveries print (`herald start` without chat platforms); no shell delivery without it. */
  readonly shellOutput?: Writable & { isTTY?: boolean };
  /**
   * The job queue scheduled digests and feed polls run on (docs/decisions/036-work-as-jobs.md).
   * Default: pg-boss on the PostgreSQL store the root opens, else in process. Closed by `close()`.
   */
  readonly queue?: JobQueue;
}

/** What `start` brought up. */
export interface Running {
  readonly started: readonly string[];
  readonly http: { port: number } | null;
}

/** A built Herald. Nothing runs (no timers, no sockets) until `start`. */
export interface Herald {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly store: HeraldStore;
  readonly library: ArticleLibrary;
  /** Routes scheduled digests and feed notices to the platform of their channel. */
  readonly delivery: DeliveryPort;
  readonly scheduler: CronScheduler;
  /** Where scheduled deliveries and feed polls run: shared by every process on PostgreSQL. */
  readonly queue: JobQueue;
  /** The engine behind the store, when the root opened it (null: a store passed in). */
  readonly selectedStore: SelectedStore | null;
  readonly feedFetch: FetchFeedDeps;
  readonly registry: CommandRegistry;
  readonly dispatcher: Dispatcher;
  readonly plugins: readonly PlatformPlugin[];
  /** Dashboard sign-in: `herald dashboard` mints its links here, as `/dashboard` does. */
  readonly dashboard: DashboardLogin;
  /** A channel the bot can no longer post to: pause its schedules and record why. */
  channelUnavailable(
    where: Parameters<ReturnType<typeof createChannelHealth>['unavailable']>[0],
    reason: unknown,
  ): Promise<void>;
  /** Loads a file or URL, analyses it and makes it the current article of this process. */
  load(ref: string): Promise<Result<AnalysedArticle>>;
  /** One feed poll cycle now (`herald poll --once`; `all`: every feed, due or not). */
  pollOnce(opts?: { all?: boolean }): Promise<PollSummary>;
  /**
   * Starts the HTTP server (when a plugin needs it, HERALD_PUBLIC_URL is set or `dashboard: true`
   * asks for the web dashboard), every plugin, and the scheduler with feed polling (`poll: false`
   * leaves polling off). Rejects when a platform cannot start.
   */
  start(opts?: { poll?: boolean; dashboard?: boolean }): Promise<Running>;
  /** Stops what `start` started, then closes the store when the root opened it. */
  close(): Promise<void>;
}
