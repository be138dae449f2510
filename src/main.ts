/**
 * The composition root: the only place that wires concrete parts together (registry,
 * dispatcher, library, ingest + analysis, logger). Adapters and the CLI call `createApp`
 * and never build these parts themselves.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import pretty from 'pino-pretty';
import { buildCommandList, feedsAutocomplete, scheduleAutocomplete } from '../commands/index.js';
import { loadConfig, readDotEnv } from './config/load.js';
import type { Config } from './config/schema.js';
import { analyse } from './core/analyse/index.js';
import type { Article } from './core/article/types.js';
import { coreProviders } from './core/commands/autocomplete.js';
import { createDispatcher, type Dispatcher } from './core/commands/dispatch.js';
import { createRegistry, type CommandRegistry } from './core/commands/registry.js';
import { loadArticle } from './core/ingest/index.js';
import { createMemoryLibrary, type MemoryLibrary } from './core/library/memory-library.js';
import {
  systemClock,
  type AnalysedArticle,
  type ArticleLibrary,
  type Clock,
  type DeliveryPort,
  type Logger,
  type Platform,
} from './core/ports.js';
import type { ScheduleControl } from './core/schedule/port.js';
import type { HeraldStore } from './core/store/repositories.js';
import { createDeliveryRouter } from './app/delivery-router.js';
import { createFeedService, feedFetchDeps } from './app/feed-service.js';
import { createSlotHandler } from './app/slot-handler.js';
import { createStoredAccess } from './app/stored-access.js';
import { createStoredLibrary } from './app/stored-library.js';
import type { FetchFeedDeps } from './feeds/index.js';
import { CronScheduler } from './scheduler/index.js';
import { openStore } from './store/open-store.js';
import { FailureError, ok, type Result } from './core/result.js';

/** The sample article shipped in the package, found from this file so any cwd works. */
export const BUNDLED_SAMPLE_PATH = fileURLToPath(
  new URL('../assets/articles/xinhua-space-partnership.txt', import.meta.url),
);

/** The parts of the configuration the app itself reads. The full `Config` satisfies it. */
export type AppConfig = Pick<Config, 'listCommands' | 'sampleArticle' | 'dataDir' | 'discord' | 'slack'> &
  Partial<Pick<Config, 'feeds' | 'schedules' | 'digest'>>;

export interface AppDeps {
  readonly logger: Logger;
  readonly clock?: Clock;
  readonly readFile?: (path: string) => Promise<string>;
  readonly fetch?: typeof fetch;
  /** Reference ids for logged errors (tests make them predictable). */
  readonly newRef?: () => string;
  /** The persistent store. Without one the app keeps articles in memory (analysis-only runs, some tests). */
  readonly store?: HeraldStore;
  /** Feed fetching (address policy, limits); needed by /feeds with a store. */
  readonly feedFetch?: FetchFeedDeps;
  /** The scheduler behind /schedule; it only runs cron timers once started. */
  readonly schedules?: ScheduleControl;
}

export interface App {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly registry: CommandRegistry;
  readonly dispatcher: Dispatcher;
  readonly library: ArticleLibrary;
  readonly store: HeraldStore | null;
  /** Loads a file or URL, analyses it and makes it the current article of this process. */
  load(ref: string): Promise<Result<AnalysedArticle>>;
}

/** Analysis is pure; the id is the article's content hash, so the same story keeps one id. */
export function analyseArticle(article: Article): AnalysedArticle {
  return { id: article.id, article, facts: analyse(article) };
}

/** Wires the app. Fails (as a value) only when the command declarations are invalid. */
export function createApp(config: AppConfig, deps: AppDeps): Result<App> {
  const clock = deps.clock ?? systemClock;
  const io = { readFile: deps.readFile ?? ((p: string) => readFile(p, 'utf8')), fetch: deps.fetch ?? globalThis.fetch };
  const built = createRegistry(buildCommandList(config));
  if (!built.ok) return built;
  const registry = built.value;

  const loadAnalysed = async (ref: string): Promise<Result<AnalysedArticle>> => {
    const loaded = await loadArticle(ref, io);
    return loaded.ok ? ok(analyseArticle(loaded.value)) : loaded;
  };
  const sample = async (): Promise<AnalysedArticle> => {
    const loaded = await loadAnalysed(config.sampleArticle);
    // The dispatcher turns a FailureError into a short reply instead of an internal error.
    if (!loaded.ok) throw new FailureError(loaded.error);
    return loaded.value;
  };

  // Articles given on the command line (--article, :load) override the channel's current one
  // for this process only; they never change what is stored.
  const overlay = createMemoryLibrary();
  const base: ArticleLibrary = deps.store
    ? createStoredLibrary({ store: deps.store, analyse, sample, logger: deps.logger })
    : createMemoryLibrary({ sample });
  const library = withOverlay(overlay, base);

  const store = deps.store ?? null;
  const services: Record<string, unknown> = {};
  if (store) services['store'] = store;
  if (store && deps.feedFetch) services['feeds'] = createFeedService({ fetch: deps.feedFetch, analyse });
  if (deps.schedules) services['schedules'] = deps.schedules;

  const dispatcher = createDispatcher({
    registry,
    library,
    clock,
    logger: deps.logger,
    ...(store ? { access: createStoredAccess(store) } : {}),
    autocomplete: {
      ...coreProviders({ library, registry: () => registry }),
      ...(store ? { feeds: feedsAutocomplete(store), schedules: scheduleAutocomplete(store) } : {}),
    },
    services,
    ...(deps.newRef ? { newRef: deps.newRef } : {}),
  });

  return ok({
    config,
    logger: deps.logger,
    registry,
    dispatcher,
    library,
    store,
    async load(ref) {
      const a = await loadAnalysed(ref);
      if (a.ok) overlay.add(a.value);
      return a;
    },
  });
}

/** The overlay answers first when it holds anything; otherwise the base library does. */
function withOverlay(overlay: MemoryLibrary, base: ArticleLibrary): ArticleLibrary {
  return {
    current: async (where) => overlay.all()[0] ?? base.current(where),
    find: async (where, ref) => (await overlay.find(where, ref)) ?? base.find(where, ref),
    recent: async (where, limit) => {
      const mine = overlay.all().length > 0 ? await overlay.recent(where, limit) : [];
      const theirs = await base.recent(where, limit);
      return [...mine, ...theirs.filter((t) => !mine.some((m) => m.id === t.id))].slice(0, limit);
    },
    recentAnalysed: async (where, limit) => {
      const mine = overlay.all().length > 0 ? await overlay.recentAnalysed(where, limit) : [];
      const theirs = await base.recentAnalysed(where, limit);
      return [...mine, ...theirs.filter((t) => !mine.some((m) => m.id === t.id))].slice(0, limit);
    },
  };
}

/** A running Herald: the app plus its store, scheduler and a late-bound delivery router. */
export interface OpenedApp {
  readonly app: App;
  readonly store: HeraldStore;
  readonly scheduler: CronScheduler;
  readonly feedFetch: FetchFeedDeps;
  /** Routes scheduled digests and feed notices by platform; adapters plug their port in. */
  readonly deliveryPorts: Partial<Record<Platform, DeliveryPort | null>>;
  readonly delivery: DeliveryPort;
  close(): Promise<void>;
}

/**
 * Opens the store the config names (PostgreSQL with DATABASE_URL, else SQLite under the data dir), builds the
 * scheduler (timers start only with `scheduler.start()`), and wires the app on them.
 */
export async function openApp(
  config: Config,
  deps: Omit<AppDeps, 'store' | 'schedules' | 'feedFetch'>,
): Promise<Result<OpenedApp>> {
  const clock = deps.clock ?? systemClock;
  const feedFetch = feedFetchDeps(config.feeds, { logger: deps.logger });
  if (!feedFetch.ok) return feedFetch;
  const opened = await openStore(config, { clock, logger: deps.logger });
  if (!opened.ok) return opened;
  const store = opened.value.store;
  const deliveryPorts: Partial<Record<Platform, DeliveryPort | null>> = {};
  const delivery = createDeliveryRouter(deliveryPorts);
  // The slot handler needs the library, which the app builds: bind it late.
  let library: ArticleLibrary | null = null;
  const scheduler = new CronScheduler({
    store,
    clock,
    logger: deps.logger,
    graceMs: config.schedules.missedSlotGraceMinutes * 60_000,
    onSlot: (event) =>
      createSlotHandler({ store, library: library!, delivery, logger: deps.logger, limits: config.digest })(event),
  });
  const app = createApp(config, { ...deps, store, schedules: scheduler, feedFetch: feedFetch.value });
  if (!app.ok) {
    await store.close();
    return app;
  }
  library = app.value.library;
  return ok({
    app: app.value,
    store,
    scheduler,
    feedFetch: feedFetch.value,
    deliveryPorts,
    delivery,
    async close() {
      await scheduler.stop();
      await store.close();
    },
  });
}

/** Whether any chat platform is configured; without one, `herald start` opens the shell. */
export function hasPlatformTokens(config: AppConfig): boolean {
  return config.discord !== null || config.slack !== null;
}

export type LogLevel = Config['logLevel'];

/**
 * pino to stderr: pretty in a terminal, JSON lines otherwise (for log shippers).
 * stdout is left to replies so `herald run ... | jq` stays clean.
 */
export function createLogger(
  level: LogLevel,
  stderr: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
): Logger {
  if (stderr.isTTY) return pino({ level }, pretty({ destination: stderr, sync: true, colorize: true }));
  return pino({ level }, stderr);
}

/**
 * Reads the environment once (only here and in src/config) and loads the configuration.
 * `cliLogLevel` applies when LOG_LEVEL is unset: CLI runs default to 'warn' so the
 * replies are not drowned in logs.
 */
export async function loadAppConfig(
  opts: { cwd?: string; env?: Readonly<Record<string, string | undefined>>; cliLogLevel?: LogLevel } = {},
): Promise<Result<Config>> {
  // Tokens in .env switch Discord and Slack on; the real environment wins over the file.
  const env = { ...(await readDotEnv(opts.cwd ?? process.cwd())), ...(opts.env ?? process.env) };
  const loaded = await loadConfig({ env, ...(opts.cwd ? { cwd: opts.cwd } : {}) });
  if (!loaded.ok) return loaded;
  const config = loaded.value;
  // The bundled sample travels with the package, not with the caller's working directory.
  const sampleArticle = env['HERALD_SAMPLE_ARTICLE'] ? config.sampleArticle : BUNDLED_SAMPLE_PATH;
  const logLevel = !env['LOG_LEVEL'] && opts.cliLogLevel ? opts.cliLogLevel : config.logLevel;
  return ok(Object.freeze({ ...config, sampleArticle, logLevel }));
}
