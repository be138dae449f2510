/**
 * What the SQLite and PostgreSQL schedule and delivery repositories share: their rows, read into
 * records the same way (instants through the store's `ReadInstant`, see instants.ts; `paused` is
 * 0/1 in SQLite and a boolean in PostgreSQL).
 */
import type { Delivery, DeliveryStatus, Schedule, ScheduleKind } from '../core/store/records.js';
import { maybeInstant, type ReadInstant } from './instants.js';

export interface ScheduleRow<I> {
  id: number;
  channel_id: number;
  cron: string;
  timezone: string;
  kind: ScheduleKind;
  paused: number | boolean;
  last_run_slot: I | null;
  created_by: string | null;
  created_at: I;
}
export interface DeliveryRow<I> {
  key: string;
  status: DeliveryStatus;
  message_id: string | null;
  attempts: number;
  last_error: string | null;
  created_at: I;
  updated_at: I;
  claimed_by: string | null;
}

export const scheduleOf = <I>(r: ScheduleRow<I>, instant: ReadInstant<I>): Schedule => ({
  id: r.id,
  channelId: r.channel_id,
  cron: r.cron,
  timezone: r.timezone,
  kind: r.kind,
  paused: r.paused === true || r.paused === 1,
  lastRunSlot: maybeInstant(r.last_run_slot, instant),
  createdBy: r.created_by,
  createdAt: instant(r.created_at),
});

export const deliveryOf = <I>(r: DeliveryRow<I>, instant: ReadInstant<I>): Delivery => ({
  key: r.key,
  status: r.status,
  messageId: r.message_id,
  attempts: r.attempts,
  lastError: r.last_error,
  createdAt: instant(r.created_at),
  updatedAt: instant(r.updated_at),
  claimedBy: r.claimed_by,
});
