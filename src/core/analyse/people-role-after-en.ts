/**
 * English roles written after a name or in the clause before it: "Ana Silva, acting director
 * of the WHO, said", "The minister of health, John Smith, said", "Smith — who leads the agency —".
 */
import type { AnnotatedSentence, Token } from '../nlp/annotate.js';
import { spanText } from './entities-runs.js';
import { SPEECH_WORDS } from './people-lexicon.js';
import { isTitle } from './people-roles-en.js';
import { DELIMS, QUOTE_MARKS, isNameWord } from './people-tokens-en.js';

/** "who leads the agency" is a role; "who took the video" is not. */
const ROLE_VERBS: ReadonlySet<string> = new Set([
  'leads',
  'led',
  'heads',
  'headed',
  'runs',
  'ran',
  'chairs',
  'chaired',
  'directs',
  'directed',
  'oversees',
  'oversaw',
  'manages',
  'managed',
  'founded',
  'represents',
  'serves',
  'served',
  'coaches',
  'coached',
  'owns',
  'commands',
  'commanded',
  'is',
  'was',
]);

/** Cleans an appositive into a role: drops articles, "who is", trailing punctuation. */
function cleanRole(text: string): string | null {
  let r = text
    .trim()
    .replace(/^(?:who\s+(?:is|was|are|has been|had been)?\s*)/i, '')
    .replace(/^(?:the|a|an)\s+/i, '');
  r = r.replace(/[\s,.;:—–"“”]+$/u, '').trim();
  return r.length > 1 ? r : null;
}

/** A title heads the phrase: it comes early and before any verb ("acting" as a first word is a modifier). */
function hasTitle(toks: readonly Token[]): boolean {
  for (let i = 0; i < Math.min(toks.length, 7); i++) {
    const t = toks[i]!;
    if (isTitle(t)) return true;
    // "a convicted murderer": a participle right before the head modifies it.
    // Only after an article: "addressed reporters" opening the phrase is a clause.
    if (
      t.pos === 'VERB' &&
      /ed$/.test(t.norm) &&
      isTitle(toks[i + 1]) &&
      ['a', 'an', 'the'].includes(toks[i - 1]?.norm ?? '')
    )
      continue;
    // Only an "-ing" modifier may open a role ("acting director"); "says the president" is a clause.
    // A possessive may open it ("his widow"); any other pronoun starts a clause.
    const possessive = i === 0 && ['his', 'her', 'their'].includes(t.norm);
    if (
      t.pos === 'AUX' ||
      (t.pos === 'PRON' && !possessive) ||
      t.pos === 'SCONJ' ||
      (t.pos === 'VERB' && (i > 0 || !t.norm.endsWith('ing')))
    )
      return false;
  }
  return false;
}

function whoRole(toks: readonly Token[]): boolean {
  return toks[0]?.norm === 'who' && (ROLE_VERBS.has(toks[1]?.norm ?? '') || hasTitle(toks.slice(1)));
}

/** Appositive after the name: up to a delimiter followed by a verb, or the end of the sentence. */
export function roleAfter(s: AnnotatedSentence, last: number, speechBefore: boolean): string | null {
  const toks = s.tokens;
  const open = toks[last + 1];
  if (!open || !DELIMS.has(open.text)) return null;
  let end = toks.length - 1;
  let closedByVerb = false;
  let firstDelim = -1;
  for (let k = last + 2; k < toks.length; k++) {
    const t = toks[k]!;
    if (QUOTE_MARKS.test(t.text) && t.text !== '’') {
      end = k - 1;
      break;
    }
    if (DELIMS.has(t.text)) {
      if (firstDelim < 0) firstDelim = k;
      let n = k + 1;
      while (toks[n]?.pos === 'ADV') n++;
      const next = toks[n];
      // "said John Roe, the Secretary of State, contacted ...": a verb closes the appositive
      // after a speech verb too.
      if (next && (next.pos === 'VERB' || next.pos === 'AUX' || SPEECH_WORDS.has(next.norm))) {
        end = k - 1;
        closedByVerb = true;
        break;
      }
      // ", and Eva Lind, ..." starts the next person of a list.
      if (!speechBefore && next?.pos === 'CCONJ') break;
    }
  }
  // Without a closing verb the appositive is only up to the next comma: "Smith, director of X, and Jones met".
  if (!speechBefore && !closedByVerb && firstDelim > 0) end = firstDelim - 1;
  // "James Ford, 42, a convicted murderer ...": an age first, then the appositive.
  if (end === last + 2 && /^\d{1,3}$/.test(toks[last + 2]!.text) && toks[last + 3]?.text === ',')
    return roleAfter(s, last + 2, speechBefore);
  const slice = toks.slice(last + 2, end + 1);
  if (slice.length === 0 || slice.length > 30) return null;
  // "NASA astronaut A B, ESA astronaut C D, and ...": the next item of a list of people, not a role.
  if (
    slice.some(
      (t, i) =>
        isTitle(t) &&
        // "fiancée of journalist A B": a title after a preposition belongs to the role's owner.
        slice[i - 1]?.pos !== 'ADP' &&
        slice[i + 1] !== undefined &&
        slice[i + 2] !== undefined &&
        isNameWord(slice[i + 1]!) &&
        isNameWord(slice[i + 2]!),
    )
  )
    return null;
  // "A B, Labour MP (Member of Parliament) C D, and ...": the slice ends in the next person's name.
  const tail = slice.slice(-2);
  const beforeTail = slice[slice.length - 3];
  if (
    tail.length === 2 &&
    // "of Hong Kong", "the Greek Energy Forum" end in capitals too, but no title stands before them.
    beforeTail !== undefined &&
    (isTitle(beforeTail) || beforeTail.text === ')') &&
    slice[slice.length - 4]?.pos !== 'ADP' &&
    tail.every((t) => isNameWord(t) && /^\p{Lu}\p{Ll}/u.test(t.text)) &&
    slice.some((t) => isTitle(t))
  )
    return null;
  // "Goodall, a primatologist, praised ...": an indefinite noun phrase closed by a verb is a role too.
  // ... but only when a person noun heads it ("a primatologist"), not "a similar project".
  const describes =
    ['a', 'an', 'the'].includes(slice[0]!.norm) &&
    (closedByVerb || speechBefore) &&
    slice.length <= 12 &&
    slice.some((t) => isTitle(t));
  if (!(hasTitle(slice) || whoRole(slice) || describes)) return null;
  return cleanRole(spanText(s, last + 2, modifierEnd(toks, last + 2, end)));
}

/**
 * "a convicted murderer approaching the end of his sentence": after the role's head noun, an
 * "-ing" participle or a relative pronoun opens a clause about the person, not the role.
 */
function modifierEnd(toks: readonly Token[], from: number, end: number): number {
  let head = -1;
  for (let k = from; k <= end; k++) {
    const t = toks[k]!;
    if (head < 0) {
      if (isTitle(t) && t.norm !== 'who') head = k;
      continue;
    }
    const ing = t.pos === 'VERB' && t.norm.endsWith('ing');
    if (ing || (RELATIVE_STARTS.has(t.norm) && k > head + 1)) return k - 1;
  }
  return end;
}

const RELATIVE_STARTS: ReadonlySet<string> = new Set(['who', 'which', 'that', 'whose']);

/**
 * "The minister of health, John Smith, said": the role is the clause before the comma. After a
 * speech verb the name needs no closing comma: "said the agency’s project scientist, Jane Roe of X."
 */
export function roleInFrontClause(s: AnnotatedSentence, first: number, last: number): string | null {
  if (s.tokens[first - 1]?.text !== ',') return null;
  let k = first - 2;
  while (k >= 0 && !DELIMS.has(s.tokens[k]!.text) && !QUOTE_MARKS.test(s.tokens[k]!.text)) k--;
  let from = k + 1;
  const spoken = SPEECH_WORDS.has(s.tokens[from]?.norm ?? '');
  if (spoken) from++;
  if (!spoken && !DELIMS.has(s.tokens[last + 1]?.text ?? '')) return null;
  const slice = s.tokens.slice(from, first - 1);
  if (slice.length === 0 || slice.length > 15 || !hasTitle(slice)) return null;
  // "His widow, Jane Roe," opens with a possessive as well as with an article.
  const possessive = ['his', 'her', 'their'].includes(slice[0]!.norm);
  if (!(slice[0]!.pos === 'DET' || possessive || isTitle(slice[0]) || (spoken && /^\p{Lu}/u.test(slice[0]!.text))))
    return null;
  return cleanRole(spanText(s, from, first - 2));
}

/** An appositive right after the name that opens with an article and names no kind of person. */
export function describesAThing(s: AnnotatedSentence, last: number): boolean {
  if (!DELIMS.has(s.tokens[last + 1]?.text ?? '') || !['a', 'an', 'the'].includes(s.tokens[last + 2]?.norm ?? ''))
    return false;
  for (let k = last + 3; k < s.tokens.length && !DELIMS.has(s.tokens[k]!.text); k++)
    if (isTitle(s.tokens[k])) return false;
  return true;
}
