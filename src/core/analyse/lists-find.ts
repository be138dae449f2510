/**
 * Picks the list a topic asks for: `/list budget priorities`, or a configured command whose
 * topic is "budget priorities". Topic words meet the lead (what the list is about) and the
 * items, after stemming, so "fields" finds "in four fields" and "funders" finds "co-funded".
 */
import type { ListFact } from '../facts/types.js';
import { terms } from '../search/terms.js';

/** Below this share of topic words found, the article has no such list. */
const THRESHOLD = 0.5;

/** How well one topic term matches a set of list terms: exact 1, shared stem prefix 0.8. */
function termMatch(term: string, candidates: ReadonlySet<string>): number {
  if (candidates.has(term)) return 1;
  if (term.length < 4) return 0;
  for (const c of candidates) {
    if (c.length >= 4 && (c.startsWith(term) || term.startsWith(c))) return 0.8;
  }
  return 0;
}

/**
 * The list that best matches `topic`, with a score in [0, 1] (share of topic words found,
 * words in the lead counting fully, words only in the items a little less), or null when
 * no list reaches the threshold.
 */
export function findList(lists: readonly ListFact[], topic: string): { list: ListFact; score: number } | null {
  const wanted = [...new Set(terms(topic))];
  if (wanted.length === 0) return null;
  let best: { list: ListFact; score: number } | null = null;
  for (const list of lists) {
    const lead = new Set(terms(list.lead));
    const items = new Set(list.items.flatMap((i) => terms(i)));
    let sum = 0;
    for (const w of wanted) sum += Math.max(termMatch(w, lead), 0.75 * termMatch(w, items));
    // A stated count that the items confirm marks a deliberate enumeration.
    const score = Math.min(1, sum / wanted.length + (list.countMatches ? 0.05 : 0));
    if (score >= THRESHOLD && (!best || score > best.score)) best = { list, score };
  }
  return best;
}
