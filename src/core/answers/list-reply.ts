/**
 * The answer to "which items does the article list?": shared by /list, /lists and every
 * list command added by configuration, so they all say the same thing the same way.
 */
import type { AnalysedArticle } from '../ports.js';
import type { ListFact } from '../facts/types.js';
import { answer, cite, sourceBlock } from '../reply/build.js';
import type { Block, Reply } from '../reply/types.js';
import { findList } from '../analyse/lists-find.js';

const WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];

/** "8" → "eight"; larger numbers stay digits, as news style writes them. */
export function numberWord(n: number): string {
  return WORDS[n] ?? String(n);
}

/**
 * What the lead says it counts: "... in eight areas" → "areas". Falls back to "items"
 * when the count is not followed by a noun the lead spells out.
 */
export function countedNoun(list: ListFact): string {
  if (list.count === null) return 'items';
  const count = `(?:${numberWord(list.count)}|${list.count})`;
  const m = new RegExp(`\\b${count}\\s+(?:[a-z-]+\\s+)?([a-z-]+s)\\b`, 'i').exec(list.lead);
  return m?.[1]?.toLowerCase() ?? 'items';
}

/** "The article announces eight areas; all eight are listed." or a plain warning. */
export function countCheck(list: ListFact): string {
  const found = list.items.length;
  if (list.count === null)
    return `The article does not say how many there are; ${numberWord(found)} ${found === 1 ? 'is' : 'are'} listed.`;
  const noun = countedNoun(list);
  if (list.count === found)
    return `The article announces ${numberWord(list.count)} ${noun}; all ${numberWord(found)} are listed.`;
  return `Note: the article announces ${numberWord(list.count)} ${noun}, but ${numberWord(found)} ${found === 1 ? 'was' : 'were'} found in the text.`;
}

/** Capitalises the first letter so a lead reads as a heading. */
export function asHeading(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/** A list's name for headings and menus: its lead, or what it is when the lead is empty. */
export function listLabel(list: ListFact): string {
  const lead = list.lead.trim();
  return lead !== '' ? asHeading(lead) : `A list of ${numberWord(list.items.length)} items`;
}

/** Numbered items, the count check and the sentence they come from. */
export function listReply(a: AnalysedArticle, list: ListFact, title?: string): Reply {
  const heading = title ?? listLabel(list);
  const blocks: Block[] = [
    { type: 'heading', text: heading },
    { type: 'list', ordered: true, items: list.items },
    { type: 'text', text: countCheck(list) },
    { type: 'citation', cite: cite(a.article, [list.sentence]) },
    sourceBlock(a.article),
  ];
  return answer(heading, blocks);
}

/** Picks a list by its 1-based number as /lists shows it, or null. */
export function listByNumber(lists: readonly ListFact[], ref: string): ListFact | null {
  if (!/^\d+$/.test(ref.trim())) return null;
  return lists[Number(ref.trim()) - 1] ?? null;
}

/**
 * Picks the list a user means: its number as /lists shows it, else the list whose lead
 * and items share the most topic words with the request.
 */
export function chooseList(lists: readonly ListFact[], ref: string): ListFact | null {
  return listByNumber(lists, ref) ?? findList(lists, ref)?.list ?? null;
}
