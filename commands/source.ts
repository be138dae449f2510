/** /source: where the article comes from, so readers can check it themselves. */
import { defineCommand } from '../src/core/commands/define.js';
import { answer, sourceBlock } from '../src/core/reply/build.js';
import type { Block } from '../src/core/reply/types.js';
import { formatDateline } from '../src/core/answers/article-text.js';

export default defineCommand({
  name: 'source',
  description: 'Where the article comes from: title, source, link, date',
  access: 'member',
  category: 'news',
  needs: ['article'],
  options: {},
  examples: ['/source'],
  run({ article: a }) {
    const { article } = a;
    const fields: { name: string; value: string }[] = [
      { name: 'Title', value: article.title ?? '(untitled)' },
      { name: 'Source', value: article.source.name ?? article.dateline?.source ?? 'unknown' },
      {
        name: 'Link',
        value: article.source.url ?? (article.source.path ? `local file ${article.source.path}` : 'none given'),
      },
      { name: 'Published', value: article.publishedAt ?? article.dateline?.date ?? 'not stated' },
    ];
    const dateline = formatDateline(article.dateline);
    if (dateline) fields.push({ name: 'Dateline', value: dateline });
    if (article.tags.length > 0) fields.push({ name: 'Tags', value: article.tags.join(', ') });
    fields.push({ name: 'Article id', value: a.id.slice(0, 12) });
    const blocks: Block[] = [
      { type: 'heading', text: 'Source' },
      { type: 'fields', fields },
    ];
    if (article.source.url) blocks.push(sourceBlock(article));
    return answer(`Source: ${article.title ?? a.id.slice(0, 12)}`, blocks);
  },
});
