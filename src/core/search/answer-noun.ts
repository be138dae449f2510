/**
 * The noun that names the class of the answer: "Which **companies** got picked?", "Which
 * **country** was the site run from?", "Who was the **attacker**?". The answer sentence rarely
 * repeats it: it names the companies, the country, the man ("NASA has selected Intuitive
 * Machines, Lunar Outpost and Venturi Astrolab"). So a sentence that holds a name of the asked
 * kind meets this noun as if it said it (ADR 022, seventh round).
 */
import type { AnswerKind } from './question.js';
import { namesAgent, namesPlace } from './wordnet.js';

/**
 * The answer's class noun in an English question, lower case as written, or null: the word after
 * "which"/"what" (one adjective may stand between: "which other companies"), or the noun of
 * "who is/was the X". Only a noun of people or groups for "who", of places for "where".
 */
export function answerNoun(question: string, kind: AnswerKind): string | null {
  if (kind !== 'who' && kind !== 'where') return null;
  const q = question.toLowerCase().replace(/[’`]/g, "'").trim();
  const after = /^(?:which|what) (?:(?:other|more|two|three|four|five|several|of the) )?([a-z]+)\b/.exec(q);
  const noun = after?.[1] ?? /^who(?: is|'s| was| are| were) (?:the|a|an) ([a-z]+)\??$/.exec(q)?.[1];
  if (!noun) return null;
  const singular = noun.replace(/ies$/, 'y').replace(/(?<!s)s$/, '');
  // "Which country": WordNet's first sense of "country" is the nation, a group; a place all the same.
  const fits = (w: string): boolean => namesAgent(w) || (kind === 'where' && namesPlace(w));
  return fits(noun) || fits(singular) ? noun : null;
}
