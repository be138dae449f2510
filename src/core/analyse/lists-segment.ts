/**
 * Token-level pieces of list finding: where a list region ends, how it splits into
 * chunks, where the last item stops (the clause goes on), where an unannounced first
 * item starts. Spans are inclusive token indexes into one sentence.
 */
import type { Token } from '../nlp/annotate.js';
import { isItemComma } from './lists-commas.js';

/** Inclusive token range. */
export interface Span {
  readonly first: number;
  readonly last: number;
}

/** Tokens no list item crosses: dashes set off asides, quote marks open speech. */
const HARD_STOPS = new Set(['—', '–', '--', '"', '“', '”', '‘', '’', '«', '»']);
const RELATIVES = new Set(['that', 'which', 'who', 'whom', 'whose', 'where', 'when', 'while', 'because', 'although']);
const OPEN = new Set(['(', '[']);
const CLOSE = new Set([')', ']']);
const ARTICLES = new Set(['a', 'an', 'the']);
const SUBJECT_POS = new Set(['NOUN', 'PROPN', 'PRON']);
const CONTENT_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'VERB', 'NUM']);
/** Time adjuncts attach to the verb, not to the last item: "... and Jeremy Hansen after their journey". */
const TIME_PREPOSITIONS = new Set(['after', 'before', 'during', 'until', 'since', 'throughout', 'amid']);

export function isHardStop(t: Token): boolean {
  return HARD_STOPS.has(t.text);
}

export function isConj(t: Token | undefined): boolean {
  return !!t && t.pos === 'CCONJ' && (t.norm === 'and' || t.norm === 'or');
}

/** "as well as" starting at i: returns its length in tokens, else 0. */
export function asWellAsAt(tokens: readonly Token[], i: number): number {
  return tokens[i]?.norm === 'as' && tokens[i + 1]?.norm === 'well' && tokens[i + 2]?.norm === 'as' ? 3 : 0;
}

/** Last index before a hard stop or the sentence's closing punctuation, from `from`. */
export function regionEnd(tokens: readonly Token[], from: number): number {
  let end = from - 1;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (isHardStop(t)) break;
    end = i;
  }
  while (end >= from && tokens[end]!.pos === 'PUNCT' && !CLOSE.has(tokens[end]!.text)) end--;
  return end;
}

/** Result of cutting a region at its separators. */
export interface Chunks {
  readonly chunks: Span[];
  /** The last chunk was introduced by ", and" / "; and" / "as well as". */
  readonly explicitFinal: boolean;
}

/**
 * Splits [from, to] at top-level separators. Semicolons win over commas when present,
 * since semicolon lists carry commas inside items. Commas inside entities ("May 5, 2019")
 * and brackets are not separators. A chunk that opens with "and"/"or"/"as well as" is the
 * last one.
 */
export function splitChunks(tokens: readonly Token[], from: number, to: number, only?: ',' | ';'): Chunks {
  let depth = 0;
  let semicolons = false;
  for (let i = from; i <= to; i++) if (tokens[i]!.text === ';') semicolons = true;
  const sep = only ?? (semicolons ? ';' : ',');
  const chunks: Span[] = [];
  let start = from;
  let explicitFinal = false;
  // "A, B, as well as C, and D": "as well as" opens a second group that a later "and" closes.
  let wellAs = false;
  const close = (last: number): boolean => {
    let first = start;
    let opener = 0;
    if (isConj(tokens[first])) opener = 1;
    else opener = asWellAsAt(tokens, first);
    wellAs = opener === 3;
    if (opener > 0 && chunks.length > 0) {
      first += opener;
      explicitFinal = true;
    }
    if (first <= last) chunks.push({ first, last });
    return explicitFinal;
  };
  for (let i = from; i <= to; i++) {
    const t = tokens[i]!;
    if (OPEN.has(t.text)) depth++;
    else if (CLOSE.has(t.text)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && t.text === sep && t.entity === null && (sep === ';' || isItemComma(tokens, i))) {
      if (close(i - 1) && !(wellAs && isConj(tokens[i + 1]))) return { chunks, explicitFinal };
      start = i + 1;
    }
  }
  close(to);
  return { chunks, explicitFinal };
}

/** A verb that starts a new clause: an auxiliary, or a verb right after its likely subject. */
function clauseVerbAt(tokens: readonly Token[], i: number, strict: boolean): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  if (t.pos === 'AUX') return true;
  if (t.pos !== 'VERB' || !prev) return false;
  if (!SUBJECT_POS.has(prev.pos)) return false;
  // Participles after a noun ("standards needed for") modify it; only the last item is cut there.
  return strict || !/(ing|ed|en)$/.test(t.norm);
}

/** True when the span reads as a list item rather than a clause. */
export function itemLike(tokens: readonly Token[], span: Span, maxLength: number): boolean {
  if (itemWords(tokens, span) > maxLength) return false;
  const head = tokens[span.first]!;
  if (RELATIVES.has(head.norm) || head.pos === 'SCONJ') return false;
  for (let i = span.first + 1; i <= span.last; i++) if (clauseVerbAt(tokens, i, false)) return false;
  for (let i = span.first; i <= span.last; i++) if (CONTENT_POS.has(tokens[i]!.pos)) return true;
  return false;
}

const CAPITAL = /^\p{Lu}/u;

/**
 * How long an item reads in words: the comma of "City, State" or of a number, the state after
 * such a comma and the "&" inside a name ("Aviation & Space Museum") add none, so "the Flight
 * & Space Museum of Eugene, Oregon" is as short as "the Flight Museum of Eugene".
 */
function itemWords(tokens: readonly Token[], span: Span): number {
  let n = 0;
  for (let i = span.first; i <= span.last; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    if (t.text === ',' && !isItemComma(tokens, i)) continue;
    if (i > span.first && prev?.text === ',' && !isItemComma(tokens, i - 1)) continue;
    if (t.text === '&' && CAPITAL.test(prev?.text ?? '') && CAPITAL.test(tokens[i + 1]?.text ?? '')) continue;
    n++;
  }
  return n;
}

/** Where the last item stops: at a new clause, an infinitive of purpose, a relative clause. */
export function cutLastItem(tokens: readonly Token[], span: Span): Span {
  for (let i = span.first + 1; i <= span.last; i++) {
    const t = tokens[i]!;
    const infinitive = t.norm === 'to' && t.pos === 'PART' && tokens[i + 1]?.pos === 'VERB';
    const time = t.pos === 'ADP' && TIME_PREPOSITIONS.has(t.norm);
    if (
      clauseVerbAt(tokens, i, true) ||
      infinitive ||
      time ||
      RELATIVES.has(t.norm) ||
      t.pos === 'SCONJ' ||
      isItemComma(tokens, i)
    ) {
      return { first: span.first, last: i - 1 };
    }
  }
  return span;
}

/** The first (or last) top-level "and"/"or" inside a span, or -1. */
export function innerConj(tokens: readonly Token[], span: Span, last = false): number {
  let depth = 0;
  let found = -1;
  for (let i = span.first + 1; i < span.last; i++) {
    const t = tokens[i]!;
    if (OPEN.has(t.text)) depth++;
    else if (CLOSE.has(t.text)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (isConj(t) || asWellAsAt(tokens, i) > 0)) {
      found = i;
      if (!last) return i;
    }
  }
  return found;
}

/**
 * Splits a span at an inner conjunction into two items: the first one by default
 * ("innovation and adherence to X and Y"), the last one when earlier items are themselves
 * pairs ("roads and bridges, schools and clinics and clean water").
 */
export function splitAtConj(tokens: readonly Token[], span: Span, atLast = false): Span[] {
  const at = innerConj(tokens, span, atLast);
  if (at < 0) return [span];
  const skip = asWellAsAt(tokens, at) || 1;
  return [
    { first: span.first, last: at - 1 },
    { first: at + skip, last: span.last },
  ];
}

/** A full name of two or more capitalised words ("Loral O’Hara"), apostrophes allowed. */
function fullName(tokens: readonly Token[], first: number, last: number): boolean {
  if (last - first < 1 || tokens[first]!.pos !== 'PROPN') return false;
  for (let i = first; i <= last; i++) {
    const t = tokens[i]!;
    if (!/^\p{Lu}/u.test(t.text) && !/^[’'.-]$/u.test(t.text)) return false;
  }
  return true;
}

/**
 * In a list of names, "Jeanette Epps and Loral O’Hara" is two people: an item made of two
 * full names joined by "and" is split when every other item ends in a name.
 */
export function splitNamePairs(tokens: readonly Token[], items: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const item of items) {
    const at = innerConj(tokens, item);
    const others = items.filter((o) => o !== item);
    const names = others.length > 0 && others.every((o) => tokens[o.last]!.pos === 'PROPN');
    if (
      at > 0 &&
      names &&
      tokens[at]!.norm === 'and' &&
      fullName(tokens, item.first, at - 1) &&
      fullName(tokens, at + 1, item.last)
    ) {
      out.push({ first: item.first, last: at - 1 }, { first: at + 1, last: item.last });
    } else out.push(item);
  }
  return out;
}

/**
 * Walks back from just before the first separator to where an unannounced list starts.
 * Stops at verbs, prepositions, conjunctions and punctuation, unless the other items show
 * the list is made of that kind of phrase (verb phrases, "X and Y" pairs).
 */
export function walkBackFirst(
  tokens: readonly Token[],
  last: number,
  others: readonly Span[],
  floor: number,
): Span | null {
  const othersStartWithVerb = others.length > 0 && others.every((s) => startsWithVerb(tokens, s));
  const othersHavePairs = others.length > 0 && others.every((s) => innerConj(tokens, s) >= 0);
  let first = last + 1;
  for (let i = last; i >= floor; i--) {
    const t = tokens[i]!;
    if (CLOSE.has(t.text)) {
      // Brackets belong to the item: "SLS (Space Launch System) rocket".
      let j = i;
      while (j > floor && !OPEN.has(tokens[j]!.text)) j--;
      if (!OPEN.has(tokens[j]!.text)) break;
      first = j;
      i = j;
      continue;
    }
    if (t.text === ',' && !isItemComma(tokens, i)) continue;
    if (t.pos === 'PUNCT' && t.entity === null) break;
    if (isConj(t) && !othersHavePairs) break;
    if (t.pos === 'VERB' || t.pos === 'AUX') {
      if (othersStartWithVerb && t.pos === 'VERB') first = i;
      break;
    }
    // "Caltech in Southern California, the Institute in Baltimore": the other items carry
    // the same preposition, so it belongs inside the first item too.
    if (t.pos === 'ADP' && !(tokens[i + 1]?.pos === 'PROPN' && others.some((s) => hasInner(tokens, s, t.norm)))) break;
    if (t.pos === 'SCONJ' || RELATIVES.has(t.norm)) break;
    first = i;
    if (t.pos === 'DET') break;
  }
  return first <= last ? { first, last } : null;
}

function hasInner(tokens: readonly Token[], span: Span, norm: string): boolean {
  for (let i = span.first + 1; i < span.last; i++)
    if (tokens[i]!.norm === norm && tokens[i]!.pos === 'ADP') return true;
  return false;
}

export function startsWithVerb(tokens: readonly Token[], span: Span): boolean {
  const t = tokens[span.first];
  if (!t) return false;
  const next = tokens[span.first + 1];
  if (t.norm === 'to' && next?.pos === 'VERB') return true;
  // Tagger slips ("clean/ADJ the banks"): nothing but a verb puts its object's determiner next.
  if (t.pos === 'ADJ' && next?.pos === 'DET') return true;
  // "commanding/ADJ two of the missions", "piloting/NOUN two others": gerunds with an object.
  if ((t.pos === 'ADJ' || t.pos === 'NOUN') && t.norm.endsWith('ing') && (next?.pos === 'DET' || next?.pos === 'NUM'))
    return true;
  return t.pos === 'VERB';
}

/**
 * "and continued progress": a participle opening the closing item of an announced list
 * modifies its noun. Only there: elsewhere "suffered head injuries" is a predicate.
 */
export function participleModifier(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  return t.pos === 'VERB' && /ed$/u.test(t.norm) && tokens[i + 1]?.pos === 'NOUN';
}

/** Drops leading articles/conjunctions and trailing punctuation from an item. */
export function trimItem(tokens: readonly Token[], span: Span): Span | null {
  let { first, last } = span;
  while (
    first <= last &&
    (ARTICLES.has(tokens[first]!.norm) || isConj(tokens[first]) || tokens[first]!.pos === 'PUNCT')
  )
    first++;
  while (
    last >= first &&
    tokens[last]!.pos === 'PUNCT' &&
    (!CLOSE.has(tokens[last]!.text) || !opened(tokens, first, last))
  )
    last--;
  return first <= last ? { first, last } : null;
}

/** True when the bracket closing at `last` opened inside [first, last]. */
function opened(tokens: readonly Token[], first: number, last: number): boolean {
  for (let i = first; i < last; i++) if (OPEN.has(tokens[i]!.text)) return true;
  return false;
}
