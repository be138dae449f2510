/**
 * Test helpers: real fixture articles through real ingest, and small hand-made articles
 * whose sentences are given one by one (so a test states exactly what the extractor sees).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../../src/core/article/types.js';
import { ingestDocument } from '../../../src/core/ingest/index.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/articles/', import.meta.url));

export function fixtureArticle(name: string): Article {
  const path = `${FIXTURES}${name}`;
  const result = ingestDocument({ content: readFileSync(path, 'utf8'), path });
  if (!result.ok) throw new Error(`ingest failed for ${name}: ${result.error.message}`);
  return result.value;
}

export const FIXTURE_NAMES = [
  'xinhua-space-partnership.txt',
  'nasa_esa_rosalind_franklin.md',
  'nasa_lunar_terrain_vehicle.md',
  'nasa_mars_sample_return.md',
] as const;

/** An article of the given sentences, one paragraph each. */
export function articleOf(...sentences: string[]): Article {
  return {
    id: 'test',
    title: 'Test article',
    source: { name: 'test', url: null, kind: 'text' },
    publishedAt: null,
    dateline: null,
    paragraphs: sentences.map((text, index) => ({ index, text, sentenceIds: [index] })),
    sentences: sentences.map((text, id) => ({ id, paragraph: id, text })),
    tags: [],
  };
}
