/**
 * Replay protection for signed platform requests. A signature proves who sent a request,
 * not that it is the first time we see it: a captured Slack slash command or Discord
 * interaction, re-sent within the five-minute signature window, would run again (three
 * schedules for one `/schedule add`; issue 11, Medium 4). Each receiver asks the guard
 * whether a request's id was already seen before it dispatches anything.
 *
 * The in-memory guard here protects one process (SQLite). Several processes on one PostgreSQL
 * database share the store's guard (src/store/postgres/replay-guard.ts, a table keyed by id
 * with the expiry as a column): the port is async for that reason. See ADR 025.
 */

/** Remembers request ids until they expire. */
export interface ReplayGuard {
  /**
   * True the first time `id` is offered before `expiresAtMs`, false for every repeat until
   * then. Only call it for requests whose signature has been verified, or a forger could
   * burn ids ahead of the real request.
   */
  firstSighting(id: string, expiresAtMs: number, nowMs: number): Promise<boolean>;
}

export interface MemoryReplayGuardOptions {
  /**
   * The most ids held at once. When full, the oldest is forgotten (it could then be replayed
   * until its window ends): 100,000 ids cover a sustained 330 signed requests a second for the
   * five-minute window, far beyond what one process answers.
   */
  readonly maxEntries?: number;
  /** Told when a live id had to be forgotten because the guard was full. */
  readonly onEvict?: (id: string) => void;
}

/** A bounded in-memory guard: a Map in insertion order, pruned from the oldest end. */
export function createMemoryReplayGuard(opts: MemoryReplayGuardOptions = {}): ReplayGuard & { readonly size: number } {
  const max = Math.max(1, opts.maxEntries ?? 100_000);
  const seen = new Map<string, number>();
  const prune = (nowMs: number): void => {
    // Expiries arrive in roughly increasing order; stop at the first live one (amortised O(1)).
    for (const [id, until] of seen) {
      if (until > nowMs) break;
      seen.delete(id);
    }
  };
  return {
    get size() {
      return seen.size;
    },
    async firstSighting(id, expiresAtMs, nowMs) {
      prune(nowMs);
      const until = seen.get(id);
      if (until !== undefined && until > nowMs) return false;
      seen.delete(id);
      seen.set(id, expiresAtMs);
      while (seen.size > max) {
        const oldest = seen.keys().next().value as string;
        seen.delete(oldest);
        opts.onEvict?.(oldest);
      }
      return true;
    },
  };
}
