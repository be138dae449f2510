/**
 * Where each environment variable is documented, kept beside the schema that parses it. The type
 * makes the table complete: a variable added to `envSchema` without an entry here (or an entry
 * left behind after a variable is removed) fails `tsc`. The description is the schema's own
 * `.describe()` or, for the older variables, the one here; `npm run docs` fails when neither is
 * given. The generator turns these plus the schema's defaults and constraints into
 * docs/configuration.md and .env.example.
 */
import type { z } from 'zod';
import type { envSchema } from './schema.js';

/** Sections of .env.example and docs/configuration.md, in the order they are printed. */
export const ENV_GROUPS = ['General', 'Database', 'HTTP server', 'Discord', 'Slack', 'Feeds', 'Schedules'] as const;
export type EnvGroup = (typeof ENV_GROUPS)[number];

/** The documentation of one variable. Defaults come from the schema, never from here. */
export interface EnvDoc {
  readonly group: EnvGroup;
  /** One or two sentences: what it does and when to set it. Omit when the schema has `.describe()`. */
  readonly description?: string;
  /** The default when code, not the schema, decides it (e.g. a path resolved at start-up). */
  readonly defaultText?: string;
  /** Printed uncommented (empty) in .env.example: the values an operator is expected to fill in. */
  readonly fillIn?: boolean;
}

export const ENV_DOCS: { readonly [K in keyof z.input<typeof envSchema>]-?: EnvDoc } = {
  LOG_LEVEL: {
    group: 'General',
    description:
      'pino log level. Logs go to stderr: pretty in a terminal, JSON lines otherwise, so stdout stays for replies.',
    defaultText: '`warn` for every `herald` command (`start` included); `info` when Herald is embedded as a library',
  },
  HERALD_DATA_DIR: {
    group: 'General',
    description: 'Folder of the SQLite store (`herald.sqlite`) and the shell history. Back up the whole folder.',
  },
  HERALD_SAMPLE_ARTICLE: {
    group: 'General',
    description: 'The article commands answer from when a channel has none yet (file path or URL).',
    defaultText: 'the bundled `assets/articles/xinhua-space-partnership.txt`',
  },
  HTTP_PORT: {
    group: 'HTTP server',
    description:
      "Port of Herald's one HTTP server (`POST /discord/interactions`, `POST /slack/events`, `GET /healthz`). Started only when Discord's HTTP endpoint or Slack's HTTP mode is on.",
  },
  HTTP_HOST: {
    group: 'HTTP server',
    description: 'Address the HTTP server listens on; `127.0.0.1` behind a reverse proxy on the same host.',
  },
  HERALD_PUBLIC_URL: {
    group: 'HTTP server',
    description:
      'The https address that reaches this Herald (reverse proxy or tunnel) in HTTP mode. `herald doctor` checks it answers with a valid certificate.',
  },
  HERALD_DISCORD_MODE: {
    group: 'Discord',
    description:
      '`gateway` (outgoing WebSocket, no public URL) or `http` (Discord calls `/discord/interactions`). Discord uses one, never both; inferred when only DISCORD_TOKEN or only DISCORD_PUBLIC_KEY is set, required when both are.',
    defaultText: 'inferred',
  },
  DISCORD_TOKEN: {
    group: 'Discord',
    description:
      'Bot token (Developer Portal → Bot → Reset Token). Runs the gateway; also posts scheduled digests and registers commands.',
    fillIn: true,
  },
  DISCORD_APPLICATION_ID: {
    group: 'Discord',
    description: 'Numeric application id: needed by `herald register discord` and by the HTTP interactions endpoint.',
    fillIn: true,
  },
  DISCORD_PUBLIC_KEY: {
    group: 'Discord',
    description:
      'The application public key (64 hex characters, General Information → Public Key): HTTP mode only; needs DISCORD_APPLICATION_ID.',
    fillIn: true,
  },
  DISCORD_SHARDS: {
    group: 'Discord',
    description:
      "Gateway shards this process runs, e.g. `0,1`, with `DISCORD_SHARD_COUNT`: N processes each run their own ids, and Discord sends each server's events to shard `(server id >> 22) % DISCORD_SHARD_COUNT`. Gateway mode only.",
    defaultText: 'every shard, `0` to `DISCORD_SHARD_COUNT - 1`',
  },
  DISCORD_SHARD_COUNT: {
    group: 'Discord',
    description:
      'Total gateway shards across all processes (Discord requires sharding from 2,500 servers; `GET /gateway/bot` recommends a count). Every process must give the same total.',
    defaultText: 'one shard',
  },
  DISCORD_API_URL: {
    group: 'Discord',
    description: "Base URL of Discord's API. Tests point it at a fake Discord on 127.0.0.1; leave unset otherwise.",
  },
  HERALD_SLACK_MODE: {
    group: 'Slack',
    description:
      '`socket` (Socket Mode, no public URL) or `http` (Slack calls `POST /slack/events`). Slack uses one, never both; inferred when only SLACK_APP_TOKEN or only SLACK_SIGNING_SECRET is set, required when both are.',
    defaultText: 'inferred',
  },
  SLACK_BOT_TOKEN: {
    group: 'Slack',
    description: 'Bot token (`xoxb-…`). Needs SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode).',
    fillIn: true,
  },
  SLACK_SIGNING_SECRET: {
    group: 'Slack',
    description: 'Signing secret: HTTP mode, Slack calls `POST /slack/events` on HTTP_PORT behind a public https URL.',
    fillIn: true,
  },
  SLACK_APP_TOKEN: {
    group: 'Slack',
    description:
      'App-level token (`xapp-…`, Basic Information → App-Level Tokens, scope `connections:write`): Socket Mode, no public URL.',
    fillIn: true,
  },
  SLACK_API_URL: {
    group: 'Slack',
    description: "Base URL of Slack's Web API. Tests point it at a fake Slack on 127.0.0.1; leave unset otherwise.",
  },
  HERALD_FEED_ALLOWLIST: {
    group: 'Feeds',
    description:
      'Comma-separated hosts or CIDRs that may be fetched although private or loopback (e.g. `127.0.0.1`). Added to `feeds.allowlist` in config/herald.json.',
    defaultText: 'empty',
  },
  HERALD_FEED_TIMEOUT_MS: {
    group: 'Feeds',
    description: 'Time limit for one feed or article-page fetch, in milliseconds.',
  },
  HERALD_FEED_MAX_BYTES: {
    group: 'Feeds',
    description: 'Largest body read from one feed or article page; bigger ones are refused.',
  },
  HERALD_POLL_INTERVAL_MINUTES: {
    group: 'Feeds',
    description: 'How often each feed is fetched while `herald start` runs.',
  },
  HERALD_MISSED_SLOT_GRACE_MINUTES: {
    group: 'Schedules',
    description:
      'How late a schedule run missed while Herald was down may still be posted after a restart; older ones are skipped and logged.',
  },
  DATABASE_URL: {
    group: 'Database',
    description:
      'PostgreSQL for the state, shared by every Herald process pointed at it (docs/deploy.md), e.g. `postgres://herald@db:5432/herald`. Unset: one SQLite file under HERALD_DATA_DIR, for one process.',
  },
  DATABASE_SCHEMA: {
    group: 'Database',
    description: "PostgreSQL schema holding Herald's tables, created by `herald migrate`.",
    defaultText: '`public`',
  },
  DATABASE_POOL_MAX: {
    group: 'Database',
    description: 'PostgreSQL connections each Herald process may open at most.',
  },
  HERALD_MIGRATE: {
    group: 'Database',
    description:
      'PostgreSQL only: `auto` applies pending migrations when Herald starts; `manual` refuses to start on an out-of-date schema until `herald migrate` has run. SQLite always migrates on open.',
  },
};
