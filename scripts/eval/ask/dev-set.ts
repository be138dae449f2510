/**
 * The development questions with their articles analysed and indexed as `/ask` does, read once
 * for the diagnostic scripts (diagnose, calibrate, explore, learn) so each counts the same set.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalysedArticle } from '../../../src/core/ports.js';
import { loadArticle } from '../../../src/core/ingest/load.js';
import { buildSentenceIndex, type SentenceIndex } from '../../../src/core/search/sentence-index.js';
import { analyseArticle } from '../../../src/main.js';
import type { Question } from '../ask.js';

export interface DevArticle {
  readonly file: string;
  readonly questions: readonly Question[];
  readonly analysed: AnalysedArticle;
  readonly index: SentenceIndex;
  /** The article's sentences, by id. */
  readonly texts: readonly string[];
}

export async function loadDevSet(dir: string): Promise<DevArticle[]> {
  const qa = JSON.parse(readFileSync(join(dir, 'questions.json'), 'utf8')) as {
    articles: { file: string; questions: Question[] }[];
  };
  const io = { readFile: (p: string) => Promise.resolve(readFileSync(p, 'utf8')), fetch: globalThis.fetch };
  const out: DevArticle[] = [];
  for (const a of qa.articles) {
    const loaded = await loadArticle(join(dir, a.file), io);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const analysed = analyseArticle(loaded.value);
    const index = buildSentenceIndex(analysed.article, analysed.facts);
    out.push({ ...a, analysed, index, texts: analysed.article.sentences.map((s) => s.text) });
  }
  return out;
}
