/**
 * Extractive summary: 2–3 sentence ids in reading order. News puts the gist first, so the
 * lead sentence is strongly preferred; the rest are chosen by centrality (TF-IDF cosine
 * between a sentence and the whole article), with quotes, fragments and run-ons held back
 * and near-duplicates skipped. Deterministic: ties go to the earlier sentence.
 */
import type { AnnotatedArticle, AnnotatedSentence } from '../nlp/annotate.js';
import { isStopWord } from '../search/terms.js';

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM']);
const QUOTE_MARKS = /[“”"]/;

/** Tunables, exposed so tests can state what they rely on. */
export interface SummaryOptions {
  /** Sentences to return for articles of 6+ sentences (shorter ones get 2). Default 3. */
  readonly size?: number;
}

export function summarise(doc: AnnotatedArticle, options: SummaryOptions = {}): number[] {
  const sentences = doc.sentences;
  if (sentences.length <= 2) return sentences.map((s) => s.id);
  const bags = sentences.map(contentWords);
  const df = new Map<string, number>();
  for (const bag of bags) for (const w of new Set(bag)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = sentences.length;
  const idf = (w: string): number => Math.log(1 + n / (df.get(w) ?? 1));
  const articleVec = vector(bags.flat(), idf);
  const scored = sentences.map((s, i) => {
    const vec = vector(bags[i]!, idf);
    const centrality = cosine(vec, articleVec);
    const position = i === 0 ? 0.35 : 0.15 * (1 - i / n);
    return { id: s.id, index: i, score: (centrality + position) * penalty(s) };
  });
  const want = Math.min(sentences.length, n >= 6 ? options.size ?? 3 : 2);
  const ranked = [...scored].sort((a, b) => b.score - a.score || a.index - b.index);
  const chosen: { id: number; index: number }[] = [];
  for (const cand of ranked) {
    if (chosen.length >= want) break;
    const bag = new Set(bags[cand.index]);
    // Near-repeats add nothing to a three-line summary.
    if (chosen.some((c) => jaccard(bag, new Set(bags[c.index])) > 0.5)) continue;
    chosen.push(cand);
  }
  return chosen.map((c) => c.id).sort((a, b) => a - b);
}

function contentWords(s: AnnotatedSentence): string[] {
  return s.tokens.filter((t) => CONTENT_POS.has(t.pos) && !isStopWord(t.norm) && /[a-z0-9]/i.test(t.text)).map((t) => t.lemma);
}

/** Quotes, fragments, run-ons and "visit:" lines make poor summary lines. */
function penalty(s: AnnotatedSentence): number {
  const words = s.tokens.filter((t) => t.pos !== 'PUNCT').length;
  let p = 1;
  if (QUOTE_MARKS.test(s.text)) p *= 0.35;
  if (words < 8) p *= 0.3;
  else if (words > 50) p *= 0.7;
  if (/[:?]\s*$/.test(s.text) || /https?:\/\//.test(s.text)) p *= 0.2;
  return p;
}

function vector(words: readonly string[], idf: (w: string) => number): Map<string, number> {
  const v = new Map<string, number>();
  for (const w of words) v.set(w, (v.get(w) ?? 0) + idf(w));
  return v;
}

function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [w, x] of a) {
    na += x * x;
    dot += x * (b.get(w) ?? 0);
  }
  for (const x of b.values()) nb += x * x;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  const union = a.size + b.size - inter;
  return union === 0 ? 0 : inter / union;
}
