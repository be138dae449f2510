/**
 * Ingest: turn text, Markdown, HTML pages, feed items, files and URLs into one `Article`
 * that holds only the story (docs/decisions/005-ingest-boilerplate-rules.md).
 */
export type { IngestMeta, FeedItemInput, FeedCategory, DocumentInput } from './types.js';
export { ingestText } from './text.js';
export { ingestMarkdown } from './markdown.js';
export { ingestHtml, readPageMeta, type PageMeta } from './html.js';
export { ingestFeedItem } from './feed-item.js';
export { ingestDocument, sniffFormat, type DocumentFormat } from './document.js';
export { loadArticle, type FetchedPage, type LoadDeps } from './load.js';
export { splitSentences } from './sentences.js';
export { extractDateline, type DatelineMatch } from './dateline.js';
export { isCaption } from './captions.js';
export { cleanBlocks, type RawBlock, type CleanBody } from './boilerplate.js';
