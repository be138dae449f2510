import { describe, expect, it } from 'vitest';
import { latestSlotIn, nextRuns, slotsAround, validateCron, validateTimezone } from '../../src/scheduler/index.js';

describe('validateCron', () => {
  it('accepts five fields and normalises spacing', () => {
    expect(validateCron('  0  9 * *   1-5 ')).toEqual({ ok: true, value: '0 9 * * 1-5' });
    expect(validateCron('30 7 * * MON-FRI').ok).toBe(true);
  });

  it.each([
    ['61 * * * *', /61 is an invalid expression for minute/],
    ['0 9 * *', /has 4 fields, not 5/],
    ['0 0 9 * * *', /has a seconds field/],
    ['every morning', /has 2 fields, not 5/],
    ['0 0 30 2 *', /impossible day of month/],
  ])('refuses "%s" with a reason and a valid example', (expression, reason) => {
    const result = validateCron(expression);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('bad_input');
    expect(result.error.message).toMatch(reason);
    expect(result.error.hint).toContain('"0 9 * * 1-5" = 09:00 on weekdays');
  });
});

describe('validateTimezone', () => {
  it('returns the canonical IANA name', () => {
    expect(validateTimezone('europe/paris')).toEqual({ ok: true, value: 'Europe/Paris' });
    expect(validateTimezone('UTC')).toEqual({ ok: true, value: 'UTC' });
  });

  it.each(['Mars/Olympus_Mons', '+01:00', ''])('refuses "%s" with an example', (zone) => {
    const result = validateTimezone(zone);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain('is not a time zone');
    expect(result.error.hint).toContain('"Europe/Paris"');
  });
});

describe('nextRuns', () => {
  it('lists weekday mornings in the zone, skipping the weekend', () => {
    const runs = nextRuns('0 9 * * 1-5', 'Europe/Paris', 3, new Date('2025-01-03T12:00:00Z'));
    expect(runs.ok && runs.value.map((d) => d.toISOString())).toEqual([
      '2025-01-06T08:00:00.000Z',
      '2025-01-07T08:00:00.000Z',
      '2025-01-08T08:00:00.000Z',
    ]);
  });

  it('follows daylight saving time', () => {
    const runs = nextRuns('0 9 * * *', 'Europe/Paris', 2, new Date('2025-03-29T12:00:00Z'));
    expect(runs.ok && runs.value.map((d) => d.toISOString())).toEqual([
      '2025-03-30T07:00:00.000Z',
      '2025-03-31T07:00:00.000Z',
    ]);
  });

  it('passes validation failures through', () => {
    expect(nextRuns('0 9 * *', 'UTC', 1, new Date()).ok).toBe(false);
    expect(nextRuns('0 9 * * *', 'Nowhere/Land', 1, new Date()).ok).toBe(false);
  });

  it('finds the latest slot inside a window, or none', () => {
    const now = new Date('2025-01-06T09:10:00Z');
    expect(latestSlotIn('*/5 * * * *', 'UTC', new Date('2025-01-06T08:55:00Z'), now)?.toISOString()).toBe(
      '2025-01-06T09:10:00.000Z',
    );
    expect(latestSlotIn('0 9 * * *', 'UTC', new Date('2025-01-06T08:55:00Z'), now)?.toISOString()).toBe(
      '2025-01-06T09:00:00.000Z',
    );
    expect(latestSlotIn('0 8 * * *', 'UTC', new Date('2025-01-06T08:55:00Z'), now)).toBeNull();
  });

  it('names the slots either side of a slot, however far apart they are', () => {
    const around = (cron: string, timezone: string, at: string) => {
      const r = slotsAround({ cron, timezone }, new Date(at));
      return [r.previous?.toISOString() ?? null, r.next.toISOString()];
    };
    expect(around('*/15 * * * *', 'UTC', '2025-01-06T09:00:00Z')).toEqual([
      '2025-01-06T08:45:00.000Z',
      '2025-01-06T09:15:00.000Z',
    ]);
    expect(around('30 7 * * 1-5', 'Europe/Berlin', '2025-01-06T06:30:00Z')).toEqual([
      '2025-01-03T06:30:00.000Z',
      '2025-01-07T06:30:00.000Z',
    ]);
    expect(around('0 9 1 1 *', 'UTC', '2025-01-01T09:00:00Z')).toEqual([
      '2024-01-01T09:00:00.000Z',
      '2026-01-01T09:00:00.000Z',
    ]);
  });
});
