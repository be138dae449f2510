/**
 * Markdown: strip the syntax, keep the words, then the plain-text pipeline. A hand-rolled
 * stripper is enough here because we only need prose back, never a faithful rendering;
 * constructs we do not recognise survive as literal text, which is harmless.
 */
import type { Article } from '../article/types.js';
import type { Result } from '../result.js';
import { buildArticle } from './build-article.js';
import { splitTitle, textToBlocks } from './text.js';
import type { IngestMeta } from './types.js';

const ATX_HEADING = /^\s{0,3}#{1,6}\s+/u;

/** Removes inline Markdown: images, links, emphasis, code spans, autolinks, HTML tags. */
export function stripInlineMarkdown(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/gu, '')
    .replace(/!\[[^\]]*\]\[[^\]]*\]/gu, '')
    .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/gu, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/gu, '$1')
    .replace(/<((?:https?:\/\/|mailto:)[^>\s]+)>/gu, '$1')
    .replace(/<\/?[a-z][^>]*>/giu, '')
    .replace(/`([^`]+)`/gu, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/gu, '$2')
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*]*?\S)\*(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/gu, '$1');
}

/** Strips block-level Markdown line by line; headings keep a `# ` marker so they can be flagged. */
function stripBlocks(body: string): string {
  const out: string[] = [];
  let inFence = false;
  for (const raw of body.split('\n')) {
    if (/^\s*(?:```|~~~)/u.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(raw);
      continue;
    }
    // Reference definitions, horizontal rules and setext underlines carry no prose.
    if (/^\s{0,3}\[[^\]]+\]:\s+\S/u.test(raw)) continue;
    if (/^\s{0,3}(?:[-*_]\s*){3,}$/u.test(raw) || /^\s{0,3}=+\s*$/u.test(raw)) {
      out.push('');
      continue;
    }
    let line = raw.replace(/^\s{0,3}(?:>\s?)+/u, '');
    line = line.replace(/^\s*(?:[-*+]|\d{1,3}[.)])\s+(?=\S)/u, '');
    const heading = ATX_HEADING.test(line);
    line = stripInlineMarkdown(line.replace(ATX_HEADING, '').replace(/\s+#+\s*$/u, ''));
    out.push(heading ? `# ${line}` : line);
  }
  return out.join('\n');
}

/** Ingests Markdown whose first line is the title (a leading `#` is stripped from it). */
export function ingestMarkdown(markdown: string, meta: IngestMeta = {}): Result<Article> {
  const { title, body } = splitTitle(markdown);
  const cleanTitle =
    title === null ? null : stripInlineMarkdown(title.replace(ATX_HEADING, '').replace(/\s+#+\s*$/u, '')).trim();
  const blocks = textToBlocks(stripBlocks(body), (line) => /^# /u.test(line)).map((b) =>
    b.heading ? { text: b.text.replace(/^# /u, ''), heading: true } : b,
  );
  return buildArticle({
    kind: 'markdown',
    title: meta.title ?? cleanTitle,
    blocks,
    url: meta.url ?? null,
    path: meta.path ?? null,
    sourceName: meta.sourceName ?? null,
    publishedAt: meta.publishedAt ?? null,
  });
}
