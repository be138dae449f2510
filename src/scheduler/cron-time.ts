/**
 * Cron arithmetic on node-cron 4's own matcher, so validation, next-run previews and the running
 * tasks all agree on what an expression means, time zones and DST included.
 */
import cron from 'node-cron';
import { err, failure, ok, type Result } from '../core/result.js';
import { checkTimezone } from '../core/schedule/time.js';

const CRON_HINT = 'Five fields: minute hour day-of-month month day-of-week, e.g. "0 9 * * 1-5" = 09:00 on weekdays.';

/**
 * Checks a cron expression and returns it with its spacing normalised (so equal expressions
 * share one task). Only five fields: digests run by the minute, and slot keys assume it.
 * Ranges must run low to high. When both day-of-month and day-of-week are restricted, a day
 * must match BOTH (node-cron's rule, unlike classic cron's either): `0 9 13 * 5` is 09:00 on
 * Friday the 13th only. docs/schedules.md says so for users.
 */
export function validateCron(expression: string): Result<string> {
  const normalised = expression.trim().split(/\s+/).join(' ');
  const fields = normalised === '' ? 0 : normalised.split(' ').length;
  if (fields !== 5) {
    const why =
      fields === 6
        ? 'has a seconds field; schedules run by the minute'
        : `has ${fields} field${fields === 1 ? '' : 's'}, not 5`;
    return err(
      failure('bad_input', `"${expression}" is not a valid schedule: it ${why}.`, {
        hint: CRON_HINT,
        details: { expression },
      }),
    );
  }
  const backwards = backwardsRange(normalised);
  if (backwards) {
    return err(
      failure(
        'bad_input',
        `"${expression}" is not a valid schedule: the ${backwards.field} range ${backwards.range} runs backwards. Write ranges low to high (${backwards.fix}); to wrap around, list two ranges, e.g. ${backwards.wrap}.`,
        { hint: CRON_HINT, details: { expression, field: backwards.field, range: backwards.range } },
      ),
    );
  }
  const checked = cron.validateDetailed(normalised);
  if (!checked.valid) {
    const first = checked.errors[0];
    // node-cron writes "25 is a invalid expression for hour"; users read the sentence, so fix its grammar.
    const why = first ? first.message.replace(/\ba invalid\b/gu, 'an invalid') : 'node-cron cannot read it';
    return err(
      failure('bad_input', `"${expression}" is not a valid schedule: ${why}.`, {
        hint: CRON_HINT,
        details: { expression, errors: checked.errors },
      }),
    );
  }
  return ok(normalised);
}

const FIELDS = ['minute', 'hour', 'day-of-month', 'month', 'day-of-week'] as const;
const FIELD_MAX = [59, 23, 31, 12, 7];
const NAMES: Readonly<Record<string, number>> = Object.fromEntries([
  ...['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [m, i + 1]),
  ...['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d, i) => [d, i]),
]);
const valueOf = (token: string): number | null => {
  const t = token.toLowerCase();
  if (/^\d+$/u.test(t)) return Number(t);
  return NAMES[t.slice(0, 3)] ?? null;
};

/**
 * The first range written high to low (`5-1`). node-cron reads it as wrapping round (5,6,0,1 for
 * weekdays), which few people mean and nobody can tell from the expression (issue 11, Low):
 * refuse it and show both readings.
 */
function backwardsRange(expression: string): { field: string; range: string; fix: string; wrap: string } | null {
  const parts = expression.split(' ');
  for (let f = 0; f < parts.length && f < FIELDS.length; f++) {
    for (const item of parts[f]!.split(',')) {
      const m = /^([a-z0-9]+)-([a-z0-9]+)(?:\/\d+)?$/iu.exec(item);
      if (!m) continue;
      const [lo, hi] = [valueOf(m[1]!), valueOf(m[2]!)];
      if (lo === null || hi === null || lo <= hi) continue;
      const max = FIELD_MAX[f]!;
      const min = f === 2 || f === 3 ? 1 : 0;
      return {
        field: FIELDS[f]!,
        range: `${m[1]}-${m[2]}`,
        fix: `${m[2]}-${m[1]}`,
        wrap: `${m[1]}-${f === 4 ? 6 : max},${min}-${m[2]}`,
      };
    }
  }
  return null;
}

/** The one time-zone check (src/core/schedule/time.ts), under the scheduler's name. */
export const validateTimezone = checkTimezone;

/** The next `count` run times strictly after `from`, or the validation Failure of either input. */
export function nextRuns(expression: string, timezone: string, count: number, from: Date): Result<Date[]> {
  const expr = validateCron(expression);
  if (!expr.ok) return expr;
  const zone = validateTimezone(timezone);
  if (!zone.ok) return zone;
  const runs: Date[] = [];
  let cursor = from;
  for (let i = 0; i < count; i++) {
    cursor = nextSlotAfter(expr.value, zone.value, cursor);
    runs.push(cursor);
  }
  return ok(runs);
}

/** The first slot strictly after `from`. The expression and zone must be valid. */
export function nextSlotAfter(expression: string, timezone: string, from: Date): Date {
  return matcherFor(expression, timezone).next(from);
}

/**
 * The slot before `slot`, looked for over widening windows (an hour, a day, 8 days, 32 days,
 * 400 days) so a minutely expression walks a few dozen slots and a yearly one is still found.
 */
export function previousSlotBefore(expression: string, timezone: string, slot: Date): Date | null {
  const until = new Date(slot.getTime() - 1);
  for (const hours of [1, 24, 8 * 24, 32 * 24, 400 * 24]) {
    const found = latestSlotIn(expression, timezone, new Date(slot.getTime() - hours * 3_600_000), until);
    if (found) return found;
  }
  return null;
}

/** A schedule's slots either side of `slot` (crash recovery's `cronSlots`, for digests posted again). */
export function slotsAround(
  schedule: { readonly cron: string; readonly timezone: string },
  slot: Date,
): { previous: Date | null; next: Date } {
  return {
    previous: previousSlotBefore(schedule.cron, schedule.timezone, slot),
    next: nextSlotAfter(schedule.cron, schedule.timezone, slot),
  };
}

/** The latest slot in (`after`, `until`], or null when none falls in that window. */
export function latestSlotIn(expression: string, timezone: string, after: Date, until: Date): Date | null {
  const matcher = matcherFor(expression, timezone);
  let latest: Date | null = null;
  for (let slot = matcher.next(after); slot.getTime() <= until.getTime(); slot = matcher.next(slot)) latest = slot;
  return latest;
}

interface Matcher {
  next(from: Date): Date;
}

const MINUTE = 60_000;
// Far enough for "29 February"; node-cron validation already refuses dates that never exist.
const SCAN_LIMIT_MINUTES = 366 * 24 * 60 * 5;
const matchers = new Map<string, Matcher>();

function matcherFor(expression: string, timezone: string): Matcher {
  const key = `${expression}|${timezone}`;
  const cached = matchers.get(key);
  if (cached) return cached;
  // A task that is never started owns no timer; destroying it takes it out of node-cron's registry.
  const task = cron.createTask(expression, () => undefined, { timezone });
  const inner = (task as unknown as { timeMatcher?: { getNextMatch?: (d: Date) => Date } }).timeMatcher;
  const getNextMatch = typeof inner?.getNextMatch === 'function' ? inner.getNextMatch.bind(inner) : null;
  const match = (d: Date) => task.match(d);
  void task.destroy();
  const matcher: Matcher = {
    next(from) {
      // node-cron's own walker is fast but not public API (docs/decisions/038); the minute scan
      // is the slow, public fallback, and also guards against a walker answer the public `match`
      // disagrees with.
      const fast = getNextMatch?.(from);
      if (fast && fast.getTime() > from.getTime() && match(fast))
        return earlierInRepeatedHour(match, timezone, from, fast) ?? fast;
      return scanNext(match, from);
    },
  };
  if (matchers.size > 500) matchers.clear();
  matchers.set(key, matcher);
  return matcher;
}

/**
 * When clocks go back, the walker reads a wall-clock time of the repeated hour in the later
 * offset, so it skips the first pass of that hour: `* * * * *` in Paris after 02:10 CEST answered
 * 02:11 CET, an hour late. Only then (the offset fell within two hours before the answer) are the
 * minutes between `from` and the answer scanned with the public `match`.
 */
function earlierInRepeatedHour(match: (d: Date) => boolean, timezone: string, from: Date, fast: Date): Date | null {
  const windowStart = Math.max(from.getTime(), fast.getTime() - 2 * 60 * MINUTE);
  if (offsetMinutes(timezone, new Date(windowStart)) <= offsetMinutes(timezone, fast)) return null;
  for (let t = Math.floor(windowStart / MINUTE) * MINUTE + MINUTE; t < fast.getTime(); t += MINUTE)
    if (t > from.getTime() && match(new Date(t))) return new Date(t);
  return null;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
/** The zone's offset from UTC at `at`, in minutes (Paris in winter: 60). */
function offsetMinutes(timezone: string, at: Date): number {
  let format = offsetFormats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    offsetFormats.set(timezone, format);
  }
  const p = Object.fromEntries(format.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  const local = Date.UTC(p['year']!, p['month']! - 1, p['day']!, p['hour']!, p['minute']!);
  return Math.round((local - Math.floor(at.getTime() / MINUTE) * MINUTE) / MINUTE);
}

function scanNext(match: (d: Date) => boolean, from: Date): Date {
  let t = Math.floor(from.getTime() / MINUTE) * MINUTE + MINUTE;
  for (let i = 0; i < SCAN_LIMIT_MINUTES; i++, t += MINUTE) {
    const candidate = new Date(t);
    if (match(candidate)) return candidate;
  }
  throw new Error(`No run time within five years after ${from.toISOString()}`);
}
