/**
 * Lists in a language written with spaces: "A, B, C und D", "A, B et C", "A, B y C" — items
 * separated by commas and closed by the language's conjunction (a comma before it, "A, B, y C",
 * too); three or more items, or two after a colon. Numbers with a decimal comma ("7.622,4") are
 * one word, not two items. Two more shapes:
 *
 * - a closing conjunction that only lists use (German "sowie"): "A und B sowie C und D", where
 *   every "und" around it separates items too;
 * - items with commas of their own, separated by semicolons: "el alcalde, Pedro Ruiz; la
 *   presidenta, Ana Gil, y el secretario, Luis Sanz", "weniger X; weniger Y; weniger Z".
 */
import type { Sentence } from '../../article/types.js';
import type { ListFact } from '../../facts/types.js';
import type { LatinTable } from './table.js';
import { tokenize, type WordToken } from './tokens.js';

/** Longest item, in words; a longer stretch between commas is a clause, not an item. */
const MAX_ITEM_WORDS = 7;
/** Longest item between semicolons ("el alcalde, Pedro Ruiz"), or of two after a colon. */
const MAX_LONG_ITEM = 14;
const STOP = /^[;:.!?()«»„“”"–—]$/u;

/** Words, a number written with separators ("6.097,9") counting as one. */
function words(tokens: readonly WordToken[]): number {
  let n = 0;
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    const glued = prev !== undefined && prev.end === t.start && /^[\d.,]+$/u.test(prev.text) && /^\d/u.test(t.text);
    if (!t.punct && !glued) n += 1;
  });
  return n;
}

/** A stop mark, not the point inside a number ("6.097,9"). */
function isStop(tokens: readonly WordToken[], i: number): boolean {
  const t = tokens[i]!;
  if (!STOP.test(t.text)) return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  return !(
    t.text === '.' &&
    prev?.end === t.start &&
    next?.start === t.end &&
    /\d$/u.test(prev.text) &&
    /^\d/u.test(next.text)
  );
}

function isComma(tokens: readonly WordToken[], i: number): boolean {
  const t = tokens[i];
  if (t?.text !== ',') return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  // "7.622,4": a decimal comma between digits, no spaces.
  return !(
    prev &&
    next &&
    prev.end === t.start &&
    next.start === t.end &&
    /\d$/u.test(prev.text) &&
    /^\d/u.test(next.text)
  );
}

function listOf(s: Sentence, all: readonly (readonly WordToken[])[]): ListFact {
  const firstAt = all[0]![0]!.start;
  const lead = s.text
    .slice(0, firstAt)
    .replace(/[\s,:]+$/u, '')
    .trim();
  return {
    lead: lead === '' ? s.text : lead,
    count: null,
    items: all.map((i) => s.text.slice(i[0]!.start, i.at(-1)!.end)),
    sentence: s.id,
    countMatches: null,
  };
}

/** The first item may carry the clause that leads to it: keep as many last words as the longest other item. */
function trimHead(all: WordToken[][]): void {
  const longest = Math.max(...all.slice(1).map(words));
  const head = all[0]!;
  if (words(head) > longest) all[0] = head.slice(Math.max(0, head.length - longest));
}

/** Items split at semicolons; the last split again at its closing ", y" when only two semicolon parts. */
function semicolonList(tokens: readonly WordToken[], table: LatinTable): WordToken[][] | null {
  const parts: WordToken[][] = [[]];
  for (const t of tokens) {
    if (t.text === ';') parts.push([]);
    else parts.at(-1)!.push(t);
  }
  if (parts.length < 2) return null;
  const last = parts.pop()!;
  const end = last.findIndex((t) => /^[.!?]$/u.test(t.text));
  const closing = end >= 0 ? last.slice(0, end) : last;
  const conj = closing.findLastIndex((t, i) => table.conjunctions.has(t.lower) && closing[i - 1]?.text === ',');
  if (conj > 0) parts.push(closing.slice(0, conj - 1), closing.slice(conj + 1));
  else if (parts.length >= 3) parts.push(closing);
  else return null;
  const all = parts.filter((p) => words(p) > 0);
  if (all.length < 3 || all.slice(1).some((p) => words(p) > MAX_LONG_ITEM)) return null;
  trimHead(all);
  return all;
}

/** How many words of a conjunction ("et", "ainsi que", "así como") start at token `c`; 0 if none. */
function conjunctionAt(tokens: readonly WordToken[], c: number, table: LatinTable): number {
  let best = 0;
  for (const conj of table.conjunctions) {
    const parts = conj.split(' ');
    if (parts.every((p, n) => tokens[c + n]?.lower === p)) best = Math.max(best, parts.length);
  }
  return best;
}

/** The list closed by the conjunction at `c` (of `size` words), and the token after its last item. */
function listAt(
  tokens: readonly WordToken[],
  c: number,
  size: number,
  table: LatinTable,
): { all: WordToken[][]; to: number } | null {
  // "A und B sowie C und D": around a conjunction only lists use, every conjunction separates items.
  const closer = table.listClosers?.has(tokens[c]!.lower) === true;
  const isDelimiter = (i: number): boolean => isComma(tokens, i) || (closer && conjunctionAt(tokens, i, table) > 0);
  // The last item: after the conjunction up to a comma or a stop.
  let r = c + size;
  while (tokens[r] && !isComma(tokens, r) && !isStop(tokens, r) && r - c <= MAX_LONG_ITEM) r += 1;
  const lastItems: WordToken[][] = [[]];
  tokens.slice(c + size, r).forEach((x, i) => {
    if (closer && conjunctionAt(tokens, c + size + i, table) > 0) lastItems.push([]);
    else lastItems.at(-1)!.push(x);
  });
  if (lastItems.some((i) => words(i) === 0)) return null;
  // Items before it, delimiter by delimiter; "A, B, y C": a comma right before the conjunction is skipped.
  const items: WordToken[][] = [];
  let end = isComma(tokens, c - 1) ? c - 1 : c;
  for (;;) {
    let b = end - 1;
    while (b >= 0 && !isDelimiter(b) && !isStop(tokens, b)) b -= 1;
    const item = tokens.slice(b + 1, end);
    if (words(item) === 0) break;
    items.unshift(item);
    if (b < 0 || !isDelimiter(b)) break;
    end = b;
    if (words(item) > MAX_ITEM_WORDS) break;
  }
  if (items.length === 0) return null;
  // "…: « A, y B »": two items after a colon (and perhaps an opening quote) may be longer.
  const opening = tokens.indexOf(items[0]![0]!) - 1;
  const afterColon =
    tokens[opening]?.text === ':' ||
    (/^["«„“]$/u.test(tokens[opening]?.text ?? '') && tokens[opening - 1]?.text === ':');
  if (afterColon && items.length === 1 && lastItems.length === 1) {
    const all = [...items, ...lastItems];
    return all.every((i) => words(i) <= MAX_LONG_ITEM) ? { all, to: r } : null;
  }
  // Otherwise a last item runs over at most MAX_ITEM_WORDS tokens, the rest is the clause after the list.
  if (lastItems.length === 1 && r - c - size > MAX_ITEM_WORDS) {
    r = c + size + MAX_ITEM_WORDS;
    lastItems[0] = tokens.slice(c + size, r);
  }
  const all = [...items, ...lastItems];
  trimHead(all);
  if (all.slice(1).some((i) => words(i) > MAX_ITEM_WORDS)) return null;
  return all.length >= 3 ? { all, to: r } : null;
}

export function findListsLatin(sentences: readonly Sentence[], table: LatinTable): ListFact[] {
  const lists: ListFact[] = [];
  for (const s of sentences) {
    const tokens = tokenize(s.text);
    const semicolons = semicolonList(tokens, table);
    if (semicolons) {
      lists.push(listOf(s, semicolons));
      continue;
    }
    const used = new Set<number>();
    // "A y B, y C": the conjunction after a comma first; one inside an item found is no list of its own.
    const conjunctions = tokens
      .map((_, c) => c)
      .filter((c) => conjunctionAt(tokens, c, table) > 0)
      .sort((a, b) => Number(isComma(tokens, b - 1)) - Number(isComma(tokens, a - 1)) || a - b);
    for (const c of conjunctions) {
      if (used.has(c)) continue;
      const found = listAt(tokens, c, conjunctionAt(tokens, c, table), table);
      if (!found) continue;
      for (let i = tokens.indexOf(found.all[0]![0]!); i < found.to; i += 1) used.add(i);
      lists.push(listOf(s, found.all));
    }
  }
  return lists;
}
