/**
 * What happens when a platform says the bot can no longer post in a channel (removed, archived,
 * permission taken away): the channel's schedules are paused (not retried forever) and the reason
 * is recorded where /audit, /schedule list and /feeds status show it.
 *
 * The delivery ports report here, and they are built before the scheduler (the scheduler posts
 * through them). So the scheduler subscribes to `onSchedulesPaused` when it is constructed, to drop
 * the timers of what was paused; nothing is wired in after construction.
 */
import type { Clock, Logger, Where } from '../core/ports.js';
import type { HeraldStore } from '../core/store/repositories.js';

export interface ChannelHealth {
  /** A delivery port found the channel gone or closed to the bot. */
  unavailable(where: Where, reason: unknown): Promise<void>;
  /** Called with the ids of schedules paused in the store because their channel became unavailable. */
  onSchedulesPaused(listener: (scheduleIds: readonly number[]) => void): void;
}

export function createChannelHealth(deps: {
  readonly store: HeraldStore;
  readonly clock: Clock;
  readonly logger: Logger;
}): ChannelHealth {
  const listeners: ((ids: readonly number[]) => void)[] = [];
  return {
    onSchedulesPaused(listener) {
      listeners.push(listener);
    },
    async unavailable(where, reason) {
      const { store } = deps;
      const channel = await store.channels.find(where);
      if (!channel) return;
      const schedules = await store.schedules.listForChannel(channel.id);
      const active = schedules.filter((s) => !s.paused);
      for (const s of active) await store.schedules.setPaused(s.id, true);
      for (const listener of listeners) listener(active.map((s) => s.id));
      const why = typeof reason === 'string' ? reason : JSON.stringify(reason);
      await store.channels.updateSettings(channel.id, {
        unavailable: { reason: why, at: deps.clock.now().toISOString() },
      });
      await store.audit.append({
        workspaceId: channel.workspaceId,
        actorId: 'herald',
        actorName: 'Herald',
        action: 'channel.unavailable',
        target: where.channelId,
        after: { reason: why, pausedSchedules: schedules.map((s) => s.id) },
      });
      deps.logger.warn({ where, reason: why, paused: active.length }, 'channel unavailable; its schedules are paused');
    },
  };
}
