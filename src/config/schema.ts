/**
 * The one schema for Herald's configuration: environment variables plus
 * `config/herald.json`. Parsed once at start-up into a frozen, typed object; every
 * problem is listed at once (docs/decisions/010-config-one-zod-schema.md).
 */
import { z } from 'zod';
import { DEFAULT_LIMITS, type Limits } from '../core/limits.js';

const optionalText = z.string().trim().min(1).optional();
const optionalUrl = z.string().trim().url('must be a URL like http://127.0.0.1:8080/api').optional();
const csv = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );

/** Environment variables Herald reads. Nothing outside src/config and src/main.ts reads process.env. */
export const envSchema = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  HERALD_DATA_DIR: z.string().trim().min(1).default('./data'),
  HERALD_SAMPLE_ARTICLE: z.string().trim().min(1).optional(),
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HTTP_HOST: z.string().trim().min(1).default('0.0.0.0'),
  /** The https address that reaches this Herald (behind a proxy or tunnel), for doctor and manifests. */
  HERALD_PUBLIC_URL: z.string().trim().url('must be a URL like https://herald.example.org').optional(),
  HERALD_DISCORD_MODE: z.enum(['gateway', 'http'], { message: 'must be gateway or http' }).optional(),
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: z
    .string()
    .trim()
    .regex(/^\d{5,25}$/, 'must be the numeric application id')
    .optional(),
  DISCORD_PUBLIC_KEY: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be the 64 hex characters of the application public key')
    .optional(),
  DISCORD_API_URL: optionalUrl,
  DISCORD_SHARDS: z
    .string()
    .trim()
    .regex(/^\d+(\s*,\s*\d+)*$/, 'must be shard ids separated by commas, e.g. 0,1')
    .optional(),
  DISCORD_SHARD_COUNT: z.coerce.number().int().min(1).max(65_535).optional(),
  HERALD_SLACK_MODE: z.enum(['http', 'socket'], { message: 'must be http or socket' }).optional(),
  SLACK_BOT_TOKEN: z
    .string()
    .trim()
    .regex(/^xoxb-/, 'must be a bot token starting with xoxb-')
    .optional(),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: z
    .string()
    .trim()
    .regex(/^xapp-/, 'must be an app-level token starting with xapp-')
    .optional(),
  SLACK_API_URL: optionalUrl,
  HERALD_FEED_ALLOWLIST: csv,
  HERALD_FEED_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  HERALD_FEED_MAX_BYTES: z.coerce.number().int().min(1024).max(100_000_000).default(5_000_000),
  HERALD_POLL_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  HERALD_MISSED_SLOT_GRACE_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a PostgreSQL URL like postgres://herald@db.example:5432/herald')
    .optional(),
  DATABASE_SCHEMA: z
    .string()
    .trim()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be lower-case letters, digits and underscores')
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  HERALD_MIGRATE: z.enum(['auto', 'manual']).default('manual'),
});

/** A list command bound to an article's enumerations, added without code. */
export const listCommandSchema = z.object({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'must be 1-32 lower-case letters, digits or dashes')
    .describe('The slash command, without the slash: `partnership-areas` becomes `/partnership-areas`.'),
  description: z.string().min(1).max(100).describe('One line shown in /help, Discord and Slack.'),
  topic: z.string().min(1).describe("Words that pick the list: matched against the list's lead and items."),
  article: z
    .string()
    .min(1)
    .optional()
    .describe('Binds the command to one article (path under the repo, URL or stored id); default: the current one.'),
  workspaces: z
    .array(z.string().regex(/^(discord|slack|shell):\S+$/, 'must be platform:id, e.g. discord:123456789012345678'))
    .min(1)
    .optional()
    .describe(
      'Only in these workspaces (`discord:<server id>`, `slack:<team id>`, `shell:<workspace>`); default everywhere.',
    ),
});

/** `config/herald.json`: settings that are not secrets and belong in version control. */
export const fileSchema = z
  .object({
    listCommands: z
      .array(listCommandSchema)
      .default([])
      .describe('Member commands answering with the article list that best matches a topic, added without code.'),
    feeds: z
      .object({
        allowlist: z
          .array(z.string().min(1))
          .default([])
          .describe('Hosts or CIDRs that may be fetched although private or loopback (tests: 127.0.0.1).'),
        maxRedirects: z.number().int().min(0).max(10).default(5).describe('Redirects followed for one fetch.'),
        disableAfterFailures: z
          .number()
          .int()
          .min(1)
          .max(100)
          .default(10)
          .describe('A feed that fails this many times in a row is disabled and its channels told once.'),
        fetchFullArticle: z
          .boolean()
          .default(false)
          .describe(
            'Fetch the article page when a feed item is only a teaser (a few words, "continue reading", a truncation mark), honouring robots.txt, at most 6 pages per host a minute; pages that cannot be read keep the teaser and /feeds status says why. Off by default (docs/decisions/023-full-text-for-teasers.md).',
          ),
        maxItemsPerPoll: z
          .number()
          .int()
          .min(1)
          .max(10_000)
          .default(200)
          .describe(
            'Most items taken from one feed in one poll, newest first; the rest of a huge feed is skipped so one feed cannot stall the bot.',
          ),
        maxLivePostsPerPoll: z
          .number()
          .int()
          .min(1)
          .max(50)
          .default(5)
          .describe(
            'Most items one feed posts live in one channel per poll; a burst beyond it is posted as one "N more" message pointing to /articles.',
          ),
      })
      .default({
        allowlist: [],
        maxRedirects: 5,
        disableAfterFailures: 10,
        fetchFullArticle: false,
        maxItemsPerPoll: 200,
        maxLivePostsPerPoll: 5,
      }),
    digest: z
      .object({
        maxKeyPoints: z.number().int().min(1).max(10).default(4).describe('Key points in one article digest.'),
        maxArticlesPerDigest: z
          .number()
          .int()
          .min(1)
          .max(50)
          .default(10)
          .describe('Stories (same-story articles grouped as one) listed in one new-articles digest.'),
      })
      .default({ maxKeyPoints: 4, maxArticlesPerDigest: 10 }),
    limits: z
      .object({
        schedulesPerChannel: z
          .number()
          .int()
          .min(1)
          .max(1000)
          .default(DEFAULT_LIMITS.schedulesPerChannel)
          .describe('Most schedules one channel may have (/schedule add and /config import).'),
        schedulesPerWorkspace: z
          .number()
          .int()
          .min(1)
          .max(100_000)
          .default(DEFAULT_LIMITS.schedulesPerWorkspace)
          .describe('Most schedules one Discord server, Slack workspace or shell workspace may have in all.'),
        feedsPerChannel: z
          .number()
          .int()
          .min(1)
          .max(1000)
          .default(DEFAULT_LIMITS.feedsPerChannel)
          .describe('Most feeds one channel may follow (/feeds add and /config import).'),
        importMaxBytes: z
          .number()
          .int()
          .min(1000)
          .max(10_000_000)
          .default(DEFAULT_LIMITS.importMaxBytes)
          .describe('Largest /config import document, in bytes.'),
      })
      .default({ ...DEFAULT_LIMITS })
      .describe(
        'Limits on what one channel or workspace may set up; going over one is refused with a message naming it.',
      ),
  })
  .strict();

export type ListCommandConfig = z.infer<typeof listCommandSchema>;

/** The typed, frozen configuration every part receives. */
export interface Config {
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly dataDir: string;
  readonly sampleArticle: string;
  readonly http: {
    readonly port: number;
    readonly host: string;
    /** HERALD_PUBLIC_URL: the https address the platforms call in HTTP mode; null when unset. */
    readonly publicUrl: string | null;
  };
  readonly discord: null | {
    /** Where interactions arrive: the gateway (WebSocket) or the signed HTTP endpoint. */
    readonly mode: 'gateway' | 'http';
    /** Why that mode runs, for the start-up line. */
    readonly modeReason: string;
    readonly token: string | null;
    readonly applicationId: string | null;
    readonly publicKey: string | null;
    readonly apiUrl: string | null;
    /**
     * Gateway shards this process runs and the total (DISCORD_SHARDS, DISCORD_SHARD_COUNT);
     * null: one shard, as Discord recommends for a bot in fewer than 2,500 servers.
     */
    readonly shards?: { readonly ids: readonly number[]; readonly count: number } | null;
  };
  readonly slack: null | {
    /** Where events arrive: the HTTP events URL or Socket Mode. */
    readonly mode: 'http' | 'socket';
    /** Why that mode runs, for the start-up line. */
    readonly modeReason: string;
    readonly botToken: string;
    readonly signingSecret: string | null;
    readonly appToken: string | null;
    readonly apiUrl: string | null;
  };
  readonly feeds: {
    readonly allowlist: readonly string[];
    readonly timeoutMs: number;
    readonly maxBytes: number;
    readonly maxRedirects: number;
    readonly pollIntervalMinutes: number;
    readonly disableAfterFailures: number;
    readonly fetchFullArticle: boolean;
    /** Most items taken from one feed in one poll, newest first. */
    readonly maxItemsPerPoll: number;
    /** Most live posts one feed makes in one channel per poll; the rest are one "N more" message. */
    readonly maxLivePostsPerPoll: number;
  };
  readonly schedules: { readonly missedSlotGraceMinutes: number };
  /** PostgreSQL when `url` is set; otherwise the SQLite file under `dataDir`. */
  readonly database: {
    readonly url: string | null;
    readonly schema: string | null;
    readonly poolMax: number;
    readonly migrate: 'auto' | 'manual';
  };
  readonly digest: { readonly maxKeyPoints: number; readonly maxArticlesPerDigest: number };
  readonly listCommands: readonly ListCommandConfig[];
  readonly limits: Limits;
}
