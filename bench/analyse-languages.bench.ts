/**
 * What analysis costs on top of tagging, per language: the French, German, Spanish and
 * Chinese development articles (tests/fixtures/eval-ml/articles/<lang>/), each read by
 * `ingestDocument` (which detects the language and splits sentences by that language's rules)
 * and analysed by `analyse`, the one entry point commands and digests use; for these
 * articles it hands over to the language's module in src/core/lang.
 *
 * Baseline, "tagging alone": the same bare wink-nlp pass as the English row (bench/tagging.ts)
 * over the same text. The language modules do not use wink; the budget of issue 17 is "the
 * same as English", i.e. 3× what tagging that text would cost (docs/decisions/047-…).
 *
 * One row per language. A language's eight articles are one unit: each pair times tagging all
 * of them and analysing all of them back to back, alternating which goes first (timePaired);
 * the median of the per-pair ratios and min(analyse)/min(tag) are reported. Target: both < 3.
 * Ingest, and the module's own bare word pass, are shown for context.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Article } from '../src/core/article/types.js';
import { analyse } from '../src/core/analyse/index.js';
import { ingestDocument } from '../src/core/ingest/index.js';
import { tokenize } from '../src/core/lang/latin/tokens.js';
import { joinSentences } from '../src/core/nlp/annotate.js';
import { getNlp } from '../src/core/nlp/wink.js';
import { timePaired, timeMedian, type BenchResult } from './bench-utils.js';
import { tagOnly } from './tagging.js';

const SET = fileURLToPath(new URL('../tests/fixtures/eval-ml/articles/', import.meta.url));
const LANGUAGES = ['fr', 'de', 'es', 'zh'] as const;
const TARGET_RATIO = 3;
/** Pairs per language (each pair covers all its articles), capped by wall clock on a busy machine. */
const PAIRS = 200;
const BUDGET_MS = 6_000;

interface Loaded {
  readonly articles: readonly Article[];
  readonly read: () => unknown;
}

/** Every article of one language, through ingest; throws if one is not detected as that language. */
function load(lang: string): Loaded {
  const dir = `${SET}${lang}/`;
  const files = readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, path: `${dir}${name}`, content: readFileSync(`${dir}${name}`, 'utf8') }));
  const articles = files.map(({ name, path, content }) => {
    const loaded = ingestDocument({ content, path });
    if (!loaded.ok) throw new Error(`ingest failed for ${lang}/${name}: ${loaded.error.message}`);
    // Otherwise `analyse` would take the English path and this row would measure the wrong thing.
    if (loaded.value.language !== lang)
      throw new Error(`${lang}/${name} was detected as ${String(loaded.value.language)}, not ${lang}`);
    return loaded.value;
  });
  return { articles, read: () => files.map((f) => ingestDocument(f)) };
}

function wordsTagged(articles: readonly Article[]): number {
  const { nlp } = getNlp();
  return articles.reduce((n, a) => n + nlp.readDoc(joinSentences(a.sentences).text).tokens().length(), 0);
}

/**
 * For context, no target: the bare word pass the language's module itself relies on, over the
 * same text: Intl.Segmenter's words for Chinese, the Latin-script regex tokeniser otherwise.
 */
function ownWords(lang: string, articles: readonly Article[]): () => number {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
  const texts = articles.map((a) => joinSentences(a.sentences).text);
  return lang === 'zh'
    ? () => texts.reduce((n, t) => n + [...segmenter.segment(t)].length, 0)
    : () => texts.reduce((n, t) => n + tokenize(t).length, 0);
}

export async function run(): Promise<BenchResult[]> {
  getNlp(); // model load is a one-off start-up cost, not part of any figure
  const results: BenchResult[] = [];
  for (const lang of LANGUAGES) {
    const { articles, read } = load(lang);
    const ingestMs = timeMedian(read, 10, 3);
    const ownWordsMs = timeMedian(ownWords(lang, articles), 10, 3);
    const p = timePaired(
      () => articles.reduce((n, a) => n + tagOnly(a), 0),
      () => articles.map((a) => analyse(a)),
      { pairs: PAIRS, budgetMs: BUDGET_MS },
    );
    const met = p.ratioMedian < TARGET_RATIO && p.ratioMin < TARGET_RATIO;
    results.push({
      name: `${lang} (${articles.length} articles)`,
      figures: {
        sentences: articles.reduce((n, a) => n + a.sentences.length, 0),
        'wink tokens': wordsTagged(articles),
        pairs: p.pairs,
        'ingest ms': ingestMs,
        'own words ms': ownWordsMs,
        'tag ms med/min': `${p.a.median.toFixed(2)}/${p.a.min.toFixed(2)}`,
        'analyse ms med/min': `${p.b.median.toFixed(2)}/${p.b.min.toFixed(2)}`,
        'ratio med': p.ratioMedian,
        'ratio min': p.ratioMin,
      },
      ratios: { median: p.ratioMedian, min: p.ratioMin },
      target: { label: `ratio med and min < ${TARGET_RATIO}`, met },
    });
  }
  return results;
}
