/**
 * Time zones as people read them: validating a zone name and showing an instant in a channel's
 * zone. Plain `Intl`, so commands can use it without the cron library; the scheduler uses the
 * same check (its `validateTimezone` is this function).
 */
import { err, failure, ok, type Result } from '../result.js';

export const ZONE_EXAMPLE = 'Use an IANA time zone name such as "Europe/Paris", "America/New_York" or "UTC".';

/** The canonical spelling of an IANA zone ("europe/paris" → "Europe/Paris"), or a Failure with an example. */
export function checkTimezone(zone: string): Result<string> {
  const refused = err(
    failure('bad_input', `"${zone}" is not a time zone Herald knows.`, {
      hint: ZONE_EXAMPLE,
      details: { timezone: zone },
    }),
  );
  // Fixed offsets ("+01:00") ignore daylight saving, which is not what a person means by a zone.
  if (zone.trim() === '' || /^[+-]\d/.test(zone.trim())) return refused;
  try {
    return ok(new Intl.DateTimeFormat('en-US', { timeZone: zone.trim() }).resolvedOptions().timeZone);
  } catch {
    return refused;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "Mon, 6 Jan 2025, 10:00 CET": an instant in `zone`, with the zone named so nobody guesses. */
export function formatInstant(at: Date | string, zone: string): string {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(zone, f);
  }
  return f.format(typeof at === 'string' ? new Date(at) : at);
}
