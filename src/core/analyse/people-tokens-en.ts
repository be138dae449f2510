/**
 * Token classes the English person finder shares: which capitalised words can be part of a
 * personal name, honorifics, and the punctuation that opens or closes an appositive.
 */
import type { AnnotatedSentence, Token } from '../nlp/annotate.js';
import { hasGluedParticle, isAcronym, type Run } from './entities-runs.js';
import { ORG_CUE_WORDS } from './organizations-cues.js';
import { CALENDAR_WORDS, NAME_PARTICLES, NON_NAME_WORDS, THING_NOUNS } from './people-lexicon.js';
import { TITLE_WORDS } from './people-title-words-en.js';
import { GAZETTEER, PLACE_CUE_WORDS } from './places-gazetteer.js';
import { singularEn } from './person-nouns-en.js';
import { memoByText } from './text-memo.js';

export const DELIMS: ReadonlySet<string> = new Set([',', '—', '–', '-', '--']);
export const HONORIFICS: ReadonlySet<string> = new Set([
  'dr.',
  'mr.',
  'mrs.',
  'ms.',
  'prof.',
  'dr',
  'mr',
  'mrs',
  'ms',
  'sir',
  'dame',
]);
export const QUOTE_MARKS = /^[“”"‘’']$/;
export const CLAUSE_POS: ReadonlySet<string> = new Set([
  'DET',
  'PRON',
  'ADP',
  'SCONJ',
  'CCONJ',
  'ADV',
  'AUX',
  'VERB',
  'PART',
]);

/** Can this token be part of a personal name? */
export function isNameWord(t: Token): boolean {
  return nameWordByKey(`${t.text.length}:${t.text}${t.norm}`);
}

// Keyed by text and norm together (the text's length first, so the key reads back
// unambiguously): the answer depends on both and on nothing else.
const nameWordByKey = memoByText((key) => {
  const colon = key.indexOf(':');
  const end = colon + 1 + Number(key.slice(0, colon));
  return nameWordOf({ text: key.slice(colon + 1, end), norm: key.slice(end) });
});

function nameWordOf(t: Pick<Token, 'text' | 'norm'>): boolean {
  if (NAME_PARTICLES.has(t.text)) return true;
  if (hasGluedParticle(t.text)) return true;
  if (isAcronym(t.text) || /\d/.test(t.text) || !/^\p{Lu}/u.test(t.text)) return false;
  const n = t.norm;
  // "President-elect", "Vice-Chancellor": a hyphenated title is still a title.
  const dash = n.indexOf('-');
  if (dash > 0 && (TITLE_WORDS.has(n.slice(0, dash)) || TITLE_WORDS.has(n.slice(dash + 1)))) return false;
  // "Presidents", "Senators": a plural title opens a list of names, it is not one.
  if (n.endsWith('s') && TITLE_WORDS.has(singularEn(n))) return false;
  return !(
    CALENDAR_WORDS.has(n) ||
    NON_NAME_WORDS.has(n) ||
    ORG_CUE_WORDS.has(n) ||
    PLACE_CUE_WORDS.has(n) ||
    TITLE_WORDS.has(n) ||
    THING_NOUNS.has(n) ||
    GAZETTEER.has(n)
  );
}

/** Months that are also names: "Theresa May", "Ellen August". */
const NAME_MONTHS: ReadonlySet<string> = new Set(['may', 'june', 'april', 'august']);

/** A month word ending a name: after a given name, and not before a day number ("May 16"). */
function monthAsSurname(s: AnnotatedSentence, k: number): boolean {
  const t = s.tokens[k]!;
  const prev = s.tokens[k - 1];
  return (
    NAME_MONTHS.has(t.norm) &&
    prev !== undefined &&
    isNameWord(prev) &&
    /^\p{Lu}\p{Ll}/u.test(prev.text) &&
    !/^\d/.test(s.tokens[k + 1]?.text ?? '')
  );
}

/** Index where the name starts: the longest run suffix of name words. */
export function nameStart(s: AnnotatedSentence, run: Run): number {
  let k = run.last;
  if (!isNameWord(s.tokens[k]!) && !monthAsSurname(s, k)) return run.last + 1;
  while (k > run.first && isNameWord(s.tokens[k - 1]!)) k--;
  return k;
}

/**
 * "Jane Roe, 39, who ..." / "Jane Roe, 39." : an age between commas right after a name is news
 * prose's mark of a person (things and organisations are not given ages).
 */
export function ageAfter(s: AnnotatedSentence, last: number): boolean {
  const t = s.tokens;
  if (t[last + 1]?.text !== ',' || !/^\d{1,3}$/.test(t[last + 2]?.text ?? '')) return false;
  const age = Number(t[last + 2]!.text);
  const close = t[last + 3];
  return age > 0 && age < 120 && (close === undefined || [',', '.', ')', ';'].includes(close.text));
}
