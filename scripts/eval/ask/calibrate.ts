/**
 * How /ask's retrieval choices compare on the development questions, and where to refuse:
 * prints the four figures for each ablation (ADR 022) and, for the full ranking, the
 * refusal curve (threshold → refused_right, false_refusals, top1).
 *
 *   node bin/run-ts.mjs scripts/eval/ask/calibrate.ts [--set DIR] [--grid]
 *
 * Scores come from the same core functions the command calls (`scoreSentences`, `answerHits`).
 */
import { buildSentenceIndex as legacyIndex, legacyAsk } from './legacy.js';
import { parseQuery, type Query } from '../../../src/core/search/query.js';
import {
  ALL_FEATURES,
  answerHits,
  buildSentenceIndex,
  DEFAULT_WEIGHTS,
  rank,
  REFUSE_BELOW,
  scoreSentences,
  type RankFeatures,
  type RankWeights,
  type SentenceIndex,
} from '../../../src/core/search/sentence-index.js';
import { loadDevSet } from './dev-set.js';
import { setDirOf, same, type Question as Q } from '../ask.js';

interface Case {
  readonly index: SentenceIndex;
  readonly legacy: ReturnType<typeof legacyIndex>;
  readonly q: Q;
  readonly query: Query;
  readonly plainQuery: Query;
  readonly texts: readonly string[];
}

interface Figures {
  top1: number;
  cited: number;
  refusedRight: number;
  falseRefusals: number;
}

function score(cases: readonly Case[], citedOf: (c: Case) => readonly string[]): Figures {
  let ans = 0,
    top1 = 0,
    cited = 0,
    unans = 0,
    rr = 0,
    fr = 0;
  for (const c of cases) {
    const got = citedOf(c);
    if (c.q.answers.length > 0) {
      ans++;
      if (got.length === 0) fr++;
      else if (c.q.answers.some((a) => same(got[0]!, a))) top1++;
      if (got.slice(0, 3).some((g) => c.q.answers.some((a) => same(g, a)))) cited++;
    } else {
      unans++;
      if (got.length === 0) rr++;
    }
  }
  return { top1: top1 / ans, cited: cited / ans, refusedRight: rr / unans, falseRefusals: fr / ans };
}

const line = (name: string, f: Figures): string =>
  `| ${name.padEnd(34)} | ${f.top1.toFixed(2)} | ${f.cited.toFixed(2)} | ${f.refusedRight.toFixed(2)} | ${f.falseRefusals.toFixed(2)} |`;

function run(cases: readonly Case[], features: RankFeatures, w: RankWeights, threshold: number): Figures {
  return score(cases, (c) => {
    const ranked = rank(scoreSentences(c.index, features.wordnet ? c.query : c.plainQuery, features, w));
    return answerHits(ranked, threshold, 3).map((h) => c.texts[h.sentence]!);
  });
}

async function main(argv: readonly string[]): Promise<void> {
  const dir = setDirOf(argv);
  const cases: Case[] = [];
  for (const { questions, analysed, index, texts } of await loadDevSet(dir)) {
    const legacy = legacyIndex(analysed.article);
    for (const q of questions)
      cases.push({
        index,
        legacy,
        q,
        query: parseQuery(q.q),
        plainQuery: parseQuery(q.q, { wordnet: false }),
        texts,
      });
  }
  console.log('| ranking | top1 | cited | refused_right | false_refusals |');
  console.log('|---|---|---|---|---|');
  console.log(
    line(
      'BM25 on stemmed words (before)',
      score(cases, (c) => legacyAsk(c.legacy, c.q.q).map((id) => c.texts[id]!)),
    ),
  );
  const none: RankFeatures = { wordnet: false, vectors: false, types: false, coref: false, lead: false };
  const steps: [string, Partial<RankFeatures>][] = [
    ['BM25 on lemmas', {}],
    ['+ WordNet expansion', { wordnet: true }],
    ['+ word vectors', { wordnet: true, vectors: true }],
    ['+ answer-kind matching', { wordnet: true, vectors: true, types: true }],
    ['+ coreference', { wordnet: true, vectors: true, types: true, coref: true }],
    ['+ lead prior (all)', ALL_FEATURES],
  ];
  for (const [name, f] of steps) console.log(line(name, run(cases, { ...none, ...f }, DEFAULT_WEIGHTS, REFUSE_BELOW)));
  for (const key of Object.keys(ALL_FEATURES) as (keyof RankFeatures)[])
    console.log(line(`all but ${key}`, run(cases, { ...ALL_FEATURES, [key]: false }, DEFAULT_WEIGHTS, REFUSE_BELOW)));

  console.log('\nRefusal threshold (full ranking):');
  console.log('| threshold | top1 | cited | refused_right | false_refusals |');
  console.log('|---|---|---|---|---|');
  for (let t = 0.3; t <= 0.951; t += 0.05)
    console.log(line(t.toFixed(2), run(cases, ALL_FEATURES, DEFAULT_WEIGHTS, t)));

  if (argv.includes('--grid')) {
    const results: [number, string][] = [];
    for (const sentenceVector of [0.2, 0.35, 0.5])
      for (const type of [0.2, 0.3])
        for (const vectorFloor of [0.45, 0.5, 0.55])
          for (const lead of [0.1, 0.2]) {
            const w = { ...DEFAULT_WEIGHTS, sentenceVector, type, vectorFloor, lead };
            const f = run(cases, ALL_FEATURES, w, -Infinity);
            results.push([
              f.top1 + f.cited / 2,
              `${JSON.stringify(w)} top1=${f.top1.toFixed(3)} cited=${f.cited.toFixed(3)}`,
            ]);
          }
    results.sort((a, b) => b[0] - a[0]);
    for (const [, r] of results.slice(0, 10)) console.log(r);
  }
}

await main(process.argv.slice(2));
