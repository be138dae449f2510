/**
 * /articles: the channel's recent articles with their ids, so any article-bound command can pick
 * one (`/summary article:3f2a9c`); the 'articles' autocomplete offers the same list.
 */
import { defineCommand } from '../src/core/commands/define.js';
import { formatInstant } from '../src/core/feeds/describe.js';
import { answer, info } from '../src/core/reply/build.js';
import type { Block } from '../src/core/reply/types.js';

/** Ids are content hashes; 12 characters are plenty to pick one and short enough to type. */
const SHORT_ID = 12;

export default defineCommand({
  name: 'articles',
  description: 'The recent articles of this channel, with ids to pick one',
  access: 'member',
  category: 'news',
  examples: ['/articles', '/articles 20'],
  options: { count: { type: 'integer', min: 1, max: 25, description: 'How many (default 10)' } },
  async run({ args, where, services }) {
    const recent = await services.library.recent(where, args.count ?? 10);
    if (recent.length === 0)
      return info('This channel has no articles yet.', [
        { type: 'text', text: 'An admin can add a feed with /feeds add <url>.' },
      ]);
    const items = recent.map((a) => {
      const when = a.publishedAt ? ` (${formatInstant(a.publishedAt)})` : '';
      return `${a.id.slice(0, SHORT_ID)} — ${a.title ?? '(untitled)'}${when}${a.url ? ` — ${a.url}` : ''}`;
    });
    const blocks: Block[] = [
      { type: 'list', ordered: true, items },
      {
        type: 'text',
        text: 'Use a number or an id with any article command, e.g. /summary article:1 or /summary article:<id>.',
      },
    ];
    return answer(`Recent articles (${recent.length})`, blocks);
  },
});
