/**
 * /ask on one article: the best sentence first, then at most two that add to it, each cited.
 * For how-many, how-much and when questions the number or date is stated first, quoted as the
 * sentence writes it. Refusals keep their plain wording and `not_found` code.
 */
import type { AnalysedArticle } from '../ports.js';
import { answer, cite, notFound, sourceBlock } from '../reply/build.js';
import type { Block, Reply } from '../reply/types.js';
import { loadWordVectors } from '../search/word-vectors.js';
import { ask, buildSentenceIndex, type AskResult, type SentenceIndex } from '../search/sentence-index.js';

/** Preparing an article (tagging, vectors) costs tens of ms: keep the last few, keyed by content hash. */
const CACHE_SIZE = 16;
const cache = new Map<string, SentenceIndex>();

/** The article's index, built on first use and kept while it is among the most recently asked. */
export function indexOf(a: AnalysedArticle): SentenceIndex {
  const hit = cache.get(a.id);
  if (hit && hit.sentences === a.article.sentences) {
    cache.delete(a.id);
    cache.set(a.id, hit);
    return hit;
  }
  const built = buildSentenceIndex(a.article, a.facts);
  cache.set(a.id, built);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return built;
}

/** "39", "in 2028": the asked-for value as a short lead line, when the question asks for one. */
export function valueLine(result: AskResult): string | null {
  const v = result.hits[0]?.value;
  return v ? `“${v.text}”` : null;
}

export async function askArticle(a: AnalysedArticle, question: string): Promise<Reply> {
  // The first question of a process reads the word vectors without holding up other requests.
  await loadWordVectors();
  const result = ask(indexOf(a), question);
  if (result.terms.length === 0 && result.kind === 'what') {
    // Only stop words or punctuation: nothing to search for, which is not the same as "the article does not say".
    return notFound(
      'There is nothing to look for in that question: ask in a few words, for example /ask what was announced?',
      [],
    );
  }
  if (result.hits.length === 0) {
    return notFound(
      'The article does not answer that.',
      [],
      [
        {
          type: 'text',
          text: 'Try other words from the article, or /summary, /facts and /who-is for what it does say.',
        },
      ],
    );
  }
  const value = valueLine(result);
  const blocks: Block[] = [
    { type: 'heading', text: question },
    { type: 'text', text: value ? `${value}, as the article says:` : 'The article says:' },
    // Best first: the first citation is the answer; the others add to it.
    ...result.hits.map((h): Block => ({ type: 'citation', cite: cite(a.article, [h.sentence], a.id) })),
    sourceBlock(a.article),
  ];
  return answer(question, blocks);
}
