/**
 * The chat platforms as plugins of the composition root (src/main.ts): each is `{ name,
 * delivery, start, stop }`. The delivery port (posting scheduled digests and feed notices) is
 * built from the configuration alone, because the delivery router and the scheduler behind it
 * are built before the dispatcher; receiving commands needs the dispatcher, so it is given to
 * `start`. Nothing here imports main.ts.
 */
import type { Writable } from 'node:stream';
import { createDiscordAdapter } from '../adapters/discord/adapter.js';
import { createShellDelivery } from '../adapters/shell/shell-delivery.js';
import { createSlackApp, type SlackApp } from '../adapters/slack/app.js';
import { createSlackChannelDirectory } from '../adapters/slack/channel-directory.js';
import { createSlackDelivery } from '../adapters/slack/delivery.js';
import type { Config } from '../config/schema.js';
import type { Dispatcher } from '../core/commands/dispatch.js';
import type { CommandRegistry } from '../core/commands/registry.js';
import type { ChannelDirectory, Clock, DeliveryPort, Logger, Platform, RateLimitWait, Where } from '../core/ports.js';
import type { HeraldStore } from '../core/store/repositories.js';
import type { ReplayGuard } from '../http/replay-guard.js';
import type { HttpServer } from '../http/server.js';

/** What a plugin needs to receive commands; the root passes it to `start`. */
export interface Inbound {
  readonly dispatcher: Dispatcher;
  readonly registry: CommandRegistry;
  readonly http: HttpServer;
}

export interface PlatformPlugin {
  readonly name: Platform;
  /** Posting on this platform; null when it cannot post (Discord without DISCORD_TOKEN). */
  readonly delivery: DeliveryPort | null;
  /**
   * Whether a channel id is in a workspace and visible to the bot (issue 11, High 3); null when
   * the platform cannot be asked (no bot token) or needs no asking (the shell).
   */
  readonly channels: ChannelDirectory | null;
  /** Whether Herald's HTTP server must listen for this plugin (signed webhooks). */
  readonly needsHttp: boolean;
  /** Starts receiving; called once the HTTP server listens. Returns a line for the log. */
  start(inbound: Inbound): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

export interface PluginDeps {
  readonly config: Config;
  readonly store: HeraldStore;
  readonly clock: Clock;
  readonly logger: Logger;
  /** A channel the bot can no longer post to (see channel-health.ts). */
  readonly onChannelUnavailable: (where: Where, reason: unknown) => Promise<void>;
  /** Told of every rate-limit wait a platform imposed (for /metrics). */
  readonly onRateLimitWait?: (platform: Platform, wait: RateLimitWait) => void;
  /**
   * Refuses a second delivery of a signed webhook request. The PostgreSQL store's, shared by every
   * process on the database; absent (SQLite, one process), each adapter keeps its own in memory.
   */
  readonly replayGuard?: ReplayGuard;
}

/** The hook for one platform's adapter, when there is one. */
const waitsOf = (deps: PluginDeps, platform: Platform) =>
  deps.onRateLimitWait ? { onRateLimitWait: (wait: RateLimitWait) => deps.onRateLimitWait!(platform, wait) } : {};

export function discordPlugin(deps: PluginDeps, discord: NonNullable<Config['discord']>): PlatformPlugin {
  const adapter = createDiscordAdapter({
    config: discord,
    logger: deps.logger,
    clock: deps.clock,
    onChannelUnavailable: deps.onChannelUnavailable,
    ...waitsOf(deps, 'discord'),
    ...(deps.replayGuard ? { replayGuard: deps.replayGuard } : {}),
  });
  return {
    name: 'discord',
    delivery: adapter.delivery,
    channels: adapter.channels,
    needsHttp: discord.mode === 'http',
    async start(inbound) {
      return { modes: (await adapter.start(inbound)).modes, why: discord.modeReason };
    },
    stop: () => adapter.stop(),
  };
}

export function slackPlugin(deps: PluginDeps, slack: NonNullable<Config['slack']>): PlatformPlugin {
  let app: SlackApp | null = null;
  return {
    name: 'slack',
    delivery: createSlackDelivery({
      botToken: slack.botToken,
      apiUrl: slack.apiUrl,
      journal: deps.store.deliveries,
      logger: deps.logger,
      onChannelUnavailable: deps.onChannelUnavailable,
      clock: deps.clock,
      ...waitsOf(deps, 'slack'),
    }),
    channels: createSlackChannelDirectory({
      botToken: slack.botToken,
      apiUrl: slack.apiUrl,
      logger: deps.logger,
      ...waitsOf(deps, 'slack'),
    }),
    needsHttp: slack.mode === 'http',
    async start(inbound) {
      // Bolt's App is built here, not earlier: it needs the dispatcher, and calls auth.test at once.
      app ??= createSlackApp({
        botToken: slack.botToken,
        signingSecret: slack.mode === 'http' ? slack.signingSecret : null,
        appToken: slack.mode === 'socket' ? slack.appToken : null,
        apiUrl: slack.apiUrl,
        http: inbound.http,
        registry: inbound.registry,
        dispatcher: inbound.dispatcher,
        logger: deps.logger,
        clock: deps.clock,
        onChannelUnavailable: deps.onChannelUnavailable,
        ...waitsOf(deps, 'slack'),
        ...(deps.replayGuard ? { replayGuard: deps.replayGuard } : {}),
      });
      await app.start();
      return { mode: app.mode, why: slack.modeReason };
    },
    async stop() {
      await app?.stop();
    },
  };
}

/** The shell as a delivery target: scheduled digests and notices are printed where the user reads. */
export function shellPlugin(output: Writable & { isTTY?: boolean }): PlatformPlugin {
  return {
    name: 'shell',
    delivery: createShellDelivery(output),
    // Every channel name in the shell is the local user's own.
    channels: null,
    needsHttp: false,
    // The shell's input loop belongs to the CLI (it owns stdin); nothing to start here.
    start: async () => ({}),
    stop: async () => {},
  };
}

/** The plugins the configuration asks for, in the order they start. */
export function platformPlugins(deps: PluginDeps, shellOutput?: Writable & { isTTY?: boolean }): PlatformPlugin[] {
  const plugins: PlatformPlugin[] = [];
  if (deps.config.discord) plugins.push(discordPlugin(deps, deps.config.discord));
  if (deps.config.slack) plugins.push(slackPlugin(deps, deps.config.slack));
  if (shellOutput) plugins.push(shellPlugin(shellOutput));
  return plugins;
}
