/**
 * What Herald relies on inside node-cron (docs/decisions/038-next-runs-from-node-cron.md): a
 * task's `timeMatcher.getNextMatch(from)` exists and agrees with the public `match`, and with
 * the public `getNextRuns` when `from` is now. An upgrade that moves or changes it fails here,
 * rather than silently falling back to the minute-by-minute scan.
 */
import cron from 'node-cron';
import { describe, expect, it } from 'vitest';
import { nextRuns, nextSlotAfter } from '../../src/scheduler/cron-time.js';

// Gaps of a day at most, so the scan that checks each answer stays short.
const EXPRESSIONS = ['* * * * *', '*/5 * * * *', '0 9 * * *', '30 2 * * *', '0,30 0-3 * * *'];
const ZONES = ['UTC', 'Europe/Paris', 'America/New_York', 'Australia/Lord_Howe'];
// Just before the 2025 DST changes of Paris (both ways) and New York (both ways), and a plain day.
const FROMS = [
  '2025-03-30T00:30:00Z',
  '2025-10-26T00:10:00Z',
  '2025-03-09T06:59:00Z',
  '2025-11-02T05:30:00Z',
  '2025-06-18T12:34:56Z',
];

/** The first whole minute after `from`, up to `until`, that the public `match` accepts: the slow, public answer. */
function firstMatch(expression: string, timezone: string, from: Date, until: Date): Date | null {
  const task = cron.createTask(expression, () => undefined, { timezone });
  try {
    for (let t = Math.floor(from.getTime() / 60_000) * 60_000 + 60_000; t <= until.getTime(); t += 60_000)
      if (task.match(new Date(t))) return new Date(t);
    return null;
  } finally {
    void task.destroy();
  }
}

describe('node-cron, as Herald uses it', () => {
  it('still has the internal walker Herald calls', () => {
    const task = cron.createTask('0 9 * * *', () => undefined, { timezone: 'UTC' });
    const inner = (task as unknown as { timeMatcher?: { getNextMatch?: unknown } }).timeMatcher;
    void task.destroy();
    expect(typeof inner?.getNextMatch).toBe('function');
  });

  it('finds the first run a minute-by-minute scan of the public match finds, DST changes included', () => {
    for (const expression of EXPRESSIONS)
      for (const zone of ZONES)
        for (const from of FROMS.map((f) => new Date(f))) {
          const ours = nextSlotAfter(expression, zone, from);
          const what = `${expression} ${zone} after ${from.toISOString()}`;
          expect(firstMatch(expression, zone, from, ours)?.toISOString(), what).toBe(ours.toISOString());
        }
  });

  it("agrees with node-cron's public getNextRuns, which can only start from the real now", () => {
    for (const zone of ZONES) {
      const task = cron.createTask('*/7 3,15 * * *', () => undefined, { timezone: zone });
      const now = new Date();
      const theirs = task.getNextRuns(4);
      void task.destroy();
      const ours = nextRuns('*/7 3,15 * * *', zone, 4, now);
      expect(ours.ok).toBe(true);
      if (ours.ok) expect(ours.value.map((d) => d.toISOString())).toEqual(theirs.map((d) => d.toISOString()));
    }
  });
});
