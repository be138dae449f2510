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

