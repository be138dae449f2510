/**
 * One person as one article describes them: role, what they said, what the article says about
 * them, each block citing its sentence. Shared by /who-is for one article and across articles.
 */
import { isSpeaker } from '../facts/lookup.js';
import type { PersonFact } from '../facts/types.js';
import type { AnalysedArticle } from '../ports.js';
import { cite } from '../reply/build.js';
import type { Block } from '../reply/types.js';

/** Enough to answer; more mentions would turn the reply into the article. */
const MAX_MENTIONS = 4;

export interface PersonBlockOptions {
  /** The heading over the entry; default the person's name. */
  readonly heading?: string;
  /** Most other sentences about them to quote; default 4. */
  readonly maxMentions?: number;
}

export function personBlocks(a: AnalysedArticle, p: PersonFact, opts: PersonBlockOptions = {}): Block[] {
  const blocks: Block[] = [{ type: 'heading', text: opts.heading ?? p.name }];
  const intro = p.role ? `${p.name}, ${p.role}.` : `${p.name} (the article gives no role).`;
  blocks.push({
    type: 'text',
    text: intro,
    ...(p.sentence !== null ? { cite: cite(a.article, [p.sentence], a.id) } : {}),
  });
  const fields: { name: string; value: string }[] = [];
  if (p.role) fields.push({ name: 'Role', value: p.role });
  if (p.roleExpanded && p.roleExpanded !== p.role)
    fields.push({ name: 'Role, acronyms expanded', value: p.roleExpanded });
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
    blocks.push({ type: 'quote', text: q.text, speaker: p.name, cite: cite(a.article, ids, a.id) });
  }
  // Other sentences about them: reported speech and actions, which are not quotes.
  const others = p.mentions
    .filter((id) => id !== p.sentence && !quoted.has(id))
    .slice(0, opts.maxMentions ?? MAX_MENTIONS);
  if (others.length > 0) {
    blocks.push({ type: 'heading', text: 'What the article says about them' });
    for (const id of others) blocks.push({ type: 'citation', cite: cite(a.article, [id], a.id) });
  }
  return blocks;
}
