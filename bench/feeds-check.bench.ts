/**
 * `herald feeds check` logic over a folder of ~2,700 feed files in one process: the fixture
 * feeds (tests/fixtures/feeds-odd and tests/fixtures/feeds) replicated into a temp dir, read
 * through `checkFeeds` (byte cap, gzip sniffing, charset detection, strict parse, the forgiving
 * pass for broken XML). Files per second and peak memory, against a baseline in the same run:
 * the same files read as UTF-8 and handed to rss-parser alone, which is what Herald did before.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Parser from 'rss-parser';
import { checkFeeds, filesUnder } from '../src/feeds/check-feeds.js';
import { systemLookup } from '../src/feeds/index.js';
import type { BenchResult } from './bench-utils.js';

const TARGET_FILES = 2_700;
const MB = 1024 * 1024;
const SOURCES = ['feeds-odd', 'feeds'].map((d) => join(import.meta.dirname, '..', 'tests', 'fixtures', d));

/** Copies every fixture feed file into `dir` enough times to make about TARGET_FILES files. */
function replicate(dir: string): number {
  const files = SOURCES.flatMap((src) =>
    readdirSync(src)
      .filter((f) => !f.startsWith('LICENSE') && !f.endsWith('.md'))
      .map((f) => join(src, f)),
  );
  const copies = Math.ceil(TARGET_FILES / files.length);
  for (let c = 0; c < copies; c++) {
    for (const file of files) copyFileSync(file, join(dir, `${String(c).padStart(3, '0')}-${file.split('/').pop()}`));
  }
  return copies * files.length;
}

interface Measured<T> {
  readonly value: T;
  readonly ms: number;
  readonly rssMb: number;
  readonly heapMb: number;
}

/** Samples memory while `fn` runs, after a GC when exposed, so each phase starts level. */
async function measured<T>(fn: () => Promise<T>): Promise<Measured<T>> {
  (globalThis as { gc?: () => void }).gc?.();
  let rss = process.memoryUsage().rss;
  let heap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 20);
  const start = performance.now();
  try {
    const value = await fn();
    const m = process.memoryUsage();
    return {
      value,
      ms: performance.now() - start,
      rssMb: Math.max(rss, m.rss) / MB,
      heapMb: Math.max(heap, m.heapUsed) / MB,
    };
  } finally {
    clearInterval(timer);
  }
}

/** The baseline: each file as UTF-8 text into rss-parser, errors counted, nothing else. */
async function bareParse(files: readonly string[]): Promise<number> {
  let ok = 0;
  for (const file of files) {
    try {
      await new Parser().parseString(await readFile(file, 'utf8'));
      ok += 1;
    } catch {
      // refused: counted by the difference
    }
  }
  return ok;
}

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'herald-bench-feeds-check-'));
  try {
    const count = replicate(dir);
    const files = await filesUnder(dir);
    const deps = { fetch: globalThis.fetch, lookup: systemLookup };
    const bare = await measured(() => bareParse(files));
    const check = await measured(() => checkFeeds(files, deps));
    const ok = check.value.filter((r) => r.ok);
    const items = ok.reduce((n, r) => n + r.items, 0);
    const filesPerS = count / (check.ms / 1000);
    return [
      {
        name: `baseline: rss-parser alone, ${count} files as UTF-8`,
        figures: {
          files: count,
          'read/refused': `${bare.value}/${count - bare.value}`,
          's wall': bare.ms / 1000,
          'files/s': Math.round(count / (bare.ms / 1000)),
          'peak RSS MB': bare.rssMb,
          'peak heap MB': bare.heapMb,
        },
      },
      {
        name: `herald feeds check, ${count} files in one process`,
        figures: {
          files: count,
          'read/refused': `${ok.length}/${count - ok.length}`,
          items,
          's wall': check.ms / 1000,
          'files/s': Math.round(filesPerS),
          'peak RSS MB': check.rssMb,
          'peak heap MB': check.heapMb,
        },
        ratios: {
          'wall vs rss-parser alone': check.ms / bare.ms,
          'peak RSS vs rss-parser alone': check.rssMb / bare.rssMb,
        },
        target: {
          label: 'no crash, >= 50 files/s, peak RSS < 1 GB',
          met: check.value.length === count && filesPerS >= 50 && check.rssMb < 1024,
        },
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
