/**
 * Tail latency of a path against a baseline on a shared, noisy machine. The p99 of a thousand
 * requests of 1-3 ms is decided by the few that a GC pause or a neighbour's burst lands in, so one
 * pooled p99 ratio swung 1.9-7.7x between quiet runs of the same commit. Here the two are timed
 * request by request in alternation (which goes first alternates too), in rounds after a
 * warm-up; each round gives its own p99 ratio, and the figure is the median over rounds, with
 * the lowest and highest beside it. A burst spoils one round, not the run. The pooled p99 ratio
 * over every request is kept too, and every GC pause (perf_hooks 'gc' entries) is charged to the
 * request it overlapped, so the report says how many requests of each side a pause landed in.
 */
import { performance, PerformanceObserver } from 'node:perf_hooks';

export interface RoundsOptions {
  /** Pairs run first, unmeasured: the JIT settles and the young generation reaches its size. */
  readonly warmup: number;
  /** An odd number gives the median as one round's ratio. */
  readonly rounds: number;
  /** Requests to each side per round; the p99 of 300 is the third highest. */
  readonly perRound: number;
}

export interface SideFigures {
  /** Every measured request's wall time, ms. */
  readonly ms: readonly number[];
  /** Share of this side's request time spent in GC pauses that overlapped its requests (0-1). */
  readonly gcShare: number;
  /** Share of this side's requests that a GC pause overlapped (0-1). */
  readonly withGc: number;
}

export interface PairedRounds {
  readonly base: SideFigures;
  readonly path: SideFigures;
  /** p99(path) / p99(base) of each round, in the order run. */
  readonly roundRatios: readonly number[];
  /** p99 over all requests of each side, path over base. */
  readonly pooledRatio: number;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Start and end (performance.now) of each timed request, for charging GC pauses. */
interface Spans {
  readonly start: number[];
  readonly end: number[];
}

async function timed(fn: () => Promise<unknown>, spans: Spans): Promise<number> {
  const start = performance.now();
  await fn();
  const end = performance.now();
  spans.start.push(start);
  spans.end.push(end);
  return end - start;
}

/** GC time inside each side's requests. Spans are in time order, so one walk serves all pauses. */
function chargeGc(pauses: readonly { start: number; end: number }[], spans: Spans): { ms: number; hit: number } {
  let ms = 0;
  let hit = 0;
  let i = 0;
  let lastHit = -1;
  for (const p of pauses) {
    while (i < spans.end.length && spans.end[i]! <= p.start) i++;
    for (let j = i; j < spans.start.length && spans.start[j]! < p.end; j++) {
      const overlap = Math.min(p.end, spans.end[j]!) - Math.max(p.start, spans.start[j]!);
      if (overlap <= 0) continue;
      ms += overlap;
      if (j !== lastHit) hit++;
      lastHit = j;
    }
  }
  return { ms, hit };
}

/** Times `path` against `base`, `opts.rounds` rounds of `opts.perRound` alternating pairs. */
export async function pairedRounds(
  base: () => Promise<unknown>,
  path: () => Promise<unknown>,
  opts: RoundsOptions,
): Promise<PairedRounds> {
  for (let i = 0; i < opts.warmup; i++) {
    await path();
    await base();
  }
  const pauses: { start: number; end: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push({ start: e.startTime, end: e.startTime + e.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  const spans = { base: { start: [], end: [] } as Spans, path: { start: [], end: [] } as Spans };
  const all = { base: [] as number[], path: [] as number[] };
  const roundRatios: number[] = [];
  try {
    for (let r = 0; r < opts.rounds; r++) {
      const round = { base: [] as number[], path: [] as number[] };
      for (let i = 0; i < opts.perRound; i++) {
        if (i % 2 === 0) {
          round.path.push(await timed(path, spans.path));
          round.base.push(await timed(base, spans.base));
        } else {
          round.base.push(await timed(base, spans.base));
          round.path.push(await timed(path, spans.path));
        }
      }
      roundRatios.push(percentile(round.path, 99) / percentile(round.base, 99));
      all.base.push(...round.base);
      all.path.push(...round.path);
    }
    // GC entries are delivered after the pause, on a later turn of the loop.
    await new Promise((r) => setTimeout(r, 20));
  } finally {
    observer.disconnect();
  }
  pauses.sort((a, b) => a.start - b.start);
  const side = (ms: number[], s: Spans): SideFigures => {
    const gc = chargeGc(pauses, s);
    return { ms, gcShare: gc.ms / ms.reduce((a, b) => a + b, 0), withGc: gc.hit / ms.length };
  };
  return {
    base: side(all.base, spans.base),
    path: side(all.path, spans.path),
    roundRatios,
    pooledRatio: percentile(all.path, 99) / percentile(all.base, 99),
  };
}
