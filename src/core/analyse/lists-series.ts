/**
 * Two series the comma-list reader misses because their items are clauses, not phrases:
 * - semicolon series: "A did X; B did Y; and C did Z", "remdesivir, an antiviral drug;
 *   mAb114, an antibody; and REGN-EB3, a cocktail": two or more semicolons and a final
 *   "; and"/"; or" mark an enumeration whatever the items hold;
 * - coordinated predicates: one subject, several verb phrases ("The council closed the
 *   roads, moved the buses, and later reopened the bridge"; "accused of taking ..., hiding
 *   ..., and selling ..."; "required to sort, weigh, and pack parcels").
 * Both return spans; lists.ts turns them into facts.
 */
import type { Token } from '../nlp/annotate.js';
import { isItemComma } from './lists-commas.js';
import { clauseStart } from './lists-lead.js';
import { isConj, isHardStop, splitChunks, type Span } from './lists-segment.js';

const OPEN = new Set(['(', '[']);
const CLOSE = new Set([')', ']']);
const CLAUSE_OPENERS: ReadonlySet<string> = new Set(['which', 'who', 'whom', 'whose', 'because', 'although', 'while']);
/** Words an object may start with after a verb the tagger took for a noun ("shot/NOUN the man"). */
const OBJECT_START: ReadonlySet<string> = new Set(['DET', 'PRON', 'PROPN', 'ADJ', 'NOUN', 'NUM', 'ADP']);
/** The longest verb phrase read as one item. */
const MAX_PREDICATE = 22;

export interface Series {
  /** Last token of the words before the first item (the lead), or -1. */
  readonly leadLast: number;
  readonly items: Span[];
}

function firstNonAdverb(tokens: readonly Token[], span: Span): number {
  let i = span.first;
  while (i < span.last && tokens[i]!.pos === 'ADV') i++;
  return i;
}

/** The span opens with a verb, after any adverbs ("later banned", "pick up"). */
function opensWithVerb(tokens: readonly Token[], span: Span): boolean {
  const at = firstNonAdverb(tokens, span);
  const t = tokens[at]!;
  const next = tokens[at + 1];
  // "Hull/VERB drew": a capitalised word before a verb is that verb's subject, whatever its tag.
  if (/^\p{Lu}/u.test(t.text) && (next?.pos === 'VERB' || next?.pos === 'AUX')) return false;
  return t.pos === 'VERB' || (t.norm === 'to' && next?.pos === 'VERB');
}

/**
 * Opens like a verb the tagger mislabelled: an -ing word, or a noun directly followed by an
 * object ("shot/NOUN Khan", "transport/NOUN scientific equipment"), with no determiner before.
 * Only trusted inside a series whose other items are verbs.
 */
function opensLikeVerb(tokens: readonly Token[], span: Span): boolean {
  if (opensWithVerb(tokens, span)) return true;
  const at = firstNonAdverb(tokens, span);
  const t = tokens[at]!;
  if (t.pos !== 'NOUN' && t.pos !== 'ADJ') return false;
  if (t.norm.endsWith('ing')) return true;
  return t.pos === 'NOUN' && at < span.last && OBJECT_START.has(tokens[at + 1]!.pos);
}

function gerund(t: Token): boolean {
  return t.norm.endsWith('ing') && t.norm.length > 4 && (t.pos === 'VERB' || t.pos === 'NOUN');
}

/** A quote mark or a dash setting off an aside; a dash between numbers ("won 2 – 1") is a score or range. */
function stopAt(tokens: readonly Token[], i: number): boolean {
  if (!isHardStop(tokens[i]!)) return false;
  const numbers = tokens[i - 1]?.pos === 'NUM' && tokens[i + 1]?.pos === 'NUM';
  return !(numbers && /^[–—-]+$/u.test(tokens[i]!.text));
}

/** Last index before a stop or the end, from `from`. */
function stopBefore(tokens: readonly Token[], from: number): number {
  for (let i = from; i < tokens.length; i++) if (stopAt(tokens, i)) return i - 1;
  return tokens.length - 1;
}

function trimEnd(tokens: readonly Token[], span: Span): Span | null {
  let last = span.last;
  while (last >= span.first && tokens[last]!.pos === 'PUNCT' && !CLOSE.has(tokens[last]!.text)) last--;
  let first = span.first;
  while (first <= last && (isConj(tokens[first]) || tokens[first]!.pos === 'PUNCT')) first++;
  return first <= last ? { first, last } : null;
}

/** First top-level item comma in the span, or -1. */
function topComma(tokens: readonly Token[], span: Span): number {
  let depth = 0;
  for (let i = span.first; i <= span.last; i++) {
    const text = tokens[i]!.text;
    if (OPEN.has(text)) depth++;
    else if (CLOSE.has(text)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && isItemComma(tokens, i)) return i;
  }
  return -1;
}

/** Where a clause ends inside a verb phrase: a subordinate or relative clause, a top-level comma. */
function predicateEnd(tokens: readonly Token[], span: Span): Span {
  for (let i = span.first + 1; i <= span.last; i++) {
    const t = tokens[i]!;
    if (isItemComma(tokens, i) || t.pos === 'SCONJ' || CLAUSE_OPENERS.has(t.norm))
      return { first: span.first, last: i - 1 };
  }
  return span;
}

/**
 * Where the first of several verb phrases starts inside [from, last]: at the -ing word after
 * a preposition when the others are gerunds ("accused of taking"), after the last "to" when
 * they are bare infinitives ("required to sort"), else at the clause's first main verb (its
 * subject and auxiliaries are the lead). -1 when the clause has no verb.
 */
function predicateStart(tokens: readonly Token[], from: number, last: number, others: readonly Span[]): number {
  const gerunds = others.length > 0 && others.every((o) => gerund(tokens[firstNonAdverb(tokens, o)]!));
  if (gerunds) {
    for (let i = last; i > from; i--) if (gerund(tokens[i]!) && tokens[i - 1]!.pos === 'ADP') return i;
  }
  for (let i = last - 1; i >= from; i--) {
    const t = tokens[i]!;
    if (t.norm === 'to' && t.pos === 'PART' && tokens[i + 1]!.pos !== 'DET') return i + 1;
  }
  for (let i = from; i <= last; i++) {
    const t = tokens[i]!;
    if (t.pos === 'VERB') return i;
    if (t.pos === 'SCONJ' || CLAUSE_OPENERS.has(t.norm)) return -1;
  }
  return -1;
}

/**
 * Coordinated predicates starting at the item comma `sepAt`: every chunk after it opens with
 * a verb, the last after ", and"/", or", and the clause before the comma has its own verb.
 */
export function predicateSeries(tokens: readonly Token[], sepAt: number, floor: number): Series | null {
  const end = stopBefore(tokens, sepAt + 1);
  if (end <= sepAt + 1) return null;
  const { chunks, explicitFinal } = splitChunks(tokens, sepAt + 1, end, ',');
  if (!explicitFinal || chunks.length < 2) return null;
  const others = chunks.map((c, k) => (k === chunks.length - 1 ? predicateEnd(tokens, c) : c));
  if (others.some((o) => o.last - o.first + 1 > MAX_PREDICATE)) return null;
  // Most items must be tagged verbs; one slip in the tags is forgiven.
  const verbs = others.filter((o) => opensWithVerb(tokens, o)).length;
  if (verbs < others.length - 1 || !others.every((o) => opensLikeVerb(tokens, o))) return null;
  if (others.some((o) => CLAUSE_OPENERS.has(tokens[o.first]!.norm))) return null;
  const from = Math.max(floor, clauseStart(tokens, sepAt - 1));
  const start = predicateStart(tokens, from, sepAt - 1, others);
  if (start < 0 || sepAt - start > MAX_PREDICATE) return null;
  const first = { first: start, last: sepAt - 1 };
  const afterTo = tokens[start - 1]?.norm === 'to';
  if (!afterTo && !opensLikeVerb(tokens, first)) return null;
  const items = [first, ...others].map((s) => trimEnd(tokens, s));
  if (items.some((s) => s === null)) return null;
  // Coordinated verbs share their form: "released ..., also called parole, and living ..." mixes
  // a finite verb, an appositive participle and a gerund; it is not one series.
  const ing = (s: Span): boolean => gerund(tokens[firstNonAdverb(tokens, s)]!);
  if (new Set(items.map((s) => ing(s!))).size > 1) return null;
  return { leadLast: start - 1, items: items as Span[] };
}

/**
 * A semicolon series in the stretch of the sentence that holds `firstSemi`: two or more
 * top-level semicolons, the last chunk opened by "and"/"or". When the later items open with
 * a verb, the first item starts at its clause's verb (the subject is the lead); when they
 * are clauses or noun phrases, it starts after the first chunk's last comma or verb.
 */
export function semicolonSeries(tokens: readonly Token[], firstSemi: number): Series | null {
  let from = firstSemi;
  while (from > 0 && !stopAt(tokens, from - 1)) from--;
  // "This includes: A; B; and C" is an announced list; lists.ts reads it with its lead.
  for (let i = from; i < firstSemi; i++) if (tokens[i]!.text === ':') return null;
  const end = stopBefore(tokens, firstSemi);
  const semis: number[] = [];
  let depth = 0;
  for (let i = from; i <= end; i++) {
    const text = tokens[i]!.text;
    if (OPEN.has(text)) depth++;
    else if (CLOSE.has(text)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && text === ';') semis.push(i);
  }
  if (semis.length < 2 || !isConj(tokens[semis[semis.length - 1]! + 1])) return null;
  const later: Span[] = semis.map((at, k) => ({ first: at + 1, last: (semis[k + 1] ?? end + 1) - 1 }));
  const commaInside = later.slice(0, -1).some((c) => topComma(tokens, c) >= 0);
  // The last item ends at its first comma unless the items carry commas of their own.
  const lastChunk = later[later.length - 1]!;
  const cut = commaInside ? -1 : topComma(tokens, lastChunk);
  later[later.length - 1] = cut > 0 ? { first: lastChunk.first, last: cut - 1 } : lastChunk;
  const trimmed = later.map((c) => trimEnd(tokens, c));
  if (trimmed.some((c) => c === null)) return null;
  const others = trimmed as Span[];
  const head = { first: from, last: semis[0]! - 1 };
  let start: number;
  if (others.every((o) => opensLikeVerb(tokens, o) || leadingAdjunctThenVerb(tokens, o))) {
    start = predicateStart(tokens, clauseStart(tokens, head.last), head.last, []);
  } else if (commaInside) {
    // "remdesivir, an antiviral drug;": the item is a name and its appositive, after the verb.
    const comma = topComma(tokens, head);
    const before = comma > 0 ? comma - 1 : head.last;
    start = afterLastVerb(tokens, head.first, before);
  } else {
    start = head.first;
    for (let i = head.last; i > head.first; i--)
      if (isItemComma(tokens, i)) {
        start = i + 1;
        break;
      }
  }
  if (start < head.first || start > head.last) return null;
  const first = trimEnd(tokens, { first: start, last: head.last });
  if (!first) return null;
  return { leadLast: start - 1, items: [first, ...others] };
}

/** "in 2015 sold its chain": a short time or place phrase, then the verb. */
function leadingAdjunctThenVerb(tokens: readonly Token[], span: Span): boolean {
  if (tokens[span.first]!.pos !== 'ADP') return false;
  for (let i = span.first + 1; i <= Math.min(span.last, span.first + 4); i++) {
    const t = tokens[i]!;
    if (t.pos === 'VERB') return true;
    if (t.pos === 'PROPN' && t.entity === null) return false;
  }
  return false;
}

/** The token after the last verb or auxiliary in [from, last], else `from`. */
function afterLastVerb(tokens: readonly Token[], from: number, last: number): number {
  for (let i = last; i >= from; i--) {
    const t = tokens[i]!;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'ADP') return i + 1;
  }
  return clauseStart(tokens, last);
}
