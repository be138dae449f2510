/**
 * `npm run eval` part "facts": analyses every article of a development set in this one
 * process (the same `loadArticle` + `analyse` that `herald analyze --json` runs), writes each
 * `ArticleFacts` JSON to a temporary folder and prints the table of `score_facts.py`
 * (copied unchanged from ../shared/eval/score_facts.py; see scripts/eval/SOURCES.md).
 *
 *   node bin/run-ts.mjs scripts/eval/facts.ts [SET_DIR] [--keep]
 *
 * SET_DIR defaults to tests/fixtures/eval-dev (it must hold answers.json and articles/);
 * any set annotated the same way (a held-out set) can be scored with the same command.
 * `scoreSet` is shared with the per-language part (ml.ts), whose keys are answers-<lang>.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyse } from '../../src/core/analyse/index.js';
import { loadArticle } from '../../src/core/ingest/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIGURES = ['people', 'roles', 'quotes', 'lists', 'people_precision', 'list_precision', 'grounded'] as const;
/** Development targets of issue 9. */
const TARGETS: Record<string, number> = {
  people: 0.95,
  roles: 0.9,
  quotes: 0.92,
  lists: 0.85,
  people_precision: 0.98,
  list_precision: 0.92,
  grounded: 1,
};

interface KeyArticle {
  readonly file: string;
}

async function analyseSet(setDir: string, answers: string, outDir: string): Promise<number> {
  const key = JSON.parse(readFileSync(join(setDir, answers), 'utf8')) as { articles: KeyArticle[] };
  const deps = {
    readFile: (p: string) => readFile(p, 'utf8'),
    fetch: () => Promise.reject(new Error('eval never fetches')),
  };
  const started = performance.now();
  for (const { file } of key.articles) {
    const loaded = await loadArticle(join(setDir, file), deps);
    if (!loaded.ok) {
      console.error(`${file}: ${loaded.error.message}`);
      continue;
    }
    writeFileSync(join(outDir, `${file.replace(/\//g, '__')}.json`), JSON.stringify(analyse(loaded.value)));
  }
  return performance.now() - started;
}

/** "people=3/4 roles=2/4 ..." → { people: [3, 4], ... } */
function parseCounts(line: string): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const m of line.matchAll(/(\w+)=(\d+)\/(\d+)/g)) out[m[1]!] = [Number(m[2]), Number(m[3])];
  return out;
}

function printTable(rows: [string, Record<string, [number, number]>][]): void {
  const head = ['article', ...FIGURES];
  const cells = rows.map(([name, c]) => [name, ...FIGURES.map((f) => (c[f] ? `${c[f][0]}/${c[f][1]}` : '-'))]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
  const line = (r: string[]): string => `| ${r.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(head));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of cells) console.log(line(r));
}

/** Analyses and scores one set against one answer key, printing its table under `label`. */
export async function scoreSet(
  setDir: string,
  opts: { answers?: string; label?: string; targets?: Record<string, number>; keep?: boolean } = {},
): Promise<void> {
  const answers = opts.answers ?? 'answers.json';
  const targets = opts.targets ?? TARGETS;
  const keep = opts.keep ?? false;
  const outDir = mkdtempSync(join(tmpdir(), 'herald-eval-'));
  const ms = await analyseSet(setDir, answers, outDir);
  const scored = spawnSync('python3', [join(ROOT, 'scripts/eval/score_facts.py'), join(setDir, answers), outDir], {
    encoding: 'utf8',
  });
  if (scored.status !== 0) {
    console.error(scored.stderr || scored.stdout);
    process.exitCode = 1;
    return;
  }
  const lines = scored.stdout.trim().split('\n');
  const total = lines.pop()!;
  // "file: no usable output (...)" lines are notes: the file's scores follow on its own line.
  for (const l of lines.filter((x) => x.includes('no usable output'))) console.error(l);
  const rows: [string, Record<string, [number, number]>][] = lines
    .filter((l) => !l.includes('no usable output'))
    .map((l) => {
      const at = l.indexOf(': ');
      return [l.slice(0, at).replace(/^articles\//, ''), parseCounts(l.slice(at + 2))];
    });
  const sums: Record<string, [number, number]> = {};
  for (const [, c] of rows)
    for (const [k, [a, b]] of Object.entries(c)) sums[k] = [(sums[k]?.[0] ?? 0) + a, (sums[k]?.[1] ?? 0) + b];
  rows.push(['TOTAL', sums]);
  console.log(
    `\n## ${opts.label ?? `facts: ${setDir.replace(ROOT, '')}`} (${rows.length - 1} articles, analysed in ${Math.round(ms)} ms)\n`,
  );
  printTable(rows);
  const ratios = Object.fromEntries(total.split(' ').map((kv) => kv.split('=') as [string, string]));
  console.log(`\n${total}`);
  const missed = Object.entries(targets).filter(([k, t]) => Number(ratios[k]) < t);
  console.log(
    missed.length === 0
      ? 'every development target met'
      : `below target: ${missed.map(([k, t]) => `${k} ${ratios[k]} < ${t.toFixed(2)}`).join(', ')}`,
  );
  if (keep) console.log(`outputs kept in ${outDir}`);
  else rmSync(outDir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const setDir = resolve(ROOT, args.find((a) => !a.startsWith('--')) ?? 'tests/fixtures/eval-dev');
  await scoreSet(setDir, { keep: args.includes('--keep') });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
