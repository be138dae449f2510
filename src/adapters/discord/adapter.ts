/**
 * The Discord adapter as the composition root sees it: from `config.discord`, mount the
 * signed HTTP endpoint (DISCORD_PUBLIC_KEY), log in to the gateway (DISCORD_TOKEN), and
 * offer the delivery port (DISCORD_TOKEN). Either receiving mode, or both, may be on.
 */
import type { RESTOptions, REST } from 'discord.js';
import type { Config } from '../../config/schema.js';
import type { Dispatcher } from '../../core/commands/dispatch.js';
import type { ChannelDirectory, Clock, DeliveryPort, Logger, OnRateLimitWait, Where } from '../../core/ports.js';
import { systemClock } from '../../core/ports.js';
import type { ReplayGuard } from '../../http/replay-guard.js';
import type { HttpServer } from '../../http/server.js';
import { createDiscordChannelDirectory } from './channel-directory.js';
import { createDiscordDelivery, type ChannelUnavailable } from './delivery.js';
import { startDiscordGateway, type DiscordGateway } from './gateway.js';
import { mountDiscordInteractions } from './http-interactions.js';
import { createInteractionHandler } from './interactions.js';
import { createDiscordRest, watchRateLimits } from './rest.js';

export interface DiscordAdapterOptions {
  readonly config: NonNullable<Config['discord']>;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** A channel answered 403/404 to a delivery: pause its schedules, show it in /feeds status. */
  readonly onChannelUnavailable?: (where: Where, reason: ChannelUnavailable) => void | Promise<void>;
  /** Use the gateway even when a public key is set (both modes at once). Default: gateway only without a public key. */
  readonly gateway?: boolean;
  readonly deferAfterMs?: number;
  readonly restOverrides?: Partial<RESTOptions>;
  /** Told of every rate-limit wait on any of the adapter's REST queues (for /metrics). */
  readonly onRateLimitWait?: OnRateLimitWait;
  /** Remembers signed interaction ids (default: in memory, this process). */
  readonly replayGuard?: ReplayGuard;
}

/** What receiving commands needs; given at start, since posting (the delivery port) is needed earlier. */
export interface DiscordInbound {
  readonly dispatcher: Dispatcher;
  /** Herald's HTTP server; the endpoint is mounted on it when a public key is configured. */
  readonly http: HttpServer;
}

export interface DiscordAdapter {
  /** Posting to channels; null without DISCORD_TOKEN. Works before `start`. */
  readonly delivery: DeliveryPort | null;
  /** Which server a channel is in, asked with the bot token; null without DISCORD_TOKEN. */
  readonly channels: ChannelDirectory | null;
  /** Mounts the signed endpoint and logs in to the gateway, as configured; returns the modes running. */
  start(inbound: DiscordInbound): Promise<{ modes: readonly ('http' | 'gateway')[] }>;
  stop(): Promise<void>;
}

export function createDiscordAdapter(opts: DiscordAdapterOptions): DiscordAdapter {
  const { config, logger } = opts;
  const clock = opts.clock ?? systemClock;
  const overrides = opts.restOverrides ?? {};
  const modes: ('http' | 'gateway')[] = [];
  // Discord sends interactions to one of the two; the config names it (src/config/platform-modes.ts).
  const useGateway = !!config.token && (config.mode === 'gateway' || opts.gateway === true);
  let gateway: DiscordGateway | null = null;
  let botRest: REST | null = null;
  // One REST queue for the bot token: the gateway client's once it runs, so deliveries and
  // interaction follow-ups share the global rate-limit accounting.
  const restForBot = (): REST =>
    watchRateLimits(
      gateway?.client.rest ??
        (botRest ??= createDiscordRest({ token: config.token, apiUrl: config.apiUrl, overrides })),
      opts.onRateLimitWait,
    );
  let inner: DeliveryPort | null = null;
  const delivery: DeliveryPort | null = config.token
    ? {
        deliver(where, message) {
          inner ??= createDiscordDelivery({
            rest: restForBot(),
            logger,
            clock,
            ...(opts.onChannelUnavailable ? { onChannelUnavailable: opts.onChannelUnavailable } : {}),
          });
          return inner.deliver(where, message);
        },
      }
    : null;

  return {
    delivery,
    channels: config.token ? createDiscordChannelDirectory(restForBot) : null,
    async start(inbound) {
      if (config.mode === 'http' && config.publicKey && !modes.includes('http')) {
        // Interaction webhooks authenticate by their own token; the bot token is only added when present.
        const rest = createDiscordRest({
          token: config.token,
          apiUrl: config.apiUrl,
          overrides,
          ...(opts.onRateLimitWait ? { onRateLimitWait: opts.onRateLimitWait } : {}),
        });
        const handler = createInteractionHandler({
          dispatcher: inbound.dispatcher,
          rest,
          applicationId: config.applicationId,
          logger,
          ...(opts.deferAfterMs !== undefined ? { deferAfterMs: opts.deferAfterMs } : {}),
        });
        mountDiscordInteractions(inbound.http, {
          publicKey: config.publicKey,
          handler,
          clock,
          logger,
          ...(opts.replayGuard ? { replayGuard: opts.replayGuard } : {}),
        });
        modes.push('http');
      }
      if (useGateway && !gateway) {
        gateway = await startDiscordGateway({
          token: config.token!,
          apiUrl: config.apiUrl,
          dispatcher: inbound.dispatcher,
          logger,
          applicationId: config.applicationId,
          restOverrides: overrides,
          shards: config.shards ?? null,
          ...(opts.deferAfterMs !== undefined ? { deferAfterMs: opts.deferAfterMs } : {}),
        });
        inner = null;
        modes.push('gateway');
      }
      return { modes: [...modes] };
    },
    async stop() {
      await gateway?.stop();
      gateway = null;
    },
  };
}
