/** /who-is <name>: who a person in the article is, what they said and what they did. */
import { whoIsAcross } from '../src/core/answers/across-articles.js';
import { personBlocks } from '../src/core/answers/person-blocks.js';
import { answerAcrossChannel, SCOPE_OPTION } from '../src/core/answers/scope.js';
import { defineCommand } from '../src/core/commands/define.js';
import { noSuchPerson } from '../src/core/answers/not-a-person.js';
import { findPeople } from '../src/core/facts/lookup.js';
import { answer, sourceBlock } from '../src/core/reply/build.js';
import type { Block } from '../src/core/reply/types.js';

export default defineCommand({
  name: 'who-is',
  description: 'Who is this person in the article?',
  access: 'member',
  category: 'news',
  needs: ['article'],
  options: {
    // `rest`: a full name is several words, and `scope` follows it in the declaration.
    name: {
      type: 'string',
      description: 'A name as the article gives it: surname, full name, any case',
      required: true,
      autocomplete: 'people',
      maxLength: 100,
      rest: true,
    },
    scope: SCOPE_OPTION,
  },
  examples: ['/who-is hedman', '/who-is niklas hedman', '/who-is fox scope:channel'],
  async run(ctx) {
    const { args, article: a } = ctx;
    const across = await answerAcrossChannel(ctx, (articles) => whoIsAcross(articles, args.name));
    if (across) return across;
    const match = findPeople(a.facts, args.name);
    if (match.people.length === 0) return noSuchPerson(a, args.name);
    const blocks: Block[] = match.people.flatMap((p, i) =>
      i === 0 ? personBlocks(a, p) : [{ type: 'divider' } as const, ...personBlocks(a, p)],
    );
    blocks.push(sourceBlock(a.article));
    const first = match.people[0]!;
    return answer(first.role ? `${first.name}, ${first.role}` : first.name, blocks);
  },
});
