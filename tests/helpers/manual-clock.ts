/** A Clock the test sets and moves by hand: pass it where the app takes a clock instead of faking Date. */
import type { Clock } from '../../src/core/ports.js';

export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(at: Date): void;
}

export function manualClock(start: Date | number): ManualClock {
  let t = typeof start === 'number' ? start : start.getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => void (t += ms),
    set: (at) => void (t = at.getTime()),
  };
}
