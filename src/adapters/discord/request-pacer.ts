/**
 * Keeps one bot's REST requests under Discord's global limit of 50 requests per second in every
 * window, not only in discord.js's own one-second windows (docs/decisions/046-pacing-discord-requests.md).
 * discord.js counts 50 per second from the first request of its second, so 50 at the end of one
 * and 50 at the start of the next can reach Discord within a few milliseconds; Discord, counting
 * from its own clock, answers the second half with 429s.
 *
 * The pacer releases requests on an even schedule, one every `1000 / perSecond` ms. A release that
 * a busy event loop made late does not move the schedule when it was at most `catchUpMs` late:
 * the requests behind it go at once until the schedule is met, so timer delays do not add up to a
 * slower pace. Above that, a hard cap: never more than `maxPerSecond` in any second. Both sit
 * below Discord's 50, so requests that reach Discord closer together than they left still count
 * under 50.
 */

export interface PacerOptions {
  /** The steady rate. */
  readonly perSecond: number;
  /** The most requests released in any window of one second. */
  readonly maxPerSecond: number;
  /** How late a release may be without moving the schedule (the most the pacer catches up). */
  readonly catchUpMs: number;
  /** Milliseconds on a monotonic clock. Default `performance.now`. */
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Discord's global limit (50 requests per second) with a margin; figures in ADR 046. */
export const DISCORD_GLOBAL_PACE: PacerOptions = Object.freeze({ perSecond: 47.5, maxPerSecond: 48, catchUpMs: 40 });

export interface Pacer {
  /** Resolves when the caller may send; callers are released in the order they asked. */
  (): Promise<void>;
  /**
   * Discord answered a global 429: nothing more goes for `ms`. Requests already past discord.js's
   * own global hold wait here, rather than each earning another 429.
   */
  pause(ms: number): void;
}

export function createPacer(opts: PacerOptions): Pacer {
  const now = opts.now ?? (() => performance.now());
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const interval = 1000 / opts.perSecond;
  // When the next request is due on the schedule, and when the last `maxPerSecond` were released.
  let due = -Infinity;
  const released: number[] = [];
  let queue: Promise<void> = Promise.resolve();

  const earliest = (): number => (released.length >= opts.maxPerSecond ? Math.max(due, released[0]! + 1000) : due);

  const pacer = () => {
    const turn = queue.then(async () => {
      // A timer may fire a little early; measure again rather than trust it.
      for (let wait = earliest() - now(); wait > 0; wait = earliest() - now()) await sleep(wait);
      const t = now();
      released.push(t);
      if (released.length > opts.maxPerSecond) released.shift();
      due = (t - due <= opts.catchUpMs ? due : t) + interval;
    });
    queue = turn;
    return turn;
  };
  return Object.assign(pacer, {
    pause(ms: number) {
      due = Math.max(due, now() + ms);
    },
  });
}
