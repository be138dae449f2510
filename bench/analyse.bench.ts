/**
 * What analysis costs on top of tagging. For each fixture article, in the same process and
 * run: (a) wink readDoc + tokens + POS over the same sentences `annotate` reads, (b) the
 * full `annotate` + every extractor, (c) ingest alone. Ratio = (b) / (a); target < 3.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Article } from '../src/core/article/types.js';
import { analyse } from '../src/core/analyse/index.js';
import { ingestDocument } from '../src/core/ingest/index.js';
import { getNlp } from '../src/core/nlp/wink.js';
import { timeMedian, type BenchResult } from './bench-utils.js';

const FIXTURES = fileURLToPath(new URL('../../shared/fixtures/articles/', import.meta.url));
const RUNS = 25;
const TARGET_RATIO = 3;

function tagOnly(article: Article): number {
  const { nlp, its } = getNlp();
  let n = 0;
  for (const s of article.sentences) {
    const doc = nlp.readDoc(s.text);
    n += doc.tokens().out().length + doc.tokens().out(its.pos).length;
  }
  return n;
}

export async function run(): Promise<BenchResult[]> {
  getNlp(); // model load is a one-off start-up cost, not part of any figure
  const results: BenchResult[] = [];
  for (const name of readdirSync(FIXTURES).sort()) {
    const path = `${FIXTURES}${name}`;
    const content = readFileSync(path, 'utf8');
    const loaded = ingestDocument({ content, path });
    if (!loaded.ok) throw new Error(`ingest failed for ${name}: ${loaded.error.message}`);
    const article = loaded.value;
    const ingestMs = timeMedian(() => ingestDocument({ content, path }), RUNS);
    // Interleave the two measurements' warm-ups so neither benefits from a hotter JIT.
    timeMedian(() => analyse(article), 0, 5);
    const tagMs = timeMedian(() => tagOnly(article), RUNS, 5);
    const analyseMs = timeMedian(() => analyse(article), RUNS, 2);
    const ratio = analyseMs / tagMs;
    results.push({
      name,
      figures: { sentences: article.sentences.length, 'ingest ms': ingestMs, 'tag ms': tagMs, 'analyse ms': analyseMs, ratio },
      target: { label: `ratio < ${TARGET_RATIO}`, met: ratio < TARGET_RATIO },
    });
  }
  return results;
}
