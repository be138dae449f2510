/** /who-is <name>: who a person in the article is, what they said and what they did. */
import { defineCommand } from '../src/core/commands/define.js';
import { closestPeople, findPeople, isSpeaker } from '../src/core/facts/lookup.js';
import type { PersonFact } from '../src/core/facts/types.js';
import type { AnalysedArticle } from '../src/core/ports.js';
import { answer, cite, notFound, sourceBlock } from '../src/core/reply/build.js';
import type { Block } from '../src/core/reply/types.js';

/** Enough to answer; more mentions would turn the reply into the article. */
const MAX_MENTIONS = 4;

function personBlocks(a: AnalysedArticle, p: PersonFact): Block[] {
  const blocks: Block[] = [{ type: 'heading', text: p.name }];
  const intro = p.role ? `${p.name}, ${p.role}.` : `${p.name} (the article gives no role).`;
  blocks.push({ type: 'text', text: intro, ...(p.sentence !== null ? { cite: cite(a.article, [p.sentence]) } : {}) });
  const fields: { name: string; value: string }[] = [];
  if (p.role) fields.push({ name: 'Role', value: p.role });
  if (p.roleExpanded && p.roleExpanded !== p.role) fields.push({ name: 'Role, acronyms expanded', value: p.roleExpanded });
  if (p.organization) fields.push({ name: 'Organisation', value: p.organization });
  if (p.aliases.length > 0) fields.push({ name: 'Also called', value: p.aliases.join(', ') });
  if (fields.length > 0) blocks.push({ type: 'fields', fields });

  const quotes = a.facts.quotes.filter((q) => isSpeaker(p, q.speaker));
  const quoted = new Set<number>();
  if (quotes.length > 0) blocks.push({ type: 'heading', text: 'What they said' });
  for (const q of quotes) {
    const ids = q.sentences && q.sentences.length > 0 ? q.sentences : [q.sentence];
    ids.forEach((id) => quoted.add(id));
    if (q.attributionSentence != null) quoted.add(q.attributionSentence);
    blocks.push({ type: 'quote', text: q.text, speaker: p.name, cite: cite(a.article, ids) });
  }
  // Other sentences about them: reported speech and actions, which are not quotes.
  const others = p.mentions.filter((id) => id !== p.sentence && !quoted.has(id)).slice(0, MAX_MENTIONS);
  if (others.length > 0) {
    blocks.push({ type: 'heading', text: 'What the article says about them' });
    for (const id of others) blocks.push({ type: 'citation', cite: cite(a.article, [id]) });
  }
  return blocks;
}

export default defineCommand({
  name: 'who-is',
  description: 'Who is this person in the article?',
  access: 'member',
  category: 'news',
  usesArticle: true,
  options: {
    name: { type: 'string', description: 'A name as the article gives it: surname, full name, any case', required: true, autocomplete: 'people', maxLength: 100 },
  },
  examples: ['/who-is hedman', '/who-is niklas hedman'],
  run({ args, article: a }) {
    const match = findPeople(a.facts, args.name);
    if (match.people.length === 0) {
      return notFound(`The article does not mention "${args.name}".`, closestPeople(a.facts, args.name));
    }
    const blocks: Block[] = match.people.flatMap((p, i) => (i === 0 ? personBlocks(a, p) : [{ type: 'divider' } as const, ...personBlocks(a, p)]));
    blocks.push(sourceBlock(a.article));
    const first = match.people[0]!;
    return answer(first.role ? `${first.name}, ${first.role}` : first.name, blocks);
  },
});
