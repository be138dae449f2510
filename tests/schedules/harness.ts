/**
 * The schedules and admin half of the app, wired the way the composition root wires it: a real
 * SQLite file, the real cron scheduler with the real slot handler, the real dispatcher over the
 * real command modules, a recording DeliveryPort and an in-memory article library.
 */
import { createSlotHandler } from '../../src/app/slot-handler.js';
import { analyse } from '../../src/core/analyse/index.js';
import { coreProviders } from '../../src/core/commands/autocomplete.js';
import type { AccessLevel } from '../../src/core/commands/define.js';
import { createDispatcher, type Dispatcher } from '../../src/core/commands/dispatch.js';
import { parseCommandLine } from '../../src/core/commands/parse-text.js';
import { createRegistry, type CommandRegistry } from '../../src/core/commands/registry.js';
import { ingestText } from '../../src/core/ingest/index.js';
import { createMemoryLibrary, type MemoryLibrary } from '../../src/core/library/memory-library.js';
import type { AccessMappings, AnalysedArticle, Clock, DeliveryPort, Where } from '../../src/core/ports.js';
import { failureReply } from '../../src/core/reply/build.js';
import type { OutboundMessage, Reply } from '../../src/core/reply/types.js';
import { ok } from '../../src/core/result.js';
import type { HeraldStore } from '../../src/core/store/index.js';
import { CronScheduler } from '../../src/scheduler/index.js';
import audit from '../../commands/audit.js';
import channel from '../../commands/channel.js';
import configIo from '../../commands/config-io.js';
import roles from '../../commands/roles.js';
import schedule, { scheduleAutocomplete } from '../../commands/schedule.js';
import { oneWorkspaceDirectory } from '../helpers/one-workspace-directory.js';
import { captureLogger, tempDatabase } from '../scheduler/helpers.js';

export const adminCommands = [schedule, channel, roles, configIo, audit];

/** A DeliveryPort that keeps every message, as a platform adapter would post it. */
export function recordingDelivery(): DeliveryPort & { sent: { where: Where; message: OutboundMessage }[] } {
  const sent: { where: Where; message: OutboundMessage }[] = [];
  return {
    sent,
    async deliver(where, message) {
      sent.push({ where, message });
      return ok({ messageId: `msg-${sent.length}` });
    },
  };
}

/** Role mappings from the store, as the stored AccessMappings does it (kept tiny: tests only). */
function storeAccess(store: HeraldStore): AccessMappings {
  return {
    async levelFor(where, invoker) {
      const ws = await store.workspaces.find(where.platform, where.workspaceId);
      if (!ws) return 'member';
      const ids = new Set([invoker.userId, ...(invoker.roleIds ?? [])]);
      const levels = (await store.roles.list(ws.id)).filter((m) => ids.has(m.externalId)).map((m) => m.level);
      return levels.includes('admin') ? 'admin' : levels.includes('moderator') ? 'moderator' : 'member';
    },
  };
}

/** An analysed article from text whose first line is the title. */
export function textArticle(text: string, meta: { url?: string; sourceName?: string } = {}): AnalysedArticle {
  const article = ingestText(text, meta);
  if (!article.ok) throw new Error(article.error.message);
  return { id: article.value.id, article: article.value, facts: analyse(article.value) };
}

export interface Harness {
  readonly store: HeraldStore;
  readonly scheduler: CronScheduler;
  readonly delivery: ReturnType<typeof recordingDelivery>;
  readonly library: MemoryLibrary;
  readonly dispatcher: Dispatcher;
  readonly registry: CommandRegistry;
  readonly logger: ReturnType<typeof captureLogger>;
  /** Runs one typed command line in `channel` of Discord guild g1 as `user` with `level`. */
  run(
    line: string,
    opts?: { level?: AccessLevel; user?: string; channel?: string; roleIds?: string[] },
  ): Promise<Reply>;
  /** Closes scheduler and store (not the files): a process stopping. */
  close(): Promise<void>;
}

export const where = (channelId = 'c1'): Where => ({ platform: 'discord', workspaceId: 'g1', channelId });

/** Opens a store on `db` and starts everything on it; store, scheduler and commands read `clock`. */
export async function openHarness(
  db: ReturnType<typeof tempDatabase>,
  opts: { clock?: Clock; graceMs?: number } = {},
): Promise<Harness> {
  const clock = opts.clock ?? { now: () => new Date() };
  const graceMs = opts.graceMs ?? 15 * 60_000;
  const store = db.open(clock);
  const logger = captureLogger();
  const library = createMemoryLibrary();
  const delivery = recordingDelivery();
  const onSlot = createSlotHandler({ store, library, delivery, logger });
  const scheduler = new CronScheduler({ store, clock, logger, onSlot, graceMs });
  await scheduler.start();
  const reg = createRegistry(adminCommands, { provides: ['store', 'schedules', 'feeds', 'channels'] });
  if (!reg.ok) throw new Error(reg.error.message);
  const registry = reg.value;
  const dispatcher = createDispatcher({
    registry,
    library,
    clock,
    logger,
    access: storeAccess(store),
    autocomplete: { ...coreProviders({ library, registry: () => registry }), schedules: scheduleAutocomplete(store) },
    capabilities: {
      store,
      schedules: scheduler,
      // /config import checks feed addresses with it; these tests fetch nothing and allow every address.
      feeds: {
        preview: async () => ({ ok: false, error: { code: 'bad_input', message: 'no fetching in these tests' } }),
        checkAddress: async (url: string) => ({ ok: true, value: url }),
      },
      // Every channel of guild g1 is the harness's own.
      channels: oneWorkspaceDirectory('g1'),
    },
    newRef: () => 'ref00001',
  });
  return {
    store,
    scheduler,
    delivery,
    library,
    dispatcher,
    registry,
    logger,
    async run(line, opts = {}) {
      const parsed = parseCommandLine(line, registry);
      if (!parsed.ok) return failureReply(parsed.error);
      const { command, subcommand, args } = parsed.value;
      return dispatcher.dispatch({
        command,
        subcommand,
        args,
        invoker: {
          userId: opts.user ?? 'u-mod',
          platformLevel: opts.level ?? 'admin',
          ...(opts.roleIds ? { roleIds: opts.roleIds } : {}),
        },
        where: where(opts.channel),
      });
    },
    async close() {
      scheduler.stop();
      await store.close();
    },
  };
}

/** All the text a reply carries, for `toContain` checks. */
export const textOf = (r: Reply): string => JSON.stringify(r.blocks) + r.title;
