/**
 * English roles written before a name: "Acme Chief Executive Jane Roe", "former NASA
 * Administrator and astronaut Richard Truly", "NASA astronauts A B and C D".
 */
import type { AnnotatedSentence, Token } from '../nlp/annotate.js';
import { atClauseStart, spanText } from './entities-runs.js';
import { TITLE_WORDS } from './people-title-words-en.js';
import { isRoleHeadEn, singularEn } from './person-nouns-en.js';
import { ROLE_MODIFIERS, isRoleModifier, isTitle } from './people-roles-en.js';
import { CLAUSE_POS, HONORIFICS, isNameWord } from './people-tokens-en.js';

const CHAIN_JOINERS: ReadonlySet<string> = new Set(['of', 'for', 'the', 'and', '’s', "'s", 'at', 'on']);
/** Joiners inside an owner's name; not "and", which more often joins two people ("Fox and ESA’s Director"). */
const OWNER_JOINERS: ReadonlySet<string> = new Set(['of', 'for']);

/** Role written before the name, ending at `end`: "Acme Chief Executive", "party chief". */
export function roleBefore(s: AnnotatedSentence, end: number, depth = 0): string | null {
  let k = end + 1;
  let sawTitle = false;
  let inModifiers = false;
  while (k - 1 >= 0) {
    const t = s.tokens[k - 1]!;
    // "ESA (European Space Agency) astronaut": an acronym's definition sits inside the owner.
    if (sawTitle && t.text === ')') {
      let j = k - 2;
      while (j > 0 && k - j < 14 && s.tokens[j]!.text !== '(') j--;
      if (j > 0 && s.tokens[j]!.text === '(' && /^\p{Lu}/u.test(s.tokens[j - 1]!.text)) {
        k = j;
        continue;
      }
      break;
    }
    // A capital at the clause start says nothing only on function words ("The", "After").
    // "Yesterday Kenyan Ambassador ...": a date owns no role.
    const capital =
      /^\p{Lu}/u.test(t.text) &&
      t.entity !== 'DATE' &&
      t.entity !== 'TIME' &&
      !(atClauseStart(s, k - 1) && CLAUSE_POS.has(t.pos) && !isTitle(t));
    const before = s.tokens[k - 2];
    // Past the title only the owner may follow ("ESA’s Director ...", "Agency for X Director"), never another clause.
    const ownerPart =
      capital ||
      /^[’']s$/.test(t.text) ||
      (OWNER_JOINERS.has(t.norm) && before !== undefined && /^\p{Lu}/u.test(before.text));
    // Right before the head, lower-case words of the same noun phrase belong to the role:
    // "Greek prime minister", "criminology professor", "trade and industry commissioner".
    const modifier: boolean =
      inModifiers &&
      (isRoleModifier(t) ||
        (t.norm === 'and' && before !== undefined && isRoleModifier(before) && isRoleModifier(s.tokens[k]!)));
    // "director-general": a hyphen glued between two words of the title keeps them one word.
    const glued =
      s.tokens[k] !== undefined && before !== undefined && before.end === t.start && t.end === s.tokens[k]!.start;
    if ((t.text === '-' || t.text === '‑') && glued && isTitle(s.tokens[k]) && /^\p{L}/u.test(before.text)) {
      k -= 2;
      sawTitle = true;
      inModifiers = !/^\p{Lu}/u.test(before.text);
      continue;
    }
    // "Ambassador to the United States": "to" joins a title to what it is held towards.
    const towards = t.norm === 'to' && isTitle(before);
    if (!(sawTitle ? ownerPart || modifier : capital || isTitle(t) || CHAIN_JOINERS.has(t.norm) || towards)) break;
    // "divers A B and C D": an "and" right before the name joins two people, not two parts of a title.
    if (k - 1 === end && t.norm === 'and') break;
    if (isTitle(t)) sawTitle = true;
    inModifiers = sawTitle && (modifier || isTitle(t)) && !capital;
    k--;
  }
  while (k <= end && CHAIN_JOINERS.has(s.tokens[k]!.norm)) k++;
  if (!sawTitle || k > end) return null;
  // "former NASA Administrator": a lower-case word that changes what the title means stays.
  while (k > 0 && ROLE_MODIFIERS.has(s.tokens[k - 1]!.norm)) k--;
  // "former NASA Administrator and astronaut Richard Truly": two roles of one person. Only
  // when a title word itself closes the first one, so "Bill Nelson and astronaut X" stays apart.
  if (s.tokens[k - 1]?.norm === 'and' && isTitle(s.tokens[k - 2]) && depth < 1) {
    const first = roleBefore(s, k - 2, depth + 1);
    // The first role is a verbatim slice ending at k - 2, so its length gives its start.
    if (first) return s.text.slice(s.tokens[k - 2]!.end - first.length, s.tokens[end]!.end);
  }
  // An honorific alone ("Dr.", "Mr.") is a form of address, not a role.
  const words = s.tokens.slice(k, end + 1);
  if (words.every((t) => HONORIFICS.has(t.norm))) return null;
  // "NASA astronauts A B and C D": each of them is one "NASA astronaut".
  const one = singularTitle(s.tokens[end]);
  const text = spanText(s, k, end);
  const head = s.tokens[end]!.text;
  return one && !TITLE_WORDS.has(head.toLowerCase()) && head.toLowerCase().startsWith(one)
    ? text.slice(0, text.length - (head.length - one.length))
    : text;
}

/** Singular of a plural title word ("astronauts" → "astronaut"), or null when it is not one. */
function singularTitle(t: Token | undefined): string | null {
  if (!t || !/s$/.test(t.norm)) return null;
  const one = singularEn(t.norm);
  return one !== t.norm && isRoleHeadEn(one, TITLE_WORDS) ? one : null;
}

/** "NASA astronauts A B, C D and E F": each name of a list after a plural title shares it. */
export function roleFromPluralTitle(s: AnnotatedSentence, first: number): string | null {
  let k = first - 1;
  // "Presidents A B of Nigeria and C D of Benin": each name may carry its own "of Place".
  while (
    k >= 0 &&
    first - k < 40 &&
    (s.tokens[k]!.text === ',' ||
      s.tokens[k]!.norm === 'and' ||
      (s.tokens[k]!.norm === 'of' && isNameWord(s.tokens[k - 1] ?? s.tokens[k]!)) ||
      isNameWord(s.tokens[k]!) ||
      (/^\p{Lu}/u.test(s.tokens[k]!.text) && !singularTitle(s.tokens[k])))
  )
    k--;
  const one = singularTitle(s.tokens[k]);
  if (k < 0 || !one) return null;
  let o = k;
  while (
    o > 0 &&
    /^\p{Lu}/u.test(s.tokens[o - 1]!.text) &&
    !(atClauseStart(s, o - 1) && CLAUSE_POS.has(s.tokens[o - 1]!.pos))
  )
    o--;
  return o < k ? `${spanText(s, o, k - 1)} ${one}` : one;
}
