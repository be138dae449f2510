/**
 * The replay guard shared by every Herald process on one PostgreSQL database (issue 11,
 * Medium 4 with issue 12): behind a load balancer a replayed Slack or Discord request may
 * reach a process that never saw the original, so the ids seen live in a table, not in memory.
 * One statement decides: the insert wins for the first sighting, and also for an id whose
 * row has expired but was not yet pruned; every other sighting inserts nothing.
 * Expired rows are deleted now and then by whichever process happens to check. See ADR 025.
 */
import type { ReplayGuard } from '../../http/replay-guard.js';
import type { Db } from './pool.js';

export interface PgReplayGuardOptions {
  /** How often (at most) this process deletes expired rows; default one minute. */
  readonly pruneEveryMs?: number;
}

export function pgReplayGuard(db: Db, opts: PgReplayGuardOptions = {}): ReplayGuard {
  const pruneEveryMs = opts.pruneEveryMs ?? 60_000;
  let lastPruneMs = Number.NEGATIVE_INFINITY;
  return {
    async firstSighting(id, expiresAtMs, nowMs) {
      if (nowMs - lastPruneMs >= pruneEveryMs) {
        lastPruneMs = nowMs;
        await db.query('DELETE FROM seen_requests WHERE expires_ms <= $1', [nowMs]);
      }
      const inserted = await db.query(
        `INSERT INTO seen_requests (id, expires_ms) VALUES ($1, $2)
         ON CONFLICT (id) DO UPDATE SET expires_ms = EXCLUDED.expires_ms WHERE seen_requests.expires_ms <= $3
         RETURNING id`,
        [id, Math.round(expiresAtMs), Math.round(nowMs)],
      );
      return (inserted.rowCount ?? 0) > 0;
    },
  };
}
