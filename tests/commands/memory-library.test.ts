import { describe, expect, it } from 'vitest';
import { createMemoryLibrary } from '../../src/core/library/memory-library.js';
import type { AnalysedArticle, Where } from '../../src/core/ports.js';
import { articleFromParagraphs } from '../helpers/article-from-text.js';

const where: Where = { platform: 'shell', workspaceId: 'local', channelId: 'local' };

function analysed(id: string, title: string, url: string | null = null): AnalysedArticle {
  const base = articleFromParagraphs(['One sentence.'], title);
  const article = { ...base, id, source: { ...base.source, url } };
  return {
    id,
    article,
    facts: {
      title,
      dateline: null,
      tags: [],
      sentences: article.sentences,
      people: [],
      organizations: [],
      places: [],
      lists: [],
      quotes: [],
      numbers: [],
      summary: [0],
    },
  };
}

describe('memory library', () => {
  it('answers from the sample until an article is loaded, then from the newest', async () => {
    let analysedSample = 0;
    const lib = createMemoryLibrary({ sample: async () => (analysedSample++, analysed('aaaa1111', 'The sample')) });
    expect((await lib.current(where)).id).toBe('aaaa1111');
    expect((await lib.current(where)).id).toBe('aaaa1111');
    expect(analysedSample).toBe(1);
    lib.add(analysed('bbbb2222', 'Moon rover contract', 'https://example.org/rover'));
    lib.add(analysed('cccc3333', 'Mars samples'));
    expect((await lib.current(where)).id).toBe('cccc3333');
    expect((await lib.recent(where, 5)).map((a) => a.id)).toEqual(['cccc3333', 'bbbb2222']);
  });

  it('finds by id prefix, URL and title words, and not by a too-short prefix', async () => {
    const lib = createMemoryLibrary();
    lib.add(analysed('bbbb2222', 'Moon rover contract', 'https://example.org/rover'));
    expect((await lib.find(where, 'bbbb2'))?.id).toBe('bbbb2222');
    expect((await lib.find(where, 'https://example.org/rover'))?.id).toBe('bbbb2222');
    expect((await lib.find(where, 'rover moon'))?.id).toBe('bbbb2222');
    expect(await lib.find(where, 'bb')).toBeNull();
    expect(await lib.find(where, 'mars')).toBeNull();
  });

  it('re-adding an article moves it to the front without duplicating it', async () => {
    const lib = createMemoryLibrary();
    lib.add(analysed('bbbb2222', 'A'));
    lib.add(analysed('cccc3333', 'B'));
    lib.add(analysed('bbbb2222', 'A'));
    expect(lib.all().map((a) => a.id)).toEqual(['bbbb2222', 'cccc3333']);
  });
});
