/**
 * English evidence that a capitalised phrase is NOT a person, which wins over weak person
 * evidence (a speech verb, a role found beside it):
 * - its last word heads organisation names ("Swiss Re", "Research Associates", "Humanitarian
 *   Affairs", "the Energy Forum");
 * - it holds a word the article uses on its own as an organisation ("Acme" → "Acme Polska");
 * - the role found for it ends in a preposition or article ("director of the", "Minister for"):
 *   the phrase is the object of that role (an office, a ministry), not its holder.
 */
import type { Token } from '../nlp/annotate.js';
import { ORG_CUE_WORDS, ORG_HINT_WORDS } from './organizations-cues.js';

/** Last words of organisation, office and product names beyond ORG_CUE_WORDS. Lower case. */
const ORG_HEADS_EN: ReadonlySet<string> = new Set([
  're',
  'associates',
  'affairs',
  'forum',
  'rights',
  'procurement',
  'diseases',
  'therapeutics',
  'biotherapeutics',
  'pharmaceuticals',
  'pharma',
  'tissue',
  'brands',
  'stores',
  'foods',
  'energy',
  'resources',
  'capital',
  'ventures',
  'studios',
  'records',
  'entertainment',
  'solutions',
  'enterprises',
  'logistics',
  'insurance',
  'clinic',
  'church',
  'christianity',
  'islam',
  'judaism',
  'league',
  'club',
  'fc',
  'united',
  'city',
  'rovers',
  'turbo',
  'sedan',
  'coupe',
  'initiative',
  'programme',
  'movement',
  'campaign',
  'protocol',
  'treaty',
  'accord',
]);

/** First words of names of storms, operations and landmarks. Lower case. */
const NAMED_THING_OPENERS_EN: ReadonlySet<string> = new Set([
  'hurricane',
  'typhoon',
  'cyclone',
  'storm',
  'tropical',
  'operation',
  'mount',
  'lake',
  'river',
  'cape',
  'fort',
  'port',
  'camp',
  'saint',
  'st.',
]);

/** Does this word open the name of a storm, operation or landmark ("Hurricane", "Operation")? */
export function isNamedThingOpenerEn(norm: string): boolean {
  return NAMED_THING_OPENERS_EN.has(norm);
}

/** Does this word end (head) an organisation or product name? */
export function isOrgHeadEn(norm: string): boolean {
  return ORG_HEADS_EN.has(norm) || ORG_CUE_WORDS.has(norm) || ORG_HINT_WORDS.has(norm);
}

/**
 * Organisation evidence against a person reading of `words` (the name's tokens): an
 * organisation head last, a function word inside, or a word the article names alone as an
 * organisation (`orgWords`, lower case).
 */
export function notAPersonEn(words: readonly Token[], orgWords: ReadonlySet<string>): boolean {
  const last = words[words.length - 1]!;
  // "Security Departments": a plural organisation head too.
  if (isOrgHeadEn(last.norm) || (/[^s]s$/u.test(last.norm) && isOrgHeadEn(last.norm.slice(0, -1)))) return true;
  // "de Recherche Biomédicale": a name opening with a lower-case particle goes on from a capital before it.
  if (/^\p{Ll}/u.test(words[0]!.text) && words.length > 1 && !/^\p{Lu}/u.test(words[1]!.text)) return true;
  // "Hurricane Maria", "Operation Desert Fox", "Mount Kenya": a kind of thing named like a person.
  if (words.length > 1 && NAMED_THING_OPENERS_EN.has(words[0]!.norm)) return true;
  // Tags alone are not enough: wink tags the surname "Das" as an article.
  if (words.some((t) => isFunctionWordEn(t.norm))) return true;
  return words.some((t) => orgWords.has(t.norm));
}

/** English function words a personal name never holds, even capitalised ("Who Gives a Crap"). */
const FUNCTION_WORDS_EN: ReadonlySet<string> = new Set([
  'who',
  'what',
  'which',
  'when',
  'where',
  'why',
  'how',
  'the',
  'this',
  'that',
  'these',
  'those',
  'with',
  'from',
  'into',
  'about',
  'after',
  'before',
  'under',
  'over',
  'our',
  'your',
  'their',
  'its',
  'we',
  'they',
  'you',
  'it',
  'not',
  'all',
  'every',
]);

function isFunctionWordEn(norm: string): boolean {
  return FUNCTION_WORDS_EN.has(norm);
}

/** A role that ends in a preposition, article or conjunction was cut before its object: "director of the". */
export function roleIsBrokenEn(role: string): boolean {
  return /\b(?:of|for|at|in|on|to|by|with|from|the|a|an|and|or|between|'s|’s)$/iu.test(role.trim());
}
