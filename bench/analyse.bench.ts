/**
 * What analysis costs on top of tagging. For each fixture article, in the same process:
 * (a) tagging alone: wink `readDoc` over exactly the text `annotate` reads (the article's
 *     sentences in one document) + tokens + POS out — the cheapest way to tag that text, so
 *     the baseline is not padded with per-sentence document overhead;
 * (b) the full `analyse` (annotate + every extractor); (c) ingest alone, for context.
 * The shared machine is noisy, so (a) and (b) are timed in adjacent pairs, alternating which
 * goes first; each pair gives one ratio b/a and the median of those ratios is reported, with
 * min(b)/min(a) (the intrinsic cost, least disturbed by neighbours). Target: both < 3.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyse } from '../src/core/analyse/index.js';
import { ingestDocument } from '../src/core/ingest/index.js';
import { getNlp } from '../src/core/nlp/wink.js';
import { timePaired, timeMedian, type BenchResult } from './bench-utils.js';
import { tagOnly } from './tagging.js';

const FIXTURES = fileURLToPath(new URL('../tests/fixtures/articles/', import.meta.url));
const TARGET_RATIO = 3;
/** Pairs per article, and a wall-clock cap so a very busy machine still finishes quickly. */
const PAIRS = 300;
const BUDGET_MS = 8_000;
/** A short article tags in under a millisecond: each sample repeats it to at least this long. */
const MIN_SAMPLE_MS = 5;

export async function run(): Promise<BenchResult[]> {
  getNlp(); // model load is a one-off start-up cost, not part of any figure
  const results: BenchResult[] = [];
  // The fixture articles only, not the attribution file beside them.
  for (const name of readdirSync(FIXTURES)
    .filter((n) => /\.(txt|md)$/.test(n) && n !== 'SOURCES.md')
    .sort()) {
    const path = `${FIXTURES}${name}`;
    const content = readFileSync(path, 'utf8');
    const loaded = ingestDocument({ content, path });
    if (!loaded.ok) throw new Error(`ingest failed for ${name}: ${loaded.error.message}`);
    const article = loaded.value;
    const ingestMs = timeMedian(() => ingestDocument({ content, path }), 30, 5);
    const p = timePaired(
      () => tagOnly(article),
      () => analyse(article),
      { pairs: PAIRS, budgetMs: BUDGET_MS, minSampleMs: MIN_SAMPLE_MS },
    );
    const met = p.ratioMedian < TARGET_RATIO && p.ratioMin < TARGET_RATIO;
    results.push({
      name,
      figures: {
        sentences: article.sentences.length,
        pairs: p.pairs,
        'ingest ms': ingestMs,
        'tag ms med/min': `${p.a.median.toFixed(2)}/${p.a.min.toFixed(2)}`,
        'analyse ms med/min': `${p.b.median.toFixed(2)}/${p.b.min.toFixed(2)}`,
        'ratio med': p.ratioMedian,
        'ratio min': p.ratioMin,
      },
      target: { label: `ratio med and min < ${TARGET_RATIO}`, met },
    });
  }
  return results;
}
