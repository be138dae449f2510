/**
 * Wording and look-ups shared by the `/schedule` subcommands and the 'schedules' autocomplete.
 */
import type { AutocompleteProvider } from '../commands/autocomplete.js';
import type { ScheduleControl } from '../schedule/port.js';
import { formatInstant } from '../schedule/time.js';
import { err, failure, ok, type Result } from '../result.js';
import type { Schedule } from '../store/records.js';
import type { HeraldStore } from '../store/repositories.js';
import type { AdminScope } from './scope.js';

const KIND_TEXT: Record<Schedule['kind'], string> = {
  'new-articles': 'new articles since the last run',
  'current-article': 'digest of the current article',
};

/** "#3 · 0 9 * * 1-5 (Europe/Paris) · new articles since the last run · paused" */
export function describeSchedule(s: Schedule): string {
  return [`#${s.id}`, `${s.cron} (${s.timezone})`, KIND_TEXT[s.kind], ...(s.paused ? ['paused'] : [])].join(' · ');
}

/** The next `count` runs of `s`, shown in `zone` (the channel's), or [] when they cannot be computed. */
export function nextRunsText(
  control: ScheduleControl | undefined,
  s: Schedule,
  zone: string,
  count: number,
  from: Date,
): string[] {
  if (!control) return [];
  const runs = control.nextRuns(s.cron, s.timezone, count, from);
  return runs.ok ? runs.value.map((d) => formatInstant(d, zone)) : [];
}

/** Reads "3" or "#3" and finds that schedule in the scope's channel. */
export async function channelSchedule(scope: AdminScope, idText: string): Promise<Result<Schedule>> {
  const m = /^#?(\d{1,9})$/.exec(idText.trim());
  const hint = "Use /schedule list to see the ids of this channel's schedules.";
  if (!m) return err(failure('bad_input', `"${idText}" is not a schedule id.`, { hint }));
  const schedule = await scope.store.schedules.get(Number(m[1]));
  // Another channel's schedule is "not found" here: moderators act on the channel they are in.
  if (!schedule || schedule.channelId !== scope.channel.id)
    return err(failure('not_found', `There is no schedule #${m[1]} in this channel.`, { hint }));
  return ok(schedule);
}

/** The 'schedules' autocomplete source: this channel's schedules, value = id. */
export function scheduleAutocomplete(store: Pick<HeraldStore, 'channels' | 'schedules'>): AutocompleteProvider {
  return async (req) => {
    const channel = await store.channels.find(req.where);
    if (!channel) return [];
    return (await store.schedules.listForChannel(channel.id)).map((s) => ({
      name: describeSchedule(s),
      value: String(s.id),
    }));
  };
}

/** What the audit log keeps of a schedule: enough to recreate it. */
export function scheduleSnapshot(s: Schedule): Record<string, unknown> {
  return { id: s.id, cron: s.cron, timezone: s.timezone, kind: s.kind, paused: s.paused };
}
