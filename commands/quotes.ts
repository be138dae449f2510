/** /quotes [speaker]: what people said in the article, verbatim, each with its sentence. */
import { quotesAcross } from '../src/core/answers/across-articles.js';
import { answerAcrossChannel, SCOPE_OPTION } from '../src/core/answers/scope.js';
import { defineCommand } from '../src/core/commands/define.js';
import { noQuotes, peopleHint } from '../src/core/answers/not-a-person.js';
import { findPeople, findSpeakers } from '../src/core/facts/lookup.js';
import { answer, cite, notFound, sourceBlock } from '../src/core/reply/build.js';
import type { Block } from '../src/core/reply/types.js';

export default defineCommand({
  name: 'quotes',
  description: 'Quotes in the article, optionally from one speaker',
  access: 'member',
  category: 'news',
  needs: ['article'],
  options: {
    // `rest`: a full name is several words, and `scope` follows it in the declaration.
    speaker: {
      type: 'string',
      description: 'Only quotes from this person (surname or full name)',
      autocomplete: 'speakers',
      maxLength: 100,
      rest: true,
    },
    scope: SCOPE_OPTION,
  },
  examples: ['/quotes', '/quotes hedman', '/quotes fox scope:channel'],
  async run(ctx) {
    const { args, article: a } = ctx;
    const across = await answerAcrossChannel(ctx, (articles) => quotesAcross(articles, args.speaker));
    if (across) return across;
    const all = a.facts.quotes;
    if (all.length === 0) return noQuotes(a);
    let quotes = all;
    let title = 'Quotes';
    if (args.speaker) {
      const speakers = findSpeakers(a.facts, args.speaker);
      if (speakers.length === 0) {
        const known = [...new Set(all.map((q) => q.speaker).filter((s): s is string => !!s))];
        const quoted: Block = { type: 'text', text: `It quotes: ${known.join(', ')}.` };
        const person = findPeople(a.facts, args.speaker).people[0];
        // Named but never quoted: say so, rather than pretend the name is unknown.
        if (person && !findPeople(a.facts, args.speaker).fuzzy) {
          return notFound(
            `The article names ${person.name} but does not quote them.`,
            [],
            [
              { type: 'text', text: `/who-is ${args.speaker} shows what it says about them.` },
              ...(known.length > 0 ? [quoted] : []),
            ],
          );
        }
        const close = peopleHint(
          a.facts.people.filter((p) => known.includes(p.name)),
          args.speaker,
          'It quotes',
        );
        return notFound(
          `The article quotes nobody called "${args.speaker}".`,
          [],
          close.length > 0 ? close : known.length > 0 ? [quoted] : [],
        );
      }
      quotes = all.filter((q) => q.speaker !== null && speakers.includes(q.speaker));
      title = `Quotes from ${speakers.join(', ')}`;
    }
    const blocks: Block[] = [{ type: 'heading', text: title }];
    for (const q of quotes) {
      const ids = q.sentences && q.sentences.length > 0 ? q.sentences : [q.sentence];
      blocks.push({ type: 'quote', text: q.text, speaker: q.speaker, cite: cite(a.article, ids) });
    }
    blocks.push(sourceBlock(a.article));
    return answer(title, blocks);
  },
});
