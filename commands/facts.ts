/** /facts: the numbers and dates the article states, each with the sentence that gives it context. */
import { defineCommand } from '../src/core/commands/define.js';
import { answer, cite, notFound, sourceBlock } from '../src/core/reply/build.js';
import type { Block } from '../src/core/reply/types.js';

export default defineCommand({
  name: 'facts',
  description: 'Numbers and dates in the article, each with its sentence',
  access: 'member',
  category: 'news',
  needs: ['article'],
  options: {},
  examples: ['/facts'],
  run({ article: a }) {
    // Grouped by sentence: one sentence often carries several figures, and quoting it
    // once reads better than repeating it for each.
    const bySentence = new Map<number, string[]>();
    for (const n of a.facts.numbers) {
      if (!a.article.sentences[n.sentence]) continue;
      const texts = bySentence.get(n.sentence) ?? [];
      if (!texts.includes(n.text)) texts.push(n.text);
      bySentence.set(n.sentence, texts);
    }
    if (bySentence.size === 0) return notFound('The article states no numbers or dates.');
    const blocks: Block[] = [{ type: 'heading', text: 'Numbers and dates' }];
    for (const [id, texts] of [...bySentence.entries()].sort((x, y) => x[0] - y[0])) {
      blocks.push({ type: 'text', text: texts.join(' · '), cite: cite(a.article, [id]) });
    }
    blocks.push(sourceBlock(a.article));
    return answer(`Numbers and dates: ${a.article.title ?? 'article'}`, blocks);
  },
});
