/** /list <topic>: one of the article's lists, numbered, with the count check and its sentence. */
import { defineCommand } from '../src/core/commands/define.js';
import { chooseList, listLabel, listReply, numberWord } from '../src/core/answers/list-reply.js';
import { clip } from '../src/core/answers/article-text.js';
import { notFound } from '../src/core/reply/build.js';
import type { Block } from '../src/core/reply/types.js';

export default defineCommand({
  name: 'list',
  description: 'One list from the article, by its number in /lists or by topic words',
  access: 'member',
  category: 'lists',
  needs: ['article'],
  options: {
    topic: {
      type: 'string',
      description: 'The list number from /lists, or words about it',
      required: true,
      autocomplete: 'lists',
      maxLength: 100,
    },
  },
  examples: ['/list 1', '/list partnership areas'],
  run({ args, article: a }) {
    const lists = a.facts.lists;
    const list = chooseList(lists, args.topic);
    if (list) return listReply(a, list);
    if (lists.length === 0) return notFound('The article makes no lists.');
    // The same short menu /lists shows, so the user can pick by number.
    const menu: Block = {
      type: 'list',
      ordered: true,
      items: lists.map((l, i) => `${clip(listLabel(l), 100)} — /list ${i + 1}`),
    };
    const n = lists.length;
    const message = /^\s*-?\d+\s*$/.test(args.topic)
      ? `There is no list ${args.topic.trim()}: the article makes ${numberWord(n)} list${n === 1 ? '' : 's'}, numbered 1${n > 1 ? ` to ${n}` : ''}.`
      : `The article has no list about "${args.topic}".`;
    return notFound(message, [], [{ type: 'text', text: 'Its lists:' }, menu]);
  },
});
