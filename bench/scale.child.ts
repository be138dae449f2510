/**
 * One Herald process for scale.bench.ts: the real composition root (`createHerald` + `start`,
 * config from the environment the bench passes: SQLite under HERALD_DATA_DIR or PostgreSQL with
 * DATABASE_URL, Discord on the gateway and Slack over HTTP against the fake platforms).
 * The bench drives it over the IPC channel:
 *   { do: 'slot', cron, timezone, slot }  what a cron tick does (a keyed slot job)
 *   { do: 'poll' }                        what the poll tick does (one keyed job per due feed)
 *   { do: 'cpu' }                         answers { cpuMs } (user + system time of this process)
 *   { do: 'stop' }                        closes Herald and exits
 * and it says { ready: true } once started.
 */
import { FEED_POLL_QUEUE, feedPollKey, type FeedPollJob } from '../src/app/feed-poll-jobs.js';
import { createHerald, createLogger, loadAppConfig, secretsOf } from '../src/main.js';

type Command =
  | { readonly do: 'slot'; readonly cron: string; readonly timezone: string; readonly slot: string }
  | { readonly do: 'poll' }
  | { readonly do: 'cpu' }
  | { readonly do: 'stop' };

const send = (message: object): void => void process.send?.(message);

const config = await loadAppConfig({ cwd: process.cwd(), env: process.env });
if (!config.ok) throw new Error(config.error.message);
const logger = createLogger(config.value.logLevel, process.stderr, secretsOf(config.value));
const built = await createHerald(config.value, { logger });
if (!built.ok) throw new Error(built.error.message);
const herald = built.value;
await herald.start({ poll: true });

process.on('message', (command: Command) => {
  void (async () => {
    switch (command.do) {
      case 'slot':
        await herald.scheduler.trigger(command.cron, command.timezone, new Date(command.slot));
        break;
      case 'poll': {
        // The poll tick's work (createFeedPollJobs.enqueueDue), asked for now instead of in a minute.
        const due = await herald.store.feeds.listDue(herald.clock.now());
        await herald.queue.sendMany<FeedPollJob>(
          FEED_POLL_QUEUE,
          due.map((feed) => ({ data: { feedId: feed.id }, singletonKey: feedPollKey(feed) })),
        );
        break;
      }
      case 'cpu': {
        const { user, system } = process.cpuUsage();
        send({ cpuMs: (user + system) / 1000 });
        break;
      }
      case 'stop':
        await herald.close();
        process.exit(0);
    }
  })().catch((error: unknown) => {
    logger.error({ err: error }, 'bench command failed');
    process.exit(1);
  });
});
send({ ready: true });
