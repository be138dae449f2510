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
      if (
        isHeading(rawLine) ||
        (line.length >= WRAPPED_LINE_MIN && !endsLikeSentence(line) && looksLikeHeadline(line))
      ) {
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

/** Release labels that open a press release above its headline. */
const RELEASE_LABEL =
  /^(?:for immediate release|(?:news|press|media) release|media advisory|news advisory|for release)\b/iu;
/** Masthead lines between the label and the headline: dates, contacts, release numbers, phones. */
const MASTHEAD =
  /^(?:contacts?(?:\b|(?=\p{Lu}))|release\s*(?:no|number)\b|media contact)|^\W*(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d/iu;
/** How far down a release label may sit (an agency name can come first). */
const LABEL_WINDOW = 4;

function isMasthead(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '').length;
  return RELEASE_LABEL.test(line) || MASTHEAD.test(line) || letters < line.length * 0.4;
}

/**
 * Splits off the title: the first non-empty line, unless a release label ("FOR IMMEDIATE
 * RELEASE", "News Release") opens the text; then the masthead above the headline is
 * skipped and the first headline-like line after the label is the title.
 */
export function splitTitle(text: string): { title: string | null; body: string } {
  const normalised = text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  const lines = normalised.split('\n');
  const nonEmpty = lines.map((l, i) => ({ line: l.trim(), i })).filter((l) => l.line !== '');
  if (nonEmpty.length === 0) return { title: null, body: '' };
  const label = nonEmpty.slice(0, LABEL_WINDOW).findIndex((l) => RELEASE_LABEL.test(l.line));
  let pick = nonEmpty[0]!;
  if (label >= 0) {
    const headline = nonEmpty.slice(label + 1, label + 8).find((l) => !isMasthead(l.line) && looksLikeHeadline(l.line));
    if (headline) pick = headline;
  }
  if (label < 0 && isProseLine(pick.line)) return { title: null, body: lines.join('\n') };
  return { title: pick.line, body: lines.slice(pick.i + 1).join('\n') };
}

/** A sentence end followed by the start of another: "… esperada. La competencia …", "…蔓延。他说…". */
const INNER_SENTENCE_BREAK = /[.!?]["'”’»)]*\s+["“„«¿¡]?\p{Lu}|[。！？]["”’」』）]*\S/u;
/** Longer than any headline: wire copy's first paragraph, never a title. */
const LONGEST_HEADLINE = 200;

/**
 * A first line that is prose, not a headline: it ends like a sentence and either holds a
 * second sentence or is longer than any headline. Wire copy with no headline (one paragraph,
 * or paragraphs only) starts so, in any language.
 */
export function isProseLine(line: string): boolean {
  return endsLikeSentence(line) && (line.length > LONGEST_HEADLINE || INNER_SENTENCE_BREAK.test(line));
}

/** Ingests plain text whose first line is the title, unless that line is already the story. */
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
