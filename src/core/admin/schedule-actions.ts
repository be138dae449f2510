/**
 * The use cases behind `/schedule`: add a schedule to a channel, and remove, pause or resume one of
 * its schedules, each audited. The scheduler (a ScheduleControl) does the timing; `/schedule` only
 * parses, calls these, and shapes the reply.
 */
import { ok, type Result } from '../result.js';
import type { ScheduleControl } from '../schedule/port.js';
import type { Schedule } from '../store/records.js';
import { channelSchedule, scheduleSnapshot } from './schedules.js';
import { writeAudit, type Actor, type AdminScope } from './scope.js';

export interface NewChannelSchedule {
  readonly cron: string;
  /** Default: the channel's time zone. */
  readonly timezone?: string | undefined;
  readonly kind?: Schedule['kind'] | undefined;
}

export async function addSchedule(
  control: ScheduleControl,
  scope: AdminScope,
  actor: Actor,
  input: NewChannelSchedule,
): Promise<Result<Schedule>> {
  const added = await control.add({
    channelId: scope.channel.id,
    cron: input.cron,
    timezone: input.timezone ?? scope.channel.settings.timezone,
    kind: input.kind ?? 'new-articles',
    createdBy: actor.userId,
  });
  if (!added.ok) return added;
  await writeAudit(actor, scope, {
    action: 'schedule.add',
    target: `schedule ${added.value.id}`,
    after: scheduleSnapshot(added.value),
  });
  return added;
}

export type ScheduleVerb = 'remove' | 'pause' | 'resume';

/** What a change did: `changed: false` when the schedule was already paused (or running). */
export interface ScheduleChange {
  readonly schedule: Schedule;
  readonly changed: boolean;
}

/** Finds schedule `idText` in the scope's channel and removes, pauses or resumes it. */
export async function changeSchedule(
  control: ScheduleControl,
  scope: AdminScope,
  actor: Actor,
  idText: string,
  verb: ScheduleVerb,
): Promise<Result<ScheduleChange>> {
  const schedule = await channelSchedule(scope, idText);
  if (!schedule.ok) return schedule;
  if ((verb === 'pause' && schedule.value.paused) || (verb === 'resume' && !schedule.value.paused))
    return ok({ schedule: schedule.value, changed: false });
  const done = await control[verb](schedule.value.id);
  if (!done.ok) return done;
  // A moderator resuming a schedule says the channel is reachable again.
  if (verb === 'resume' && scope.channel.settings.unavailable)
    await scope.store.channels.updateSettings(scope.channel.id, { unavailable: null });
  await writeAudit(actor, scope, {
    action: `schedule.${verb}`,
    target: `schedule ${schedule.value.id}`,
    before: scheduleSnapshot(schedule.value),
    after: verb === 'remove' ? null : scheduleSnapshot(done.value),
  });
  return ok({ schedule: done.value, changed: true });
}
