/** Loads a held-out real article (tests/fixtures/articles-heldout) through the real ingest and analysis. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../../src/core/article/types.js';
import { analyse } from '../../../src/core/analyse/index.js';
import type { ArticleFacts } from '../../../src/core/facts/types.js';
import { ingestDocument } from '../../../src/core/ingest/index.js';

export const HELDOUT_DIR = join(import.meta.dirname, '../../fixtures/articles-heldout');

export function loadHeldout(file: string): { article: Article; facts: ArticleFacts } {
  const path = join(HELDOUT_DIR, file);
  const result = ingestDocument({ content: readFileSync(path, 'utf8'), path });
  if (!result.ok) throw new Error(result.error.message);
  return { article: result.value, facts: analyse(result.value) };
}

/** Every list item the analysis found in the article. */
export const allListItems = (file: string): string[] => loadHeldout(file).facts.lists.flatMap((l) => l.items);
