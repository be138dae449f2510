/**
 * Extractive summary: 2–3 sentence ids in reading order, short enough to read at a glance.
 * News puts the gist first, so the lead sentence opens it (unless it is a quote or a
 * fragment). The rest are picked greedily by coverage: each sentence earns the weight of the
 * story's recurring words it adds that the summary does not have yet, divided by its length,
 * so a short sentence that restates the core ("NASA will acquire the LTV as a service") beats
 * a long one that wanders. Quotes, fragments and sentences leaning on an antecedent ("This
 * includes", "Such samples") are held back. Deterministic: ties go to the earlier sentence.
 */
import type { AnnotatedArticle, AnnotatedSentence } from '../nlp/annotate.js';
import { isStopWord } from '../search/terms.js';

const CONTENT_POS: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM']);
const QUOTE_MARKS = /[“”"]/;
const HAS_ALNUM = /[a-z0-9]/i;
/** First words that point back to an earlier sentence: unreadable out of context. */
const ANAPHORIC_OPENERS: ReadonlySet<string> = new Set([
  'this',
  'these',
  'that',
  'those',
  'such',
  'it',
  'its',
  'they',
  'their',
  'he',
  'his',
  'she',
  'her',
  'additionally',
  'also',
  'however',
  'but',
]);

/** Tunables, exposed so tests can state what they rely on. */
export interface SummaryOptions {
  /** Most sentences for articles of 6+ sentences (shorter ones get 2). Default 3. */
  readonly size?: number;
  /** Word budget: no sentence is added that takes the summary past it. Default 100. */
  readonly maxWords?: number;
  /** Once the summary has this many words, a third sentence is not sought. Default 60. */
  readonly enoughWords?: number;
}

interface Candidate {
  readonly index: number;
  readonly id: number;
  readonly words: number;
  readonly terms: ReadonlySet<string>;
  /** Multiplier in (0, 1]: how well the sentence reads on its own. */
  readonly fitness: number;
}

export function summarise(doc: AnnotatedArticle, options: SummaryOptions = {}): number[] {
  const sentences = doc.sentences;
  if (sentences.length <= 2) return sentences.map((s) => s.id);
  // Under six sentences a third line would be half the article.
  const size = sentences.length >= 6 ? (options.size ?? 3) : 2;
  const maxWords = options.maxWords ?? 100;
  const enoughWords = options.enoughWords ?? 60;
  const candidates = sentences.map(candidateOf);
  // A word's weight is how many other sentences repeat it: what the story keeps coming back to.
  const df = new Map<string, number>();
  for (const c of candidates) for (const t of c.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const lead = candidates.find((c) => c.fitness >= 0.5) ?? candidates[0]!;
  const chosen: Candidate[] = [lead];
  const covered = new Set(lead.terms);
  let total = lead.words;
  while (chosen.length < size && (chosen.length < 2 || total < enoughWords)) {
    let best: Candidate | null = null;
    let bestScore = 0;
    for (const c of candidates) {
      if (chosen.includes(c) || total + c.words > maxWords) continue;
      let gain = 0;
      // Words already in the summary still count a little, so a second sentence is found
      // even when every recurring word is in the lead.
      for (const t of c.terms) gain += (df.get(t)! - 1) * (covered.has(t) ? 0.1 : 1);
      // Early sentences carry more of the story in news writing; a mild nudge, not a rule.
      const position = 1 + 0.3 * (1 - c.index / sentences.length);
      const score = (gain / Math.sqrt(c.words)) * c.fitness * position;
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (best === null) break;
    chosen.push(best);
    for (const t of best.terms) covered.add(t);
    total += best.words;
  }
  return chosen.map((c) => c.id).sort((a, b) => a - b);
}

function candidateOf(s: AnnotatedSentence, index: number): Candidate {
  const terms = new Set<string>();
  let words = 0;
  for (const t of s.tokens) {
    if (t.pos === 'PUNCT') continue;
    words++;
    if (CONTENT_POS.has(t.pos) && !isStopWord(t.norm) && HAS_ALNUM.test(t.text)) terms.add(singular(t.norm));
  }
  return { index, id: s.id, words: Math.max(1, words), terms, fitness: fitness(s, words) };
}

/**
 * "samples" and "sample" are one word for coverage. A plural strip rather than wink lemmas:
 * lemmas cost a tenth of tagging, which the whole analysis budget cannot spare.
 */
function singular(norm: string): string {
  return norm.length > 3 && norm.endsWith('s') && !norm.endsWith('ss') ? norm.slice(0, -1) : norm;
}

/** Quotes, fragments, run-ons, "visit:" lines and back-references make poor summary lines. */
function fitness(s: AnnotatedSentence, words: number): number {
  let f = 1;
  if (QUOTE_MARKS.test(s.text)) f *= 0.2;
  if (words < 8) f *= 0.3;
  else if (words > 45) f *= 0.6;
  if (/[:?]\s*$/.test(s.text) || /https?:\/\//.test(s.text)) f *= 0.2;
  if (ANAPHORIC_OPENERS.has(s.tokens[0]?.norm ?? '')) f *= 0.4;
  return f;
}
