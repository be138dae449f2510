/**
 * Ranking ideas for /ask measured before they go into the core (ADR 022, sixth round): loads the
 * development questions once and scores variants of the combined score, with the extra signals
 * computed here, for top1 and cited@3 (no refusal). `--csv FILE` also writes the best sentence's
 * refusal features per question (score, margin, coverage, slot, unit, ...) for calibration.
 *
 *   node bin/run-ts.mjs scripts/eval/ask/explore.ts [--set DIR] [--csv FILE]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseQuery, type Query } from '../../../src/core/search/query.js';
import { combine, idf, rarity, scoreParts, termMatch, type ScoreParts } from '../../../src/core/search/score-parts.js';
import { DEFAULT_WEIGHTS, ALL_FEATURES, type SentenceIndex } from '../../../src/core/search/sentence-index.js';
import { cosine } from '../../../src/core/search/word-vectors.js';
import { loadDevSet } from './dev-set.js';
import { setDirOf, same, type Question as Q } from '../ask.js';

interface Case {
  readonly q: Q;
  readonly index: SentenceIndex;
  readonly query: Query;
  readonly parts: ScoreParts[];
  readonly right: boolean[];
  readonly soft: number[];
  readonly texts: readonly string[];
}

function softCoverage(index: SentenceIndex, query: Query, floor: number): number[] {
  const p = index.prepared;
  const ws = query.terms.map((t) => idf(p, t.key) * rarity(t));
  const total = ws.reduce((a, b) => a + b, 0) || 1;
  return p.sentences.map((s) => {
    let sum = 0;
    query.terms.forEach((t, i) => {
      let m = termMatch(t, s, p, ALL_FEATURES, DEFAULT_WEIGHTS);
      if (t.vector && !t.name) {
        let c = 0;
        for (const v of s.vectors) c = Math.max(c, cosine(t.vector, v));
        m = Math.max(m, Math.max(0, (c - floor) / (1 - floor)) * 0.5);
      }
      sum += ws[i]! * Math.min(m, 1);
    });
    return sum / total;
  });
}

async function main(argv: readonly string[]): Promise<void> {
  const csvAt = argv.indexOf('--csv');
  const dir = setDirOf(csvAt >= 0 ? argv.filter((_, i) => i !== csvAt && i !== csvAt + 1) : argv);
  const cases: Case[] = [];
  for (const { questions, index, texts } of await loadDevSet(dir)) {
    for (const q of questions) {
      const query = parseQuery(q.q, { language: index.prepared.language });
      cases.push({
        q,
        index,
        query,
        parts: scoreParts(index.prepared, query),
        right: texts.map((t) => q.answers.some((x) => same(t, x))),
        soft: softCoverage(index, query, 0.3),
        texts,
      });
    }
  }
  const evalRank = (name: string, score: (c: Case, i: number) => number): void => {
    let ans = 0,
      top1 = 0,
      cited = 0;
    for (const c of cases) {
      if (c.q.answers.length === 0) continue;
      ans++;
      const order = c.parts.map((_, i) => i).sort((a, b) => score(c, b) - score(c, a) || a - b);
      if (c.right[order[0]!]) top1++;
      if (order.slice(0, 3).some((i) => c.right[i])) cited++;
    }
    console.log(`${name.padEnd(40)} top1=${(top1 / ans).toFixed(3)} cited3=${(cited / ans).toFixed(3)}`);
  };
  const base = (c: Case, i: number): number => combine(c.parts[i]!, DEFAULT_WEIGHTS);
  evalRank('base', base);
  const prevCov = (c: Case, i: number): number => (i > 0 ? Math.min(1, c.parts[i - 1]!.coverage) : 0);
  for (const w of [0.05, 0.1, 0.2, 0.3])
    evalRank(
      `why: previous sentence coverage ${w}`,
      (c, i) => base(c, i) + (c.parts[i]!.kind === 'why' && c.parts[i]!.sentence > 0 ? w * prevCov(c, i) : 0),
    );
  for (const w of [0.05, 0.1, 0.2])
    evalRank(`why: previous cov, same paragraph ${w}`, (c, i) => {
      const s = c.index.prepared.sentences;
      const same = i > 0 && s[i - 1]!.paragraph === s[i]!.paragraph;
      return base(c, i) + (c.parts[i]!.kind === 'why' && same ? w * prevCov(c, i) : 0);
    });
  // Refusal features of the best sentence.
  const rows: string[] = [
    'sentences,answerable,right,kind,score,margin,coverage,slot,unit,fits,value,nameMiss,focus,vector,q',
  ];
  for (const c of cases) {
    const order = c.parts.map((_, i) => i).sort((a, b) => base(c, b) - base(c, a) || a - b);
    const top = order[0]!;
    const x = c.parts[top]!;
    const s = c.index.prepared.sentences[top]!;
    const m = c.query.terms.map((t) => termMatch(t, s, c.index.prepared, ALL_FEATURES, DEFAULT_WEIGHTS));
    const nameMiss = c.query.terms.some((t, i) => t.name && m[i]! < 0.5) ? 1 : 0;
    const unitKey = c.query.shape.unit;
    const idx = c.query.terms
      .map((t, i) => i)
      .filter((i) => !c.query.terms[i]!.keys.has(unitKey ?? '#') && c.query.terms[i]!.key !== unitKey);
    const ws = c.query.terms.map((t) => idf(c.index.prepared, t.key) * rarity(t));
    const tot = idx.reduce((a, i) => a + ws[i]!, 0);
    const minMatch = tot > 0 ? idx.reduce((a, i) => a + ws[i]! * Math.min(1, m[i]!), 0) / tot : 1;
    rows.push(
      [
        c.index.prepared.sentences.length,
        c.q.answers.length > 0 ? 1 : 0,
        c.right[top] ? 1 : 0,
        x.kind,
        base(c, top).toFixed(3),
        (base(c, top) - base(c, order[1] ?? top)).toFixed(3),
        x.coverage.toFixed(3),
        x.slot.toFixed(3),
        x.unit.toFixed(3),
        x.fits ? 1 : 0,
        x.value ? 1 : 0,
        nameMiss,
        minMatch.toFixed(3),
        x.vector.toFixed(3),
        JSON.stringify(c.q.q),
      ].join(','),
    );
  }
  const csv = argv[argv.indexOf('--csv') + 1];
  if (argv.includes('--csv') && csv) writeFileSync(csv, rows.join('\n'));
}

await main(process.argv.slice(2));
