/**
 * Fits /ask's signal weights on the development questions (listwise softmax over each article's
 * sentences, L2-regularised) and reports top1/cited in-sample and leave-one-article-out, so a
 * weight that only fits these articles shows as a gap between the two.
 *
 *   node bin/run-ts.mjs scripts/eval/ask/learn.ts [--set DIR]
 */
import { join } from 'node:path';
import { parseQuery } from '../../../src/core/search/query.js';
import { scoreParts, type ScoreParts } from '../../../src/core/search/score-parts.js';
import { loadDevSet } from './dev-set.js';
import { setDirOf, same, type Question as Q } from '../ask.js';

/** One question: a feature row per sentence and which sentences are right. */
interface Case {
  readonly article: number;
  readonly rows: number[][];
  readonly right: boolean[];
}

export const FEATURE_NAMES = [
  'coverage',
  'vector',
  'fits',
  'missWhy',
  'missNumber',
  'missOther',
  'slot',
  'unit',
  'lead',
  'title',
  'first',
  'neighbour',
  'relCoverage',
  'quote',
] as const;

function rows(parts: readonly ScoreParts[], texts: readonly string[]): number[][] {
  const maxCov = Math.max(1e-6, ...parts.map((p) => p.coverage));
  return parts.map((x, i) => {
    const typed = x.kind !== 'what';
    const nb = Math.max(parts[i - 1]?.coverage ?? 0, parts[i + 1]?.coverage ?? 0);
    return [
      Math.min(x.coverage, 1.1),
      x.vector,
      typed && x.fits ? 1 : 0,
      typed && !x.fits && x.kind === 'why' ? 1 : 0,
      typed && !x.fits && x.numeric ? 1 : 0,
      typed && !x.fits && !x.numeric && x.kind !== 'why' ? 1 : 0,
      x.slot,
      x.unit,
      x.lead,
      x.title,
      x.sentence === 0 ? 1 : 0,
      Math.min(nb, 1.1),
      x.coverage / maxCov,
      /^["“‘]/.test(texts[i]!.trim()) ? 1 : 0,
    ];
  });
}

const dot = (w: readonly number[], r: readonly number[]): number => r.reduce((s, v, i) => s + v * w[i]!, 0);

function train(cases: readonly Case[], start: readonly number[], l2: number, steps = 300): number[] {
  const w = [...start];
  const lr = 0.05;
  for (let it = 0; it < steps; it++) {
    const g = w.map((x, i) => l2 * (x - start[i]!));
    let n = 0;
    for (const c of cases) {
      if (!c.right.some(Boolean)) continue;
      n++;
      const s = c.rows.map((r) => dot(w, r));
      const m = Math.max(...s);
      const e = s.map((x) => Math.exp(x - m));
      const z = e.reduce((a, b) => a + b, 0);
      const zr = e.reduce((a, b, i) => a + (c.right[i] ? b : 0), 0);
      // d(-log(zr/z))/dw = E_all[r] - E_right[r]
      c.rows.forEach((r, i) => {
        const coef = e[i]! / z - (c.right[i] ? e[i]! / zr : 0);
        r.forEach((v, k) => (g[k]! += (coef * v) / 1));
      });
    }
    for (let k = 0; k < w.length; k++) w[k]! -= ((lr * g[k]!) / Math.max(1, n)) * 10;
  }
  return w;
}

function figures(cases: readonly Case[], w: readonly number[], threshold: number) {
  let ans = 0,
    top1 = 0,
    cited = 0,
    unans = 0,
    rr = 0,
    fr = 0;
  for (const c of cases) {
    const order = c.rows.map((r, i) => [dot(w, r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    const best = order[0]![0];
    const refused = best < threshold;
    if (c.right.some(Boolean)) {
      ans++;
      if (refused) fr++;
      else {
        if (c.right[order[0]![1]]) top1++;
        // followers as the command picks them: within the top three (scores are shifted, so by rank)
        if (order.slice(0, 3).some(([, i]) => c.right[i])) cited++;
      }
    } else {
      unans++;
      if (refused) rr++;
    }
  }
  return { top1: top1 / ans, cited: cited / ans, rr: rr / unans, fr: fr / ans };
}

async function main(argv: readonly string[]): Promise<void> {
  const dir = setDirOf(argv);
  const cases: Case[] = [];
  const set = await loadDevSet(dir);
  for (const [ai, { questions, index, texts }] of set.entries()) {
    for (const q of questions) {
      const parts = scoreParts(index.prepared, parseQuery(q.q, { language: index.prepared.language }));
      cases.push({
        article: ai,
        rows: rows(parts, texts),
        right: texts.map((t) => q.answers.some((x) => same(t, x))),
      });
    }
  }
  const start = [1, 0.35, 0.2, 0, -0.6, -0.2, 0.2, 0.1, 0.1, 0, 0, 0, 0, 0];
  const show = (name: string, f: ReturnType<typeof figures>): void =>
    console.log(
      `${name.padEnd(28)} top1=${f.top1.toFixed(2)} cited=${f.cited.toFixed(2)} rr=${f.rr.toFixed(2)} fr=${f.fr.toFixed(2)}`,
    );
  show('current weights', figures(cases, start, 0.65));
  for (const l2 of [0.3, 0.1, 0.03]) {
    const w = train(cases, start, l2);
    show(`in-sample l2=${l2}`, figures(cases, w, -Infinity));
    console.log('  ' + FEATURE_NAMES.map((n, i) => `${n}=${w[i]!.toFixed(2)}`).join(' '));
    // leave one article out
    let top1 = 0,
      cited = 0,
      n = 0;
    for (let a = 0; a < set.length; a++) {
      const wa = train(
        cases.filter((c) => c.article !== a),
        start,
        l2,
      );
      const test = cases.filter((c) => c.article === a && c.right.some(Boolean));
      const f = figures(test, wa, -Infinity);
      top1 += f.top1 * test.length;
      cited += f.cited * test.length;
      n += test.length;
    }
    console.log(`  held-out by article: top1=${(top1 / n).toFixed(2)} cited=${(cited / n).toFixed(2)}`);
  }
}

await main(process.argv.slice(2));
