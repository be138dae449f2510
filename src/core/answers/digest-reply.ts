/**
 * An article as a digest: headline, dateline, summary, key points, who's who, a notable
 * quote and the source. Built here rather than in commands/digest.ts so scheduled digests
 * (a later issue) post exactly what /digest shows.
 */
import type { AnalysedArticle } from '../ports.js';
import { answer, cite, sourceBlock } from '../reply/build.js';
import type { Block, Button, Reply } from '../reply/types.js';
import { clip, formatDateline } from './article-text.js';
import { asHeading } from './list-reply.js';
import { isLiveBlog, isStorySentence } from '../digest/key-points.js';

export interface DigestOptions {
  /** How many key points at most (config `digest.maxKeyPoints`). */
  readonly maxKeyPoints?: number;
  /** How many people in "Who's who" at most. */
  readonly maxPeople?: number;
}

/**
 * Sentences that are neither summary nor quote, one a paragraph: each paragraph adds one point.
 * Only whole story sentences qualify (digest/key-points.ts). A live blog's paragraphs are its
 * entries, newest first, so its points are its latest entries.
 */
function keyPointIds(a: AnalysedArticle, max: number, live: boolean): number[] {
  const skip = new Set<number>(live ? [] : a.facts.summary);
  for (const q of a.facts.quotes) for (const id of q.sentences ?? [q.sentence]) skip.add(id);
  const ids: number[] = [];
  for (const p of a.article.paragraphs) {
    const first = p.sentenceIds.find((id) => !skip.has(id) && isStorySentence(a.article.sentences[id]?.text ?? ''));
    // A paragraph whose lead sentence is already summarised has been said.
    if (first === undefined || skip.has(p.sentenceIds[0]!)) continue;
    ids.push(first);
    if (ids.length >= max) break;
  }
  return ids;
}

export function digestReply(a: AnalysedArticle, opts: DigestOptions = {}): Reply {
  const { article, facts } = a;
  const headline = article.title ?? facts.title ?? 'Article digest';
  const blocks: Block[] = [{ type: 'heading', text: headline }];
  const dateline = formatDateline(article.dateline ?? facts.dateline);
  if (dateline) blocks.push({ type: 'text', text: dateline });

  const live = isLiveBlog(article);
  // A live blog has no lead to summarise: say what it is, and give its latest entries as points.
  if (live) blocks.push({ type: 'text', text: 'This is a live blog: the key points are its latest entries.' });
  const summary = live ? [] : facts.summary.filter((id) => article.sentences[id] !== undefined);
  if (summary.length > 0) {
    const c = cite(article, summary);
    blocks.push({ type: 'text', text: c.text.join(' '), cite: c });
  }

  const max = opts.maxKeyPoints ?? 4;
  // Announced lists are key points, unless the summary already quotes their sentence.
  const lists = facts.lists
    .filter((l) => l.count !== null && l.items.length > 0 && !facts.summary.includes(l.sentence))
    .slice(0, max);
  const listPoints = lists.map((l) => `${asHeading(l.lead)}: ${l.items.join('; ')}.`);
  // A sentence already shown as a list is not repeated as a point; points are whole sentences.
  const listSentences = new Set(lists.map((l) => l.sentence));
  const points = keyPointIds(a, max + listSentences.size, live)
    .filter((id) => !listSentences.has(id))
    .slice(0, max - listPoints.length);
  const pointTexts = [...listPoints, ...points.map((id) => article.sentences[id]!.text)];
  if (pointTexts.length > 0) {
    const ids = [...lists.map((l) => l.sentence), ...points];
    blocks.push({ type: 'list', ordered: false, title: 'Key points', items: pointTexts, cite: cite(article, ids) });
  }

  const people = facts.people.filter((p) => p.role).slice(0, opts.maxPeople ?? 6);
  if (people.length > 0) {
    blocks.push({ type: 'heading', text: "Who's who" });
    blocks.push({
      type: 'fields',
      fields: people.map((p) => ({ name: p.name, value: p.roleExpanded ?? p.role ?? '', inline: true })),
    });
  }

  const quote = facts.quotes.find((q) => q.speaker) ?? facts.quotes[0];
  if (quote) {
    blocks.push({
      type: 'quote',
      text: quote.text,
      speaker: quote.speaker,
      cite: cite(article, quote.sentences ?? [quote.sentence]),
    });
  }

  blocks.push(sourceBlock(article));
  const buttons: Button[] = [];
  if (facts.quotes.length > 0)
    buttons.push({ kind: 'command', label: 'More quotes', command: 'quotes', args: { article: a.id.slice(0, 12) } });
  if (article.source.url) buttons.push({ kind: 'link', label: 'Read the source', url: article.source.url });
  if (buttons.length > 0) blocks.push({ type: 'buttons', buttons });
  return answer(headline, blocks);
}
