import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { ingestDocument, ingestFeedItem, ingestHtml, type FeedItemInput } from '../../../src/core/ingest/index.js';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const page = readFileSync(`${fixtures}html/harbour-ferry-story.html`, 'utf8');

describe('ingestHtml on a news page with furniture', () => {
  const r = ingestHtml(page, { url: 'https://ledger.example.org/go?id=7&utm_source=x' });
  if (!r.ok) throw new Error(r.error.message);
  const a = r.value;
  const all = a.sentences.map((s) => s.text).join('\n');

  it('takes title, site name, canonical url and published time from the head', () => {
    expect(a.title).toBe('Harbour ferry service to run all night from June');
    expect(a.source).toMatchObject({
      kind: 'html',
      name: 'The Coastal Ledger',
      url: 'https://ledger.example.org/news/2024/05/harbour-ferry-night-service',
    });
    expect(a.publishedAt).toBe('2024-05-14T06:30:00.000Z');
  });

  it('keeps the story from the first to the last paragraph, dateline stripped', () => {
    expect(a.dateline).toEqual({ place: 'BERGEN', date: 'May 14', source: 'Ledger' });
    expect(a.sentences[0]!.text).toMatch(/^The city's harbour ferry will run through the night/);
    expect(a.sentences.at(-1)!.text).toBe(
      'The authority will review the trial in December and decide whether to keep the night boats in the 2025 timetable.',
    );
    expect(a.sentences.some((s) => s.text.startsWith('Dr. Maren Holt, who heads'))).toBe(true);
  });

  it('leaves out nav, share buttons, the figure caption, the inline credit, comments and the footer', () => {
    for (const junk of [
      /Sport|Weather|Opinion/,
      /Facebook|Tweet|Share this/,
      /trial run last winter/,
      /Credit:/,
      /Passengers board/,
      /Leave a Reply|Great news|About time|email address/,
      /All rights reserved/,
      /By Ingrid/,
      /#/,
    ]) {
      expect(all).not.toMatch(junk);
    }
    expect(a.tags).toEqual(['Bergen', 'ferries', 'transport']);
  });

  it('is what ingestDocument picks for HTML content', () => {
    const viaDoc = ingestDocument({ content: page, contentType: null, path: null });
    expect(viaDoc.ok && viaDoc.value.id).toBe(a.id);
  });

  it('refuses a page with no story', () => {
    const empty = ingestHtml(
      '<!doctype html><html><head><title>Home</title></head><body><nav><a href="/a">News</a> <a href="/b">Sport</a></nav><p>Sign in</p></body></html>',
    );
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.code).toBe('unreadable_article');
  });
});

describe('ingestFeedItem', () => {
  const item: FeedItemInput = {
    title: 'Library opens on Sundays',
    link: 'https://news.example.net/library-sundays',
    guid: 'tag:news.example.net,2024:1234',
    isoDate: '2024-03-02T10:00:00.000Z',
    creator: 'A. Writer',
    categories: ['Culture', { _: 'Local' }, 'culture'],
    contentSnippet: 'should not be used',
    'content:encoded':
      '<figure><img src="x.jpg"><figcaption>The reading room. (Photo/City Archive)</figcaption></figure>' +
      '<p>The central library will open on Sundays from April, the city said on Friday.</p>' +
      '<p>Opening hours will be noon to 5 p.m. and the café will stay closed.<br>Staff volunteered for the extra shifts.</p>' +
      '<div class="share-links"><a>Facebook</a> <a>Email</a></div><p>Read more: <a href="https://news.example.net/more">https://news.example.net/more</a></p>',
  };

  it('reads the HTML body, keeps guid, tags and date, and drops the caption and widgets', () => {
    const r = ingestFeedItem(item, { sourceName: 'Example News' });
    if (!r.ok) throw new Error(r.error.message);
    const a = r.value;
    expect(a.title).toBe('Library opens on Sundays');
    expect(a.guid).toBe('tag:news.example.net,2024:1234');
    expect(a.source).toMatchObject({
      kind: 'feed-item',
      name: 'Example News',
      url: 'https://news.example.net/library-sundays',
    });
    expect(a.publishedAt).toBe('2024-03-02T10:00:00.000Z');
    expect(a.tags).toEqual(['Culture', 'Local']);
    expect(a.sentences.map((s) => s.text)).toEqual([
      'The central library will open on Sundays from April, the city said on Friday.',
      'Opening hours will be noon to 5 p.m. and the café will stay closed.',
      'Staff volunteered for the extra shifts.',
    ]);
  });

  it('falls back to a plain-text summary and to a permalink guid', () => {
    const r = ingestFeedItem({
      guid: 'https://x.example/a',
      summary: 'Rain is expected all week. Rivers may rise.',
      pubDate: 'Tue, 21 Jul 2020 21:19:07 GMT',
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.source.url).toBe('https://x.example/a');
    expect(r.value.title).toBeNull();
    expect(r.value.sentences.map((s) => s.text)).toEqual(['Rain is expected all week.', 'Rivers may rise.']);
    expect(r.value.publishedAt).toBe('2020-07-21T21:19:07.000Z');
  });

  it('reports an item with no body as unreadable', () => {
    const r = ingestFeedItem({ title: 'Only a title', link: 'https://x.example/b' });
    expect(r.ok ? null : r.error.code).toBe('unreadable_article');
  });

  it('ingests every item of real feed captures without throwing', async () => {
    const parser = new Parser();
    for (const name of [
      'feeds/nodefeedparser_rss2sample.xml',
      'feeds/nodefeedparser_category-feed.xml',
      'feeds/nodefeedparser_tpm.atom',
    ]) {
      const feed = await parser.parseString(readFileSync(fixtures + name, 'utf8'));
      for (const raw of feed.items) {
        const r = ingestFeedItem(raw as FeedItemInput, { sourceName: feed.title ?? null });
        if (!r.ok) {
          expect(r.error.code).toBe('unreadable_article');
          continue;
        }
        for (const s of r.value.sentences) expect(s.text.trim()).not.toBe('');
      }
    }
  });
});
