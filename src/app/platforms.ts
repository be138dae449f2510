/**
 * Starts what the configuration asks for: Herald's one HTTP server (Discord interactions
 * and Slack events share HTTP_PORT), the Discord adapter, the Slack adapter, the
 * scheduler and the feed poller. Part of the composition root (see src/main.ts).
 */
import type { Config } from '../config/schema.js';
import { createDiscordAdapter } from '../adapters/discord/adapter.js';
import { createSlackApp } from '../adapters/slack/app.js';
import { createSlackDelivery } from '../adapters/slack/delivery.js';
import type { Where } from '../core/ports.js';
import { createHttpServer, type HttpServer } from '../http/server.js';
import type { OpenedApp } from '../main.js';
import { pollCycle } from './poller.js';

export interface RunningPlatforms {
  readonly started: readonly string[];
  readonly http: { port: number } | null;
  stop(): Promise<void>;
}

/**
 * A channel the bot can no longer post to: pause its schedules (not retried forever) and
 * record why in the audit log, where /audit and /schedule list show it.
 */
export function channelUnavailableHandler(opened: OpenedApp) {
  return async (where: Where, reason: unknown): Promise<void> => {
    const { store, scheduler, app } = opened;
    const channel = await store.channels.find(where);
    if (!channel) return;
    const schedules = await store.schedules.listForChannel(channel.id);
    for (const s of schedules.filter((x) => !x.paused)) await scheduler.pause(s.id);
    const why = typeof reason === 'string' ? reason : JSON.stringify(reason);
    await store.channels.updateSettings(channel.id, { unavailable: { reason: why, at: new Date().toISOString() } });
    await store.audit.append({
      workspaceId: channel.workspaceId,
      actorId: 'herald',
      actorName: 'Herald',
      action: 'channel.unavailable',
      target: where.channelId,
      after: { reason: why, pausedSchedules: schedules.map((s) => s.id) },
    });
    app.logger.warn({ where, reason: why, paused: schedules.length }, 'channel unavailable; its schedules are paused');
  };
}

export async function startPlatforms(
  config: Config,
  opened: OpenedApp,
  opts: { poll?: boolean } = {},
): Promise<RunningPlatforms> {
  const { app } = opened;
  const log = app.logger;
  const started: string[] = [];
  const onChannelUnavailable = channelUnavailableHandler(opened);
  const needsHttp = !!config.discord?.publicKey || (!!config.slack?.signingSecret && !config.slack.appToken);
  const http: HttpServer = createHttpServer(log);
  const stops: (() => Promise<void>)[] = [];
  // Adapters that connect out (gateway, Socket Mode, auth.test) start once the server listens.
  const startLater: (() => Promise<void>)[] = [];

  if (config.discord) {
    const discord = createDiscordAdapter({
      config: config.discord,
      http,
      dispatcher: app.dispatcher,
      logger: log,
      onChannelUnavailable,
    });
    opened.deliveryPorts.discord = discord.delivery;
    stops.push(() => discord.stop());
    started.push('discord');
    startLater.push(async () => {
      const { modes } = await discord.start();
      log.info({ modes }, 'Discord adapter started');
    });
  }
  if (config.slack) {
    const slack = createSlackApp({
      botToken: config.slack.botToken,
      signingSecret: config.slack.signingSecret,
      appToken: config.slack.appToken,
      apiUrl: config.slack.apiUrl,
      http,
      registry: app.registry,
      dispatcher: app.dispatcher,
      logger: log,
      onChannelUnavailable,
    });
    opened.deliveryPorts.slack = createSlackDelivery({
      botToken: config.slack.botToken,
      apiUrl: config.slack.apiUrl,
      journal: opened.store.deliveries,
      logger: log,
      onChannelUnavailable,
    });
    stops.push(() => slack.stop());
    started.push('slack');
    startLater.push(async () => {
      await slack.start();
      log.info({ mode: slack.mode }, 'Slack adapter started');
    });
  }

  let listening: { port: number } | null = null;
  if (needsHttp) {
    listening = await http.listen(config.http.port, config.http.host);
    log.info({ port: listening.port }, 'HTTP server listening (/discord/interactions, /slack/events, /healthz)');
  }
  for (const start of startLater.splice(0)) await start();

  const report = await opened.scheduler.start();
  log.info(report, 'scheduler started');
  let timer: NodeJS.Timeout | null = null;
  if (opts.poll !== false) {
    const poll = async (): Promise<void> => {
      try {
        const summary = await pollCycle({
          store: opened.store,
          fetch: opened.feedFetch,
          clock: { now: () => new Date() },
          logger: log,
          delivery: opened.delivery,
          options: {
            pollIntervalMs: config.feeds.pollIntervalMinutes * 60_000,
            disableAfterFailures: config.feeds.disableAfterFailures,
          },
        });
        if (summary.ran && summary.due > 0)
          log.info({ ...summary, failures: summary.failures.length }, 'poll cycle done');
      } catch (e) {
        log.error({ err: e }, 'poll cycle failed');
      }
    };
    // Feeds are checked every minute; each feed is only fetched when its own interval or back-off is due.
    timer = setInterval(() => void poll(), 60_000);
    timer.unref();
    void poll();
  }

  return {
    started,
    http: listening,
    async stop() {
      if (timer) clearInterval(timer);
      for (const stop of stops) await stop().catch((e: unknown) => log.warn({ err: e }, 'stopping an adapter failed'));
      if (listening) await http.close();
      await opened.close();
    },
  };
}
