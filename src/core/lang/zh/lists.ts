/**
 * Chinese lists: items joined by the enumeration comma 、 and closed by 和, 与, 及, 以及, 并 or
 * 或 (or by 等, "and so on"), inside one clause or, after a comma, in the next one ("A、B，以及C"). The first and last items are cut to whole words
 * (Intl.Segmenter's dictionary segmentation) no longer than the items between them, since
 * nothing but the clause marks where a Chinese list starts and ends.
 */
import type { Sentence } from '../../article/types.js';
import type { ListFact } from '../../facts/types.js';
import { LIST_CONJUNCTIONS } from './table.js';

const CLAUSE = /[^，。；：！？“”「」『』（）()《》,;:!?]+/gu;
const CLAUSE_START = /^[^，。；：！？“”「」『』（）()《》,;:!?]+/u;
let segmenter: Intl.Segmenter | null = null;

function words(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return [...segmenter.segment(text)].map((s) => s.segment);
}

/** The last whole words of `text` with at most `max` characters (at least one word). */
function tail(text: string, max: number): string {
  const w = words(text);
  let out = w.pop() ?? '';
  while (w.length > 0 && out.length + w.at(-1)!.length <= max) out = w.pop()! + out;
  return out;
}

function head(text: string, max: number): string {
  const w = words(text);
  let out = w.shift() ?? '';
  while (w.length > 0 && out.length + w[0]!.length <= max) out += w.shift()!;
  return out;
}

export function findListsZh(sentences: readonly Sentence[]): ListFact[] {
  const lists: ListFact[] = [];
  for (const s of sentences) {
    for (const m of s.text.matchAll(CLAUSE)) {
      const clause = m[0];
      if (!clause.includes('、')) continue;
      const parts = clause.split('、');
      let lastPart = parts.pop()!;
      let closing: string | null = null;
      const conj = LIST_CONJUNCTIONS.map((c) => ({ c, at: lastPart.indexOf(c) }))
        .filter((x) => x.at > 0)
        .sort((a, b) => a.at - b.at)[0];
      // "A、B，以及C", "A、B，并C": the last item after a comma and a conjunction, in the next clause.
      const rest = s.text.slice(m.index + clause.length);
      const across = /^[，,]/u.test(rest) ? LIST_CONJUNCTIONS.find((c) => rest.slice(1).startsWith(c)) : undefined;
      if (conj) {
        parts.push(lastPart.slice(0, conj.at));
        lastPart = lastPart.slice(conj.at + conj.c.length);
      } else if (across) {
        parts.push(lastPart);
        lastPart = CLAUSE_START.exec(rest.slice(1 + across.length))?.[0] ?? '';
      }
      const etc = lastPart.indexOf('等');
      if (etc > 0) lastPart = lastPart.slice(0, etc);
      closing = lastPart;
      const middle = parts.slice(1);
      const longest = Math.max(2, ...middle.map((p) => p.length));
      const items = [tail(parts[0]!, longest), ...middle, head(closing, longest + 1)]
        .map((x) => x.trim())
        .filter(Boolean);
      if (items.length < 3) continue;
      const firstAt = s.text.indexOf(items[0]!, m.index);
      lists.push({
        lead: s.text.slice(0, Math.max(0, firstAt)) || s.text,
        count: null,
        items,
        sentence: s.id,
        countMatches: null,
      });
    }
  }
  return lists;
}
