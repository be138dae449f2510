/**
 * The gateway path (self-hosted, no public URL): a discord.js Client with the Guilds intent and
 * Guild Messages (for messages that mention Herald: see mentions.ts); no privileged intent —
 * slash commands need no message-content or member intents. Raw INTERACTION_CREATE payloads go
 * to the same handler as the HTTP endpoint; the initial response is the REST interaction callback.
 */
import {
  Client,
  Events,
  GatewayDispatchEvents,
  GatewayIntentBits,
  Routes,
  type APIInteraction,
  type RESTOptions,
} from 'discord.js';
import type { Dispatcher } from '../../core/commands/dispatch.js';
import type { Logger } from '../../core/ports.js';
import { createInteractionHandler, type InteractionHandler } from './interactions.js';
import { createMentionHandler, type GatewayMessage } from './mentions.js';
import { HERALD_REST_OPTIONS } from './rest.js';

export interface DiscordGatewayOptions {
  /** DISCORD_TOKEN. */
  readonly token: string;
  /** DISCORD_API_URL (a fake Discord in tests); null → discord.com. */
  readonly apiUrl?: string | null;
  readonly dispatcher: Dispatcher;
  readonly logger: Logger;
  /** DISCORD_APPLICATION_ID, as a fallback; READY tells the client its application anyway. */
  readonly applicationId?: string | null;
  readonly deferAfterMs?: number;
  readonly restOverrides?: Partial<RESTOptions>;
  /**
   * DISCORD_SHARDS / DISCORD_SHARD_COUNT: the shards this process runs out of how many. Discord
   * sends each server's events and interactions to shard `(guild_id >> 22) % count` alone, so
   * processes with disjoint ids share the servers. Null: one shard (fewer than 2,500 servers).
   */
  readonly shards?: { readonly ids: readonly number[]; readonly count: number } | null;
}

export interface DiscordGateway {
  readonly client: Client;
  /** The handler in use, sharing the client's REST queue (and its rate limits). */
  readonly handler: InteractionHandler;
  /** Resolves when every interaction received so far has been fully answered (tests, shutdown). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** Logs in and starts answering interactions; resolves once the client is ready. */
export async function startDiscordGateway(opts: DiscordGatewayOptions): Promise<DiscordGateway> {
  const log = opts.logger.child({ adapter: 'discord-gateway' });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    ...(opts.shards ? { shards: [...opts.shards.ids], shardCount: opts.shards.count } : {}),
    rest: { ...HERALD_REST_OPTIONS, ...(opts.apiUrl ? { api: opts.apiUrl } : {}), ...opts.restOverrides },
  });
  const handler = createInteractionHandler({
    dispatcher: opts.dispatcher,
    rest: client.rest,
    applicationId: opts.applicationId ?? null,
    logger: opts.logger,
    ...(opts.deferAfterMs !== undefined ? { deferAfterMs: opts.deferAfterMs } : {}),
  });
  const inFlight = new Set<Promise<void>>();
  const track = (work: Promise<void>): void => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  const onMention = createMentionHandler({
    dispatcher: opts.dispatcher,
    rest: client.rest,
    logger: opts.logger,
    botId: () => client.user?.id ?? null,
  });

  // Raw payloads, not discord.js Interaction objects: one translation serves both transports.
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (raw: APIInteraction) => {
    track(
      handler.handle(raw, async (body) => {
        await client.rest.post(Routes.interactionCallback(raw.id, raw.token), { body, auth: false });
      }),
    );
  });
  client.ws.on(GatewayDispatchEvents.MessageCreate, (raw: GatewayMessage) => {
    track(onMention(raw).catch((e: unknown) => log.error({ err: e, channel: raw.channel_id }, 'mention failed')));
  });
  client.on(Events.Error, (e) => log.error({ err: e }, 'discord client error'));
  client.on(Events.ShardDisconnect, (event, shard) =>
    log.warn({ code: event.code, shard }, 'discord gateway disconnected'),
  );

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(opts.token);
  await ready;
  log.info(
    { user: client.user?.id, guilds: client.guilds.cache.size, ...(opts.shards ? { shards: opts.shards } : {}) },
    'discord gateway ready',
  );

  return {
    client,
    handler,
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async stop() {
      await Promise.allSettled([...inFlight]);
      await client.destroy();
    },
  };
}
