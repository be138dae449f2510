/**
 * `npm run bench`: runs every bench module listed below and prints one plain table.
 * To add a bench, write `bench/<name>.bench.ts` exporting `run(): Promise<BenchResult[]>`
 * (helpers in bench-utils.ts) and add it to BENCHES. Exit code 1 when a result misses its target.
 * `npm run bench -- slack` runs only the benches whose title mentions a given word.
 * Every run also writes bench/results.json (figures, ratios, date, Node version).
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './bench-utils.js';
import { benchReport, benchSection, writeBenchReport, type BenchSection } from './results.js';

/** Machine-readable figures of the last run (gitignored; see docs/benchmarks.md). */
const RESULTS_PATH = fileURLToPath(new URL('./results.json', import.meta.url));

/** A bench module: its title and how to load it (lazily, so one slow import does not delay others). */
interface BenchModule {
  readonly title: string;
  readonly load: () => Promise<{ run(): Promise<BenchResult[]> }>;
}

const BENCHES: readonly BenchModule[] = [
  { title: 'analysis cost vs tagging alone', load: () => import('./analyse.bench.js') },
  {
    title: 'analysis cost vs tagging alone, per language (fr, de, es, zh development articles)',
    load: () => import('./analyse-languages.bench.js'),
  },
  {
    title: '/ask: word vectors and WordNet load time and memory vs the wink model',
    load: () => import('./ask.bench.js'),
  },
  {
    title: 'Slack: /who-is and /ask through the signed endpoint vs bare node:http',
    load: () => import('./slack.bench.js'),
  },
  {
    title: 'Discord: /who-is and /ask through the signed endpoint vs bare node:http; digest fan-out to 2,000 channels',
    load: () => import('./discord.bench.js'),
  },
  {
    title: 'scheduler: one fan-out tick, 10,000 channels on 5 cron expressions vs 1 channel',
    load: () => import('./schedule.bench.js'),
  },
  {
    title: 'feeds: one poll cycle of 500 local feeds x 50 items, cold then all-304',
    load: () => import('./feeds.bench.js'),
  },
  {
    title: 'scale: digest fan-out and feed poll, SQLite 1 process vs PostgreSQL 1 and 3 processes',
    load: () => import('./scale.bench.js'),
  },
  {
    title: 'feeds check: ~2,700 feed files (the odd and real fixtures, replicated) in one process vs rss-parser alone',
    load: () => import('./feeds-check.bench.js'),
  },
  { title: 'filters: a ReDoS pattern on RE2 vs a keyword', load: () => import('./filters.bench.js') },
  {
    title: 'dashboard: the main page (40 channels) under load vs bare node:http',
    load: () => import('./dashboard.bench.js'),
  },
  {
    title: 'live posting: 500 feeds bringing new items to 2,000 channels with threads on',
    load: () => import('./live.bench.js'),
  },
  {
    title: 'huge feed: event-loop delay while polling a 100,000-item feed vs a 200-item feed',
    load: () => import('./huge-feed.bench.js'),
  },
  {
    title: 'soak: mixed commands on both signed endpoints and a poll a minute for SOAK_MINUTES (10) minutes',
    load: () => import('./soak.bench.js'),
  },
];

function format(value: number | string): string {
  if (typeof value === 'string') return value;
  return Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1);
}

function printTable(title: string, results: readonly BenchResult[]): void {
  const rows = results.map((r) => [
    r.name,
    ...Object.entries(r.figures).map(([k, v]) => `${k} ${format(v)}`),
    r.target ? `${r.target.met ? 'ok' : 'MISSED'} (${r.target.label})` : '',
  ]);
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  console.log(`\n## ${title}`);
  for (const row of rows)
    console.log(
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    );
}

async function main(): Promise<void> {
  let missed = 0;
  const started = performance.now();
  // `npm run bench -- slack feeds` runs only the benches whose title mentions one of the words.
  const only = process.argv.slice(2).map((w) => w.toLowerCase());
  const chosen = only.length ? BENCHES.filter((b) => only.some((w) => b.title.toLowerCase().includes(w))) : BENCHES;
  const sections: BenchSection[] = [];
  for (const bench of chosen) {
    const benchStarted = performance.now();
    const results = await (await bench.load()).run();
    sections.push(benchSection(bench.title, (performance.now() - benchStarted) / 1000, results));
    printTable(bench.title, results);
    missed += results.filter((r) => r.target && !r.target.met).length;
  }
  const seconds = (performance.now() - started) / 1000;
  await writeBenchReport(RESULTS_PATH, benchReport({ now: new Date(), only, seconds, benches: sections }));
  console.log(
    `\n${missed === 0 ? 'all targets met' : `${missed} target(s) missed`} in ${seconds.toFixed(1)} s; figures in bench/results.json`,
  );
  if (missed > 0) process.exitCode = 1;
}

await main();
