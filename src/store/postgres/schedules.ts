/** Schedules and deliveries in PostgreSQL. */
import type { Clock } from '../../core/ports.js';
import type { DeliveryRepository, ScheduleRepository } from '../../core/store/repositories.js';
import { changed, iso, one, rows, type Db } from './pool.js';
import {
  deliveryOf,
  scheduleOf,
  type DeliveryRow as SharedDeliveryRow,
  type ScheduleRow as SharedScheduleRow,
} from '../schedule-rows.js';

type ScheduleRow = SharedScheduleRow<Date>;
type DeliveryRow = SharedDeliveryRow<Date>;
const toSchedule = (r: ScheduleRow) => scheduleOf(r, iso);
const toDelivery = (r: DeliveryRow) => deliveryOf(r, iso);

export function pgSchedules(db: Db, clock: Clock): ScheduleRepository {
  return {
    create: async (input) =>
      toSchedule(
        (await one<ScheduleRow>(
          db,
          `INSERT INTO schedules (channel_id, cron, timezone, kind, paused, created_by, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
          [
            input.channelId,
            input.cron,
            input.timezone,
            input.kind,
            input.paused ?? false,
            input.createdBy ?? null,
            clock.now().toISOString(),
          ],
        ))!,
      ),
    get: async (id) => {
      const row = await one<ScheduleRow>(db, 'SELECT * FROM schedules WHERE id = $1', [id]);
      return row ? toSchedule(row) : null;
    },
    listForChannel: async (channelId) =>
      (await rows<ScheduleRow>(db, 'SELECT * FROM schedules WHERE channel_id = $1 ORDER BY id', [channelId])).map(
        toSchedule,
      ),
    listAll: async () => (await rows<ScheduleRow>(db, 'SELECT * FROM schedules ORDER BY id')).map(toSchedule),
    setPaused: async (id, paused) => {
      const row = await one<ScheduleRow>(db, 'UPDATE schedules SET paused = $1 WHERE id = $2 RETURNING *', [
        paused,
        id,
      ]);
      return row ? toSchedule(row) : null;
    },
    recordRun: async (id, slot) => {
      await db.query(
        'UPDATE schedules SET last_run_slot = $1 WHERE id = $2 AND (last_run_slot IS NULL OR last_run_slot < $1)',
        [slot.toISOString(), id],
      );
    },
    remove: async (id) => (await changed(db, 'DELETE FROM schedules WHERE id = $1', [id])) > 0,
  };
}

/**
 * Runs the operations on one key in the order they were issued. Over a pool, two calls on the
 * same delivery made back to back by one process would otherwise reach the server in either
 * order; SQLite's single connection keeps the order, and callers (and the contract) rely on it:
 * of two reclaims issued together, the first wins. Different keys still run in parallel.
 */
export class KeyedSequence {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(fn, fn);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}

export function pgDeliveries(db: Db, clock: Clock, holder: string, sequence = new KeyedSequence()): DeliveryRepository {
  const now = () => clock.now().toISOString();
  const repo: DeliveryRepository = {
    // The primary key on `key` is the whole at-most-once guarantee: of any number of processes
    // inserting the same key, exactly one changes a row (the others wait for it, then do nothing).
    claim: async (key) => {
      const at = now();
      return (
        (await changed(
          db,
          `INSERT INTO deliveries (key, status, attempts, created_at, updated_at, claimed_by) VALUES ($1, 'pending', 0, $2, $2, $3)
           ON CONFLICT (key) DO NOTHING`,
          [key, at, holder],
        )) === 1
      );
    },
    // Two reclaimers: the second waits on the row lock, re-reads the row, finds it pending, changes nothing.
    reclaimFailed: async (key, maxAttempts) =>
      (await changed(
        db,
        `UPDATE deliveries SET status = 'pending', updated_at = $1, claimed_by = $4
         WHERE key = $2 AND status = 'failed' AND attempts < $3`,
        [now(), key, maxAttempts, holder],
      )) === 1,
    markRetrying: async (key, error, maxAttempts) =>
      (
        await one<{ status: string }>(
          db,
          `UPDATE deliveries SET status = CASE WHEN attempts + 1 < $1 THEN 'pending' ELSE 'failed' END,
             last_error = $2, attempts = attempts + 1, updated_at = $3
           WHERE key = $4 AND status = 'pending' RETURNING status`,
          [maxAttempts, error, now(), key],
        )
      )?.status === 'pending',
    markSent: async (key, messageId) => {
      await db.query(
        `UPDATE deliveries SET status = 'sent', message_id = $1, attempts = attempts + 1, last_error = NULL, updated_at = $2
         WHERE key = $3`,
        [messageId, now(), key],
      );
    },
    markFailed: async (key, error) => {
      await db.query(
        `UPDATE deliveries SET status = 'failed', last_error = $1, attempts = attempts + 1, updated_at = $2 WHERE key = $3`,
        [error, now(), key],
      );
    },
    get: async (key) => {
      const row = await one<DeliveryRow>(db, 'SELECT * FROM deliveries WHERE key = $1', [key]);
      return row ? toDelivery(row) : null;
    },
    listPending: async (limit) =>
      (
        await db.query<DeliveryRow>(
          "SELECT * FROM deliveries WHERE status = 'pending' ORDER BY created_at, key LIMIT $1",
          [limit],
        )
      ).rows.map(toDelivery),
    // Digests and notices end their key in `:<channelId>`; live posts start it with `live:<channelId>:`
    // or `live-more:<channelId>:` (and end in a feed id, which must not be read as a channel).
    listForChannel: async (channelId, limit) =>
      (
        await db.query<DeliveryRow>(
          `SELECT * FROM deliveries
           WHERE (key NOT LIKE 'live%' AND key LIKE '%:' || $1)
              OR key LIKE 'live:' || $1 || ':%' OR key LIKE 'live-more:' || $1 || ':%'
           ORDER BY updated_at DESC, key DESC LIMIT $2`,
          [String(channelId), limit],
        )
      ).rows.map(toDelivery),
  };
  return {
    claim: (key) => sequence.run(key, () => repo.claim(key)),
    reclaimFailed: (key, maxAttempts) => sequence.run(key, () => repo.reclaimFailed(key, maxAttempts)),
    markRetrying: (key, error, maxAttempts) => sequence.run(key, () => repo.markRetrying(key, error, maxAttempts)),
    markSent: (key, messageId) => sequence.run(key, () => repo.markSent(key, messageId)),
    markFailed: (key, error) => sequence.run(key, () => repo.markFailed(key, error)),
    get: (key) => sequence.run(key, () => repo.get(key)),
    listPending: (limit) => repo.listPending(limit),
    listForChannel: (channelId, limit) => repo.listForChannel(channelId, limit),
  };
}
