/** Shared set-up for the feeds-admin tests: a real SQLite file in a temp dir, articles from text. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyse } from '../../src/core/analyse/index.js';
import type { Article } from '../../src/core/article/types.js';
import { ingestText } from '../../src/core/ingest/index.js';
import type { AnalysedArticle, Where } from '../../src/core/ports.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';

export function tempStore(): {
  store: SqliteStore;
  file: string;
  reopen: () => SqliteStore;
  cleanup: () => Promise<void>;
} {
  const dir = mkdtempSync(join(tmpdir(), 'herald-feeds-'));
  const file = join(dir, 'herald.sqlite');
  const opened: SqliteStore[] = [];
  const open = (): SqliteStore => {
    const r = openSqliteStore({ file });
    if (!r.ok) throw new Error(r.error.message);
    opened.push(r.value);
    return r.value;
  };
  const store = open();
  return {
    store,
    file,
    reopen: open,
    cleanup: async () => {
      for (const s of opened) await s.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function textArticle(text: string, url: string | null = null): Article {
  const a = ingestText(text, { url });
  if (!a.ok) throw new Error(a.error.message);
  return a.value;
}

export function analysed(article: Article): AnalysedArticle {
  return { id: article.id, article, facts: analyse(article) };
}

export const where = (channelId = 'c1', workspaceId = 'g1'): Where => ({ platform: 'discord', workspaceId, channelId });
