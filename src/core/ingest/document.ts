/**
 * Format sniffing for documents of unknown type (a file on disk, a fetched URL).
 * Order of evidence: the content type a server declared, the file extension, then the
 * content itself, because servers and file names are wrong less often than guesses.
 */
import type { Article } from '../article/types.js';
import { err, failure, type Result } from '../result.js';
import { ingestHtml } from './html.js';
import { ingestMarkdown } from './markdown.js';
import { ingestText } from './text.js';
import type { DocumentInput, IngestMeta } from './types.js';

/** The formats ingest can read. */
export type DocumentFormat = 'html' | 'markdown' | 'text';

const MARKDOWN_MARKERS: readonly RegExp[] = [
  /^\s{0,3}#{1,6}\s+\S/mu,
  /\[[^\]\n]+\]\([^)\s]+\)/u,
  /(?:^|\s)\*\*[^*\n]+\*\*/u,
  /^\s{0,3}(?:```|~~~)/mu,
  /^\s{0,3}>\s+\S/mu,
];

/** Decides the format of a document from its content type, path/URL extension and content. */
export function sniffFormat(input: DocumentInput): DocumentFormat | 'feed' | 'binary' {
  const type = (input.contentType ?? '').toLowerCase();
  if (/html|xhtml/u.test(type)) return 'html';
  if (/markdown/u.test(type)) return 'markdown';
  if (/(?:rss|atom)\+xml/u.test(type)) return 'feed';
  if (/^(?:image|audio|video|font)\/|application\/(?:pdf|zip|octet-stream|x-)/u.test(type)) return 'binary';
  const name = (input.path ?? (input.url ? safePathname(input.url) : '') ?? '').toLowerCase();
  if (/\.x?html?$/u.test(name)) return 'html';
  if (/\.(?:md|markdown|mdown|mkd)$/u.test(name)) return 'markdown';
  const head = input.content
    .replace(/^\uFEFF/u, '')
    .trimStart()
    .slice(0, 2000)
    .toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<body[\s>]/u.test(head)) return 'html';
  if (/^<\?xml[^>]*>\s*(?:<!--[\s\S]*?-->\s*)*<(?:rss|feed|rdf:rdf)\b/u.test(head) || /^<(?:rss|feed)\b/u.test(head))
    return 'feed';
  if (/\.txt$/u.test(name) || type.startsWith('text/plain')) return 'text';
  return MARKDOWN_MARKERS.some((re) => re.test(input.content)) ? 'markdown' : 'text';
}

function safePathname(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

/** Ingests a document of any supported format. */
export function ingestDocument(input: DocumentInput): Result<Article> {
  const meta: IngestMeta = { url: input.url ?? null, path: input.path ?? null, sourceName: input.sourceName ?? null };
  const format = sniffFormat(input);
  switch (format) {
    case 'html':
      return ingestHtml(input.content, meta);
    case 'markdown':
      return ingestMarkdown(input.content, meta);
    case 'text':
      return ingestText(input.content, meta);
    case 'feed':
      return err(
        failure('unreadable_article', 'This is a news feed, not an article.', {
          hint: 'Add it as a feed instead, or link one of its articles.',
        }),
      );
    case 'binary':
      return err(
        failure('unreadable_article', 'This is not a text or HTML article.', {
          details: { contentType: input.contentType ?? null },
        }),
      );
  }
}
