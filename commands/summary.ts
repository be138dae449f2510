/** /summary: the 2–3 sentences that carry the story, quoted and cited. */
import { defineCommand } from '../src/core/commands/define.js';
import { answer, cite, notFound, sourceBlock } from '../src/core/reply/build.js';

export default defineCommand({
  name: 'summary',
  description: 'The article in two or three sentences',
  access: 'member',
  category: 'news',
  needs: ['article'],
  options: {},
  examples: ['/summary'],
  run({ article: a }) {
    const ids = a.facts.summary.filter((id) => a.article.sentences[id] !== undefined);
    if (ids.length === 0) return notFound('The article has no sentences to summarise.');
    const c = cite(a.article, ids);
    const title = a.article.title ?? 'Summary';
    return answer(title, [
      { type: 'heading', text: title },
      { type: 'text', text: c.text.join(' '), cite: c },
      sourceBlock(a.article),
    ]);
  },
});
