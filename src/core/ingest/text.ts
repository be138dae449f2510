/**
 * Plain text and Markdown. The first non-empty line is the title; paragraphs are separated
 * by blank lines. Inside a paragraph, hard-wrapped lines are joined, but lines that end a
 * thought (terminal punctuation, or short label lines such as names in a contact block)
 * stay separate so the boilerplate rules can see them one by one.
 */
import type { Article } from '../article/types.js';
import type { Result } from '../result.js';
import type { RawBlock } from './boilerplate.js';
import { looksLikeHeadline } from './boilerplate.js';
import { buildArticle } from './build-article.js';
import { endsLikeSentence } from './normalise.js';
import type { IngestMeta } from './types.js';

/** Lines at least this long without end punctuation are taken to be hard-wrapped prose. */
const WRAPPED_LINE_MIN = 45;

/** Splits text into paragraph blocks (title excluded). */
export function textToBlocks(text: string, isHeading: (line: string) => boolean = () => false): RawBlock[] {
  const blocks: RawBlock[] = [];
  for (const chunk of text.split(/\n[ \t\u00A0]*\n/u)) {
    let buffer = '';
    const flush = (): void => {
      if (buffer.trim() !== '') blocks.push({ text: buffer.trim() });
      buffer = '';
    };
    for (const rawLine of chunk.split('\n')) {
      const line = rawLine.trim();
      if (line === '') continue;
      // A long unpunctuated headline line would otherwise be taken as hard-wrapped prose and
      // glued to the lead; release headlines stand on their own line in Title Case or CAPS.
      if (isHeading(rawLine) || (line.length >= WRAPPED_LINE_MIN && !endsLikeSentence(line) && looksLikeHeadline(line))) {
        flush();
        blocks.push({ text: line, heading: true });
        continue;
      }
      buffer = buffer === '' ? line : `${buffer} ${line}`;
      if (endsLikeSentence(line) || line.length < WRAPPED_LINE_MIN) flush();
    }
    flush();
  }
  return blocks;
}

/** Splits off the first non-empty line as the title. */
export function splitTitle(text: string): { title: string | null; body: string } {
  const normalised = text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  const m = /^\s*([^\n]*\S[^\n]*)(?:\n|$)/u.exec(normalised);
  if (!m) return { title: null, body: '' };
  return { title: m[1]!.trim(), body: normalised.slice(m[0].length) };
}

/** Ingests plain text whose first line is the title. */
export function ingestText(text: string, meta: IngestMeta = {}): Result<Article> {
  const { title, body } = splitTitle(text);
  return buildArticle({
    kind: 'text',
    title: meta.title ?? title,
    blocks: textToBlocks(body),
    url: meta.url ?? null,
    path: meta.path ?? null,
    sourceName: meta.sourceName ?? null,
    publishedAt: meta.publishedAt ?? null,
  });
}
