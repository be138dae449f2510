import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/core/ports.js';
import { deliveryKey } from '../../src/core/store/records.js';
import { manualClock } from '../helpers/manual-clock.js';
import { tempDatabase } from '../scheduler/helpers.js';
import { openHarness, textOf, where, type Harness } from './harness.js';

let db: ReturnType<typeof tempDatabase>;
const open: Harness[] = [];
beforeEach(() => {
  db = tempDatabase();
});
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
  db.cleanup();
});
async function harness(clock?: Clock): Promise<Harness> {
  const h = await openHarness(db, clock ? { clock } : {});
  open.push(h);
  return h;
}

describe('/schedule', () => {
  it('adds a schedule from an unquoted cron expression, in the channel zone by default, and audits it', async () => {
    const h = await harness(manualClock(new Date('2025-01-06T07:00:00Z')));
    await h.run('/channel set timezone Europe/Paris');
    const r = await h.run('/schedule add 0 9 * * 1-5', { level: 'moderator' });
    expect(r.kind).toBe('answer');
    expect(r.ephemeral).toBe(true);
    expect(r.title).toBe('Schedule #1 added.');
    expect(textOf(r)).toContain('0 9 * * 1-5 (Europe/Paris)');
    // Next runs are shown in the channel's zone: 09:00 Paris time, weekdays.
    expect(textOf(r)).toContain('Mon, 6 Jan 2025, 09:00 CET');
    expect(textOf(r)).toContain('Tue, 7 Jan 2025, 09:00 CET');
    const stored = await h.store.schedules.listForChannel((await h.store.channels.find(where()))!.id);
    expect(stored).toMatchObject([
      { cron: '0 9 * * 1-5', timezone: 'Europe/Paris', kind: 'new-articles', createdBy: 'u-mod' },
    ]);
    expect(h.scheduler.taskCount()).toBe(1);
    const [entry] = await h.store.audit.list((await h.store.workspaces.find('discord', 'g1'))!.id, 1);
    expect(entry).toMatchObject({
      action: 'schedule.add',
      actorId: 'u-mod',
      target: 'schedule 1',
      before: null,
      after: { cron: '0 9 * * 1-5', timezone: 'Europe/Paris' },
    });
  });

  it('takes an explicit zone and kind', async () => {
    const h = await harness();
    const r = await h.run('/schedule add 30 17 * * * america/new_york current-article', { level: 'moderator' });
    expect(textOf(r)).toContain('30 17 * * * (America/New_York) · digest of the current article');
  });

  it('refuses invalid expressions and zones with an example of a valid one', async () => {
    const h = await harness();
    const badCron = await h.run('/schedule add 61 9 * * *', { level: 'moderator' });
    expect(badCron.code).toBe('bad_input');
    expect(textOf(badCron)).toContain('"61 9 * * *" is not a valid schedule');
    expect(textOf(badCron)).toContain('e.g. \\"0 9 * * 1-5\\"');
    const sixFields = await h.run('/schedule add "0 0 9 * * *"', { level: 'moderator' });
    expect(textOf(sixFields)).toContain('has a seconds field');
    const badZone = await h.run('/schedule add 0 9 * * * Mars/Olympus', { level: 'moderator' });
    expect(badZone.code).toBe('bad_input');
    expect(textOf(badZone)).toContain('"Mars/Olympus" is not a time zone');
    expect(textOf(badZone)).toContain('Europe/Paris');
    expect(await h.store.schedules.listAll()).toHaveLength(0);
  });

  it('refuses members from moderator subcommands, naming the level, but lets them list and see next runs', async () => {
    const h = await harness();
    await h.run('/schedule add 0 9 * * *', { level: 'moderator' });
    const refused = await h.run('/schedule add 0 10 * * *', { level: 'member' });
    expect(refused.code).toBe('permission_denied');
    expect(refused.title).toBe('/schedule add needs moderator access; you have member access.');
    expect((await h.run('/schedule pause 1', { level: 'member' })).code).toBe('permission_denied');
    const list = await h.run('/schedule list', { level: 'member' });
    expect(list.kind).toBe('answer');
    expect(textOf(list)).toContain('#1 · 0 9 * * * (UTC)');
    const next = await h.run('/schedule next', { level: 'member' });
    expect(next.title).toBe('Next runs (UTC)');
  });

  it('lists a schedule whose newest digest was not posted with the reason, and one waiting for its retry', async () => {
    const h = await harness();
    await h.run('/schedule add 0 9 * * *', { level: 'moderator' });
    await h.run('/schedule add 0 18 * * *', { level: 'moderator' });
    const channelId = (await h.store.channels.find(where('c1')))!.id;
    const failed = deliveryKey(1, new Date('2025-01-06T09:00:00Z'), channelId);
    await h.store.deliveries.claim(failed);
    await h.store.deliveries.markFailed(failed, 'its schedule is paused');
    const waiting = deliveryKey(2, new Date('2025-01-06T18:00:00Z'), channelId);
    await h.store.deliveries.claim(waiting);
    await h.store.deliveries.markRetrying(waiting, 'rate_limited: Discord asked Herald to slow down.', 5);
    const text = textOf(await h.run('/schedule list', { level: 'member' }));
    expect(text).toContain('⚠ the digest of Mon, 6 Jan 2025, 09:00 UTC was not posted: its schedule is paused');
    expect(text).toContain(
      '⚠ the digest of Mon, 6 Jan 2025, 18:00 UTC failed (rate_limited: Discord asked Herald to slow down.); Herald tries again (1 of 5 attempts made)',
    );
    // A digest posted since: nothing to say.
    const later = deliveryKey(1, new Date('2025-01-07T09:00:00Z'), channelId);
    await h.store.deliveries.claim(later);
    await h.store.deliveries.markSent(later, 'm1');
    expect(textOf(await h.run('/schedule list', { level: 'member' }))).not.toContain('09:00 UTC was not posted');
  });

  it('pauses, resumes and removes, keeping the cron tasks and the audit log in step', async () => {
    const h = await harness();
    await h.run('/schedule add 0 9 * * *', { level: 'moderator' });
    await h.run('/schedule add 0 9 * * *', { level: 'moderator', channel: 'c2' });
    expect(h.scheduler.groupsInfo()).toEqual([{ cron: '0 9 * * *', timezone: 'UTC', scheduleIds: [1, 2] }]);
    expect((await h.run('/schedule pause #1', { level: 'moderator' })).title).toBe('Schedule #1 paused.');
    expect((await h.run('/schedule pause 1', { level: 'moderator' })).title).toBe('Schedule #1 is already paused.');
    expect(h.scheduler.groupsInfo()[0]!.scheduleIds).toEqual([2]);
    expect(textOf(await h.run('/schedule list'))).toContain('· paused');
    expect((await h.run('/schedule resume 1', { level: 'moderator' })).title).toBe('Schedule #1 resumed.');
    expect(h.scheduler.groupsInfo()[0]!.scheduleIds).toEqual([2, 1]);
    // Schedule 2 belongs to another channel: not found from this one.
    const other = await h.run('/schedule remove 2', { level: 'moderator' });
    expect(other.code).toBe('not_found');
    expect(other.title).toBe('There is no schedule #2 in this channel.');
    expect((await h.run('/schedule remove 1', { level: 'moderator' })).title).toBe('Schedule #1 removed.');
    expect(await h.store.schedules.get(1)).toBeNull();
    const ws = (await h.store.workspaces.find('discord', 'g1'))!;
    const actions = (await h.store.audit.list(ws.id, 10)).map((e) => e.action);
    expect(actions).toEqual(['schedule.remove', 'schedule.resume', 'schedule.pause', 'schedule.add', 'schedule.add']);
    expect((await h.run('/schedule remove nine', { level: 'moderator' })).title).toBe('"nine" is not a schedule id.');
  });

  it('shows next runs in the channel zone even for a schedule kept in another zone', async () => {
    const h = await harness(manualClock(new Date('2025-07-01T00:00:00Z')));
    await h.run('/schedule add 0 9 * * * America/New_York', { level: 'moderator' });
    await h.run('/channel set timezone Asia/Tokyo');
    const r = await h.run('/schedule next 1', { level: 'member' });
    expect(r.title).toBe('Next runs (Asia/Tokyo)');
    // 09:00 EDT = 13:00 UTC = 22:00 JST the same day.
    expect(textOf(r)).toContain('Tue, 1 Jul 2025, 22:00 GMT+9');
    expect(JSON.stringify(r.blocks[0])).toMatch(/("[^"]+"[,\]]){5}/);
  });

  it("autocompletes this channel's schedules", async () => {
    const h = await harness();
    await h.run('/schedule add 0 9 * * *', { level: 'moderator' });
    await h.run('/schedule add 0 18 * * 5 UTC current-article', { level: 'moderator' });
    await h.run('/schedule add 0 7 * * *', { level: 'moderator', channel: 'other' });
    const choices = await h.dispatcher.autocomplete(
      {
        command: 'schedule',
        subcommand: 'pause',
        args: {},
        invoker: { userId: 'u', platformLevel: 'moderator' },
        where: where(),
      },
      'id',
      'current',
    );
    expect(choices).toEqual([{ name: '#2 · 0 18 * * 5 (UTC) · digest of the current article', value: '2' }]);
    const all = await h.dispatcher.autocomplete(
      {
        command: 'schedule',
        subcommand: 'pause',
        args: {},
        invoker: { userId: 'u', platformLevel: 'moderator' },
        where: where(),
      },
      'id',
      '',
    );
    expect(all.map((c) => c.value).sort()).toEqual(['1', '2']);
  });

  it('reloads schedules after a restart: close store and scheduler, reopen, the same tasks come back', async () => {
    const h = await harness();
    await h.run('/schedule add 0 9 * * 1-5 Europe/Paris', { level: 'moderator' });
    await h.run('/schedule add 0 9 * * 1-5 Europe/Paris', { level: 'moderator', channel: 'c2' });
    await h.run('/schedule add 0 18 * * * UTC current-article', { level: 'moderator' });
    await h.run('/schedule pause 3', { level: 'moderator' });
    await h.close();
    open.splice(0);

    const again = await harness();
    expect(again.scheduler.groupsInfo()).toEqual([
      { cron: '0 9 * * 1-5', timezone: 'Europe/Paris', scheduleIds: [1, 2] },
    ]);
    const list = await again.run('/schedule list');
    expect(textOf(list)).toContain('#1 · 0 9 * * 1-5 (Europe/Paris)');
    expect(textOf(list)).toContain('#3 · 0 18 * * * (UTC) · digest of the current article · paused');
    expect((await again.run('/schedule resume 3', { level: 'moderator' })).title).toBe('Schedule #3 resumed.');
    expect(again.scheduler.taskCount()).toBe(2);
  });
});
