import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import { err, failure, ok, type Result } from '../core/result.js';
import { discordShards } from './discord-shards.js';
import { discordMode, slackMode } from './platform-modes.js';
import { envSchema, fileSchema, type Config } from './schema.js';

export interface ConfigSources {
  /** Usually process.env (read only here and in src/main.ts). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Folder holding herald.json; default `<cwd>/config`. */
  readonly configDir?: string;
  readonly cwd?: string;
  /** Overrides the file contents (tests). */
  readonly file?: unknown;
}

/** Default bundled sample article, relative to the repository root. */
export const BUNDLED_SAMPLE = 'assets/articles/xinhua-space-partnership.txt';

function describe(issues: readonly z.core.$ZodIssue[], prefix: string, input: Record<string, unknown>): string[] {
  return issues.map((i) => {
    const path = i.path.map(String).join('.');
    const got = prefix === 'env' && path in input ? ` (got "${String(input[path])}")` : '';
    return `${prefix === 'env' ? path : `config/herald.json ${path || '(root)'}`}: ${i.message}${got}`;
  });
}

/** Parses environment and config file once. Every problem is listed in one Failure. */
export async function loadConfig(sources: ConfigSources): Promise<Result<Config>> {
  const cwd = sources.cwd ?? process.cwd();
  const problems: string[] = [];
  // Empty strings in .env files mean "not set".
  const env = Object.fromEntries(Object.entries(sources.env).filter(([, v]) => v !== undefined && v !== ''));
  const envResult = envSchema.safeParse(env);
  if (!envResult.success) problems.push(...describe(envResult.error.issues, 'env', env));

  let fileInput: unknown = sources.file;
  if (fileInput === undefined) {
    const path = join(sources.configDir ?? join(cwd, 'config'), 'herald.json');
    try {
      fileInput = JSON.parse(await readFile(path, 'utf8'));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') fileInput = {};
      else problems.push(`${path}: ${code ? `cannot read (${code})` : `is not valid JSON (${(e as Error).message})`}`);
    }
  }
  const fileResult = fileSchema.safeParse(fileInput ?? {});
  if (!fileResult.success) problems.push(...describe(fileResult.error.issues, 'file', {}));

  // Cross-field rules look at what is set, so they are reported even when a value is also malformed.
  const discordChoice = discordMode(env);
  const slackChoice = slackMode(env);
  for (const c of [discordChoice, slackChoice]) if (c.kind === 'invalid') problems.push(...c.problems);
  const shardChoice = discordShards(env, discordChoice.kind === 'on' ? discordChoice.choice.mode : null);
  if (shardChoice.kind === 'invalid') problems.push(...shardChoice.problems);
  if (fileResult.success) {
    const names = fileResult.data.listCommands.map((c) => c.name);
    const dup = names.filter((n, i) => names.indexOf(n) !== i);
    if (dup.length) problems.push(`config/herald.json listCommands: duplicate name(s) ${[...new Set(dup)].join(', ')}`);
  }
  if (problems.length > 0 || !envResult.success || !fileResult.success || shardChoice.kind === 'invalid') {
    return err(failure('bad_input', `Invalid configuration:\n- ${problems.join('\n- ')}`, { details: { problems } }));
  }

  const e = envResult.data;
  const f = fileResult.data;
  const config: Config = {
    logLevel: e.LOG_LEVEL ?? 'info',
    dataDir: resolve(cwd, e.HERALD_DATA_DIR),
    sampleArticle: resolve(cwd, e.HERALD_SAMPLE_ARTICLE ?? BUNDLED_SAMPLE),
    http: { port: e.HTTP_PORT, host: e.HTTP_HOST, publicUrl: e.HERALD_PUBLIC_URL ?? null },
    discord:
      discordChoice.kind === 'on'
        ? {
            mode: discordChoice.choice.mode,
            modeReason: discordChoice.choice.reason,
            token: e.DISCORD_TOKEN ?? null,
            applicationId: e.DISCORD_APPLICATION_ID ?? null,
            publicKey: e.DISCORD_PUBLIC_KEY ?? null,
            apiUrl: e.DISCORD_API_URL ?? null,
            shards: shardChoice.shards,
          }
        : null,
    slack:
      slackChoice.kind === 'on' && e.SLACK_BOT_TOKEN
        ? {
            mode: slackChoice.choice.mode,
            modeReason: slackChoice.choice.reason,
            botToken: e.SLACK_BOT_TOKEN,
            signingSecret: e.SLACK_SIGNING_SECRET ?? null,
            appToken: e.SLACK_APP_TOKEN ?? null,
            apiUrl: e.SLACK_API_URL ?? null,
          }
        : null,
    feeds: {
      allowlist: [...e.HERALD_FEED_ALLOWLIST, ...f.feeds.allowlist],
      timeoutMs: e.HERALD_FEED_TIMEOUT_MS,
      maxBytes: e.HERALD_FEED_MAX_BYTES,
      maxRedirects: f.feeds.maxRedirects,
      pollIntervalMinutes: e.HERALD_POLL_INTERVAL_MINUTES,
      disableAfterFailures: f.feeds.disableAfterFailures,
      fetchFullArticle: f.feeds.fetchFullArticle,
      maxItemsPerPoll: f.feeds.maxItemsPerPoll,
      maxLivePostsPerPoll: f.feeds.maxLivePostsPerPoll,
    },
    schedules: { missedSlotGraceMinutes: e.HERALD_MISSED_SLOT_GRACE_MINUTES },
    database: {
      url: e.DATABASE_URL ?? null,
      schema: e.DATABASE_SCHEMA ?? null,
      poolMax: e.DATABASE_POOL_MAX,
      migrate: e.HERALD_MIGRATE,
    },
    digest: f.digest,
    listCommands: f.listCommands,
    limits: f.limits,
  };
  return ok(deepFreeze(config));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * Reads `<cwd>/.env` when present (Node's own parser, `util.parseEnv`). Values already in the
 * process environment win, so a supervisor's settings are never overridden by a stray file.
 */
export async function readDotEnv(cwd: string): Promise<Record<string, string>> {
  try {
    const { parseEnv } = await import('node:util');
    return parseEnv(await readFile(join(cwd, '.env'), 'utf8')) as Record<string, string>;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw e;
  }
}
