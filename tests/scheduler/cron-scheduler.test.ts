import cron from 'node-cron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SlotEvent } from '../../src/core/schedule/port.js';
import type { HeraldStore } from '../../src/core/store/index.js';
import { CronScheduler } from '../../src/scheduler/index.js';
import { captureLogger, tempDatabase } from './helpers.js';

const clock = { now: () => new Date() };
const GRACE = 15 * 60_000;

let db: ReturnType<typeof tempDatabase>;
const schedulers: CronScheduler[] = [];
beforeEach(() => {
  db = tempDatabase();
});
afterEach(() => {
  for (const s of schedulers.splice(0)) s.stop();
  vi.useRealTimers();
  db.cleanup();
});

function makeScheduler(store: HeraldStore, fired: SlotEvent[], logger = captureLogger(), graceMs = GRACE) {
  const scheduler = new CronScheduler({
    store,
    clock,
    logger,
    graceMs,
    onSlot: async (event) => {
      fired.push(event);
      return { messageId: `m-${event.schedule.channelId}` };
    },
  });
  schedulers.push(scheduler);
  return scheduler;
}

async function channels(store: HeraldStore, n: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++)
    ids.push((await store.channels.ensure({ platform: 'discord', workspaceId: 'g1', channelId: `c${i}` })).id);
  return ids;
}

describe('CronScheduler', () => {
  it('runs one cron task per distinct expression and zone, fanning out to every schedule', async () => {
    vi.useFakeTimers({ now: new Date('2025-01-06T08:59:30Z') });
    const store = db.open();
    const fired: SlotEvent[] = [];
    const scheduler = makeScheduler(store, fired);
    await scheduler.start();
    const tasksBefore = cron.getTasks().size;
    const ids = await channels(store, 10);
    for (const [i, channelId] of ids.entries()) {
      const added = await scheduler.add({
        channelId,
        cron: i % 2 ? '0 9 * * *' : '0  9 * * *',
        timezone: i < 6 ? 'UTC' : 'Europe/London',
        kind: 'new-articles',
      });
      expect(added.ok).toBe(true);
    }
    // "0  9" and "0 9" are one expression; UTC and Europe/London are two zones (same offset in January).
    expect(scheduler.taskCount()).toBe(2);
    expect(cron.getTasks().size - tasksBefore).toBe(2);

    await vi.advanceTimersByTimeAsync(31_000);
    expect(fired).toHaveLength(10);
    expect(new Set(fired.map((e) => e.schedule.channelId))).toEqual(new Set(ids));
    expect(fired.every((e) => e.slot.toISOString() === '2025-01-06T09:00:00.000Z' && !e.late)).toBe(true);
    const first = fired[0]!;
    const delivery = await store.deliveries.get(
      `${first.schedule.id}:2025-01-06T09:00:00.000Z:${first.schedule.channelId}`,
    );
    expect(delivery).toMatchObject({ status: 'sent', messageId: `m-${first.schedule.channelId}`, attempts: 1 });
    expect((await store.schedules.get(first.schedule.id))?.lastRunSlot).toBe('2025-01-06T09:00:00.000Z');
  });

  it('pauses, resumes and removes schedules, keeping the groups in step', async () => {
    vi.useFakeTimers({ now: new Date('2025-01-06T08:00:00Z') });
    const store = db.open();
    const fired: SlotEvent[] = [];
    const scheduler = makeScheduler(store, fired);
    await scheduler.start();
    const [c1, c2] = await channels(store, 2);
    const a = await scheduler.add({ channelId: c1!, cron: '*/5 * * * *', timezone: 'UTC', kind: 'new-articles' });
    const b = await scheduler.add({ channelId: c2!, cron: '0 * * * *', timezone: 'UTC', kind: 'current-article' });
    if (!a.ok || !b.ok) throw new Error('add failed');
    expect(scheduler.taskCount()).toBe(2);

    expect((await scheduler.pause(a.value.id)).ok).toBe(true);
    expect(scheduler.taskCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(fired).toHaveLength(0);

    expect((await scheduler.resume(a.value.id)).ok).toBe(true);
    expect(
      scheduler
        .groupsInfo()
        .map((g) => g.cron)
        .sort(),
    ).toEqual(['*/5 * * * *', '0 * * * *']);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(fired.map((e) => e.schedule.id)).toEqual([a.value.id]);

    expect((await scheduler.remove(b.value.id)).ok).toBe(true);
    expect(scheduler.taskCount()).toBe(1);
    expect(await store.schedules.get(b.value.id)).toBeNull();
    const missing = await scheduler.pause(999);
    expect(!missing.ok && missing.error.code).toBe('not_found');
  });

  it('refuses an invalid expression or zone with an example, storing nothing', async () => {
    const store = db.open();
    const scheduler = makeScheduler(store, []);
    await scheduler.start();
    const [channelId] = await channels(store, 1);
    const badCron = await scheduler.add({
      channelId: channelId!,
      cron: '0 25 * * *',
      timezone: 'UTC',
      kind: 'new-articles',
    });
    expect(!badCron.ok && badCron.error.hint).toContain('"0 9 * * 1-5"');
    const badZone = await scheduler.add({
      channelId: channelId!,
      cron: '0 9 * * *',
      timezone: 'Paris',
      kind: 'new-articles',
    });
    expect(!badZone.ok && badZone.error.hint).toContain('"Europe/Paris"');
    expect(await store.schedules.listAll()).toEqual([]);
    expect(scheduler.taskCount()).toBe(0);
  });

  it('on restart, posts a slot missed within the grace window once, and skips one outside it', async () => {
    vi.useFakeTimers({ now: new Date('2025-01-06T07:00:00Z') });
    const store = db.open();
    const [c1, c2] = await channels(store, 2);
    const inside = await store.schedules.create({
      channelId: c1!,
      cron: '0 8 * * *',
      timezone: 'UTC',
      kind: 'new-articles',
    });
    const outside = await store.schedules.create({
      channelId: c2!,
      cron: '45 7 * * *',
      timezone: 'UTC',
      kind: 'new-articles',
    });
    const paused = await store.schedules.create({
      channelId: c2!,
      cron: '0 8 * * *',
      timezone: 'UTC',
      kind: 'new-articles',
      paused: true,
    });

    // The bot was down from 07:00 to 08:10: 08:00 is 10 min late (inside 15), 07:45 is 25 (outside).
    vi.setSystemTime(new Date('2025-01-06T08:10:00Z'));
    const fired: SlotEvent[] = [];
    const logger = captureLogger();
    const report = await makeScheduler(store, fired, logger).start();
    expect(report.schedules).toBe(3);
    expect(report.tasks).toBe(2);
    expect(report.caughtUp).toEqual([
      { scheduleId: inside.id, slot: new Date('2025-01-06T08:00:00Z'), outcome: 'sent' },
    ]);
    expect(report.skipped).toEqual([{ scheduleId: outside.id, slot: new Date('2025-01-06T07:45:00Z') }]);
    expect(fired.map((e) => [e.schedule.id, e.late])).toEqual([[inside.id, true]]);
    expect(fired.some((e) => e.schedule.id === paused.id)).toBe(false);
    const skipLog = logger.lines.find((l) => l.level === 'warn');
    expect(skipLog?.msg).toMatch(/outside the grace window/);
    expect(skipLog?.obj).toMatchObject({
      scheduleId: outside.id,
      slot: '2025-01-06T07:45:00.000Z',
      component: 'scheduler',
    });

    // Another restart a minute later posts nothing again.
    schedulers.splice(0).forEach((s) => s.stop());
    vi.setSystemTime(new Date('2025-01-06T08:11:00Z'));
    const again: SlotEvent[] = [];
    const second = await makeScheduler(db.open(), again).start();
    expect(again).toEqual([]);
    expect(second.caughtUp).toEqual([]);
  });

  it('delivers each slot once per channel when two schedulers race on one database file', async () => {
    vi.useFakeTimers({ now: new Date('2025-01-06T08:59:50Z') });
    const setup = db.open();
    const ids = await channels(setup, 5);
    for (const channelId of ids)
      await setup.schedules.create({ channelId, cron: '0 9 * * *', timezone: 'UTC', kind: 'new-articles' });

    const firedA: SlotEvent[] = [];
    const firedB: SlotEvent[] = [];
    // Two connections, as two processes would have.
    const a = makeScheduler(db.open(), firedA);
    const b = makeScheduler(db.open(), firedB);
    await Promise.all([a.start(), b.start()]);
    await vi.advanceTimersByTimeAsync(11_000);
    const all = [...firedA, ...firedB];
    expect(all).toHaveLength(5);
    expect(new Set(all.map((e) => e.schedule.channelId))).toEqual(new Set(ids));

    // Firing the same slot again directly (a retry, a third instance) claims nothing.
    const report = await a.fireGroup('0 9 * * *', 'UTC', new Date('2025-01-06T09:00:00Z'));
    expect(report).toMatchObject({ sent: 0, failed: 0, claimedElsewhere: 5 });
  });

  it('marks a delivery failed when the handler throws, and goes on with the other channels', async () => {
    const store = db.open();
    const ids = await channels(store, 3);
    const logger = captureLogger();
    const scheduler = new CronScheduler({
      store,
      clock,
      logger,
      graceMs: GRACE,
      onSlot: async ({ schedule }) => {
        if (schedule.channelId === ids[1]) throw new Error('platform said 503');
      },
    });
    schedulers.push(scheduler);
    await scheduler.start();
    for (const channelId of ids)
      await scheduler.add({ channelId, cron: '0 9 * * *', timezone: 'UTC', kind: 'new-articles' });
    const slot = new Date('2025-01-06T09:00:00Z');
    const report = await scheduler.fireGroup('0 9 * * *', 'UTC', slot);
    expect(report).toMatchObject({ sent: 2, failed: 1, claimedElsewhere: 0 });
    const failedSchedule = (await store.schedules.listForChannel(ids[1]!))[0]!;
    expect(await store.deliveries.get(`${failedSchedule.id}:${slot.toISOString()}:${ids[1]}`)).toMatchObject({
      status: 'failed',
      lastError: 'platform said 503',
    });
    expect(logger.lines.some((l) => l.level === 'error' && l.obj.err instanceof Error)).toBe(true);
  });

  it('picks up schedules another process added or paused on sync', async () => {
    const store = db.open();
    const scheduler = makeScheduler(store, []);
    await scheduler.start();
    const other = db.open();
    const [channelId] = await channels(other, 1);
    const s = await other.schedules.create({
      channelId: channelId!,
      cron: '0 9 * * *',
      timezone: 'UTC',
      kind: 'new-articles',
    });
    await scheduler.sync();
    expect(scheduler.groupsInfo()).toEqual([{ cron: '0 9 * * *', timezone: 'UTC', scheduleIds: [s.id] }]);
    await other.schedules.setPaused(s.id, true);
    await scheduler.sync();
    expect(scheduler.taskCount()).toBe(0);
  });
});
