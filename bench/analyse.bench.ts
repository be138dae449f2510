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
import { timeInterleaved, type BenchResult } from './bench-utils.js';

const FIXTURES = fileURLToPath(new URL('../../shared/fixtures/articles/', import.meta.url));
const RUNS = 60;

type T = { median: number; min: number };
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
    const [ingest, tag, full] = timeInterleaved(
      [() => ingestDocument({ content, path }), () => tagOnly(article), () => analyse(article)],
      RUNS,
    ) as [T, T, T];
    const ratio = full.median / tag.median;
    results.push({
      name,
      figures: {
        sentences: article.sentences.length,
        'ingest ms': ingest.median,
        'tag ms': tag.median,
        'analyse ms': full.median,
        ratio,
        // On a loaded machine the fastest runs show the intrinsic cost better than medians.
        'ratio(min)': full.min / tag.min,
      },
      target: { label: `ratio < ${TARGET_RATIO}`, met: ratio < TARGET_RATIO },
    });
  }
  return results;
}
