/**
 * Channel ids are claims until the platform confirms them (issue 11, High 3): a channel named in
 * `/config import` must belong to the importing workspace, and a delivery is never made to a
 * channel the platform places in another workspace. The platform side is a `ChannelDirectory`
 * per adapter; this file holds what every platform shares.
 */
import type { ChannelDirectory, DeliveryPort, Logger, Where } from '../ports.js';
import { err, failure, type Failure } from '../result.js';

/** Why a channel was refused; `other_workspace` is the one a delivery must never ignore. */
export type ChannelRefusal = 'other_workspace' | 'missing' | 'hidden' | 'not_member' | 'archived' | 'not_a_channel';

/** A `bad_input` failure naming the channel, with the refusal kind in `details.reason`. */
export function channelRefused(where: Where, reason: ChannelRefusal, message: string, hint?: string): Failure {
  return failure('bad_input', message, {
    ...(hint ? { hint } : {}),
    details: { reason, platform: where.platform, workspaceId: where.workspaceId, channelId: where.channelId },
  });
}

export const refusalOf = (f: Failure): ChannelRefusal | null =>
  (f.details?.['reason'] as ChannelRefusal | undefined) ?? null;

/**
 * Remembers confirmed channels: a channel never moves between workspaces (Discord guilds, Slack
 * teams), so a confirmation stays true; deletion and lost access show up at delivery anyway.
 * Refusals and platform errors are not remembered. Bounded: the oldest entry goes first.
 */
export function rememberConfirmed(inner: ChannelDirectory, max = 50_000): ChannelDirectory {
  const confirmed = new Map<string, string | null>();
  return {
    async check(where) {
      const key = `${where.platform}\u0000${where.workspaceId}\u0000${where.channelId}`;
      if (confirmed.has(key)) return { ok: true, value: { name: confirmed.get(key) ?? null } };
      const r = await inner.check(where);
      if (r.ok) {
        if (confirmed.size >= max) confirmed.delete(confirmed.keys().next().value as string);
        confirmed.set(key, r.value.name);
      }
      return r;
    },
  };
}

/**
 * A delivery port that asks the directory first and refuses, without posting, a channel the
 * platform places in another workspace. Any other answer (missing, hidden, platform down) is
 * left to the delivery itself, which already pauses unavailable channels and retries outages:
 * refusing on those would turn a platform hiccup into a lost digest.
 */
export function deliverOnlyWithinWorkspace(
  delivery: DeliveryPort,
  directory: ChannelDirectory,
  logger: Logger,
): DeliveryPort {
  return {
    async deliver(where, message) {
      const checked = await directory.check(where);
      if (!checked.ok && refusalOf(checked.error) === 'other_workspace') {
        logger.warn({ where, code: 'other_workspace' }, 'delivery refused: the channel belongs to another workspace');
        return err(
          failure(
            'permission_denied',
            `Channel ${where.channelId} belongs to another workspace than ${where.workspaceId}; Herald does not post there.`,
            { details: { reason: 'other_workspace' } },
          ),
        );
      }
      return delivery.deliver(where, message);
    },
  };
}
