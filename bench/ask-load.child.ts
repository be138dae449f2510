/**
 * Run by ask.bench.ts in a fresh process: what loading /ask's lexical resources costs, with the
 * wink English model (loaded the same lazy way by every analysis) as the baseline.
 * Prints one JSON line.
 */
import { performance } from 'node:perf_hooks';
import { getNlp } from '../src/core/nlp/wink.js';
import { wordVectors } from '../src/core/search/word-vectors.js';
import { relatedWords } from '../src/core/search/wordnet.js';

const mb = (bytes: number): number => bytes / 1024 / 1024;
function measure(load: () => unknown): { ms: number; rssMb: number } {
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  const start = performance.now();
  load();
  const ms = performance.now() - start;
  globalThis.gc?.();
  return { ms, rssMb: mb(process.memoryUsage().rss - before) };
}

const wink = measure(() => getNlp().nlp.readDoc('Warm up.').out());
const vectors = measure(() => wordVectors().vector('death'));
const wordnet = measure(() => relatedWords('die'));
const again = measure(() => relatedWords('acquire'));
console.log(JSON.stringify({ wink, vectors, wordnet, again, words: wordVectors().size }));
