/**
 * Error analysis for /ask: for every development question, its kind and words, where the first
 * right sentence ranks, and the top sentences with their score parts.
 *
 *   node bin/run-ts.mjs scripts/eval/ask/diagnose.ts [--set DIR] [--misses]
 */
import { join } from 'node:path';
import { parseQuery } from '../../../src/core/search/query.js';
import {
  answerHits,
  rank,
  refuses,
  REFUSE_BELOW,
  scoreSentences,
  type AskHit,
} from '../../../src/core/search/sentence-index.js';
import { loadDevSet } from './dev-set.js';
import { setDirOf, same, type Question as Q } from '../ask.js';

const short = (s: string, n = 120): string => (s.length > n ? `${s.slice(0, n - 3)}...` : s);

async function main(argv: readonly string[]): Promise<void> {
  const dir = setDirOf(argv);
  const n = { ans: 0, top1: 0, cited: 0, unans: 0, refusedRight: 0, falseRefusals: 0 };
  // Best score and whether the best sentence is right, per question: the refusal curve's input.
  const best: { answerable: boolean; hit: AskHit; right: boolean }[] = [];
  const quiet = argv.includes('--summary');
  for (const { file, questions, index, texts } of await loadDevSet(dir)) {
    for (const q of questions) {
      const query = parseQuery(q.q, { language: index.prepared.language });
      const ranked = rank(scoreSentences(index, query));
      const right = (id: number): boolean => q.answers.some((x) => same(texts[id]!, x));
      const at = ranked.findIndex((h) => right(h.sentence));
      const refused = refuses(ranked[0], REFUSE_BELOW);
      const ok = q.answers.length === 0 ? refused : at === 0 && !refused;
      const hits = answerHits(ranked, REFUSE_BELOW, 3);
      best.push({ answerable: q.answers.length > 0, hit: ranked[0]!, right: at === 0 });
      if (q.answers.length === 0) {
        n.unans++;
        if (hits.length === 0) n.refusedRight++;
      } else {
        n.ans++;
        if (hits.length === 0) n.falseRefusals++;
        if (hits[0] && right(hits[0].sentence)) n.top1++;
        if (hits.some((h) => right(h.sentence))) n.cited++;
      }
      if (quiet || (argv.includes('--misses') && ok)) continue;
      console.log(
        `\n${ok ? 'ok  ' : 'MISS'} [${q.type}] ${file.replace(/^articles\//, '')}: ${q.q}\n  kind=${query.shape.kind} unit=${query.shape.unit} terms=${query.terms.map((t) => t.key + (t.name ? '*' : '')).join(',')} right@${at}${refused ? ' REFUSED' : ''}`,
      );
      const show = ranked.slice(0, 3);
      if (at > 2) show.push(ranked[at]!);
      for (const h of show)
        console.log(
          `  ${right(h.sentence) ? '+' : ' '} #${ranked.indexOf(h)} s${h.sentence} score=${h.score.toFixed(2)} cov=${h.coverage.toFixed(2)} fits=${h.fits ? 1 : 0}${h.tied === false ? ' untied' : ''} ${short(texts[h.sentence]!)}`,
        );
    }
  }
  const f = (x: number, of: number): string => (x / of).toFixed(2);
  console.log('\nRefusal curve (refuse when the best score is below the threshold; ▲ = REFUSE_BELOW):');
  console.log('threshold  refused_right  false_refusals  top1');
  for (let t = 0.4; t <= 1.001; t += 0.05) {
    const refused = best.filter((b) => refuses(b.hit, t));
    const row = [
      `${t.toFixed(2)}${Math.abs(t - REFUSE_BELOW) < 1e-9 ? ' ▲' : '  '}`.padEnd(11),
      f(refused.filter((b) => !b.answerable).length, n.unans).padEnd(15),
      f(refused.filter((b) => b.answerable).length, n.ans).padEnd(16),
      f(best.filter((b) => b.answerable && b.right && !refuses(b.hit, t)).length, n.ans),
    ];
    console.log(row.join(''));
  }
  console.log(
    `\ntop1=${f(n.top1, n.ans)} cited=${f(n.cited, n.ans)} refused_right=${f(n.refusedRight, n.unans)} false_refusals=${f(n.falseRefusals, n.ans)}`,
  );
}

await main(process.argv.slice(2));
