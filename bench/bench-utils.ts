/**
 * Shared pieces for bench modules. Kept apart from run.ts so a bench module never imports
 * the runner (a cycle through its top-level await would never settle).
 */
import { performance } from 'node:perf_hooks';

/** One measured row. `figures` are printed in insertion order as "key value". */
export interface BenchResult {
  readonly name: string;
  readonly figures: Readonly<Record<string, number | string>>;
  /** Ratios against the baseline measured in the same run, for bench/results.json (e.g. p99 vs bare). */
  readonly ratios?: Readonly<Record<string, number>>;
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
export function timeInterleaved(
  fns: readonly (() => unknown)[],
  runs: number,
  warmup = 5,
): { median: number; min: number }[] {
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

/** Result of `timePaired`: per-function median/min (ms) and the ratios of b to a. */
export interface PairedTiming {
  readonly pairs: number;
  readonly a: { readonly median: number; readonly min: number };
  readonly b: { readonly median: number; readonly min: number };
  /** Median over pairs of b/a, each pair timed back to back. */
  readonly ratioMedian: number;
  /** min(b) / min(a): the cost with the least interference from other processes. */
  readonly ratioMin: number;
}

/**
 * Times `a` (a baseline) and `b` back to back, `pairs` times, alternating which runs first so
 * neither always inherits the other's garbage or cache state. A neighbour's burst slows one
 * pair, not a whole series, so the median of the per-pair ratios stays steady on a busy
 * machine. Warm-up runs both until the JIT has settled (at least `warmup` rounds and 200 ms);
 * `budgetMs` caps the measured phase.
 */
export function timePaired(
  a: () => unknown,
  b: () => unknown,
  {
    pairs,
    budgetMs,
    warmup = 20,
    minSampleMs = 0,
  }: { pairs: number; budgetMs: number; warmup?: number; minSampleMs?: number },
): PairedTiming {
  const warmUntil = performance.now() + 200;
  let warmRuns = 0;
  let warmA = 0;
  for (let i = 0; i < warmup || performance.now() < warmUntil; i++) {
    warmA += timeOnce(a);
    warmRuns++;
    b();
  }
  // Sub-millisecond runs are at the mercy of the timer and of one GC pause: with `minSampleMs`,
  // each sample repeats both functions enough times for `a` to take about that long.
  const reps = Math.max(1, Math.ceil(minSampleMs / (warmA / warmRuns)));
  const rep = (fn: () => unknown) => (): void => {
    for (let r = 0; r < reps; r++) fn();
  };
  const [runA, runB] = reps === 1 ? [a, b] : [rep(a), rep(b)];
  const as: number[] = [];
  const bs: number[] = [];
  const ratios: number[] = [];
  const deadline = performance.now() + budgetMs;
  for (let i = 0; i < pairs && performance.now() < deadline; i++) {
    let ta: number;
    let tb: number;
    if (i % 2 === 0) {
      ta = timeOnce(runA);
      tb = timeOnce(runB);
    } else {
      tb = timeOnce(runB);
      ta = timeOnce(runA);
    }
    as.push(ta / reps);
    bs.push(tb / reps);
    ratios.push(tb / ta);
  }
  const minA = Math.min(...as);
  const minB = Math.min(...bs);
  return {
    pairs: ratios.length,
    a: { median: median(as), min: minA },
    b: { median: median(bs), min: minB },
    ratioMedian: median(ratios),
    ratioMin: minB / minA,
  };
}

function timeOnce(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}
