/** /summary: the 2–3 sentences that carry the story, quoted and cited. */
import { defineCommand } from '../src/core/commands/define.js';
import { languageName } from '../src/core/lang/names.js';
import { answer, cite, notFound, sourceBlock } from '../src/core/reply/build.js';
import type { Block } from '../src/core/reply/types.js';

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
    const language = a.article.language;
    // Herald's own words stay English; the reader is told what language the story is in.
    const named: Block[] =
      language !== undefined && language !== 'en' && language !== 'und'
        ? [{ type: 'text', text: `Language: ${languageName(language)}` }]
        : [];
    return answer(title, [
      { type: 'heading', text: title },
      ...named,
      { type: 'text', text: c.text.join(' '), cite: c },
      sourceBlock(a.article),
    ]);
  },
});
