/**
 * Limits on what one channel or workspace may set up: schedules, feeds, the size of an import.
 * They are a rule of the core, applied where the rows are written (`withLimits` wraps the store),
 * so `/schedule add`, `/feeds add`, `/config import` and anything added later obey the same
 * numbers; a command cannot forget them (docs/decisions/026-limits-at-the-store-port.md).
 */
import { failure, FailureError } from './result.js';
import type { HeraldStore, StoreRepositories } from './store/repositories.js';

/** The configured limits (config/herald.json `limits`). */
export interface Limits {
  readonly schedulesPerChannel: number;
  readonly schedulesPerWorkspace: number;
  readonly feedsPerChannel: number;
  /** Largest `/config import` document, in bytes of UTF-8. */
  readonly importMaxBytes: number;
}

export const DEFAULT_LIMITS: Limits = Object.freeze({
  schedulesPerChannel: 10,
  schedulesPerWorkspace: 50,
  feedsPerChannel: 25,
  importMaxBytes: 100_000,
});

const RAISE = 'An operator can raise it in config/herald.json.';

function overLimit(message: string, limit: keyof Limits, value: number, hint: string): FailureError {
  return new FailureError(
    failure('too_large', message, { hint: `${hint} ${RAISE}`, details: { limit: `limits.${limit}`, value } }),
  );
}

/** Refuses an import document over `limits.importMaxBytes` before it is parsed. */
export function checkImportSize(text: string, limits: Pick<Limits, 'importMaxBytes'>): FailureError | null {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= limits.importMaxBytes) return null;
  return overLimit(
    `The configuration is ${bytes} bytes; an import may be at most ${limits.importMaxBytes} bytes (limits.importMaxBytes).`,
    'importMaxBytes',
    limits.importMaxBytes,
    'Import the channels in several smaller documents.',
  );
}

/** Checks made before a row is written, through whichever repositories (store or transaction) write it. */
function limitedRepos(repos: StoreRepositories, limits: Limits): StoreRepositories {
  const channelLabel = async (channelId: number): Promise<{ label: string; workspaceId: number | null }> => {
    const channel = await repos.channels.get(channelId);
    return {
      label: channel ? `Channel ${channel.name ?? channel.externalId}` : `Channel ${channelId}`,
      workspaceId: channel?.workspaceId ?? null,
    };
  };
  return {
    ...repos,
    schedules: {
      ...repos.schedules,
      async create(input) {
        const here = (await repos.schedules.listForChannel(input.channelId)).length;
        const { label, workspaceId } = await channelLabel(input.channelId);
        if (here >= limits.schedulesPerChannel)
          throw overLimit(
            `${label} already has ${here} schedules; a channel may have at most ${limits.schedulesPerChannel} (limits.schedulesPerChannel).`,
            'schedulesPerChannel',
            limits.schedulesPerChannel,
            'Remove one with /schedule remove first.',
          );
        if (workspaceId !== null) {
          let total = 0;
          for (const ch of await repos.channels.listByWorkspace(workspaceId))
            total += (await repos.schedules.listForChannel(ch.id)).length;
          if (total >= limits.schedulesPerWorkspace)
            throw overLimit(
              `This workspace already has ${total} schedules; a workspace may have at most ${limits.schedulesPerWorkspace} (limits.schedulesPerWorkspace).`,
              'schedulesPerWorkspace',
              limits.schedulesPerWorkspace,
              'Remove schedules in other channels first (/schedule list in each).',
            );
        }
        return repos.schedules.create(input);
      },
    },
    subscriptions: {
      ...repos.subscriptions,
      async subscribe(channelId, feedId, filters, createdBy) {
        // Changing the filters of a feed the channel already follows adds nothing.
        if (!(await repos.subscriptions.get(channelId, feedId))) {
          const here = (await repos.subscriptions.listForChannel(channelId)).length;
          if (here >= limits.feedsPerChannel) {
            const { label } = await channelLabel(channelId);
            throw overLimit(
              `${label} already follows ${here} feeds; a channel may follow at most ${limits.feedsPerChannel} (limits.feedsPerChannel).`,
              'feedsPerChannel',
              limits.feedsPerChannel,
              'Remove one with /feeds remove first.',
            );
          }
        }
        return repos.subscriptions.subscribe(channelId, feedId, filters, createdBy);
      },
    },
  };
}

/**
 * The store with the limits applied to every write of schedules and subscriptions, inside
 * transactions too. Going over a limit throws a `FailureError` (code `too_large`): a transaction
 * is rolled back whole, so an import over a limit changes nothing, and the dispatcher shows the
 * message naming the limit.
 */
export function withLimits(store: HeraldStore, limits: Limits): HeraldStore {
  const limited = limitedRepos(store, limits);
  return {
    ...store,
    ...limited,
    transaction: (fn) => store.transaction((tx) => fn(limitedRepos(tx, limits))),
    schemaVersion: () => store.schemaVersion(),
    close: () => store.close(),
  };
}
