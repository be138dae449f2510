/**
 * What `/feeds set <feed> template ...` shows: the channel's newest story filled into the new
 * template, as the blocks a live post would carry (each platform renders them as it would post).
 */
import type { Block } from '../reply/types.js';
import type { HeraldStore } from '../store/repositories.js';
import { storyPost } from './story-post.js';

export async function templatePreview(
  store: Pick<HeraldStore, 'articles' | 'feeds'>,
  channelId: number,
  feedId: number,
  template: string,
): Promise<Block[]> {
  const [newest] = await store.articles.listReceived(channelId, { limit: 1 });
  const stored = newest ? await store.articles.get(newest.articleId) : null;
  if (!stored)
    return [{ type: 'text', text: 'No story has arrived here yet; the first one will be posted in this format.' }];
  const feed = await store.feeds.get(feedId);
  return [...storyPost(stored, { feedName: feed?.title ?? null, template }).reply.blocks];
}
