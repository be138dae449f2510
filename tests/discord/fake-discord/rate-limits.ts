/**
 * Discord's documented rate limits, enforced by the fake: a global limit of N requests per
 * second per bot and per-route buckets (message creation: 5 per 5 s per channel), with the same
 * headers and 429 bodies Discord sends. Discord does not say where its second starts, so the
 * fake takes the strictest reading: no more than N in ANY second (a sliding window), which a
 * client counting its own one-second windows can break at their boundaries (ADR 046).
 */

export interface RateLimitOptions {
  /** Requests per second for the whole bot; Discord documents 50. */
  readonly globalPerSecond: number;
  /** Message creation per channel; Discord's bucket is 5 per 5 s. */
  readonly perChannel: { readonly limit: number; readonly windowMs: number };
}

export interface LimitDecision {
  readonly allowed: boolean;
  readonly headers: Record<string, string>;
  readonly body?: { message: string; retry_after: number; global: boolean };
}

export function createRateLimiter(opts: RateLimitOptions, now: () => number = Date.now) {
  // When the requests of the last second were let through, oldest first.
  const recent: number[] = [];
  const buckets = new Map<string, { start: number; count: number }>();
  return {
    /** Decides one request on a bucket key (e.g. `messages:<channel>`); null key = global only. */
    check(bucketKey: string | null): LimitDecision {
      const t = now();
      while (recent.length && t - recent[0]! >= 1000) recent.shift();
      if (recent.length >= opts.globalPerSecond) {
        const retry = (recent[recent.length - opts.globalPerSecond]! + 1000 - t) / 1000;
        return {
          allowed: false,
          headers: { 'retry-after': retry.toFixed(3), 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' },
          body: { message: 'You are being rate limited.', retry_after: retry, global: true },
        };
      }
      let headers: Record<string, string> = {};
      if (bucketKey !== null) {
        const { limit, windowMs } = opts.perChannel;
        let b = buckets.get(bucketKey);
        if (!b || t - b.start >= windowMs) buckets.set(bucketKey, (b = { start: t, count: 0 }));
        const resetAfter = (b.start + windowMs - t) / 1000;
        if (b.count >= limit) {
          return {
            allowed: false,
            headers: {
              'retry-after': resetAfter.toFixed(3),
              'x-ratelimit-limit': String(limit),
              'x-ratelimit-remaining': '0',
              'x-ratelimit-reset-after': resetAfter.toFixed(3),
              'x-ratelimit-bucket': 'msgcreate',
              'x-ratelimit-scope': 'user',
            },
            body: { message: 'You are being rate limited.', retry_after: resetAfter, global: false },
          };
        }
        b.count++;
        headers = {
          'x-ratelimit-limit': String(limit),
          'x-ratelimit-remaining': String(limit - b.count),
          'x-ratelimit-reset-after': resetAfter.toFixed(3),
          'x-ratelimit-bucket': 'msgcreate',
        };
      }
      recent.push(t);
      return { allowed: true, headers };
    },
  };
}
