/**
 * One pass of wink-nlp over every sentence, shared by every extractor, so the whole
 * analysis costs a small multiple of tagging alone (see bench/).
 */
import type { Article, Sentence } from '../article/types.js';
import { getNlp } from './wink.js';

/** A token with its part of speech and character span inside its sentence. */
export interface Token {
  readonly text: string;
  /** Lower-cased text. */
  readonly norm: string;
  /** Universal POS tag from wink: PROPN, NOUN, VERB, AUX, ADP, PUNCT, PRON, DET, ADJ, NUM, CCONJ, ... */
  readonly pos: string;
  /** Character offsets of the token in the sentence text. */
  readonly start: number;
  readonly end: number;
  /** Lemma when wink provides one (lower case). */
  readonly lemma: string;
  /** Entity type from wink's entity recogniser covering this token (DATE, CARDINAL, MONEY, ...), if any. */
  readonly entity: string | null;
}

/** A wink entity span: token indexes [first, last] inclusive. */
export interface EntitySpan {
  readonly type: string;
  readonly value: string;
  readonly first: number;
  readonly last: number;
}

export interface AnnotatedSentence {
  readonly id: number;
  readonly paragraph: number;
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly entities: readonly EntitySpan[];
}

export interface AnnotatedArticle {
  readonly article: Article;
  readonly sentences: readonly AnnotatedSentence[];
}

/**
 * Tokenises and tags the whole article in ONE wink document. wink's per-document cost
 * (pipeline set-up, caches) dominates on short inputs, so reading sentence by sentence cost
 * about half again as much. Sentences are joined by single spaces: on the fixtures this gives
 * the very tokens and tags of per-sentence reading (a newline would become a token).
 */
export function annotate(article: Article): AnnotatedArticle {
  return { article, sentences: annotateAll(article.sentences) };
}

/** One sentence on its own (tests, ad-hoc text); same output shape as `annotate`. */
export function annotateSentence(id: number, paragraph: number, text: string): AnnotatedSentence {
  return annotateAll([{ id, paragraph, text }])[0]!;
}

/**
 * The one string wink reads for an article, with each sentence's start offset in it.
 * Exported so the bench's "tagging alone" baseline reads exactly the same text.
 */
export function joinSentences(sentences: readonly Sentence[]): { text: string; starts: number[] } {
  const starts: number[] = [];
  let text = '';
  for (const s of sentences) {
    if (text !== '') text += ' ';
    starts.push(text.length);
    text += s.text;
  }
  return { text, starts };
}

function annotateAll(sentences: readonly Sentence[]): AnnotatedSentence[] {
  if (sentences.length === 0) return [];
  const { nlp, its } = getNlp();
  const { text, starts } = joinSentences(sentences);
  const doc = nlp.readDoc(text);
  const words: string[] = doc.tokens().out();
  const pos: string[] = doc.tokens().out(its.pos);
  const lemmas = new Lemmas(() => doc.tokens().out(its.lemma as never) as string[]);
  const spans = doc.entities().out(its.span) as unknown as [number, number][];
  const details = doc.entities().out(its.detail) as unknown as { value: string; type: string }[];
  const entityAt = new Array<string | null>(words.length).fill(null);
  spans.forEach(([first, last], k) => {
    for (let i = first; i <= last; i++) entityAt[i] = details[k]!.type;
  });
  // Split the token stream at sentence starts; tokens never straddle the joining space.
  const tokensOf: Token[][] = sentences.map(() => []);
  const firstToken: number[] = new Array<number>(sentences.length).fill(words.length);
  let k = 0;
  let cursor = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // wink keeps token text verbatim, so a forward search recovers offsets.
    const at = text.indexOf(w, cursor);
    const start = at >= 0 ? at : cursor;
    if (at >= 0) cursor = at + w.length;
    while (k + 1 < starts.length && start >= starts[k + 1]!) k++;
    if (firstToken[k] === words.length) firstToken[k] = i;
    const base = starts[k]!;
    tokensOf[k]!.push(new WinkToken(w, pos[i] ?? 'X', start - base, entityAt[i] ?? null, lemmas, i));
  }
  const entitiesOf: EntitySpan[][] = sentences.map(() => []);
  spans.forEach(([first, last], e) => {
    const at = sentenceOfToken(firstToken, first);
    const offset = firstToken[at]!;
    // An entity running over a sentence end (rare) is cut at that end, as reading alone would.
    const lastInSentence = offset + tokensOf[at]!.length - 1;
    entitiesOf[at]!.push({
      type: details[e]!.type,
      value: details[e]!.value,
      first: first - offset,
      last: Math.min(last, lastInSentence) - offset,
    });
  });
  return sentences.map((s, i) => {
    const merged = mergeGlued(s.text, tokensOf[i]!);
    return {
      id: s.id,
      paragraph: s.paragraph,
      text: s.text,
      tokens: merged.tokens,
      entities: merged.map ? remapEntities(entitiesOf[i]!, merged.map) : entitiesOf[i]!,
    };
  });
}

const LETTERS = /^[\p{L}\p{M}]+$/u;
const CAPITAL = /^\p{Lu}/u;
/** Lower-case particles that open a hyphenated surname: "al-Bashir", "el-Sisi", "bin-Zayed". */
const HYPHEN_PARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'ul', 'bin', 'ibn', 'abu', 'ben']);

/**
 * Joins pieces of one written word that wink split: letters it does not know ("Erdo|ğ|an")
 * and hyphenated names ("Schoch|-|Spana", "Man|-|kei", "al|-|Bashir"). Every extractor then
 * sees the name as the single word the article wrote. Only words that start with a capital (or
 * a name particle) are joined, so "well-known" keeps its two tokens and their tags.
 */
function mergeGlued(text: string, tokens: Token[]): { tokens: Token[]; map: number[] | null } {
  let changed = false;
  const out: Token[] = [];
  const map: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let j = i;
    const opens = (CAPITAL.test(t.text) || HYPHEN_PARTICLES.has(t.norm)) && LETTERS.test(t.text);
    while (opens && j + 1 < tokens.length && tokens[j + 1]!.start === tokens[j]!.end) {
      const next = tokens[j + 1]!;
      // "Ł|ukasz": after a lone letter wink did not know, the whole rest of the word follows.
      const rest = next.text.length <= 3 || tokens[j]!.text.length === 1;
      if (LETTERS.test(next.text) && !CAPITAL.test(next.text) && rest && tokens[j]!.text !== '-') {
        j++; // a letter wink did not know, or the rest of the word after it
        continue;
      }
      const after = tokens[j + 2];
      const hyphenName =
        (next.text === '-' || next.text === '‑') &&
        after !== undefined &&
        after.start === next.end &&
        LETTERS.test(after.text) &&
        (CAPITAL.test(after.text) || CAPITAL.test(t.text));
      if (!hyphenName) break;
      j += 2;
    }
    if (j === i) {
      map.push(out.length);
      out.push(t);
      continue;
    }
    changed = true;
    const last = tokens[j]!;
    const joined = text.slice(t.start, last.end);
    for (let k = i; k <= j; k++) map.push(out.length);
    const pos = CAPITAL.test(t.text) && !/^\p{Lu}{2,}$/u.test(t.text) ? 'PROPN' : last.pos;
    out.push(new JoinedToken(joined, pos, t.start, t.entity));
    i = j;
  }
  return changed ? { tokens: out, map } : { tokens, map: null };
}

function remapEntities(spans: readonly EntitySpan[], map: readonly number[]): EntitySpan[] {
  return spans.map((e) => ({ ...e, first: map[e.first] ?? e.first, last: map[e.last] ?? e.last }));
}

class JoinedToken implements Token {
  readonly norm: string;
  readonly end: number;
  readonly lemma: string;
  constructor(
    readonly text: string,
    readonly pos: string,
    readonly start: number,
    readonly entity: string | null,
  ) {
    this.norm = text.toLowerCase();
    this.end = start + text.length;
    this.lemma = this.norm;
  }
}

/**
 * Lemmas of one document, asked of wink only when some extractor first reads one: lemma
 * output costs about a tenth of tagging and `analyse` itself does not need it.
 */
class Lemmas {
  private values: string[] | null = null;
  constructor(private readonly read: () => string[]) {}
  at(index: number, fallback: string): string {
    this.values ??= this.read().map((l) => l.toLowerCase());
    return this.values[index] ?? fallback.toLowerCase();
  }
}

class WinkToken implements Token {
  readonly norm: string;
  readonly end: number;
  constructor(
    readonly text: string,
    readonly pos: string,
    readonly start: number,
    readonly entity: string | null,
    private readonly lemmas: Lemmas,
    private readonly index: number,
  ) {
    this.norm = text.toLowerCase();
    this.end = start + text.length;
  }
  get lemma(): string {
    return this.lemmas.at(this.index, this.text);
  }
}

/** Index of the sentence holding token `index`, given each sentence's first token index. */
function sentenceOfToken(firstToken: readonly number[], index: number): number {
  let at = 0;
  for (let k = 0; k < firstToken.length; k++) if (firstToken[k]! <= index) at = k;
  return at;
}
