/**
 * Small builders so commands read like what they answer. They only assemble data.
 */
import type { Article } from '../article/types.js';
import type { Block, Citation, Reply } from './types.js';
import type { Failure } from '../result.js';

export function cite(article: Article, sentenceIds: readonly number[], articleId?: string): Citation {
  const ids = [...new Set(sentenceIds)].filter((id) => article.sentences[id] !== undefined).sort((a, b) => a - b);
  return {
    sentenceIds: ids,
    text: ids.map((id) => article.sentences[id]!.text),
    articleTitle: article.title,
    url: article.source.url,
    articleId: articleId ?? article.id,
  };
}

export function sourceBlock(article: Article): Block {
  return { type: 'source', title: article.title, url: article.source.url, name: article.source.name };
}

export function answer(title: string, blocks: readonly Block[], opts: { ephemeral?: boolean } = {}): Reply {
  return { kind: 'answer', ephemeral: opts.ephemeral ?? false, title, blocks };
}

export function info(title: string, blocks: readonly Block[], opts: { ephemeral?: boolean } = {}): Reply {
  return { kind: 'info', ephemeral: opts.ephemeral ?? true, title, blocks };
}

/** "The article does not say": a plain, ephemeral answer, with suggestions when we have some. */
export function notFound(message: string, suggestions: readonly string[] = [], extra: readonly Block[] = []): Reply {
  const blocks: Block[] = [{ type: 'text', text: message }];
  if (suggestions.length > 0) blocks.push({ type: 'text', text: `Did you mean: ${suggestions.join(', ')}?` });
  blocks.push(...extra);
  return { kind: 'not_found', ephemeral: true, title: message, blocks, code: 'not_found' };
}

export function failureReply(f: Failure, ref?: string): Reply {
  const blocks: Block[] = [{ type: 'text', text: f.message }];
  if (f.hint) blocks.push({ type: 'text', text: f.hint });
  if (ref) blocks.push({ type: 'text', text: `Reference: ${ref}` });
  return {
    kind: f.code === 'not_found' ? 'not_found' : 'error',
    ephemeral: true,
    title: f.message,
    blocks,
    code: f.code,
    ...(ref ? { ref } : {}),
  };
}

/**
 * The blocks an adapter shows: a reply with no heading of its own gets its title as one
 * ("Schedule #1 added."), so confirmations never arrive as a bare detail block.
 */
export function displayBlocks(reply: Reply): readonly Block[] {
  const titled =
    (reply.kind === 'answer' || reply.kind === 'info') &&
    reply.title.trim() !== '' &&
    !reply.blocks.some((b) => b.type === 'heading');
  const repeats = reply.blocks[0]?.type === 'text' && reply.blocks[0].text.trim() === reply.title.trim();
  return titled && !repeats ? [{ type: 'heading', text: reply.title.trim() }, ...reply.blocks] : reply.blocks;
}
