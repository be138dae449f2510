/**
 * The article library contract (contract.ts) run against each implementation: the in-memory
 * library of loaded articles, the stored library over SQLite and over PostgreSQL, and the
 * loaded-articles overlay laid over the stored one, as the composition root builds it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse/index.js';
import type { Article } from '../../src/core/article/types.js';
import { createMemoryLibrary } from '../../src/core/library/memory-library.js';
import type { Where } from '../../src/core/ports.js';
import type { HeraldStore } from '../../src/core/store/repositories.js';
import { createArticleLoader } from '../../src/app/article-loader.js';
import { createStoredLibrary } from '../../src/app/stored-library.js';
import { openPostgresStore } from '../../src/store/postgres/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { describePostgres, dropSchema, POSTGRES_URL, schemaName } from '../helpers/postgres.js';
import { at, runLibraryContract, SAMPLE, type LibraryUnderTest } from './contract.js';

/** Receipts one minute apart, so "newest" is the order given. */
function receiver(store: HeraldStore): (where: Where, article: Article) => Promise<void> {
  let minute = 0;
  return async (where, article) => {
    const channel = await store.channels.ensure(where);
    const { id } = await store.articles.insert({ article });
    await store.articles.markReceived(channel.id, id, new Date(Date.UTC(2025, 0, 6, 9, minute++)));
  };
}

function sqlite(): HeraldStore {
  const opened = openSqliteStore({ file: ':memory:' });
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

const stored = (store: HeraldStore, cleanup: () => Promise<void>): LibraryUnderTest => ({
  library: createStoredLibrary({ store, analyse, sample: SAMPLE }),
  give: receiver(store),
  cleanup,
});

runLibraryContract(
  'memory (articles loaded in this process)',
  async () => {
    const library = createMemoryLibrary({ sample: async () => SAMPLE });
    return {
      library,
      give: async (_where, article) => library.add({ id: article.id, article, facts: analyse(article) }),
    };
  },
  { perWorkspace: false },
);

runLibraryContract(
  'stored, on SQLite',
  async () => {
    const store = sqlite();
    return stored(store, () => store.close());
  },
  { perWorkspace: true },
);

const schemas: string[] = [];
afterAll(async () => {
  for (const s of schemas.splice(0)) await dropSchema(s);
});
describePostgres('on PostgreSQL', () => {
  runLibraryContract(
    'stored, on PostgreSQL',
    async () => {
      const schema = schemaName(import.meta.url);
      schemas.push(schema);
      const opened = await openPostgresStore({ url: POSTGRES_URL!, schema, migrate: 'auto' });
      if (!opened.ok) throw new Error(opened.error.message);
      return stored(opened.value, () => opened.value.close());
    },
    { perWorkspace: true },
  );
});

/** The composition root's library: what this process loaded, over the store. */
function overlaid(texts: Record<string, string> = {}) {
  const store = sqlite();
  const loader = createArticleLoader({
    sampleArticle: 'sample.txt',
    io: {
      readFile: async (path) => {
        const text = texts[path];
        if (text === undefined) throw Object.assign(new Error(`no such file ${path}`), { code: 'ENOENT' });
        return text;
      },
    },
  });
  return { store, loader, library: loader.overlay(createStoredLibrary({ store, analyse, sample: SAMPLE })) };
}

runLibraryContract(
  'overlay of loaded articles on the stored library',
  async () => {
    const { store, library } = overlaid();
    return { library, give: receiver(store), cleanup: () => store.close() };
  },
  { perWorkspace: true },
);

describe('the overlay of loaded articles', () => {
  it('answers first with what this process loaded, in every workspace, and falls back to the store', async () => {
    const { store, loader, library } = overlaid({
      'comet.txt': 'Comet seen over Oslo\n\nAstronomers in Oslo saw a bright comet on Friday. It will return in 2061.',
    });
    await receiver(store)(at('gA', 'a1'), SAMPLE.article);
    const loaded = await loader.load('comet.txt');
    expect(loaded.ok || loaded.error.message).toBe(true);
    if (!loaded.ok) return;
    for (const where of [at('gA', 'a1'), at('gB', 'b1')]) {
      expect((await library.current(where)).id).toBe(loaded.value.id);
      expect((await library.find(where, 'comet oslo'))?.id).toBe(loaded.value.id);
      expect((await library.recent(where, 5))[0]?.id).toBe(loaded.value.id);
    }
    expect((await library.find(at('gA', 'a1'), 'space partnership'))?.id).toBe(SAMPLE.id);
    await store.close();
  });
});
