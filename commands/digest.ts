/** /digest: the article as a digest, with its sources and a way on to the quotes. */
import { defineCommand } from '../src/core/commands/define.js';
import { digestReply } from '../src/core/answers/digest-reply.js';

export default defineCommand({
  name: 'digest',
  description: 'The article as a digest: headline, summary, key points, people, a quote',
  access: 'member',
  category: 'news',
  needs: ['article'],
  options: {},
  examples: ['/digest'],
  run: ({ article }) => digestReply(article),
});
