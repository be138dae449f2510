/** Schedules and deliveries in SQLite. */
import type { Database } from 'better-sqlite3';
import type { Clock } from '../../core/ports.js';
import type { DeliveryRepository, ScheduleRepository } from '../../core/store/repositories.js';
import {
  deliveryOf,
  scheduleOf,
  type DeliveryRow as SharedDeliveryRow,
  type ScheduleRow as SharedScheduleRow,
} from '../schedule-rows.js';
import { isoText } from '../instants.js';

type ScheduleRow = SharedScheduleRow<string>;
type DeliveryRow = SharedDeliveryRow<string>;
const toSchedule = (r: ScheduleRow) => scheduleOf(r, isoText);
const toDelivery = (r: DeliveryRow) => deliveryOf(r, isoText);

export function sqliteSchedules(db: Database, clock: Clock): ScheduleRepository {
  const insert = db.prepare(
    `INSERT INTO schedules (channel_id, cron, timezone, kind, paused, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *`,
  );
  const byId = db.prepare('SELECT * FROM schedules WHERE id = ?');
  const forChannel = db.prepare('SELECT * FROM schedules WHERE channel_id = ? ORDER BY id');
  const all = db.prepare('SELECT * FROM schedules ORDER BY id');
  const pause = db.prepare('UPDATE schedules SET paused = ? WHERE id = ? RETURNING *');
  // ISO instants in UTC compare correctly as text, so MAX keeps the later slot.
  const run = db.prepare(
    'UPDATE schedules SET last_run_slot = ? WHERE id = ? AND (last_run_slot IS NULL OR last_run_slot < ?)',
  );
  return {
    create: async (input) =>
      toSchedule(
        insert.get(
          input.channelId,
          input.cron,
          input.timezone,
          input.kind,
          input.paused ? 1 : 0,
          input.createdBy ?? null,
          clock.now().toISOString(),
        ) as ScheduleRow,
      ),
    get: async (id) => {
      const row = byId.get(id) as ScheduleRow | undefined;
      return row ? toSchedule(row) : null;
    },
    listForChannel: async (channelId) => (forChannel.all(channelId) as ScheduleRow[]).map(toSchedule),
    listAll: async () => (all.all() as ScheduleRow[]).map(toSchedule),
    setPaused: async (id, paused) => {
      const row = pause.get(paused ? 1 : 0, id) as ScheduleRow | undefined;
      return row ? toSchedule(row) : null;
    },
    recordRun: async (id, slot) => {
      const iso = slot.toISOString();
      run.run(iso, id, iso);
    },
    remove: async (id) => db.prepare('DELETE FROM schedules WHERE id = ?').run(id).changes > 0,
  };
}

export function sqliteDeliveries(db: Database, clock: Clock, holder: string): DeliveryRepository {
  // The primary key on `key` is the whole at-most-once guarantee: of any number of processes
  // inserting the same key, exactly one changes a row.
  const claim = db.prepare(
    `INSERT INTO deliveries (key, status, attempts, created_at, updated_at, claimed_by) VALUES (?, 'pending', 0, ?, ?, ?)
     ON CONFLICT (key) DO NOTHING`,
  );
  const reclaim = db.prepare(
    `UPDATE deliveries SET status = 'pending', updated_at = ?, claimed_by = ?
     WHERE key = ? AND status = 'failed' AND attempts < ?`,
  );
  const retrying = db.prepare(
    `UPDATE deliveries SET status = CASE WHEN attempts + 1 < @max THEN 'pending' ELSE 'failed' END,
       last_error = @error, attempts = attempts + 1, updated_at = @at
     WHERE key = @key AND status = 'pending' RETURNING status`,
  );
  const sent = db.prepare(
    `UPDATE deliveries SET status = 'sent', message_id = ?, attempts = attempts + 1, last_error = NULL, updated_at = ?
     WHERE key = ?`,
  );
  const failed = db.prepare(
    `UPDATE deliveries SET status = 'failed', last_error = ?, attempts = attempts + 1, updated_at = ? WHERE key = ?`,
  );
  const byKey = db.prepare('SELECT * FROM deliveries WHERE key = ?');
  const pending = db.prepare("SELECT * FROM deliveries WHERE status = 'pending' ORDER BY created_at, key LIMIT ?");
  // Digests and notices end their key in `:<channelId>`; live posts start it with `live:<channelId>:`
  // or `live-more:<channelId>:` (and end in a feed id, which must not be read as a channel).
  const ofChannel = db.prepare(
    `SELECT * FROM deliveries
     WHERE (key NOT LIKE 'live%' AND key LIKE '%:' || @channel)
        OR key LIKE 'live:' || @channel || ':%' OR key LIKE 'live-more:' || @channel || ':%'
     ORDER BY updated_at DESC, key DESC LIMIT @limit`,
  );
  const now = () => clock.now().toISOString();
  return {
    claim: async (key) => {
      const at = now();
      return claim.run(key, at, at, holder).changes === 1;
    },
    reclaimFailed: async (key, maxAttempts) => reclaim.run(now(), holder, key, maxAttempts).changes === 1,
    markRetrying: async (key, error, maxAttempts) =>
      (retrying.get({ key, error, max: maxAttempts, at: now() }) as { status: string } | undefined)?.status ===
      'pending',
    markSent: async (key, messageId) => {
      sent.run(messageId, now(), key);
    },
    markFailed: async (key, error) => {
      failed.run(error, now(), key);
    },
    get: async (key) => {
      const row = byKey.get(key) as DeliveryRow | undefined;
      return row ? toDelivery(row) : null;
    },
    listPending: async (limit) => (pending.all(limit) as DeliveryRow[]).map(toDelivery),
    listForChannel: async (channelId, limit) =>
      (ofChannel.all({ channel: String(channelId), limit }) as DeliveryRow[]).map(toDelivery),
  };
}
