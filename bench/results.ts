/**
 * bench/results.json: the figures of one `npm run bench` in a form a script can compare across
 * runs (the printed tables are for people). Kept out of git: the numbers belong to one machine
 * and one moment, see docs/benchmarks.md.
 */
import { writeFile } from 'node:fs/promises';
import { availableParallelism, cpus } from 'node:os';
import type { BenchResult } from './bench-utils.js';

/** One bench module's rows in the report. */
export interface BenchSection {
  readonly title: string;
  readonly seconds: number;
  readonly results: readonly {
    readonly name: string;
    readonly figures: BenchResult['figures'];
    /** Every ratio of the row: its declared `ratios` plus figures named like one. */
    readonly ratios: Readonly<Record<string, number>>;
    readonly target: BenchResult['target'] | null;
  }[];
}

export interface BenchReport {
  readonly date: string;
  readonly node: string;
  readonly platform: string;
  readonly cpu: { readonly model: string; readonly count: number };
  /** The words given to `npm run bench -- <words>`; empty when every bench ran. */
  readonly only: readonly string[];
  readonly seconds: number;
  readonly targetsMissed: number;
  readonly benches: readonly BenchSection[];
}

/** Figures that are ratios by name ("ratio med", "of allowed") are ratios too. */
const RATIO_FIGURE = /ratio|of allowed/i;

export function ratiosOf(result: BenchResult): Record<string, number> {
  const fromFigures = Object.entries(result.figures).filter(
    (e): e is [string, number] => typeof e[1] === 'number' && RATIO_FIGURE.test(e[0]),
  );
  return { ...Object.fromEntries(fromFigures), ...result.ratios };
}

export function benchSection(title: string, seconds: number, results: readonly BenchResult[]): BenchSection {
  return {
    title,
    seconds,
    results: results.map((r) => ({ name: r.name, figures: r.figures, ratios: ratiosOf(r), target: r.target ?? null })),
  };
}

export function benchReport(opts: {
  readonly now: Date;
  readonly only: readonly string[];
  readonly seconds: number;
  readonly benches: readonly BenchSection[];
}): BenchReport {
  const cpu = cpus()[0];
  return {
    date: opts.now.toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpu: { model: cpu?.model.trim() ?? 'unknown', count: availableParallelism() },
    only: opts.only,
    seconds: opts.seconds,
    targetsMissed: opts.benches.flatMap((b) => b.results).filter((r) => r.target && !r.target.met).length,
    benches: opts.benches,
  };
}

export async function writeBenchReport(path: string, report: BenchReport): Promise<void> {
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
}
