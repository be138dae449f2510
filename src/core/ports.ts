/**
 * Ports: what the core needs from the outside world, passed in as arguments
 * (docs/decisions/004-ports-passed-in.md). No globals, no module mocking in tests.
 */
import type { Article } from './article/types.js';
import type { ArticleFacts } from './facts/types.js';
import type { Delivered, OutboundMessage } from './reply/types.js';
import type { Result } from './result.js';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** The subset of pino's Logger the core uses; pino satisfies it, tests can pass a pino to a stream. */
export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

/**
 * A wait a platform imposed on Herald: a 429 answer (`429`, as long as its Retry-After) or a
 * known limit the client waited out before sending (`limit`). Counted in /metrics.
 */
export interface RateLimitWait {
  readonly reason: '429' | 'limit';
  readonly waitMs: number;
}
export type OnRateLimitWait = (wait: RateLimitWait) => void;

export type Platform = 'shell' | 'discord' | 'slack';

/** Where a command was issued or a message goes. */
export interface Where {
  readonly platform: Platform;
  /** Discord guild id, Slack team id, or 'local' for the shell. */
  readonly workspaceId: string;
  readonly channelId: string;
}

/** Who issued a command, as the adapter saw them. The core decides the final access level. */
export interface Invoker {
  readonly userId: string;
  readonly displayName?: string;
  /** The level the platform itself grants (Discord Manage Server → admin, Slack owner → admin, shell --as). */
  readonly platformLevel: 'member' | 'moderator' | 'admin';
  /** Platform role / user-group ids, matched against the role mappings an admin configured. */
  readonly roleIds?: readonly string[];
}

/** An article with its analysis, as commands see it. */
export interface AnalysedArticle {
  /** Stable id (content hash). */
  readonly id: string;
  readonly article: Article;
  readonly facts: ArticleFacts;
}

export interface ArticleSummary {
  readonly id: string;
  readonly title: string | null;
  readonly url: string | null;
  readonly publishedAt: string | null;
}

/** Resolves which article a channel is talking about. */
export interface ArticleLibrary {
  /** The channel's current article: the one an admin set, else the newest received, else the sample. */
  current(where: Where): Promise<AnalysedArticle>;
  /** An explicitly chosen article by id, id prefix, URL or title words. */
  find(where: Where, ref: string): Promise<AnalysedArticle | null>;
  /** The channel's recent articles, newest first. */
  recent(where: Where, limit: number): Promise<readonly ArticleSummary[]>;
  /**
   * The channel's recent articles analysed, newest first, for answers across articles
   * (`scope:channel`). Analysis is lazy and cached; implementations may cap `limit`, since
   * each article not yet analysed costs an analysis.
   */
  recentAnalysed(where: Where, limit: number): Promise<readonly AnalysedArticle[]>;
}

/** Delivery of messages the bot posts on its own (scheduled digests). Implemented per platform. */
export interface DeliveryPort {
  deliver(where: Where, message: OutboundMessage): Promise<Result<Delivered>>;
}

/**
 * Whether a channel id names a channel of `where.workspaceId` that Herald can see, asked of the
 * platform (issue 11, High 3): a channel id typed into an import or a command is only a claim.
 * `bad_input` when the channel is in another workspace, does not exist or is hidden from the
 * bot; `platform_error` when the platform could not be asked.
 */
export interface ChannelDirectory {
  check(where: Where): Promise<Result<{ readonly name: string | null }>>;
}

/** Resolves extra access from role mappings an admin configured (issue: channels and feeds). */
export interface AccessMappings {
  levelFor(where: Where, invoker: Invoker): Promise<'member' | 'moderator' | 'admin'>;
}
