/**
 * The fake Discord's crossposts: `POST /channels/{id}/messages/{id}/crosspost` publishes a
 * message of an announcement channel (type 5), once, at most 10 per channel per hour, answering
 * the 11th with a 429 and the headers Discord sends (its own bucket, a long Retry-After).
 */

const HOUR_MS = 3_600_000;
export const CROSSPOSTS_PER_HOUR = 10;

export interface Crossposts {
  /** Message ids published, in order. */
  readonly published: string[];
  /** 429 answers given on the crosspost route. */
  readonly limited: { count: number };
  handle(
    channelId: string,
    messageId: string,
    ctx: { readonly type: number | null; readonly exists: boolean },
  ): { status: number; body: unknown; headers: Record<string, string> };
}

export function createCrossposts(now: () => number = Date.now): Crossposts {
  const published: string[] = [];
  const byChannel = new Map<string, number[]>();
  const limited = { count: 0 };
  return {
    published,
    limited,
    handle(channelId, messageId, ctx) {
      if (!ctx.exists) return { status: 404, body: { message: 'Unknown Message', code: 10008 }, headers: {} };
      if (ctx.type !== 5)
        return {
          status: 403,
          body: { message: 'Cannot execute action on this channel type', code: 50024 },
          headers: {},
        };
      const t = now();
      const times = (byChannel.get(channelId) ?? []).filter((at) => t - at < HOUR_MS);
      byChannel.set(channelId, times);
      const resetAfter = times.length ? (times[0]! + HOUR_MS - t) / 1000 : HOUR_MS / 1000;
      const headers = (remaining: number): Record<string, string> => ({
        'x-ratelimit-limit': String(CROSSPOSTS_PER_HOUR),
        'x-ratelimit-remaining': String(remaining),
        'x-ratelimit-reset-after': resetAfter.toFixed(3),
        'x-ratelimit-reset': ((t + resetAfter * 1000) / 1000).toFixed(3),
        'x-ratelimit-bucket': 'fake-crosspost-bucket',
      });
      if (times.length >= CROSSPOSTS_PER_HOUR) {
        limited.count++;
        return {
          status: 429,
          body: { message: 'You are being rate limited.', retry_after: resetAfter, global: false },
          headers: { ...headers(0), 'retry-after': String(Math.ceil(resetAfter)), 'x-ratelimit-scope': 'user' },
        };
      }
      if (published.includes(messageId))
        return {
          status: 400,
          body: { message: 'This message has already been crossposted.', code: 40033 },
          headers: {},
        };
      times.push(t);
      published.push(messageId);
      return {
        status: 200,
        body: { id: messageId, channel_id: channelId, flags: 1 },
        headers: headers(CROSSPOSTS_PER_HOUR - times.length),
      };
    },
  };
}
