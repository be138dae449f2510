/**
 * The one place an `Article` is assembled, whatever the input format: boilerplate cleanup,
 * dateline, sentence split, stable ids and the content hash.
 */
import { createHash } from 'node:crypto';
import type { Article, ArticleSource, Dateline, Paragraph, Sentence } from '../article/types.js';
import { err, failure, ok, type Result } from '../result.js';
import { cleanBlocks, type RawBlock } from './boilerplate.js';
import { extractDateline } from './dateline.js';
import { normaliseSpace } from './normalise.js';
import { detectLanguage } from '../lang/detect.js';
import { isCjkText, splitSentencesIn } from '../lang/sentences.js';
import { splitSentences } from './sentences.js';

/** Everything a format-specific reader found, before cleanup. */
export interface ArticleDraft {
  readonly kind: ArticleSource['kind'];
  readonly title: string | null;
  readonly blocks: readonly RawBlock[];
  readonly url?: string | null;
  readonly path?: string | null;
  readonly sourceName?: string | null;
  readonly publishedAt?: string | null;
  readonly tags?: readonly string[];
  readonly guid?: string | null;
}

/** Parses any date string into ISO 8601; null when it is not a date. */
export function toIsoDate(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function hostName(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).hostname.replace(/^www\./u, '') || null;
  } catch {
    return null;
  }
}

/** Turns a draft into an Article; `unreadable_article` when no story text survives cleanup. */
export function buildArticle(draft: ArticleDraft): Result<Article> {
  const body = cleanBlocks(draft.blocks);
  let dateline: Dateline | null = null;
  const texts = [...body.paragraphs];
  if (texts[0] !== undefined) {
    const found = extractDateline(texts[0]);
    if (found) {
      dateline = found.dateline;
      texts[0] = found.rest;
    }
  }

  const title = draft.title ? normaliseSpace(draft.title) || null : null;
  const language = detectLanguage([title ?? '', ...texts].join('\n'));
  // English (and text too short to tell) keeps wink's splitter; other languages their own rules.
  const splitParagraph = (text: string): string[] =>
    language === 'en' || (language === 'und' && !isCjkText(text))
      ? splitSentences(text)
      : splitSentencesIn(language, text);
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  for (const text of texts) {
    const split = splitParagraph(text);
    if (split.length === 0) continue;
    const index = paragraphs.length;
    const ids = split.map((s) => {
      const id = sentences.length;
      sentences.push({ id, paragraph: index, text: s });
      return id;
    });
    paragraphs.push({ index, text: split.join(' '), sentenceIds: ids });
  }

  if (sentences.length === 0) {
    return err(
      failure('unreadable_article', 'No story text was found in this article.', {
        hint: 'Try the article page itself, or paste the text.',
        details: { kind: draft.kind, title, url: draft.url ?? null, path: draft.path ?? null },
      }),
    );
  }

  const tags: string[] = [];
  for (const t of [...(draft.tags ?? []), ...body.tags]) {
    const clean = normaliseSpace(t).replace(/^#/u, '');
    if (clean !== '' && !tags.some((x) => x.toLowerCase() === clean.toLowerCase())) tags.push(clean);
  }
  const url = draft.url ?? null;
  const id = createHash('sha256')
    .update(paragraphs.map((p) => p.text).join('\n'), 'utf8')
    .digest('hex');
  const source: ArticleSource = {
    name: draft.sourceName ?? dateline?.source ?? hostName(url),
    url,
    kind: draft.kind,
    ...(draft.path ? { path: draft.path } : {}),
  };
  return ok({
    id,
    title,
    source,
    publishedAt: toIsoDate(draft.publishedAt),
    dateline,
    paragraphs,
    sentences,
    tags,
    language,
    ...(draft.guid !== undefined ? { guid: draft.guid } : {}),
  });
}
