/**
 * Acronyms the article defines in parentheses, either way round:
 * "World Health Organization (WHO)" and "IMF (International Monetary Fund)".
 */
import type { AnnotatedArticle, AnnotatedSentence } from '../nlp/annotate.js';
import { isAcronym, spanText } from './entities-runs.js';
import { ORG_CUE_WORDS, ORG_HINT_WORDS } from './organizations-cues.js';

/** One definition: the acronym, its long form, where it is defined and whether it names an organisation. */
export interface AcronymDefinition {
  readonly acronym: string;
  readonly expansion: string;
  readonly sentence: number;
  readonly isOrganization: boolean;
}

const CONNECTORS: ReadonlySet<string> = new Set([
  'of',
  'for',
  'and',
  'the',
  'on',
  'in',
  'de',
  'du',
  'des',
  'la',
  'le',
  'für',
  'und',
  'del',
  'di',
  '&',
]);
const MAX_LONG_WORDS = 10;

/** Initial letter of a word, looking past an elided article ("d’Etudes" → "E"). */
function initial(word: string): string {
  const m = /^(?:[a-z][’'])?(\p{L})/u.exec(word);
  return (m?.[1] ?? '').toUpperCase();
}

function initialsOf(words: readonly string[]): string {
  return words
    .filter((w) => !CONNECTORS.has(w.toLowerCase()))
    .map(initial)
    .join('');
}

/** Long form ending just before `end` (exclusive) whose initials spell the acronym, or the capitalised tail. */
function longFormBefore(s: AnnotatedSentence, end: number, acronym: string): { first: number } | null {
  const letters = acronym.replace(/s$/, '').replace(/&/g, '');
  let capStart = -1;
  for (let k = end - 1; k >= 0 && end - k <= MAX_LONG_WORDS; k--) {
    const t = s.tokens[k]!;
    // "Science, Technology, Engineering, and Mathematics (STEM)": a comma inside a capitalised series.
    if (t.text === ',' && /^\p{Lu}/u.test(s.tokens[k - 1]?.text ?? '')) continue;
    if (!/^[\p{L}’'\-.&]+$/u.test(t.text)) break;
    const words = s.tokens.slice(k, end).map((x) => x.text);
    if (!CONNECTORS.has(t.norm) && initialsOf(words) === letters) return { first: k };
    if (
      /^\p{Lu}/u.test(t.text) &&
      !CONNECTORS.has(t.norm) &&
      (capStart === k + 1 || (capStart === -1 && k === end - 1))
    )
      capStart = k;
    // A connector between capitalised words keeps the run going ("Safety and Mission ..."); the next word re-anchors it.
    else if (CONNECTORS.has(t.norm) && capStart === k + 1 && k > 0 && /^\p{Lu}/u.test(s.tokens[k - 1]!.text))
      capStart = k;
  }
  // Some long forms are translations ("German Aerospace Center (DLR)"): accept a capitalised run.
  if (capStart >= 0 && end - capStart >= 2) return { first: capStart };
  return null;
}

function hasOrgCue(words: readonly string[]): boolean {
  return words.some((w) => ORG_CUE_WORDS.has(w.toLowerCase()));
}

function hintBefore(s: AnnotatedSentence, i: number): boolean {
  // Only the word right before counts: "the agency CNES" names it, "the agency’s SLS" does not.
  return ORG_HINT_WORDS.has(s.tokens[i - 1]?.norm ?? '');
}

function definitionsIn(s: AnnotatedSentence): AcronymDefinition[] {
  const found: AcronymDefinition[] = [];
  const toks = s.tokens;
  for (let i = 1; i < toks.length; i++) {
    if (toks[i]!.text !== '(') continue;
    let j = i + 1;
    while (j < toks.length && toks[j]!.text !== ')' && j - i <= MAX_LONG_WORDS + 1) j++;
    if (toks[j]?.text !== ')' || j === i + 1) continue;
    const inner = toks.slice(i + 1, j);
    if (inner.length === 1 && isAcronym(inner[0]!.text)) {
      // A numbered name ("Engineering Contract III (SMAEC)") leaves its number out of the acronym.
      const numbered =
        i > 2 && /^(?:[IVX]+|\d+)$/.test(toks[i - 1]!.text) && !inner[0]!.text.endsWith(toks[i - 1]!.text);
      const long = (numbered ? longFormBefore(s, i - 1, inner[0]!.text) : null) ?? longFormBefore(s, i, inner[0]!.text);
      if (!long) continue;
      const expansion = spanText(s, long.first, i - 1);
      const words = expansion.split(/\s+/);
      const capitalised = /^\p{Lu}/u.test(expansion);
      found.push({
        acronym: inner[0]!.text,
        expansion,
        sentence: s.id,
        isOrganization: capitalised && (hasOrgCue(words) || hintBefore(s, long.first)),
      });
    } else if (isAcronym(toks[i - 1]!.text) && inner.length >= 2) {
      const words = inner.map((t) => t.text);
      const significant = words.filter((w) => !CONNECTORS.has(w.toLowerCase()));
      if (!significant.every((w) => /^(?:[a-z][’'])?\p{Lu}/u.test(w))) continue;
      found.push({
        acronym: toks[i - 1]!.text,
        expansion: spanText(s, i + 1, j - 1),
        sentence: s.id,
        isOrganization: hasOrgCue(words) || hintBefore(s, i - 1),
      });
    }
  }
  return found;
}

/** True when `alias` is spelled by non-empty prefixes of `words`, in order: "Mast Camera" → "Mastcam", "SLS". */
function spelledBy(alias: string, words: readonly string[]): boolean {
  if (words.length === 0) return alias === '';
  const [head, ...rest] = words;
  for (let n = Math.min(head!.length, alias.length); n >= 1; n--) {
    if (head!.slice(0, n) === alias.slice(0, n) && spelledBy(alias.slice(n), rest)) return true;
  }
  return false;
}

/**
 * "the color Mast Camera, or Mastcam,": a short name given after ", or" for the capitalised
 * name before the comma. Only when the short name is built from the starts of those words,
 * so "Ohio, or Texas" is never an alias.
 */
function aliasesIn(s: AnnotatedSentence): AcronymDefinition[] {
  const found: AcronymDefinition[] = [];
  const toks = s.tokens;
  for (let i = 2; i + 2 < toks.length; i++) {
    const alias = toks[i + 2]!;
    if (toks[i]!.text !== ',' || toks[i + 1]!.norm !== 'or' || !/^\p{Lu}[\p{L}\d-]+$/u.test(alias.text)) continue;
    const next = toks[i + 3];
    if (next && next.pos !== 'PUNCT') continue;
    let first = i;
    while (first > 0 && i - first < MAX_LONG_WORDS && /^\p{Lu}/u.test(toks[first - 1]!.text)) first--;
    for (let k = first; k <= i - 2; k++) {
      const words = toks
        .slice(k, i)
        .map((t) => t.norm)
        .filter((w) => !CONNECTORS.has(w));
      if (!spelledBy(alias.norm, words)) continue;
      found.push({
        acronym: alias.text,
        expansion: spanText(s, k, i - 1),
        sentence: s.id,
        isOrganization: hasOrgCue(words),
      });
      break;
    }
  }
  return found;
}

/** Every acronym defined in the article, first definition wins. */
export function findAcronyms(doc: AnnotatedArticle): Map<string, AcronymDefinition> {
  const defs = new Map<string, AcronymDefinition>();
  for (const s of doc.sentences)
    for (const d of [...definitionsIn(s), ...aliasesIn(s)]) if (!defs.has(d.acronym)) defs.set(d.acronym, d);
  return defs;
}

/** Replaces each defined acronym in `text` by "Long Form (ACR)"; unknown acronyms stay. */
export function expandAcronyms(text: string, defs: ReadonlyMap<string, AcronymDefinition>): string {
  return text.replace(/\b\p{Lu}[\p{Lu}&]{1,7}s?\b/gu, (m) => {
    const d = defs.get(m);
    // Already spelled out either way round in the text: expanding again would say it twice.
    const spelled = text.includes(`${d?.expansion} (${m})`) || text.includes(`${m} (${d?.expansion})`);
    return d && !spelled ? `${d.expansion} (${m})` : m;
  });
}
