/**
 * Shared pieces for bench modules. Kept apart from run.ts so a bench module never imports
 * the runner (a cycle through its top-level await would never settle).
 */
import { performance } from 'node:perf_hooks';

/** One measured row. `figures` are printed in insertion order as "key value". */
export interface BenchResult {
  readonly name: string;
  readonly figures: Readonly<Record<string, number | string>>;
  /** A stated goal and whether this run met it, e.g. { label: 'ratio < 3', met: true }. */
  readonly target?: { readonly label: string; readonly met: boolean };
}

/** Median of a sample (ms). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; returns the median in ms. */
export function timeMedian(fn: () => unknown, runs: number, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}


/**
 * Medians of several functions measured in alternation (a, b, c, a, b, c, ...), so a busy
 * neighbour on a shared machine slows all of them alike instead of skewing one.
 */
export function timeInterleaved(fns: readonly (() => unknown)[], runs: number, warmup = 5): { median: number; min: number }[] {
  for (let i = 0; i < warmup; i++) for (const fn of fns) fn();
  const samples = fns.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      const start = performance.now();
      fn();
      samples[k]!.push(performance.now() - start);
    });
  }
  return samples.map((xs) => ({ median: median(xs), min: Math.min(...xs) }));
}
