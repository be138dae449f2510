/**
 * The lead of a list: a readable phrase announcing it, ideally subject + verb + object noun
 * ("The city hired", "CNSA proposed ... in eight areas"). Raw token slices read badly when
 * the clause before the list lacks its subject ("noted in his opening speech the importance"
 * after ", head of CNSA,") or when the list is the subject and the clause goes on after it
 * ("spacecraft like A, B and C have taken off from X"). These helpers rebuild such leads
 * from the sentence's own words, never inventing any but a joining "that".
 */
import type { AnnotatedSentence, Token } from '../nlp/annotate.js';
import { isHardStop, regionEnd, type Span } from './lists-segment.js';

const RELATIVE_LEADS: ReadonlySet<string> = new Set(['which', 'who', 'whose', 'where', 'when']);
const NOUNS: ReadonlySet<string> = new Set(['NOUN', 'PROPN']);
const LEAD_TRAILERS: ReadonlySet<string> = new Set(['ADP', 'PART', 'DET', 'PUNCT', 'CCONJ', 'SCONJ']);
const NOUN_PHRASE_POS: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'DET']);
const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['that', 'which', 'who']);

function isSeparator(t: Token): boolean {
  return isHardStop(t) || ((t.text === ',' || t.text === ';' || t.text === ':') && t.entity === null);
}

/** Start of the clause that ends at `last`: after the previous top-level comma, semicolon, colon or dash. */
export function clauseStart(tokens: readonly Token[], last: number): number {
  for (let i = last; i >= 0; i--) if (isSeparator(tokens[i]!)) return i + 1;
  return 0;
}

/**
 * Clause start, reaching further back while the clause is a word or two ("funded by")
 * or a relative clause ("which will run ..."), so the lead names what the list belongs to.
 */
export function leadStart(tokens: readonly Token[], last: number): number {
  let start = clauseStart(tokens, last);
  for (let hops = 0; hops < 3 && start > 1; hops++) {
    const short = last - start < 2;
    const relative = RELATIVE_LEADS.has(tokens[start]?.norm ?? '');
    if (!short && !relative) break;
    start = clauseStart(tokens, start - 2);
  }
  return start;
}

/** Verbatim text of [first, last] without dangling prepositions, articles or conjunctions. */
export function leadText(s: AnnotatedSentence, first: number, last: number): string {
  const span = trimLead(s.tokens, first, last);
  return span ? s.text.slice(s.tokens[span.first]!.start, s.tokens[span.last]!.end) : '';
}

function trimLead(tokens: readonly Token[], first: number, last: number): Span | null {
  while (last >= first && LEAD_TRAILERS.has(tokens[last]!.pos) && !/[)\]]/.test(tokens[last]!.text)) last--;
  while (first <= last && (tokens[first]!.pos === 'CCONJ' || tokens[first]!.pos === 'PUNCT')) first++;
  return first <= last ? { first, last } : null;
}

function startsWithPredicate(t: Token | undefined): boolean {
  return !!t && (t.pos === 'VERB' || t.pos === 'AUX');
}

/**
 * The lead for a list in subject position: "spacecraft like A, B and C have all taken off
 * from X" gives "spacecraft that have all taken off from X". `nounLast` is the last token
 * of the noun the list illustrates, `listLast` the last token of the list. Null when no
 * predicate follows the list.
 */
export function subjectLead(s: AnnotatedSentence, nounLast: number, listLast: number): string | null {
  const tokens = s.tokens;
  let verb = listLast + 1;
  while (tokens[verb]?.pos === 'ADV') verb++;
  if (!startsWithPredicate(tokens[verb]) || tokens[verb]!.norm.endsWith('ing')) return null;
  let nounFirst = nounLast;
  while (nounFirst > 0 && NOUN_PHRASE_POS.has(tokens[nounFirst - 1]!.pos) && tokens[nounFirst - 1]!.entity === null)
    nounFirst--;
  const noun = trimLead(tokens, nounFirst, nounLast);
  if (!noun || !NOUNS.has(tokens[noun.last]!.pos)) return null;
  // The predicate ends where the clause does, or at an infinitive of purpose ("to explore ...").
  let end = regionEnd(tokens, listLast + 1);
  for (let i = verb + 1; i <= end; i++) {
    const t = tokens[i]!;
    const purpose = t.norm === 'to' && t.pos === 'PART' && tokens[i + 1]?.pos === 'VERB';
    if (isSeparator(t) || purpose) {
      end = i - 1;
      break;
    }
  }
  const predicate = trimLead(tokens, listLast + 1, end);
  if (!predicate || predicate.last < verb) return null;
  const slice = (span: Span): string => s.text.slice(tokens[span.first]!.start, tokens[span.last]!.end);
  return `${slice(noun)} that ${slice(predicate)}`;
}

/**
 * When the lead's clause opens with its verb, the subject sits before an aside: an
 * appositive ("Zhang Kejian, head of CNSA, noted ...") or a relative clause whose verb it
 * shares ("proposals that could return samples, and lowers ..."). Returns the subject's
 * span, or null when the clause has its own subject or none can be found.
 */
export function detachedSubject(tokens: readonly Token[], clauseFirst: number): Span | null {
  let first = clauseFirst;
  while (tokens[first]?.pos === 'CCONJ') first++;
  if (!startsWithPredicate(tokens[first]) || clauseFirst < 2) return null;
  const comma = clauseFirst - 1;
  const asideFirst = clauseStart(tokens, comma - 1);
  const aside = { first: asideFirst, last: comma - 1 };
  // An appositive: a verbless noun phrase between two commas, after a name.
  const verbless = !tokens.slice(aside.first, aside.last + 1).some((t) => startsWithPredicate(t));
  if (verbless && asideFirst >= 2 && tokens[asideFirst - 1]!.text === ',') {
    const subject = nounPhraseEndingAt(tokens, asideFirst - 2);
    if (subject) return subject;
  }
  // A coordinated predicate of a relative clause: its subject is the noun before "that".
  for (let i = aside.last; i >= aside.first; i--) {
    if (SUBJECT_PRONOUNS.has(tokens[i]!.norm) && startsWithPredicate(tokens[i + 1])) {
      const noun = nounPhraseEndingAt(tokens, i - 1);
      // Keep the pronoun: "proposals from industry that lowers" reads as the article meant.
      return noun ? { first: noun.first, last: i } : null;
    }
  }
  return null;
}

/** The noun phrase ending at `last` ("architecture proposals from industry"), or null. */
function nounPhraseEndingAt(tokens: readonly Token[], last: number): Span | null {
  const end = tokens[last];
  if (!end || (end.pos !== 'NOUN' && end.pos !== 'PROPN')) return null;
  let first = last;
  for (let i = last - 1; i >= 0; i--) {
    const t = tokens[i]!;
    // "of"/"from" inside a name-like phrase keep it whole: "proposals from industry".
    const linking =
      t.pos === 'ADP' && (t.norm === 'of' || t.norm === 'from') && NOUN_PHRASE_POS.has(tokens[i - 1]?.pos ?? '');
    if (!NOUN_PHRASE_POS.has(t.pos) && !linking) break;
    first = i;
    if (t.pos === 'DET') break;
  }
  return trimLead(tokens, first, last);
}

/**
 * The lead for a list whose announcing clause ends at `last`: the clause itself, given back
 * its detached subject when it lacks one ("Zhang Kejian noted the importance"), else the
 * verbatim lead from `leadStart`.
 */
export function clauseLead(s: AnnotatedSentence, last: number): string {
  const tokens = s.tokens;
  const clause = clauseStart(tokens, last);
  const subject = detachedSubject(tokens, clause);
  const body = subject ? trimLead(tokens, clause, last) : null;
  if (!subject || !body) return leadText(s, leadStart(tokens, last), last);
  const slice = (first: number, to: number): string => s.text.slice(tokens[first]!.start, tokens[to]!.end);
  let verb = body.first;
  while (!startsWithPredicate(tokens[verb])) verb++;
  // "noted in his opening speech the importance": the aside between verb and object goes.
  const object = tokens[verb + 1]?.pos === 'ADP' ? objectAtEnd(tokens, verb + 2, body.last) : -1;
  const predicate =
    object > 0 ? `${slice(body.first, verb)} ${slice(object, body.last)}` : slice(body.first, body.last);
  return `${slice(subject.first, subject.last)} ${predicate}`;
}

/** Index of the last determiner in [from, last] that starts a plain noun phrase running to `last`, else -1. */
function objectAtEnd(tokens: readonly Token[], from: number, last: number): number {
  for (let i = last; i >= from; i--) {
    const t = tokens[i]!;
    if (t.pos === 'DET') return i;
    if (t.pos !== 'NOUN' && t.pos !== 'ADJ' && t.pos !== 'PROPN') return -1;
  }
  return -1;
}
