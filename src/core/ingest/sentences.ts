/**
 * Sentence splitting: wink-nlp does the work, then a few repairs for the places where
 * its boundary detector is known to cut news text wrongly (checked on the fixtures and
 * on typical wire copy): abbreviations such as "Sen." or "Fig.", dotted acronyms inside
 * a longer token ("D-N.Y.", "Ph.D."), URLs ("www.example.com"), and stray marks that end
 * up as a sentence of their own (a lone "." or a closing quote).
 */
import { getNlp } from '../nlp/wink.js';
import { hasWords, repairPunctuation } from './normalise.js';

/**
 * Abbreviations that essentially never end a sentence: titles, months, and reference
 * words that are always followed by a name or a number.
 */
const NEVER_FINAL = new Set([
  'mr',
  'mrs',
  'ms',
  'mx',
  'dr',
  'prof',
  'sen',
  'rep',
  'gov',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'maj',
  'cpl',
  'pvt',
  'rev',
  'hon',
  'pres',
  'supt',
  'insp',
  'det',
  'st',
  'mt',
  'ft',
  'no',
  'nos',
  'fig',
  'figs',
  'vol',
  'pp',
  'vs',
  'approx',
  'dept',
  'univ',
  'ave',
  'blvd',
  'rd',
  'sq',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

/** Characters that cannot start a sentence: the splitter cut inside one. */
const CONTINUATION_START = /^[\p{Ll},;:)\]}%]/u;
/** A lone closing mark (quote, bracket) that belongs to the sentence before it. */
const CLOSING_ONLY = /^["'”’»)\]]+$/u;
/** "Y., on Tuesday" / "D., agreed": the tail of a dotted acronym. */
const ACRONYM_TAIL = /^\p{Lu}\.(?:\p{Lu}\.)*(?=[\s,;:)]|$)/u;
/** The sentence ends with a one- or two-letter dotted token ("D-N.", "Ph.", "U.S.")... */
const ENDS_WITH_SHORT_DOTTED = /(?:^|[\s(\-.])\p{L}{1,2}\.$/u;

function lastWord(text: string): string {
  const m = /([\p{L}]+)\.$/u.exec(text);
  return m?.[1] ?? '';
}

/** Decides whether the splitter's boundary between `prev` and `next` is false. */
function shouldMerge(prev: string, next: string): boolean {
  if (!hasWords(next) || CLOSING_ONLY.test(next)) return true;
  if (CONTINUATION_START.test(next)) return true;
  if (NEVER_FINAL.has(lastWord(prev).toLowerCase()) && /^[\p{Lu}\p{N}]/u.test(next)) return true;
  if (ENDS_WITH_SHORT_DOTTED.test(prev) && ACRONYM_TAIL.test(next)) return true;
  return false;
}

/**
 * Splits one paragraph into trimmed, whitespace-normalised sentences in reading order.
 * Fragments with no letters or digits are folded into their neighbour, never returned.
 */
export function splitSentences(paragraph: string): string[] {
  const text = repairPunctuation(paragraph);
  if (!hasWords(text)) return [];
  const raw = getNlp().nlp.readDoc(text).sentences().out() as string[];
  // Work with offsets into `text` so a merge restores the original spacing ("D-N.Y." not "D-N. Y.").
  const spans: { start: number; end: number }[] = [];
  let cursor = 0;
  for (const piece of raw) {
    const s = piece.trim();
    if (s === '') continue;
    const at = text.indexOf(s, cursor);
    // wink returns substrings of its input; if one ever is not, keep its text as a fresh span.
    const start = at >= 0 ? at : cursor;
    const end = at >= 0 ? at + s.length : Math.min(text.length, cursor + s.length);
    cursor = end;
    const prev = spans[spans.length - 1];
    // A number cut at its point ("8.|13pm GMT", a time) is one word: no sentence ends inside it.
    const cutNumber =
      prev !== undefined && start === prev.end && /\d\.$/.test(text.slice(prev.start, prev.end)) && /^\d/.test(s);
    if (prev !== undefined && (cutNumber || shouldMerge(text.slice(prev.start, prev.end), s))) {
      prev.end = end;
    } else {
      spans.push({ start, end });
    }
  }
  const merged = spans.map((sp) => text.slice(sp.start, sp.end));
  // A leading punctuation-only fragment has nothing before it to join: drop it.
  return merged.map((s) => repairPunctuation(s)).filter(hasWords);
}
