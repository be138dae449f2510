/**
 * The composition root: the one place that builds Herald's parts and wires them, in dependency
 * order: config → clock, logger → store → article library → channel health and the platform
 * plugins' delivery ports → delivery router → scheduler (which also runs feed polling) →
 * registry and dispatcher → the plugins' inbound side, given the dispatcher at start.
 * Each part is built once, never filled in later. The CLI, benchmarks and tests call `createHerald`;
 * besides src/config, only this file reads process.env. Its types are in src/herald.ts.
 */
import { Registry } from 'prom-client';
import { withLimits } from './core/limits.js';
import { createOperations, healthChecks } from './app/operations.js';
import {
  createMetrics,
  instrumentDelivery,
  instrumentDispatcher,
  instrumentSlots,
  recordRateLimitWait,
} from './observability/metrics.js';
import { buildCommandList, feedsAutocomplete, scheduleAutocomplete } from '../commands/index.js';
import type { Config } from './config/schema.js';
import { analyse } from './core/analyse/index.js';
import { ingestFeedItem } from './core/ingest/index.js';
import { coreProviders } from './core/commands/autocomplete.js';
import { createDispatcher } from './core/commands/dispatch.js';
import { createRegistry, type CommandRegistry } from './core/commands/registry.js';
import { systemClock, type Clock } from './core/ports.js';
import { ok, type Result } from './core/result.js';
import type { HeraldStore } from './core/store/repositories.js';
import { articleIo } from './app/article-io.js';
import { createArticleLoader } from './app/article-loader.js';
import { createChannelHealth } from './app/channel-health.js';
import { createChannelDirectoryRouter } from './app/channel-directory-router.js';
import { createDeliveryRouter } from './app/delivery-router.js';
import { deliverOnlyWithinWorkspace } from './core/channels/tenancy.js';
import { createFeedService, feedFetchDeps } from './app/feed-service.js';
import { platformPlugins, type PlatformPlugin } from './app/platforms.js';
import { pollCycle, type PollSummary } from './app/poller.js';
import { createLivePoster } from './core/live/live-posts.js';
import { createSlotHandler } from './app/slot-handler.js';
import { createStoredAccess } from './app/stored-access.js';
import { createStoredLibrary } from './app/stored-library.js';
import { createHttpServer } from './http/server.js';
import { createDashboardLogin, mountDashboard } from './dashboard/index.js';
import { CronScheduler, slotsAround } from './scheduler/index.js';
import { createRepeatingJob } from './scheduler/poll-loop.js';
import { openStore, type SelectedStore } from './store/open-store.js';
import { createInProcessQueue } from './jobs/in-process-queue.js';
import { openJobQueue } from './jobs/open-queue.js';
import { createFeedPollJobs } from './app/feed-poll-jobs.js';
import { openSqliteStore } from './store/sqlite/index.js';
import type { Herald, HeraldDeps } from './herald.js';

export { analyseArticle, BUNDLED_SAMPLE_PATH } from './app/article-loader.js';
export type { Herald, HeraldDeps, Running } from './herald.js';
export { createLogger, secretsOf, type LogLevel } from './app/logger.js';
export { hasPlatformTokens, loadAppConfig, processEnvironment } from './config/app-config.js';

/** How often the poll job wakes; each feed is fetched only when its own interval or back-off is due. */
export const POLL_TICK_MS = 60_000;

/** The command declarations, validated (duplicates, bad names). Enough for `register` and `manifest`. */
export function commandRegistry(config: Pick<Config, 'listCommands'>): Result<CommandRegistry> {
  return createRegistry(buildCommandList(config));
}

/**
 * The store the config names (PostgreSQL with DATABASE_URL, else SQLite under the data dir), or
 * the one the caller passes in (then it is the caller's to close), or a private in-memory SQLite.
 */
async function storeFor(
  config: Config,
  deps: HeraldDeps,
  clock: Clock,
): Promise<Result<{ store: HeraldStore; owned: boolean; selected: SelectedStore | null }>> {
  if (deps.store && deps.store !== 'memory') return ok({ store: deps.store, owned: false, selected: null });
  if (deps.store === 'memory') {
    const opened = openSqliteStore({ file: ':memory:', clock });
    return opened.ok ? ok({ store: opened.value, owned: true, selected: null }) : opened;
  }
  const opened = await openStore(config, { clock, logger: deps.logger });
  return opened.ok ? ok({ store: opened.value.store, owned: true, selected: opened.value }) : opened;
}

/** Builds every part in dependency order. Fails (as a value) on a bad setting or an unopenable store. */
export async function createHerald(config: Config, deps: HeraldDeps): Promise<Result<Herald>> {
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger;
  const feedFetch = feedFetchDeps(config.feeds, { logger, clock });
  if (!feedFetch.ok) return feedFetch;
  const registry = commandRegistry(config);
  if (!registry.ok) return registry;

  const opened = await storeFor(config, deps, clock);
  if (!opened.ok) return opened;
  const { owned, selected } = opened.value;
  // pg-boss on the PostgreSQL database (jobs shared by every process), else in this process.
  const queue = deps.queue ?? (selected ? await openJobQueue(selected, { logger }) : createInProcessQueue({ logger }));
  // Limits apply wherever schedules and subscriptions are written: commands, imports, the scheduler.
  const store = withLimits(opened.value.store, config.limits);
  const metrics = createMetrics(new Registry());

  // Article links obey the same address rules and limits as feeds (docs/decisions/009).
  const articles = createArticleLoader({ sampleArticle: config.sampleArticle, io: articleIo(feedFetch.value) });
  const library = articles.overlay(createStoredLibrary({ store, analyse, sample: articles.sample, logger }));

  const health = createChannelHealth({ store, clock, logger });
  const plugins = platformPlugins(
    {
      config,
      store,
      clock,
      logger,
      onChannelUnavailable: (where, reason) => health.unavailable(where, reason),
      onRateLimitWait: recordRateLimitWait(metrics),
      // Several processes on one PostgreSQL database must refuse a replay any of them has seen.
      ...(selected?.kind === 'postgres' ? { replayGuard: selected.store.replayGuard } : {}),
    },
    deps.shellOutput,
  );
  const channels = createChannelDirectoryRouter(Object.fromEntries(plugins.map((p) => [p.name, p.channels])));
  // Every delivery, scheduled or live, first asks whether the channel is in the schedule's workspace.
  const delivery = deliverOnlyWithinWorkspace(
    createDeliveryRouter(
      Object.fromEntries(
        plugins.map((p) => [p.name, p.delivery ? instrumentDelivery(p.delivery, p.name, metrics) : p.delivery]),
      ),
    ),
    channels,
    logger,
  );

  const live = createLivePoster({ store, delivery, clock, logger, maxPerPoll: config.feeds.maxLivePostsPerPoll });
  // A restart through `poll --once` finishes first what a killed process left claimed, as `start` does.
  const pollOnce = async (opts: { all?: boolean } = {}): Promise<PollSummary> => {
    await operations.recover().catch((e: unknown) => logger.error({ err: e }, 'delivery recovery failed'));
    return pollCycle({
      store,
      fetch: feedFetch.value,
      clock,
      logger,
      delivery,
      live,
      options: {
        pollIntervalMs: config.feeds.pollIntervalMinutes * 60_000,
        disableAfterFailures: config.feeds.disableAfterFailures,
        maxItemsPerPoll: config.feeds.maxItemsPerPoll,
        ...(opts.all ? { all: true } : {}),
      },
      metrics,
    });
  };
  // Each process's tick enqueues the due feeds; whichever process is free polls each one.
  const feedPolls = createFeedPollJobs({
    store,
    fetch: feedFetch.value,
    clock,
    logger,
    delivery,
    live,
    queue,
    options: {
      pollIntervalMs: config.feeds.pollIntervalMinutes * 60_000,
      disableAfterFailures: config.feeds.disableAfterFailures,
      maxItemsPerPoll: config.feeds.maxItemsPerPoll,
    },
    metrics,
  });
  const polling = createRepeatingJob({
    name: 'feed poll',
    everyMs: POLL_TICK_MS,
    logger,
    run: async () => {
      const due = await feedPolls.enqueueDue();
      if (due > 0) logger.info({ due }, 'due feeds queued for polling');
    },
  });
  const onSlot = createSlotHandler({ store, library, delivery, logger, limits: config.digest });
  const operations = createOperations({
    store,
    onSlot,
    clock,
    logger,
    resumeLive: (key, since) => live.resume(key, since),
    cronSlots: slotsAround,
  });
  const scheduler = new CronScheduler({
    store,
    clock,
    logger,
    graceMs: config.schedules.missedSlotGraceMinutes * 60_000,
    onSlot: instrumentSlots(onSlot, metrics, clock),
    jobs: [polling],
    queue,
    onSchedulesPaused: (listener) => health.onSchedulesPaused(listener),
  });

  // The address in dashboard links: the public one, else this machine at the port it listens on.
  let listeningPort: number | null = null;
  const access = createStoredAccess(store);
  const dashboard = createDashboardLogin({
    store,
    access,
    clock,
    baseUrl: () => config.http.publicUrl ?? `http://localhost:${listeningPort ?? config.http.port}`,
  });
  const feeds = createFeedService({ fetch: feedFetch.value, analyse });

  const dispatcher = instrumentDispatcher(
    createDispatcher({
      registry: registry.value,
      library,
      clock,
      logger,
      access,
      autocomplete: {
        ...coreProviders({ library, registry: () => registry.value }),
        feeds: feedsAutocomplete(store),
        schedules: scheduleAutocomplete(store),
      },
      limits: config.limits,
      capabilities: { store, feeds, schedules: scheduler, channels, dashboard },
      ...(deps.newRef ? { newRef: deps.newRef } : {}),
    }),
    metrics,
  );

  let running: { listening: boolean; plugins: PlatformPlugin[]; scheduler: boolean; polling: boolean } | null = null;
  const http = createHttpServer(logger, {
    metrics: metrics.registry,
    health: healthChecks({
      store,
      scheduler,
      queue,
      platforms: plugins.map((p) => p.name).filter((n) => n !== 'shell'),
      started: () => ({
        scheduler: running?.scheduler ?? false,
        polling: running?.polling ?? false,
        platforms: running?.plugins.map((p) => p.name) ?? [],
      }),
    }),
  });

  mountDashboard(http, {
    store,
    login: dashboard,
    clock,
    logger,
    library,
    feeds,
    schedules: scheduler,
    channels,
    digestLimits: config.digest,
    limits: config.limits,
    secureCookies: config.http.publicUrl?.startsWith('https://') ?? false,
  });

  return ok({
    config,
    logger,
    clock,
    store,
    library,
    delivery,
    scheduler,
    queue,
    selectedStore: selected,
    feedFetch: feedFetch.value,
    registry: registry.value,
    dispatcher,
    plugins,
    dashboard,
    channelUnavailable: (where, reason) => health.unavailable(where, reason),
    load: (ref) => articles.load(ref),
    pollOnce,
    async start(opts = {}) {
      if (running) throw new Error('Herald is already started');
      running = { listening: false, plugins: [], scheduler: false, polling: false };
      let port: number | null = null;
      // The language model and detector load on first use, holding the event loop for a second or
      // more: load them now, before anyone waits on an answer or the first poll (issue 11, Medium 7).
      ingestFeedItem({ title: 'Herald', content: 'Herald starts. It reads the news every morning.' });
      if (plugins.some((p) => p.needsHttp) || opts.dashboard || config.http.publicUrl) {
        port = (await http.listen(config.http.port, config.http.host)).port;
        listeningPort = port;
        running.listening = true;
        logger.info({ port }, 'HTTP server listening (/discord/interactions, /slack/events, /dashboard, /healthz)');
      }
      // Adapters that connect out (gateway, Socket Mode, auth.test) start once the server listens.
      const inbound = { dispatcher, registry: registry.value, http };
      for (const plugin of plugins) {
        const info = await plugin.start(inbound);
        running.plugins.push(plugin);
        logger.info(info, `${plugin.name} started`);
      }
      // Settle what a killed process left pending before the scheduler catches up missed slots.
      await operations.start();
      if (opts.poll !== false) await feedPolls.work();
      const report = await scheduler.start({ jobs: opts.poll !== false });
      running.scheduler = true;
      running.polling = opts.poll !== false;
      logger.info(report, 'scheduler started');
      return {
        started: plugins.filter((p) => p.name !== 'shell').map((p) => p.name),
        http: port === null ? null : { port },
      };
    },
    async close() {
      await scheduler.stop();
      // Jobs in flight finish (deliveries need the platforms), then the queue lets go of the pool.
      await queue.stop();
      await operations.stop();
      metrics.stop();
      for (const plugin of running?.plugins ?? [])
        await plugin
          .stop()
          .catch((e: unknown) => logger.warn({ err: e, platform: plugin.name }, 'stopping a platform failed'));
      if (running?.listening) await http.close();
      running = null;
      if (owned) await store.close();
    },
  });
}
