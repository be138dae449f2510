/**
 * Enumerations inside sentences. Two shapes:
 * - announced: a trigger ("including", "such as", "includes", a colon) opens the list and
 *   the words before it are the lead, which may state the count ("in four fields");
 * - unannounced: "A, B, C and D" phrases found around separators, kept only when the items
 *   are parallel (all noun phrases or all verb phrases).
 * Items are verbatim slices of the sentence; a stated count chooses between the readings
 * of a trailing "and" (inside the last item or between the last two).
 */
import type { ListFact } from '../facts/types.js';
import type { AnnotatedArticle, AnnotatedSentence, Token } from '../nlp/annotate.js';
import { announcedCount } from './lists-count.js';
import { isItemComma } from './lists-commas.js';
import { clauseLead, clauseStart, leadStart, leadText, subjectLead } from './lists-lead.js';
import {
  cutLastItem,
  innerConj,
  isConj,
  isHardStop,
  itemLike,
  splitAtConj,
  splitChunks,
  regionEnd,
  participleModifier,
  splitNamePairs,
  startsWithVerb,
  trimItem,
  walkBackFirst,
  type Span,
} from './lists-segment.js';
import { notAList } from './lists-reject.js';
import { alike, isRange, spansTwoClauses } from './lists-shape.js';
import { predicateSeries, semicolonSeries, type Series } from './lists-series.js';

interface Trigger {
  /** Last token of the lead (inclusive). */
  readonly leadLast: number;
  /** First token of the list body. */
  readonly bodyFirst: number;
  /** "like"/"such as"/"including" give examples of the noun before them. */
  readonly examples: boolean;
}

const LEAD_PRONOUNS = new Set(['this', 'these', 'it', 'they', 'those', 'that']);

/** All lists of an annotated article, in reading order. */
export function extractLists(doc: AnnotatedArticle): ListFact[] {
  const lists: ListFact[] = [];
  doc.sentences.forEach((s, i) => lists.push(...listsInSentence(s, doc.sentences[i - 1]?.text ?? null)));
  return lists;
}

/** Lists of one sentence; `previous` gives "This includes:" leads their antecedent. */
export function listsInSentence(s: AnnotatedSentence, previous: string | null = null): ListFact[] {
  const tokens = s.tokens;
  const used = new Array<boolean>(tokens.length).fill(false);
  const found: { at: number; fact: ListFact }[] = [];
  const semi = tokens.findIndex((t) => t.text === ';');
  const series = semi > 0 ? semicolonSeries(tokens, semi) : null;
  if (series) found.push({ at: series.items[0]!.first, fact: seriesFact(s, series, used) });
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const trigger = triggerAt(tokens, i);
    if (!trigger) continue;
    const fact = announced(s, trigger, used, previous);
    if (fact) found.push({ at: i, fact });
  }
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (used[i] || t.entity !== null || (t.text !== ';' && !isItemComma(tokens, i))) continue;
    const predicates = t.text === ',' ? predicateSeries(tokens, i, floorBefore(used, i)) : null;
    if (predicates && !predicates.items.some((p) => used[p.first] || used[p.last])) {
      found.push({ at: i, fact: seriesFact(s, predicates, used) });
      continue;
    }
    const fact = unannounced(s, i, used);
    if (fact) found.push({ at: i, fact });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.fact);
}

const INCLUDE_VERBS = new Set(['include', 'includes', 'included', 'comprises', 'comprise', 'comprising']);

// Runs on every token: plain helpers, not closures made per call (the tsx/esbuild name
// helper made those the single largest cost of list extraction).
function skipColon(tokens: readonly Token[], at: number): number {
  return tokens[at]?.text === ':' ? at + 1 : at;
}

function beforeComma(tokens: readonly Token[], at: number): number {
  return tokens[at]?.text === ',' ? at - 1 : at;
}

function triggerAt(tokens: readonly Token[], i: number): Trigger | null {
  const t = tokens[i]!;
  const norm = t.norm;
  if (norm === 'including' || norm === 'namely' || (norm === 'like' && t.pos === 'ADP')) {
    return { leadLast: beforeComma(tokens, i - 1), bodyFirst: skipColon(tokens, i + 1), examples: true };
  }
  if (INCLUDE_VERBS.has(norm) && t.pos === 'VERB')
    return { leadLast: i, bodyFirst: skipColon(tokens, i + 1), examples: false };
  const next = tokens[i + 1]?.norm;
  if ((norm === 'such' && next === 'as') || ((norm === 'consisting' || norm === 'consists') && next === 'of')) {
    return {
      leadLast: norm === 'such' ? beforeComma(tokens, i - 1) : i + 1,
      bodyFirst: skipColon(tokens, i + 2),
      examples: norm === 'such',
    };
  }
  if (t.text === ':' && i > 0) return { leadLast: i - 1, bodyFirst: i + 1, examples: false };
  return null;
}

function announced(s: AnnotatedSentence, trigger: Trigger, used: boolean[], previous: string | null): ListFact | null {
  const tokens = s.tokens;
  const end = regionEnd(tokens, trigger.bodyFirst);
  if (end < trigger.bodyFirst) return null;
  const { chunks, explicitFinal } = splitChunks(tokens, trigger.bodyFirst, end);
  let kept = chunks;
  let final = explicitFinal;
  const broken = chunks.findIndex((c, k) => k < chunks.length - 1 && !itemLike(tokens, c, 16));
  if (broken >= 0) {
    kept = chunks.slice(0, broken + 1);
    final = false;
  }
  const tail = kept[kept.length - 1]!;
  const tailHead = tokens[tail.first]!;
  const othersVerbal = kept.slice(0, -1).every((c) => startsWithVerb(tokens, c));
  // "handwash/VERB and flour": a verb right before "and" has no object; a tagging slip.
  const clauseTail =
    tailHead.pos === 'VERB' &&
    !isConj(tokens[tail.first + 1]) &&
    !othersVerbal &&
    !tailHead.norm.endsWith('ing') &&
    !participleModifier(tokens, tail.first);
  if (kept.length > 1 && (tailHead.pos === 'AUX' || clauseTail)) {
    kept = kept.slice(0, -1);
    final = false;
  }
  if (kept.length === 0) return null;
  let leadLast = trigger.leadLast;
  while (leadLast > 0 && (isHardStop(tokens[leadLast]!) || tokens[leadLast]!.text === ',')) leadLast--;
  const leadFirst = leadStart(tokens, leadLast);
  const count = announcedCount(tokens, leadFirst, leadLast);
  const items = segment(tokens, kept, final, count);
  // After "like"/"such as"/"including", two names are examples, not two names in a row.
  if (!items || items.length < 2 || (!trigger.examples && trivial(tokens, items))) return null;
  if (notAList(tokens, items)) return reject(used, items);
  // A stated count the items confirm outweighs their shape; otherwise they must be alike,
  // though a serial ", and" list may mix gerunds with nouns ("a landing, enhancing a fleet").
  if (!(count !== null && count === items.length) && !alike(tokens, items, !final)) return null;
  const listLast = items[items.length - 1]!.last;
  let lead = (trigger.examples && subjectLead(s, leadLast, listLast)) || clauseLead(s, leadLast);
  if (!lead) return null;
  const firstWord = tokens[leadFirst]?.norm ?? '';
  if (previous && LEAD_PRONOUNS.has(firstWord) && leadLast - leadFirst < 3)
    lead = `${previous.replace(/[.\s]+$/, '')} — ${lead}`;
  mark(used, leadFirst, items[items.length - 1]!.last);
  return fact(s, lead, count, items);
}

function unannounced(s: AnnotatedSentence, sepAt: number, used: boolean[]): ListFact | null {
  const tokens = s.tokens;
  let end = Math.min(regionEnd(tokens, sepAt + 1), bracketEnd(tokens, sepAt + 1));
  const usedAfter = used.indexOf(true, sepAt + 1);
  if (usedAfter >= 0) end = Math.min(end, usedAfter - 1);
  // ", and" after a single separator joins two clauses, not a list.
  if (end <= sepAt || tokens[sepAt + 1]!.pos === 'CCONJ') return null;
  const { chunks, explicitFinal } = splitChunks(tokens, sepAt + 1, end, tokens[sepAt]!.text as ',' | ';');
  const after: Span[] = [];
  let final = false;
  for (let k = 0; k < chunks.length; k++) {
    const c = chunks[k]!;
    const isLast = k === chunks.length - 1;
    if (isLast) {
      final = explicitFinal;
      after.push(c);
      break;
    }
    if (tokens[c.first]!.pos === 'CCONJ') return null;
    after.push(c);
    if (!itemLike(tokens, c, itemLength(tokens, c))) break;
    if (closesSeries(tokens, sepAt, after, chunks[k + 1]!, explicitFinal)) break;
  }
  if (after.length === 0) return null;
  const lastRaw = cutLastItem(tokens, after[after.length - 1]!);
  const middles = after.slice(0, -1);
  if (middles.some((m) => !itemLike(tokens, m, itemLength(tokens, m)))) return null;
  if (!final && innerConj(tokens, lastRaw) < 0) return null;
  const floor = floorBefore(used, sepAt);
  const first = walkBackFirst(tokens, sepAt - 1, [...middles, lastRaw], floor);
  if (!first || !itemLike(tokens, first, itemLength(tokens, first)) || isRange(tokens, first)) return null;
  if (spansTwoClauses(tokens, clauseStart(tokens, Math.max(0, first.first - 1)), first, lastRaw)) return null;
  const segmented = segment(tokens, [first, ...middles, lastRaw], final, null);
  const items = segmented && withoutTrailingInfinitive(tokens, segmented);
  if (!items || items.length < 3) return null;
  // Marked as used so a later comma of the same series does not start a shorter "list".
  if (notAList(tokens, items)) return reject(used, items);
  if (!alike(tokens, items)) return null;
  let lead = first.first > 0 ? clauseLead(s, first.first - 1) : '';
  // A list in subject position ("A, B and C are ...") is announced by what follows it.
  if (!lead)
    lead = leadText(s, items[items.length - 1]!.last + 1, regionEnd(tokens, items[items.length - 1]!.last + 1));
  // The last item stays open to a list nested in it ("smoke from fires in A, B, and C").
  mark(used, first.first, items[items.length - 1]!.first);
  return fact(s, lead, null, items);
}

/** Longest item of an unannounced list: a pair ("minister A and minister B") may run longer. */
function itemLength(tokens: readonly Token[], span: Span): number {
  return innerConj(tokens, span) >= 0 ? 12 : 8;
}

/**
 * "cite any person, animal, profession or place, per the rules": a middle chunk holding the
 * series' first "and"/"or" closes it, unless the items are pairs ("A and B, C and D, E and F",
 * shown in the item before the first separator) or a final ", and" is still to come. A next
 * chunk that opens with anything but a noun phrase ("per the rules", "with the aim", "and
 * forced ...") is never one more item, so the series closes before it whatever comes later.
 */
function closesSeries(
  tokens: readonly Token[],
  sepAt: number,
  after: readonly Span[],
  next: Span,
  finalAnd: boolean,
): boolean {
  const chunk = after[after.length - 1]!;
  if (innerConj(tokens, chunk) < 0 || after.slice(0, -1).some((c) => innerConj(tokens, c) >= 0)) return false;
  let nextHead = next.first;
  if (isConj(tokens[nextHead])) nextHead++;
  // "..., and I'm sorry": a subject and its verb open a clause, not a noun phrase.
  // "I’m" with a curly apostrophe stays one token: a subject with its verb all the same.
  const clauseNext =
    (['VERB', 'AUX'].includes(tokens[nextHead + 1]?.pos ?? '') && nextHead < next.last) ||
    SUBJECT_CONTRACTION.test(tokens[nextHead]?.text ?? '');
  const nounNext = NOUN_OPENERS.has(tokens[nextHead]?.pos ?? '') && !clauseNext;
  let pairBefore = false;
  for (let i = sepAt - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.pos === 'PUNCT' || t.pos === 'ADP' || t.pos === 'VERB' || t.pos === 'AUX') break;
    if (isConj(t)) pairBefore = true;
  }
  // With a ", and" still to come, "A, B and C, D, and E" keeps "B and C" as one item.
  return !nounNext || (!finalAnd && !pairBefore);
}

const SUBJECT_CONTRACTION = /^(?:i|you|we|they|he|she|it|that|there)[’'](?:m|re|s|ve|ll|d)$/iu;

const NOUN_OPENERS: ReadonlySet<string> = new Set(['DET', 'NOUN', 'PROPN', 'ADJ', 'NUM', 'PRON']);

/**
 * Turns chunks into items: cuts the last at the end of its phrase, then decides whether a
 * bare "and" inside it separates two items. A stated count decides first; otherwise
 * pairs ("A and B, C and D, E and F") keep their "and".
 */
function segment(
  tokens: readonly Token[],
  chunks: readonly Span[],
  explicitFinal: boolean,
  count: number | null,
): Span[] | null {
  const head = chunks.slice(0, -1);
  const last = cutLastItem(tokens, chunks[chunks.length - 1]!);
  const whole = [...head, last];
  let chosen = whole;
  if (!explicitFinal && innerConj(tokens, last) >= 0) {
    const pairs = head.length >= 2 && head.every((c) => innerConj(tokens, c) >= 0);
    const split = [
      ...head,
      ...splitAtConj(
        tokens,
        last,
        head.some((c) => innerConj(tokens, c) >= 0),
      ),
    ];
    if (count !== null && split.length === count) chosen = split;
    else if (count !== null && whole.length === count) chosen = whole;
    else chosen = pairs ? whole : split;
  }
  const items = chosen.map((c) => trimItem(tokens, c)).filter((c): c is Span => c !== null);
  if (items.length !== chosen.length) return null;
  return count !== null && items.length === count ? items : splitNamePairs(tokens, items);
}

/** A separator inside brackets ("flows (rapid, wet landslides)") keeps its list inside them. */
function bracketEnd(tokens: readonly Token[], from: number): number {
  let depth = 0;
  for (let i = from; i < tokens.length; i++) {
    const text = tokens[i]!.text;
    if (text === '(' || text === '[') depth++;
    else if (text === ')' || text === ']') {
      if (depth === 0) return i - 1;
      depth--;
    }
  }
  return tokens.length - 1;
}

/**
 * "for A, B, C, and to build D": an infinitive closing a run of noun phrases is a clause of
 * its own, not one more item; the list ends before it.
 */
function withoutTrailingInfinitive(tokens: readonly Token[], items: readonly Span[]): Span[] {
  const last = items[items.length - 1]!;
  const infinitive = tokens[last.first]!.norm === 'to' && tokens[last.first + 1]?.pos === 'VERB';
  const nouns = items.slice(0, -1).every((i) => !startsWithVerb(tokens, i));
  return infinitive && nouns ? items.slice(0, -1) : [...items];
}

/** Two one-word items ("A and B") are names in a row more often than a list. */
function trivial(tokens: readonly Token[], items: readonly Span[]): boolean {
  return items.length <= 2 && items.every((i) => i.first === i.last && tokens[i.first]!.pos !== 'NOUN');
}

/** Just after the last token before `at` that a list already holds, else 0. */
function floorBefore(used: readonly boolean[], at: number): number {
  for (let i = at - 1; i >= 0; i--) if (used[i]) return i + 1;
  return 0;
}

/** A clause series (lists-series.ts) as a fact; its tokens are taken. */
function seriesFact(s: AnnotatedSentence, series: Series, used: boolean[]): ListFact {
  const first = series.items[0]!.first;
  const lead = series.leadLast >= 0 ? clauseLead(s, series.leadLast) || leadText(s, 0, series.leadLast) : '';
  mark(used, Math.min(first, Math.max(0, series.leadLast)), series.items[series.items.length - 1]!.last);
  return fact(s, lead, null, series.items);
}

function reject(used: boolean[], items: readonly Span[]): null {
  mark(used, items[0]!.first, items[items.length - 1]!.last);
  return null;
}

function mark(used: boolean[], first: number, last: number): void {
  for (let i = Math.max(0, first); i <= last && i < used.length; i++) used[i] = true;
}

function fact(s: AnnotatedSentence, lead: string, count: number | null, items: readonly Span[]): ListFact {
  const texts = items.map((i) => s.text.slice(s.tokens[i.first]!.start, s.tokens[i.last]!.end));
  return { lead, count, items: texts, sentence: s.id, countMatches: count === null ? null : count === texts.length };
}
