import type { AccessLevel } from './define.js';
import type { AnalysedArticle, ArticleLibrary, ChannelDirectory, Clock, Invoker, Logger, Where } from '../ports.js';
import type { CommandRegistry } from './registry.js';
import type { HeraldStore } from '../store/repositories.js';
import type { FeedService } from '../feeds/service.js';
import type { ScheduleControl } from '../schedule/port.js';
import type { Limits } from '../limits.js';
import type { DashboardLinks } from '../dashboard/links.js';

/** What every command gets, whatever it declares. */
export interface BaseServices {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly library: ArticleLibrary;
  readonly registry: CommandRegistry;
  /** Limits on schedules, feeds and imports; the store enforces the counts, commands read the rest. */
  readonly limits?: Limits;
}

/**
 * Parts a command must declare in `needs` to receive (docs/decisions/030-typed-capabilities.md).
 * The composition root provides them all; a smaller app (a test, a bench) provides what it has,
 * and the registry refuses at start-up a command that needs more.
 */
export interface Capabilities {
  /** The persistent store. */
  readonly store: HeraldStore;
  /** Fetching a feed once (`/feeds add`, `/feeds test`). */
  readonly feeds: FeedService;
  /** The scheduler behind `/schedule`. */
  readonly schedules: ScheduleControl;
  /** Asks the platform whether a channel id is in the caller's workspace (imports naming channels). */
  readonly channels: ChannelDirectory;
  /** Sign-in links to the web dashboard (`/dashboard`). */
  readonly dashboard: DashboardLinks;
}
export type Capability = keyof Capabilities;
/** A capability, or `'article'`: the command answers from an article resolved by the framework. */
export type Need = Capability | 'article';
export const CAPABILITIES: readonly Capability[] = ['store', 'feeds', 'schedules', 'channels', 'dashboard'];

/** The services a command with needs `N` sees: the base ones plus exactly what it declared. */
export type ServicesFor<N extends Need> = BaseServices & Pick<Capabilities, Extract<N, Capability>>;

/**
 * What `run` receives. `article` exists (in the type and at run time) only for commands that
 * declare `needs: ['article']`; `services` holds only the capabilities declared.
 */
export type CommandContext<A, N extends Need = never> = {
  readonly args: A;
  readonly invoker: Invoker & { readonly level: AccessLevel };
  readonly where: Where;
  readonly services: ServicesFor<N>;
} & ([Extract<N, 'article'>] extends [never] ? unknown : { readonly article: AnalysedArticle });
