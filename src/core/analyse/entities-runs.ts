/**
 * Capitalised-word runs: the raw material of people, organisation and place names.
 * Computed once per sentence and shared by every extractor.
 */
import type { AnnotatedSentence, Token } from '../nlp/annotate.js';
import { NAME_PARTICLES } from './people-lexicon.js';
import { memoByText } from './text-memo.js';

/** A maximal run of capitalised word tokens, [first, last] inclusive. */
export interface Run {
  readonly first: number;
  readonly last: number;
  readonly text: string;
}

/** POS tags of words that are capitalised only because they start a sentence or quote. */
const FUNCTION_POS: ReadonlySet<string> = new Set([
  'DET',
  'ADP',
  'PRON',
  'CCONJ',
  'SCONJ',
  'AUX',
  'PART',
  'ADV',
  'VERB',
  'INTJ',
  'NUM',
]);
const OPENERS: ReadonlySet<string> = new Set(['“', '"', '‘', "'", '(', '[', '—', '–', ':', '-']);

const CAP_WORD = /^\p{Lu}[\p{L}\p{M}’'.\-]*$/u;
const ACRONYM = /^\p{Lu}[\p{Lu}&]{1,7}s?$/u;

/** "el-Sisi", "al-Bashir", "bin-Salman": an Arabic article or kin word glued to a capitalised name. */
const GLUED_PARTICLE = /^(?:al|el|ad|ash|as|at|an|ar|az|bin|ibn|abu|bint)-\p{Lu}\p{Ll}/u;

/**
 * True when the text starts with an ASCII character other than A-Z, which is never `\p{Lu}`.
 * Most tokens are lower-case words or punctuation, and every extractor asks about every
 * token, so this check spares them the Unicode regexes (same answers, a fraction of the cost).
 */
function startsAsciiNonUpper(text: string): boolean {
  const c = text.charCodeAt(0);
  return c < 128 && (c < 65 || c > 90);
}

export function isCapWord(t: Token): boolean {
  // Not capitalised: only a glued particle ("el-Sisi", which has a hyphen) can still count.
  if (startsAsciiNonUpper(t.text)) return t.text.includes('-') && GLUED_PARTICLE.test(t.text);
  return capWordText(t.text);
}

const capWordText = memoByText(
  (text) => (CAP_WORD.test(text) && /\p{L}{2}|^\p{Lu}\.$/u.test(text)) || GLUED_PARTICLE.test(text),
);

/** True for a name word written with a lower-case glued particle ("el-Sisi"). */
export function hasGluedParticle(text: string): boolean {
  return GLUED_PARTICLE.test(text);
}

export function isAcronym(text: string): boolean {
  if (startsAsciiNonUpper(text)) return false;
  return acronymText(text);
}

const acronymText = memoByText((text) => ACRONYM.test(text) && !/^\p{Lu}\p{Ll}/u.test(text));

/** True when the token starts the sentence (or a quote) so its capital says nothing. */
export function atClauseStart(s: AnnotatedSentence, i: number): boolean {
  if (i === 0) return true;
  const prev = s.tokens[i - 1];
  return prev !== undefined && OPENERS.has(prev.text) && (i === 1 || s.tokens[i - 2]?.text !== ',');
}

/** Text of tokens first..last exactly as written in the sentence. */
export function spanText(s: AnnotatedSentence, first: number, last: number): string {
  const a = s.tokens[first];
  const b = s.tokens[last];
  return a && b ? s.text.slice(a.start, b.end) : '';
}

/** Maximal runs of capitalised words; name particles ("van", "de") may sit inside a run. */
// Every extractor asks for the runs of the same sentence (people, organisations, places,
// quotes): computing them once per sentence keeps the analysis within its 3× tagging budget.
const runCache = new WeakMap<AnnotatedSentence, readonly Run[]>();

/** Runs of capitalised words in a sentence (memoised per sentence object; do not mutate). */
export function capitalRuns(s: AnnotatedSentence): readonly Run[] {
  let runs = runCache.get(s);
  if (!runs) {
    runs = computeCapitalRuns(s);
    runCache.set(s, runs);
  }
  return runs;
}

function computeCapitalRuns(s: AnnotatedSentence): Run[] {
  const runs: Run[] = [];
  const toks = s.tokens;
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    const startsHere = isCapWord(t) && !(atClauseStart(s, i) && FUNCTION_POS.has(t.pos));
    if (!startsHere) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < toks.length) {
      const next = toks[j + 1]!;
      if (
        (isCapWord(next) && next.start === toks[j]!.end + 1) ||
        (isCapWord(next) && next.start > toks[j]!.end && s.text.slice(toks[j]!.end, next.start).trim() === '')
      ) {
        j++;
        continue;
      }
      const after = toks[j + 2];
      if (NAME_PARTICLES.has(next.text) && after && isCapWord(after)) {
        j += 2;
        continue;
      }
      break;
    }
    runs.push({ first: i, last: j, text: spanText(s, i, j) });
    i = j + 1;
  }
  return runs;
}
