/**
 * The composition root: the only place that wires concrete parts together (registry,
 * dispatcher, library, ingest + analysis, logger). Adapters and the CLI call `createApp`
 * and never build these parts themselves.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import pretty from 'pino-pretty';
import { buildCommandList } from '../commands/index.js';
import { loadConfig } from './config/load.js';
import type { Config } from './config/schema.js';
import { analyse } from './core/analyse/index.js';
import type { Article } from './core/article/types.js';
import { coreProviders } from './core/commands/autocomplete.js';
import { createDispatcher, type Dispatcher } from './core/commands/dispatch.js';
import { createRegistry, type CommandRegistry } from './core/commands/registry.js';
import { loadArticle } from './core/ingest/index.js';
import { createMemoryLibrary, type MemoryLibrary } from './core/library/memory-library.js';
import { systemClock, type AnalysedArticle, type Clock, type Logger } from './core/ports.js';
import { FailureError, ok, type Result } from './core/result.js';

/** The sample article shipped in the package, found from this file so any cwd works. */
export const BUNDLED_SAMPLE_PATH = fileURLToPath(new URL('../assets/articles/xinhua-space-partnership.txt', import.meta.url));

/** The parts of the configuration the app itself reads. The full `Config` satisfies it. */
export type AppConfig = Pick<Config, 'listCommands' | 'sampleArticle' | 'dataDir' | 'discord' | 'slack'>;

export interface AppDeps {
  readonly logger: Logger;
  readonly clock?: Clock;
  readonly readFile?: (path: string) => Promise<string>;
  readonly fetch?: typeof fetch;
  /** Reference ids for logged errors (tests make them predictable). */
  readonly newRef?: () => string;
}

export interface App {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly registry: CommandRegistry;
  readonly dispatcher: Dispatcher;
  readonly library: MemoryLibrary;
  /** Loads a file or URL, analyses it and makes it the current article. */
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

  const library = createMemoryLibrary({
    sample: async () => {
      const sample = await loadAnalysed(config.sampleArticle);
      // The dispatcher turns a FailureError into a short reply instead of an internal error.
      if (!sample.ok) throw new FailureError(sample.error);
      return sample.value;
    },
  });
  const dispatcher = createDispatcher({
    registry,
    library,
    clock,
    logger: deps.logger,
    autocomplete: coreProviders({ library, registry: () => registry }),
    ...(deps.newRef ? { newRef: deps.newRef } : {}),
  });

  return ok({
    config,
    logger: deps.logger,
    registry,
    dispatcher,
    library,
    async load(ref) {
      const a = await loadAnalysed(ref);
      if (a.ok) library.add(a.value);
      return a;
    },
  });
}

/** Whether any chat platform is configured; without one, `herald start` opens the shell. */
export function hasPlatformTokens(config: AppConfig): boolean {
  return config.discord !== null || config.slack !== null;
}

/**
 * The seam where the Discord and Slack adapters start (later issues). For now it says so
 * plainly and reports that nothing was started.
 */
export async function startPlatforms(config: AppConfig, app: App): Promise<{ started: readonly string[] }> {
  if (config.discord) app.logger.warn({ platform: 'discord' }, 'Discord adapter not built yet');
  if (config.slack) app.logger.warn({ platform: 'slack' }, 'Slack adapter not built yet');
  return { started: [] };
}

export type LogLevel = Config['logLevel'];

/**
 * pino to stderr: pretty in a terminal, JSON lines otherwise (for log shippers).
 * stdout is left to replies so `herald run ... | jq` stays clean.
 */
export function createLogger(level: LogLevel, stderr: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr): Logger {
  if (stderr.isTTY) return pino({ level }, pretty({ destination: stderr, sync: true, colorize: true }));
  return pino({ level }, stderr);
}

/**
 * Reads the environment once (only here and in src/config) and loads the configuration.
 * `cliLogLevel` applies when LOG_LEVEL is unset: CLI runs default to 'warn' so the
 * replies are not drowned in logs.
 */
export async function loadAppConfig(opts: { cwd?: string; env?: Readonly<Record<string, string | undefined>>; cliLogLevel?: LogLevel } = {}): Promise<Result<Config>> {
  const env = opts.env ?? process.env;
  const loaded = await loadConfig({ env, ...(opts.cwd ? { cwd: opts.cwd } : {}) });
  if (!loaded.ok) return loaded;
  const config = loaded.value;
  // The bundled sample travels with the package, not with the caller's working directory.
  const sampleArticle = env['HERALD_SAMPLE_ARTICLE'] ? config.sampleArticle : BUNDLED_SAMPLE_PATH;
  const logLevel = !env['LOG_LEVEL'] && opts.cliLogLevel ? opts.cliLogLevel : config.logLevel;
  return ok(Object.freeze({ ...config, sampleArticle, logLevel }));
}
