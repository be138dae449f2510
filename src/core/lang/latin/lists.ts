/**
 * Lists in a language written with spaces: "A, B, C und D", "A, B et C", "A, B y C" — items
 * separated by commas and closed by the language's conjunction; three or more items, or two
 * after a colon. Numbers with a decimal comma ("7.622,4") are one word, not two items.
 */
import type { Sentence } from '../../article/types.js';
import type { ListFact } from '../../facts/types.js';
import type { LatinTable } from './table.js';
import { tokenize, type WordToken } from './tokens.js';

/** Longest item, in words; a longer stretch between commas is a clause, not an item. */
const MAX_ITEM_WORDS = 7;
const STOP = /^[;:.!?()«»„“”"–—]$/u;

function words(tokens: readonly WordToken[]): number {
  return tokens.filter((t) => !t.punct).length;
}

function isDelimiter(tokens: readonly WordToken[], i: number): boolean {
  const t = tokens[i]!;
  if (t.text !== ',') return false;
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

export function findListsLatin(sentences: readonly Sentence[], table: LatinTable): ListFact[] {
  const lists: ListFact[] = [];
  for (const s of sentences) {
    const tokens = tokenize(s.text);
    const used = new Set<number>();
    tokens.forEach((t, c) => {
      if (!table.conjunctions.has(t.lower) || used.has(c)) return;
      // The last item: after the conjunction up to a comma or a stop.
      let r = c + 1;
      while (tokens[r] && !isDelimiter(tokens, r) && !STOP.test(tokens[r]!.text) && r - c <= MAX_ITEM_WORDS) r += 1;
      const lastItem = tokens.slice(c + 1, r);
      if (words(lastItem) === 0 || words(lastItem) > MAX_ITEM_WORDS) return;
      // Items before it, comma by comma.
      const items: WordToken[][] = [];
      let end = c;
      for (;;) {
        let b = end - 1;
        while (b >= 0 && !isDelimiter(tokens, b) && !STOP.test(tokens[b]!.text)) b -= 1;
        const item = tokens.slice(b + 1, end);
        if (words(item) === 0) break;
        items.unshift(item);
        if (b < 0 || !isDelimiter(tokens, b)) {
          end = b;
          break;
        }
        end = b;
        if (words(item) > MAX_ITEM_WORDS) break;
      }
      const all = [...items, lastItem];
      // The first item may carry the clause that leads to it: keep its last words only.
      const longest = Math.max(...all.slice(1).map(words));
      const head = all[0]!;
      if (words(head) > longest) all[0] = head.slice(Math.max(0, head.length - longest));
      if (all.slice(1, -1).some((i) => words(i) > MAX_ITEM_WORDS)) return;
      const afterColon = tokens[(all[0]![0] ? tokens.indexOf(all[0]![0]!) : 0) - 1]?.text === ':';
      if (all.length < 3 && !(all.length === 2 && afterColon)) return;
      used.add(c);
      const firstAt = all[0]![0]!.start;
      const lead = s.text
        .slice(0, firstAt)
        .replace(/[\s,:]+$/u, '')
        .trim();
      lists.push({
        lead: lead === '' ? s.text : lead,
        count: null,
        items: all.map((i) => s.text.slice(i[0]!.start, i.at(-1)!.end)),
        sentence: s.id,
        countMatches: null,
      });
    });
  }
  return lists;
}
