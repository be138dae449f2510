/**
 * A person introduced by a role and a naming word, often with a first name or a pseudonym
 * only: "a Polish chef named Łukasz", "a protester using the pseudonym Katya", "the driver,
 * called Sam by his friends". The single word after the naming word is a person; the role is
 * the noun phrase before it, from its article to its head.
 * A relative in apposition is named the same way: "their youngest son, Eli", "his wife Mara":
 * a kinship noun after a possessive, then one capitalised word.
 */
import type { AnnotatedSentence } from '../nlp/annotate.js';
import { spanText } from './entities-runs.js';
import { isTitle } from './people-roles-en.js';

const NAMING: ReadonlySet<string> = new Set(['named', 'called', 'nicknamed', 'pseudonym', 'alias']);
/** Words between the role and its naming word: "using the pseudonym", "known by the alias". */
const BRIDGE: ReadonlySet<string> = new Set(['the', 'a', 'using', 'under', 'by', 'known', 'going', 'with']);
const OPENERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'one', 'another']);
/** Words a role may hold between its article and its head: "a 25-year-old Polish chef". */
const MAX_ROLE_WORDS = 6;

/** The role of the one-word name at token `first`, when a naming word stands right before it. */
export function roleOfNamed(s: AnnotatedSentence, first: number): string | null {
  let k = first - 1;
  if (!NAMING.has(s.tokens[k]?.norm ?? '')) return null;
  k -= 1;
  while (k >= 0 && BRIDGE.has(s.tokens[k]!.norm)) k -= 1;
  const head = s.tokens[k];
  if (!head || !isTitle(head)) return null;
  let o = k;
  while (o > 0 && k - o < MAX_ROLE_WORDS && !OPENERS.has(s.tokens[o - 1]!.norm)) {
    const t = s.tokens[o - 1]!;
    if (t.pos === 'PUNCT' || t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'ADP') return null;
    o -= 1;
  }
  if (!OPENERS.has(s.tokens[o - 1]?.norm ?? '')) return null;
  return spanText(s, o, k);
}

/** Kinship nouns: a family relation, never an office or an organisation. */
const KIN: ReadonlySet<string> = new Set(
  (
    'wife husband son daughter child baby brother sister mother father parent partner fiancee fiancée fiance ' +
    'fiancé widow widower cousin nephew niece uncle aunt grandson granddaughter grandmother grandfather ' +
    'grandchild stepson stepdaughter stepmother stepfather girlfriend boyfriend spouse twin sibling infant toddler'
  ).split(' '),
);
const POSSESSIVES: ReadonlySet<string> = new Set(['his', 'her', 'their', 'our', 'my']);
/** Tokens a kinship phrase may hold between its possessive and its noun: "two-year-old", "eldest". */
const MAX_KIN_TOKENS = 8;

/** The role of the one-word name at token `first` when a kinship noun after a possessive stands right before it. */
export function roleOfRelative(s: AnnotatedSentence, first: number): string | null {
  const t = s.tokens;
  let k = first - 1;
  if (t[k]?.text === ',') {
    // "their son, Eli, said" / "their son, Eli.": the apposition closes after the one word.
    const close = t[first + 1];
    if (close && ![',', '.', ';', ')'].includes(close.text)) return null;
    k -= 1;
  }
  if (!KIN.has(t[k]?.norm ?? '')) return null;
  let o = k;
  while (o > 0 && k - o < MAX_KIN_TOKENS && !POSSESSIVES.has(t[o - 1]!.norm)) {
    const w = t[o - 1]!;
    const modifier = /^[\p{Ll}\d]/u.test(w.text) && ['ADJ', 'NOUN', 'NUM', 'ADV'].includes(w.pos);
    if (!modifier && w.text !== '-') return null;
    o -= 1;
  }
  if (!POSSESSIVES.has(t[o - 1]?.norm ?? '')) return null;
  return spanText(s, o - 1, k);
}
