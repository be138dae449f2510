/**
 * A person introduced by a role and a naming word, often with a first name or a pseudonym
 * only: "a Polish chef named Łukasz", "a protester using the pseudonym Katya", "the driver,
 * called Sam by his friends". The single word after the naming word is a person; the role is
 * the noun phrase before it, from its article to its head.
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
