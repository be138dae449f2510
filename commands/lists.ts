/** /lists: every enumeration the article makes, with its lead and how many items it has. */
import { defineCommand } from '../src/core/commands/define.js';
import { countCheck, listLabel } from '../src/core/answers/list-reply.js';
import { answer, notFound, sourceBlock } from '../src/core/reply/build.js';
import type { Block } from '../src/core/reply/types.js';
import { clip } from '../src/core/answers/article-text.js';

export default defineCommand({
  name: 'lists',
  description: 'Every list the article makes, numbered for /list',
  access: 'member',
  category: 'lists',
  needs: ['article'],
  options: {},
  examples: ['/lists'],
  run({ article: a }) {
    const lists = a.facts.lists;
    if (lists.length === 0) return notFound('The article makes no lists.');
    const items = lists.map(
      (l, i) =>
        `${clip(listLabel(l), 100)} (${l.items.length} item${l.items.length === 1 ? '' : 's'}) — /list ${i + 1}`,
    );
    const blocks: Block[] = [
      { type: 'heading', text: `Lists in the article (${lists.length})` },
      // No citation here: each list's own /list answer quotes its sentence.
      { type: 'list', ordered: true, items },
    ];
    const mismatched = lists.filter((l) => l.count !== null && l.count !== l.items.length);
    for (const l of mismatched) blocks.push({ type: 'text', text: `${listLabel(l)}: ${countCheck(l)}` });
    blocks.push(sourceBlock(a.article));
    return answer(`Lists in the article (${lists.length})`, blocks);
  },
});
