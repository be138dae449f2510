/**
 * Feed polling runs as a repeating job: a cycle longer than the interval must not overlap the next
 * one (two cycles would fetch the same feeds twice, and the first one's `finally` would release
 * the poll lease while the second still ran).
 */
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRepeatingJob } from '../../src/scheduler/poll-loop.js';

const logger = pino({ level: 'silent' });
afterEach(() => vi.useRealTimers());

describe('a repeating job', () => {
  it('never runs twice at once when a run outlasts the interval', async () => {
    vi.useFakeTimers();
    let inFlight = 0;
    let most = 0;
    let runs = 0;
    const job = createRepeatingJob({
      name: 'slow',
      everyMs: 1_000,
      logger,
      run: async () => {
        runs += 1;
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 3_500));
        inFlight -= 1;
      },
    });
    job.start();
    await vi.advanceTimersByTimeAsync(10_000);
    const stopped = job.stop();
    await vi.advanceTimersByTimeAsync(4_000);
    await stopped;
    expect(most).toBe(1);
    // Runs start at 0, 4 s and 8 s: the ticks in between are skipped, not queued.
    expect(runs).toBe(3);
    expect(job.skipped).toBeGreaterThanOrEqual(6);
  });

  it('keeps going after a failed run, and stop waits for the run in progress', async () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    let n = 0;
    const job = createRepeatingJob({
      name: 'flaky',
      everyMs: 1_000,
      logger,
      run: async () => {
        n += 1;
        if (n === 1) throw new Error('first run fails');
        await new Promise((r) => setTimeout(r, 500));
        seen.push(`run ${n}`);
      },
    });
    job.start();
    await vi.advanceTimersByTimeAsync(1_100);
    const stopped = job.stop();
    await vi.advanceTimersByTimeAsync(500);
    await stopped;
    expect(seen).toEqual(['run 2']);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(n).toBe(2);
  });
});
