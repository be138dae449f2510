/** /list <topic>: one of the article's lists, numbered, with the count check and its sentence. */
import { defineCommand } from '../src/core/commands/define.js';
import { asHeading, chooseList } from '../src/core/answers/list-reply.js';
import { listReply } from '../src/core/answers/list-reply.js';
import { notFound } from '../src/core/reply/build.js';

export default defineCommand({
  name: 'list',
  description: 'One list from the article, by its number in /lists or by topic words',
  access: 'member',
  category: 'lists',
  usesArticle: true,
  options: {
    topic: { type: 'string', description: 'The list number from /lists, or words about it', required: true, autocomplete: 'lists', maxLength: 100 },
  },
  examples: ['/list 1', '/list partnership areas'],
  run({ args, article: a }) {
    const list = chooseList(a.facts.lists, args.topic);
    if (!list) {
      const leads = a.facts.lists.map((l, i) => `${i + 1}. ${asHeading(l.lead)}`);
      return notFound(`The article has no list about "${args.topic}".`, [], leads.length > 0
        ? [{ type: 'text', text: `Its lists: ${leads.join('; ')}.` }]
        : [{ type: 'text', text: 'The article makes no lists.' }]);
    }
    return listReply(a, list);
  },
});
