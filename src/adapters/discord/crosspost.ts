/**
 * Publishing ("crossposting") a post in a Discord announcement channel, within Discord's limit of
 * 10 crossposts per channel per hour. Herald counts its own crossposts per channel, so it stops
 * before Discord refuses; after a restart (the count is gone) Discord's 429 says the hour is used
 * up, and discord.js rejects it instead of queueing the post for up to an hour (see rest.ts).
 * A post over the limit stays posted, only not published.
 */
import { RateLimitError, Routes, type REST } from 'discord.js';
import { CROSSPOSTS_PER_HOUR } from '../../core/live/settings.js';
import type { Logger } from '../../core/ports.js';
import type { Delivered } from '../../core/reply/types.js';

const HOUR_MS = 3_600_000;
const GUILD_ANNOUNCEMENT = 5;
const ALREADY_CROSSPOSTED = 40033;

export type PublishOutcome = NonNullable<Delivered['publish']>;

/** Whether a discord.js bucket route is the crosspost route (rate limits there are rejected, not waited out). */
export const isCrosspostRoute = (route: string): boolean => route.endsWith('/crosspost');

export interface Crossposter {
  (channelId: string, channelType: number | null, messageId: string): Promise<PublishOutcome>;
}

export function createCrossposter(rest: REST, log: Logger, now: () => number = Date.now): Crossposter {
  /** Per channel: when each crosspost of the last hour was made, and until when Discord said no. */
  const recent = new Map<string, number[]>();
  const refusedUntil = new Map<string, number>();

  return async (channelId, channelType, messageId) => {
    if (channelType !== GUILD_ANNOUNCEMENT) return 'not_announcement';
    const t = now();
    if ((refusedUntil.get(channelId) ?? 0) > t) return 'limited';
    const times = (recent.get(channelId) ?? []).filter((at) => t - at < HOUR_MS);
    recent.set(channelId, times);
    if (times.length >= CROSSPOSTS_PER_HOUR) return 'limited';
    try {
      await rest.post(Routes.channelMessageCrosspost(channelId, messageId));
      times.push(t);
      return 'published';
    } catch (e) {
      if (e instanceof RateLimitError) {
        refusedUntil.set(channelId, t + Math.max(e.retryAfter, e.timeToReset, 1000));
        log.info({ channel: channelId, retryAfterMs: e.retryAfter }, 'crosspost limit reached; posting unpublished');
        return 'limited';
      }
      if ((e as { code?: unknown }).code === ALREADY_CROSSPOSTED) return 'published';
      log.warn({ err: e, channel: channelId, message: messageId }, 'crosspost failed');
      return 'failed';
    }
  };
}
