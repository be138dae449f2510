/**
 * Builds an `Article` straight from sentences, so analysis tests need no ingest step.
 * Each inner array is one paragraph; a flat array makes one paragraph per sentence.
 */
import type { Article, Paragraph, Sentence } from '../../src/core/article/types.js';

export function articleFromParagraphs(paragraphs: string[][] | string[], title: string | null = null): Article {
  const groups: string[][] = paragraphs.map((p) => (Array.isArray(p) ? p : [p]));
  const sentences: Sentence[] = [];
  const paras: Paragraph[] = [];
  groups.forEach((group, index) => {
    const ids: number[] = [];
    for (const text of group) {
      ids.push(sentences.length);
      sentences.push({ id: sentences.length, paragraph: index, text });
    }
    paras.push({ index, text: group.join(' '), sentenceIds: ids });
  });
  return {
    id: 'test-' + sentences.length,
    title,
    source: { name: null, url: null, kind: 'text' },
    publishedAt: null,
    dateline: null,
    paragraphs: paras,
    sentences,
    tags: [],
  };
}
