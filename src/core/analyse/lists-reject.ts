/**
 * Series that look like enumerations but are one thing described several ways:
 * - coordinated adjectives before one noun: "safe, reliable, and cost-effective transportation";
 * - one person's roles: "former agency administrator, associate administrator, and astronaut Jane Roe";
 * - gapped clauses whose items drop their noun: "the third flight for A, fourth for B, and first for C";
 * - the spelled-out form of an acronym that follows it: "Science, Technology, Engineering, and
 *   Mathematics (STEM)" defines STEM (see acronyms.ts); it is not a list of four things.
 */
import type { Token } from '../nlp/annotate.js';
import { isAcronym } from './entities-runs.js';
import { TITLE_WORDS } from './people-title-words-en.js';
import type { Span } from './lists-segment.js';

const MODIFIER_POS: ReadonlySet<string> = new Set(['ADJ', 'ADV']);
const NUMBER_ENTITIES: ReadonlySet<string> = new Set(['ORDINAL', 'CARDINAL']);
const CONNECTORS: ReadonlySet<string> = new Set(['and', 'or', 'of', 'for', 'the', '&', 'in', 'on', 'to']);

function isTitle(t: Token | undefined): boolean {
  return !!t && TITLE_WORDS.has(t.norm);
}

function onlyModifiers(tokens: readonly Token[], s: Span): boolean {
  for (let i = s.first; i <= s.last; i++) if (!MODIFIER_POS.has(tokens[i]!.pos) || tokens[i]!.entity) return false;
  return true;
}

/**
 * Every item before the last is only adjectives/adverbs and the last goes on to a noun: they
 * all modify that noun. When the last is an adjective too ("can be open, diverse and
 * progressive"), the adjectives are predicates, each a thing said: a list.
 */
function adjectiveSeries(tokens: readonly Token[], items: readonly Span[]): boolean {
  return items.slice(0, -1).every((s) => onlyModifiers(tokens, s)) && !onlyModifiers(tokens, items[items.length - 1]!);
}

/** Items before the last end in a title word; the last is a title then a name. */
function rolesOfOnePerson(tokens: readonly Token[], items: readonly Span[]): boolean {
  if (!items.slice(0, -1).every((s) => isTitle(tokens[s.last]))) return false;
  const last = items[items.length - 1]!;
  for (let i = last.first; i < last.last; i++) {
    if (isTitle(tokens[i]) && tokens[i + 1]!.pos === 'PROPN' && /^\p{Lu}/u.test(tokens[i + 1]!.text)) return true;
  }
  return false;
}

/** An item that opens with a bare number and a preposition ("fourth for B") has lost its noun. */
function gapped(tokens: readonly Token[], items: readonly Span[]): boolean {
  return items.some((s) => {
    const head = tokens[s.first]!;
    const numeric = NUMBER_ENTITIES.has(head.entity ?? '') || head.pos === 'NUM';
    return numeric && tokens[s.first + 1]?.pos === 'ADP';
  });
}

/** The capitalised words of the items, before any bracket, spell the acronym in brackets after them. */
function acronymExpansion(tokens: readonly Token[], items: readonly Span[]): boolean {
  const last = items[items.length - 1]!;
  let open = -1;
  for (let i = last.first; i <= Math.min(last.last + 1, tokens.length - 3); i++)
    if (tokens[i]!.text === '(') {
      open = i;
      break;
    }
  if (open < 0 || tokens[open + 2]?.text !== ')' || !isAcronym(tokens[open + 1]!.text)) return false;
  let initials = '';
  for (const s of items) {
    for (let i = s.first; i <= s.last && i < open; i++) {
      const t = tokens[i]!;
      if (/^\p{Lu}/u.test(t.text) && !CONNECTORS.has(t.norm)) initials += t.text[0]!.toUpperCase();
    }
  }
  const acronym = tokens[open + 1]!.text.replace(/s$/, '');
  return initials.length >= 2 && initials === acronym.toUpperCase();
}

const PRONOUN_ITEMS: ReadonlySet<string> = new Set([
  'who',
  'which',
  'that',
  'he',
  'she',
  'it',
  'they',
  'whom',
  'where',
]);

/** An item that is only a pronoun or relative ("..., who") is a clause boundary, not a thing listed. */
function pronounItem(tokens: readonly Token[], items: readonly Span[]): boolean {
  return items.some((s) => s.first === s.last && PRONOUN_ITEMS.has(tokens[s.first]!.norm));
}

const NOUN_START: ReadonlySet<string> = new Set(['DET', 'NOUN', 'PROPN', 'NUM']);
const VERB_START: ReadonlySet<string> = new Set(['VERB', 'AUX']);
const POSSESSIVES: ReadonlySet<string> = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);

/**
 * Items of different part-of-speech shapes: some open as noun phrases, others as verb phrases
 * ("their daughters, aged 17, escaped": a subject, an appositive and its verb).
 */
function mixedShapes(tokens: readonly Token[], items: readonly Span[]): boolean {
  const verbal = (s: Span): boolean => {
    const t = tokens[s.first]!;
    if (!VERB_START.has(t.pos) || /ing$/.test(t.norm)) return false;
    // "continued progress", "planned upgrades": a participle before a noun opens a noun phrase.
    const next = tokens[s.first + 1];
    return t.pos === 'AUX' || s.first === s.last || !(next && ['NOUN', 'ADJ', 'PROPN'].includes(next.pos));
  };
  // A long series keeps its items even if one is cut oddly: the mix says "clause", not "list", only in short ones.
  const nominal = (s: Span): boolean => NOUN_START.has(tokens[s.first]!.pos) || POSSESSIVES.has(tokens[s.first]!.norm);
  return items.length <= 4 && items.some(nominal) && items.some(verbal);
}

/** Words that open an appositive describing the item before: "X, formerly a church, now a museum". */
const APPOSITIVE_OPENERS: ReadonlySet<string> = new Set(['formerly', 'now', 'once', 'aged', 'also', 'later']);

/** "A Name, formerly ..., now ...", "A Name, Saudi national, ...": one thing described, not listed. */
function describedName(tokens: readonly Token[], items: readonly Span[]): boolean {
  const first = items[0]!;
  const properName = /^\p{Lu}/u.test(tokens[first.last]!.text) && tokens[first.last]!.pos === 'PROPN';
  if (!properName) return false;
  const second = items[1]!;
  const opener = tokens[second.first]!;
  return APPOSITIVE_OPENERS.has(opener.norm);
}

/** True when the items are one thing described in a series, not an enumeration. */
export function notAList(tokens: readonly Token[], items: readonly Span[]): boolean {
  if (items.length < 2) return false;
  return (
    pronounItem(tokens, items) ||
    mixedShapes(tokens, items) ||
    describedName(tokens, items) ||
    adjectiveSeries(tokens, items) ||
    rolesOfOnePerson(tokens, items) ||
    gapped(tokens, items) ||
    acronymExpansion(tokens, items)
  );
}
