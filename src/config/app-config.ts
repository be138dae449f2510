/**
 * The configuration as the process sees it: the environment read once (the real environment over
 * `.env`), and what follows from it before Herald is built.
 */
import type { LogLevel } from '../app/logger.js';
import { BUNDLED_SAMPLE_PATH } from '../app/article-loader.js';
import { loadConfig, readDotEnv } from './load.js';
import type { Config } from './schema.js';
import { ok, type Result } from '../core/result.js';

/** The process's environment and working directory, for the CLI to pass on (tests pass their own). */
export function processEnvironment(): { env: Readonly<Record<string, string | undefined>>; cwd: string } {
  return { env: process.env, cwd: process.cwd() };
}

/** Whether any chat platform is configured; without one, `herald start` opens the shell. */
export function hasPlatformTokens(config: Pick<Config, 'discord' | 'slack'>): boolean {
  return config.discord !== null || config.slack !== null;
}

/**
 * Reads the environment once and loads the configuration. `cliLogLevel` applies when LOG_LEVEL
 * is unset: CLI runs default to 'warn' so the replies are not drowned in logs.
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
