import type { AccessLevel } from './define.js';
import type { AnalysedArticle, ArticleLibrary, Clock, Invoker, Logger, Where } from '../ports.js';
import type { CommandRegistry } from './registry.js';
import type { HeraldStore } from '../store/repositories.js';
import type { FeedService } from '../feeds/service.js';
import type { ScheduleControl } from '../schedule/port.js';
import type { Limits } from '../limits.js';

/**
 * Services available to commands beyond the article. Later layers (store, feeds,
 * schedules) add optional members here; a command that needs one and finds it missing
 * answers with a clear "not available in this mode" reply.
 */
export interface CommandServices {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly library: ArticleLibrary;
  readonly registry: CommandRegistry;
  /** The persistent store; absent in store-less runs (some unit tests). */
  readonly store?: HeraldStore;
  /** Fetching feeds once (`/feeds add`, `/feeds test`); absent when feeds are not wired. */
  readonly feeds?: FeedService;
  /** Runs schedules (the cron scheduler); absent where nothing runs them. */
  readonly schedules?: ScheduleControl;
  /** Limits on schedules, feeds and imports; the store enforces the counts, commands read the rest. */
  readonly limits?: Limits;
}

export interface CommandContext<A> {
  readonly args: A;
  readonly invoker: Invoker & { readonly level: AccessLevel };
  readonly where: Where;
  /** For `usesArticle` commands: the resolved article (explicit `article` option, else current). */
  readonly article: AnalysedArticle;
  readonly services: CommandServices;
}
