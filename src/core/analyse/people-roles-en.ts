/**
 * English role patterns beyond the title before a name (people-detect.ts):
 * - "Jane Roe of the Harbour Trust (HT) said": the role is "of the Harbour Trust (HT)";
 * - "the club's physio, Jane Roe,": the noun phrase right before the comma, headed by a
 *   person noun, even when a longer clause comes before it;
 * - an acronym's definition between a title and a name: "Labour MP (Member of Parliament) X".
 * Token predicates live here too so every English role rule reads words the same way.
 */
import type { AnnotatedSentence, Token } from '../nlp/annotate.js';
import { isAcronym, spanText } from './entities-runs.js';
import { isOrgHeadEn } from './people-evidence-en.js';
import { TITLE_WORDS } from './people-title-words-en.js';
import { isRoleHeadEn } from './person-nouns-en.js';

/** Words before a title that are part of the role: "former", "acting", "then". */
export const ROLE_MODIFIERS: ReadonlySet<string> = new Set([
  'former',
  'acting',
  'interim',
  'outgoing',
  'incoming',
  'retired',
  'then',
  'late',
  'running',
]);

/** A word that can head a role: a job title, a role acronym, or a lower-case person noun. */
export function isTitle(t: Token | undefined): boolean {
  return t !== undefined && isRoleHeadEn(t.text, TITLE_WORDS);
}

/** Lower-case words inside a role noun phrase before its head: "prime", "criminology", "public health". */
export function isRoleModifier(t: Token): boolean {
  if (!/^\p{Ll}/u.test(t.text) || /\d/.test(t.text)) return false;
  // "for insulting veteran referee X": a participle before the role is the clause's verb.
  if (/ing$/.test(t.norm) && !ROLE_MODIFIERS.has(t.norm)) return false;
  return t.pos === 'NOUN' || t.pos === 'ADJ' || isTitle(t);
}

const CAP = /^\p{Lu}/u;

/**
 * "NAME of [the] Organisation [(ACR)]": the organisation the person speaks for. The phrase must
 * look like an organisation: an organisation head word, an acronym, or "The ..." ("of The
 * Courier"); "of Nigeria" (a place) or "of cheating" is not one.
 */
export function roleOfOrganisation(s: AnnotatedSentence, last: number): string | null {
  const toks = s.tokens;
  if (toks[last + 1]?.norm !== 'of') return null;
  let k = last + 2;
  if (toks[k]?.norm === 'the' || toks[k]?.norm === 'worldwide') k++;
  // Lower-case words naming the kind of body ("victim group", "campaign group") may come first.
  let orgLike = toks[last + 2]?.text === 'The';
  while (toks[k] && /^\p{Ll}/u.test(toks[k]!.text) && toks[k]!.pos !== 'ADP' && k - last < 7) {
    // "victim group Ending Clergy Abuse": the kind of body says the name after it is one.
    if (isOrgHeadEn(toks[k]!.norm)) orgLike = true;
    k++;
  }
  const startOrg = k;
  let end = -1;
  while (toks[k]) {
    const t = toks[k]!;
    if (CAP.test(t.text) || /^[’']s$/.test(t.text)) {
      if (isAcronym(t.text) || isOrgHeadEn(t.norm)) orgLike = true;
      end = k++;
      continue;
    }
    // "Institute of Allergy and Infectious Diseases", "Center for Astrophysics", "Harvard–Smithsonian"
    const dash = /^[-–‑]$/u.test(t.text) && toks[k - 1]!.end === t.start && toks[k + 1]?.start === t.end;
    if ((dash || ['of', 'for', 'and', 'the'].includes(t.norm)) && CAP.test(toks[k + 1]?.text ?? '') && end >= 0) {
      k++;
      continue;
    }
    break;
  }
  if (end < startOrg || !orgLike) return null;
  // "(WHO)" right after the organisation is part of how the article names it.
  if (toks[end + 1]?.text === '(' && isAcronym(toks[end + 2]?.text ?? '') && toks[end + 3]?.text === ')') end += 3;
  return spanText(s, last + 1, end);
}

/**
 * The noun phrase that ends right before the comma in "..., the club's physio, Jane Roe,":
 * (determiner or possessive) (owner words, lower-case modifiers) HEAD, HEAD a person noun.
 */
export function rolePhraseBeforeComma(s: AnnotatedSentence, first: number): string | null {
  const toks = s.tokens;
  if (toks[first - 1]?.text !== ',') return null;
  const head = first - 2;
  if (!isTitle(toks[head])) return null;
  let k = head;
  while (k - 1 >= 0) {
    const t = toks[k - 1]!;
    const ok = isRoleModifier(t) || CAP.test(t.text) || /^[’']s$/.test(t.text) || ROLE_MODIFIERS.has(t.norm);
    if (!ok) break;
    k--;
  }
  const det = toks[k - 1];
  if (det && ['the', 'his', 'her', 'their', 'its', 'a', 'an'].includes(det.norm)) k--;
  // A capital at the very start may be a function word ("According"); keep only what follows.
  while (k < head && CAP.test(toks[k]!.text) && k === 0 && toks[k]!.pos !== 'PROPN' && toks[k]!.pos !== 'NOUN') k++;
  const text = spanText(s, k, head)
    .replace(/^(?:the|a|an)\s+/i, '')
    .trim();
  return text.length > 1 ? text : null;
}

/** Index before a parenthesised acronym definition that ends at `end` ("MP (Member of Parliament)"), else `end`. */
export function skipDefinition(s: AnnotatedSentence, end: number): number {
  if (s.tokens[end]?.text !== ')') return end;
  let j = end - 1;
  while (j > 0 && end - j < 10 && s.tokens[j]!.text !== '(') j--;
  if (s.tokens[j]?.text !== '(') return end;
  // "MP (Member of Parliament)" or "Member of Parliament (MP)": a title on one side of the brackets.
  const inside = s.tokens.slice(j + 1, end);
  if (!(isTitle(s.tokens[j - 1]) || (inside.length === 1 && isTitle(inside[0])))) return end;
  return j - 1;
}
