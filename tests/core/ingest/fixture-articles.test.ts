import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article/types.js';
import { ingestDocument, ingestMarkdown, ingestText } from '../../../src/core/ingest/index.js';

const dir = fileURLToPath(new URL('../../fixtures/articles/', import.meta.url));
const read = (name: string): string => readFileSync(dir + name, 'utf8');

function unwrap(r: ReturnType<typeof ingestText>): Article {
  if (!r.ok) throw new Error(`ingest failed: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** Text that must never reach a sentence: captions, widgets, comment forms, contacts, markers. */
const NOT_STORY: readonly RegExp[] = [
  /Credits?:/,
  /\(CNSA\/Handout via Xinhua\)/,
  /Photo released on/,
  /artist[’']s concept/i,
  /Artist concept/,
  /Leave a Comment/i,
  /Your email address/i,
  /Required fields/i,
  /#\w/,
  /-end-/,
  /@nasa\.gov/,
  /\b\d{3}-\d{3}-\d{4}\b/,
  /Headquarters, Washington$/,
  /https?:\/\//,
  /visit:|at:$/,
  /^\s*\.\s*$/,
  / \.$/,
  /\. ,/,
];

function expectOnlyStory(a: Article): void {
  for (const s of a.sentences) {
    for (const re of NOT_STORY) expect(s.text, `sentence ${s.id} matched ${re}`).not.toMatch(re);
    expect(s.text).toBe(s.text.trim().replace(/\s+/g, ' '));
  }
}

function expectStableIds(a: Article): void {
  expect(a.sentences.map((s) => s.id)).toEqual(a.sentences.map((_, i) => i));
  expect(a.paragraphs.map((p) => p.index)).toEqual(a.paragraphs.map((_, i) => i));
  expect(a.paragraphs.flatMap((p) => p.sentenceIds)).toEqual(a.sentences.map((s) => s.id));
  for (const s of a.sentences) expect(a.paragraphs[s.paragraph]!.sentenceIds).toContain(s.id);
  expect(a.id).toMatch(/^[0-9a-f]{64}$/);
}

describe('xinhua sample (plain text)', () => {
  const a = unwrap(ingestText(read('xinhua-space-partnership.txt')));

  it('reads title, dateline and tags', () => {
    expect(a.title).toBe('China, UN promote new space exploration partnership');
    expect(a.dateline).toEqual({ place: 'HAIKOU', date: 'Nov. 21', source: 'Xinhua' });
    expect(a.tags).toEqual(['China', 'promote', 'space', 'exploration', 'partnership']);
    expect(a.source.kind).toBe('text');
  });

  it('starts after the caption with the dateline stripped, and ends before the hashtags', () => {
    expect(a.sentences[0]!.text).toMatch(/^China on Monday issued a statement of action/);
    expect(a.paragraphs[0]!.text.startsWith('HAIKOU')).toBe(false);
    expect(a.sentences.at(-1)!.text).toBe(
      'More than 10 heads of space agencies from other countries will make presentations, and representatives from more than 80 countries and regions will attend the meeting online and offline.',
    );
  });

  it('keeps only the story and repairs stray punctuation', () => {
    expectOnlyStory(a);
    expectStableIds(a);
    expect(a.sentences.some((s) => s.text.endsWith('to explore the universe.'))).toBe(true);
    expect(a.sentences.some((s) => s.text.includes('challenges, and lunar'))).toBe(true);
  });

  it('keeps a closing quote with its sentence', () => {
    const quoted = a.sentences.filter((s) => s.text.startsWith('“'));
    expect(quoted.length).toBeGreaterThan(0);
    for (const s of quoted) expect(s.text).toMatch(/[”]/);
  });

  it('gives the same id for the same story and a different one for another', () => {
    const again = unwrap(ingestText(read('xinhua-space-partnership.txt').replace(/\n\n/g, '\n\n\n')));
    expect(again.id).toBe(a.id);
    expect(unwrap(ingestMarkdown(read('nasa_mars_sample_return.md'))).id).not.toBe(a.id);
  });
});

describe('NASA releases (Markdown)', () => {
  it('lunar terrain vehicle: drops the leading and mid-body captions and the contact block', () => {
    const a = unwrap(ingestMarkdown(read('nasa_lunar_terrain_vehicle.md')));
    expect(a.title).toBe('NASA Selects Companies to Advance Moon Mobility for Artemis Missions');
    expect(a.sentences[0]!.text).toMatch(/^NASA has selected Intuitive Machines, Lunar Outpost, and Venturi Astrolab/);
    expect(a.sentences.at(-1)!.text).toMatch(
      /^Advanced rovers, along with the agency’s SLS \(Space Launch System\) rocket/,
    );
    expect(a.dateline).toBeNull();
    expect(a.tags).toEqual([]);
    expectOnlyStory(a);
    expectStableIds(a);
  });

  it('mars sample return: the line right under the title is the lead, not a caption', () => {
    const a = unwrap(ingestMarkdown(read('nasa_mars_sample_return.md')));
    expect(a.title).toBe('NASA Sets Path to Return Mars Samples, Seeks Innovative Designs');
    expect(a.sentences[0]!.text).toMatch(/^NASA Administrator Bill Nelson shared on Monday/);
    expect(a.sentences.at(-1)!.text).toMatch(/^Our next steps will position us/);
    expectOnlyStory(a);
    expectStableIds(a);
  });

  it('rosalind franklin: drops the "Credits:" caption and the "visit:" pointer with its URL', () => {
    const a = unwrap(ingestMarkdown(read('nasa_esa_rosalind_franklin.md')));
    expect(a.title).toBe('NASA, European Space Agency Unite to Land Europe’s Rover on Mars');
    expect(a.sentences[0]!.text).toMatch(/^NASA and ESA \(European Space Agency\) announced Thursday/);
    expect(a.sentences.at(-1)!.text).toBe(
      'The Rosalind Franklin rover mission complements the Mars Sample Return multi-mission campaign led by both agencies.',
    );
    expect(a.sentences.some((s) => s.text.includes('procure a U.S. commercial launch provider'))).toBe(true);
    expectOnlyStory(a);
    expectStableIds(a);
  });

  it('ingestDocument sniffs .md and .txt by path', () => {
    const md = unwrap(ingestDocument({ content: read('nasa_mars_sample_return.md'), path: 'x/nasa.md' }));
    expect(md.source.kind).toBe('markdown');
    expect(md.source.path).toBe('x/nasa.md');
    const txt = unwrap(
      ingestDocument({ content: read('xinhua-space-partnership.txt'), path: 'a.txt', sourceName: 'Xinhua' }),
    );
    expect(txt.source).toMatchObject({ kind: 'text', name: 'Xinhua' });
  });
});
