/**
 * `scope: channel` on /who-is, /quotes and /ask: the real app (createHerald) over a real SQLite
 * file holding three NASA releases that one channel received.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerLine } from '../../src/adapters/shell/shell.js';
import { renderText } from '../../src/adapters/text/render-text.js';
import { ingestMarkdown } from '../../src/core/ingest/index.js';
import type { Where } from '../../src/core/ports.js';
import type { Block, Citation, Reply } from '../../src/core/reply/types.js';
import { createHerald, type Herald } from '../../src/main.js';
import { testConfig } from '../helpers/test-config.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';

const fixture = (path: string): string =>
  readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url)), 'utf8');

/** Oldest received first; the channel lists them newest first. */
const ARTICLES = [
  { path: 'articles/nasa_esa_rosalind_franklin.md', url: 'https://news.example/rosalind-franklin' },
  { path: 'articles-heldout/nasa_curiosity_gediz_vallis.md', url: 'https://news.example/curiosity-gediz-vallis' },
  { path: 'articles/nasa_mars_sample_return.md', url: 'https://news.example/mars-sample-return' },
] as const;
const ROSALIND = 'NASA, European Space Agency Unite to Land Europe’s Rover on Mars';
const MSR = 'NASA Sets Path to Return Mars Samples, Seeks Innovative Designs';
const CURIOSITY = 'NASA’s Curiosity Searches for New Clues About Mars’ Ancient Water';

const where: Where = { platform: 'discord', workspaceId: 'g1', channelId: 'news' };
const dir = mkdtempSync(join(tmpdir(), 'herald-scope-'));
let store: SqliteStore;
let app: Herald;

beforeAll(async () => {
  const opened = openSqliteStore({ file: join(dir, 'herald.sqlite') });
  if (!opened.ok) throw new Error(opened.error.message);
  store = opened.value;
  const channel = await store.channels.ensure(where);
  for (const [i, { path, url }] of ARTICLES.entries()) {
    const article = ingestMarkdown(fixture(path), { url });
    if (!article.ok) throw new Error(article.error.message);
    await store.articles.insert({ article: article.value });
    await store.articles.markReceived(channel.id, article.value.id, new Date(Date.UTC(2025, 0, 6, 9, i)));
  }
  const built = await createHerald(await testConfig({ dataDir: dir }), {
    store,
    logger: pino({ level: 'silent' }),
    newRef: () => 'ref00001',
  });
  if (!built.ok) throw new Error(built.error.message);
  app = built.value;
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (line: string): Promise<Reply> =>
  answerLine(line, {
    dispatcher: app.dispatcher,
    registry: app.registry,
    invoker: { userId: 'u1', platformLevel: 'member' },
    where,
  });

const headings = (r: Reply): string[] => r.blocks.flatMap((b) => (b.type === 'heading' ? [b.text] : []));
const sources = (r: Reply): string[] => r.blocks.flatMap((b) => (b.type === 'source' ? [`${b.title} — ${b.url}`] : []));
const cites = (r: Reply): Citation[] => r.blocks.flatMap((b: Block) => ('cite' in b && b.cite ? [b.cite] : []));

describe('scope:channel', () => {
  it("lists the channel's articles newest first, and analyses them for channel answers", async () => {
    const listed = await run('/articles');
    expect(listed.blocks[0]).toMatchObject({
      type: 'list',
      items: [expect.stringContaining(MSR), expect.stringContaining(CURIOSITY), expect.stringContaining(ROSALIND)],
    });
    const analysed = await app.library.recentAnalysed(where, 10);
    expect(analysed.map((a) => a.article.title)).toEqual([MSR, CURIOSITY, ROSALIND]);
    // Facts were cached in the store on the way.
    expect((await store.articles.get(analysed[2]!.id))?.facts).not.toBeNull();
  });

  it('refuses an article chosen together with scope:channel, the same way on all three commands', async () => {
    for (const line of [
      '/who-is fox scope:channel article:1',
      '/quotes scope:channel article:1',
      '/ask who leads? scope:channel article:1',
    ]) {
      const r = await run(line);
      expect(r.code, line).toBe('bad_input');
      expect(r.title, line).toBe('Give either article:<id> or scope:channel, not both.');
    }
    // Without scope:channel the same article is simply read.
    expect((await run('/who-is fox article:1')).kind).toBe('answer');
  });

  it('/who-is merges Nicky Fox and Nicola Fox into one entry, article by article', async () => {
    for (const line of [
      '/who-is fox scope:channel',
      '/who-is nicky fox scope:channel',
      '/who-is Nicola Fox scope:channel',
    ]) {
      const r = await run(line);
      expect(r.kind, line).toBe('answer');
      expect(
        r.blocks.filter((b) => b.type === 'divider'),
        line,
      ).toHaveLength(0);
      expect(headings(r)[0], line).toBe('Nicky Fox');
      expect(headings(r), line).toEqual(expect.arrayContaining([`In “${MSR}”`, `In “${ROSALIND}”`]));
      expect(sources(r), line).toEqual([
        `${MSR} — https://news.example/mars-sample-return`,
        `${ROSALIND} — https://news.example/rosalind-franklin`,
      ]);
      const text = renderText(r);
      expect(text).toContain("Named in 2 of the channel's 3 recent articles, also named Nicola Fox.");
      expect(text).toContain('NASA does visionary science');
      expect(text).toContain('The Rosalind Franklin rover’s unique drilling capabilities');
      // Every citation names, links and identifies its own article.
      for (const c of cites(r)) {
        expect([MSR, ROSALIND]).toContain(c.articleTitle);
        expect(c.url).toBe(
          c.articleTitle === MSR ? 'https://news.example/mars-sample-return' : 'https://news.example/rosalind-franklin',
        );
        expect(c.articleId).toMatch(/^[0-9a-f]{64}$/);
      }
    }
  });

  it('/who-is says plainly when no recent article mentions the person', async () => {
    const r = await run('/who-is obama scope:channel');
    expect(r.kind).toBe('not_found');
    expect(r.title).toBe('None of the channel\'s recent articles mention "obama".');
  });

  it('/quotes groups quotes by article, and follows one person across articles', async () => {
    const all = await run('/quotes scope:channel');
    expect(all.kind).toBe('answer');
    expect(headings(all)).toEqual([`In “${MSR}”`, `In “${CURIOSITY}”`, `In “${ROSALIND}”`]);
    expect(sources(all)).toHaveLength(3);
    const speakers = all.blocks.flatMap((b) => (b.type === 'quote' ? [b.speaker] : []));
    expect(speakers).toEqual(expect.arrayContaining(['Bill Nelson', 'Nicky Fox', 'Ashwin Vasavada', 'Nicola Fox']));

    const fox = await run('/quotes nicky fox scope:channel');
    expect(fox.title).toBe("Quotes from Nicky Fox, Nicola Fox in 2 of the channel's 3 recent articles");
    expect(headings(fox)).toEqual([`In “${MSR}”`, `In “${ROSALIND}”`]);
    expect(fox.blocks.filter((b) => b.type === 'quote').map((b) => (b as { speaker: string | null }).speaker)).toEqual([
      'Nicky Fox',
      'Nicola Fox',
    ]);

    const none = await run('/quotes obama scope:channel');
    expect(none.kind).toBe('not_found');
  });

  it('/ask ranks sentences across articles and names and links the article of each hit', async () => {
    const r = await run('/ask what does the rover drill? scope:channel');
    expect(r.kind).toBe('answer');
    const hits = r.blocks.filter((b): b is Extract<Block, { type: 'text' }> => b.type === 'text' && !!b.cite);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      expect(h.text).toBe(`“${h.cite!.articleTitle}” — ${h.cite!.url}`);
      expect(h.cite!.articleId).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(hits[0]!.cite!.articleTitle).toBe(ROSALIND);

    const msr = await run('/ask how much would mars sample return cost? scope:channel');
    expect(msr.blocks.find((b) => b.type === 'text' && !!b.cite)).toMatchObject({ cite: { articleTitle: MSR } });

    const none = await run('/ask what is the price of bananas? scope:channel');
    expect(none.kind).toBe('not_found');
    expect(none.title).toBe("None of the channel's recent articles answer that.");
  });

  it('scope:article (and no scope) still answer from the current article only', async () => {
    for (const line of ['/who-is fox', '/who-is fox scope:article']) {
      const r = await run(line);
      expect(r.title).toBe(
        'Nicky Fox, associate administrator, Science Mission Directorate, at NASA Headquarters in Washington',
      );
      expect(sources(r)).toEqual([`${MSR} — https://news.example/mars-sample-return`]);
    }
    expect((await run('/who-is vasavada')).kind).toBe('not_found');
    expect(sources(await run('/quotes scope:article'))).toEqual([`${MSR} — https://news.example/mars-sample-return`]);
    expect((await run('/ask what does the rover drill?')).kind).toBe('not_found');
    // A multi-word name still works positionally, with or without a scope after it.
    expect((await run('/quotes bill nelson')).title).toBe('Quotes from Bill Nelson');
  });

  it('refuses article: together with scope:channel', async () => {
    const r = await run(`/who-is fox scope:channel article:rover`);
    expect(r.kind).toBe('error');
    expect(r.code).toBe('bad_input');
  });
});
