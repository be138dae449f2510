/**
 * Deciding when two feed items tell the same story, so a digest shows it once with every feed
 * that carried it (docs/decisions/012-digest-grouping.md). Pure functions: no store, no clock.
 */
import { isStopWord, stem } from '../search/terms.js';

/** What grouping looks at in an item. */
export interface StoryKey {
  readonly link: string | null;
  readonly guid: string | null;
  readonly title: string | null;
  /** The lead (first summary) sentence, when known. */
  readonly lead: string | null;
}

export interface SameStoryOptions {
  /** Title-word Jaccard at or above which two items are one story. Default 0.6. */
  readonly titleThreshold?: number;
  /** Jaccard of title plus lead words at or above which two items are one story. Default 0.4. */
  readonly textThreshold?: number;
  /** Fewer distinct words than this never match by similarity (short titles match by chance). Default 3. */
  readonly minWords?: number;
}

const TRACKING_PARAM = /^(utm_|fbclid$|gclid$|mc_|ref$|cmpid$)/i;

/**
 * A link reduced to what identifies the page: no scheme, no "www.", no fragment, no tracking
 * parameters, no trailing slash. Feeds syndicating one story often differ only in these.
 */
export function canonicalLink(link: string | null): string | null {
  if (!link) return null;
  try {
    const url = new URL(link.trim());
    const params = [...url.searchParams.entries()]
      .filter(([k]) => !TRACKING_PARAM.test(k))
      .sort(([a], [b]) => a.localeCompare(b));
    const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
    const path = url.pathname.replace(/\/+$/, '');
    return `${url.hostname.replace(/^www\./, '').toLowerCase()}${path}${query}`;
  } catch {
    return link.trim().toLowerCase();
  }
}

/** Topic words of a text: lower case, stop words out, stemmed, so "Selects"/"selected" meet. */
export function storyWords(text: string | null): Set<string> {
  const words = new Set<string>();
  for (const raw of (text ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 2 || isStopWord(raw)) continue;
    const w = stem(raw);
    if (w.length >= 2) words.add(w);
  }
  return words;
}

/** |A ∩ B| / |A ∪ B|; 0 for two empty sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

interface Prepared {
  readonly link: string | null;
  readonly guid: string | null;
  readonly title: Set<string>;
  readonly text: Set<string>;
}

function prepare(item: StoryKey): Prepared {
  const title = storyWords(item.title);
  const text = new Set([...title, ...storyWords(item.lead)]);
  return { link: canonicalLink(item.link), guid: item.guid?.trim() || null, title, text };
}

function sameStory(a: Prepared, b: Prepared, o: Required<SameStoryOptions>): boolean {
  if (a.link && a.link === b.link) return true;
  if (a.guid && a.guid === b.guid) return true;
  if (a.title.size >= o.minWords && b.title.size >= o.minWords && jaccard(a.title, b.title) >= o.titleThreshold)
    return true;
  // Outlets rewrite headlines but keep the facts of the lead: names, numbers, places.
  return a.text.size >= o.minWords && b.text.size >= o.minWords && jaccard(a.text, b.text) >= o.textThreshold;
}

/**
 * Groups items that tell the same story: the same link or guid, or similar enough title and lead
 * words. Grouping is transitive (A~B and B~C put all three together). Groups keep the order of
 * their first item, and items keep their order inside a group. Returns indexes into `items`.
 */
export function groupSameStory(items: readonly StoryKey[], options: SameStoryOptions = {}): number[][] {
  const o: Required<SameStoryOptions> = { titleThreshold: 0.6, textThreshold: 0.4, minWords: 3, ...options };
  const prepared = items.map(prepare);
  const parent = items.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  // Quadratic, but a digest holds tens of items, not thousands.
  for (let i = 0; i < prepared.length; i++) {
    for (let j = i + 1; j < prepared.length; j++) {
      if (root(i) !== root(j) && sameStory(prepared[i]!, prepared[j]!, o))
        parent[Math.max(root(i), root(j))] = Math.min(root(i), root(j));
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < items.length; i++) {
    const r = root(i);
    const group = groups.get(r) ?? [];
    group.push(i);
    groups.set(r, group);
  }
  return [...groups.values()];
}
