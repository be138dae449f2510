/**
 * discord.js starts a request's timeout (15 s by default) before it calls `makeRequest`, so time
 * spent waiting in the bot's pacer counts against it. A digest to 2,000 channels queues requests
 * for 40 s: those at the back were aborted while they waited, each still took a release slot
 * without being sent, and discord.js queued them again. The fan-out bench ran at 0.71 of the
 * allowed rate for that reason (ADR 046).
 *
 * `timeoutFromRelease(signal)` is called when a request joins the queue; `release()`, when the
 * pacer lets it go, gives the signal to send with: it aborts as long after discord.js's as the
 * request waited, so the request gets its whole timeout on the network.
 */
export interface QueuedSignal {
  /** The signal to send with, given when the pacer releases the request. */
  release(): AbortSignal | undefined;
}

export function timeoutFromRelease(
  signal: AbortSignal | null | undefined,
  now: () => number = () => performance.now(),
): QueuedSignal {
  if (!signal) return { release: () => undefined };
  const queuedAt = now();
  let abortedAt: number | null = signal.aborted ? queuedAt : null;
  const mark = () => {
    abortedAt = now();
  };
  if (abortedAt === null) signal.addEventListener('abort', mark, { once: true });
  return {
    release() {
      signal.removeEventListener('abort', mark);
      const waited = now() - queuedAt;
      if (waited <= 0) return signal;
      const ours = new AbortController();
      const abortLater = (at: number) => {
        const left = at + waited - now();
        if (left <= 0) ours.abort(signal.reason);
        else setTimeout(() => ours.abort(signal.reason), left).unref();
      };
      if (abortedAt !== null) abortLater(abortedAt);
      else signal.addEventListener('abort', () => abortLater(now()), { once: true });
      return ours.signal;
    },
  };
}
