/**
 * Phrases that fill an answer slot although no entity tagger marks them (ADR 022, sixth round):
 * a name after a place preposition and its own determiner or modifiers ("at the Udvar-Hazy
 * Center", "at the Moon's South Pole"), the agent of a passive verb ("signed by the energy
 * ministers" answers "who signed"), and an age given as the time something happened ("at the
 * age of four months" answers "when did it start").
 */
import type { Token } from '../nlp/annotate.js';
import { namesAgent } from './wordnet.js';

/** Prepositions before a place's name (English). */
export const PLACE_PREPOSITION = /^(in|at|from|near|outside|inside|across|to|into|off)$/;

const POSSESSIVE = /^['’]s$/;
/** Words a name's own phrase may hold before it: "the", "Moon's" (a noun only as a possessive), "South", "northern". */
const inNamePhrase = (tokens: readonly Token[], j: number): boolean => {
  const t = tokens[j]!;
  if (t.pos === 'PROPN' || t.pos === 'DET' || t.pos === 'ADJ' || POSSESSIVE.test(t.norm)) return true;
  return t.pos === 'NOUN' && POSSESSIVE.test(tokens[j + 1]?.norm ?? '');
};

/**
 * The word that governs the name at `i`, skipping the name phrase's determiner, modifiers and
 * possessives; "to" counts only right before the name ("a letter to the President" is no place).
 */
export function governorOf(tokens: readonly Token[], i: number, placeBefore?: RegExp): string | null {
  const prev = tokens[i - 1]?.norm ?? '';
  if (PLACE_PREPOSITION.test(prev) || placeBefore?.test(prev)) return prev;
  let j = i - 1;
  while (j >= 0 && inNamePhrase(tokens, j)) j--;
  const gov = tokens[j]?.norm ?? '';
  return gov !== 'to' && (PLACE_PREPOSITION.test(gov) || placeBefore?.test(gov)) ? gov : null;
}

/**
 * Token indexes of the agents of passive verbs: the nouns of the phrase after "by" when a verb
 * stands right before it and the phrase names a person or group ("was signed by the energy
 * ministers" → energy, ministers; "characterized by equality" names no one).
 */
export function agentSlots(tokens: readonly Token[]): number[] {
  const out: number[] = [];
  const agentAt = (j: number): boolean => tokens[j]!.pos === 'PROPN' || namesAgent(tokens[j]!.lemma);
  tokens.forEach((t, i) => {
    if (t.norm !== 'by' || tokens[i - 1]?.pos !== 'VERB' || !/(ed|en|wn|ne|un|lt|pt|ht)$/.test(tokens[i - 1]!.norm))
      return;
    const phrase: number[] = [];
    for (let j = i + 1; j < tokens.length; j++) {
      const n = tokens[j]!;
      if (n.pos === 'NOUN' || n.pos === 'PROPN') phrase.push(j);
      else if (n.pos !== 'DET' && n.pos !== 'ADJ' && n.pos !== 'NUM' && !POSSESSIVE.test(n.norm)) break;
    }
    if (phrase.some(agentAt)) out.push(...phrase);
  });
  return out;
}

/** Token indexes of an age stated as a point in time: "at the age of four months", "aged 12", "at age 3". */
export function ageSlots(tokens: readonly Token[]): number[] {
  const out: number[] = [];
  tokens.forEach((t, i) => {
    const atAge =
      (t.norm === 'age' &&
        (tokens[i - 1]?.norm === 'at' || (tokens[i - 1]?.norm === 'the' && tokens[i - 2]?.norm === 'at'))) ||
      t.norm === 'aged';
    if (!atAge) return;
    out.push(i);
    for (let j = i + 1; j < Math.min(tokens.length, i + 5); j++) {
      const n = tokens[j]!;
      if (n.pos === 'NUM' || /^\d/.test(n.norm) || /^(months?|years?|weeks?|days?|old|of)$/.test(n.norm)) out.push(j);
      else break;
    }
  });
  return out;
}

const MONTH_NAME =
  /^(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?$/;
/** Month names that are also everyday words: "may" (a modal), "march" (a protest or a verb). */
const MONTH_ALSO_WORD = /^(May|March|Mar)$/;
const BEFORE_DATE =
  /^(in|on|of|since|until|till|by|last|next|early|late|mid|this|from|during|before|after|through|between|and|to)$/;

/**
 * Whether the token at `i` names a month: capitalised, and for a name that is also a word
 * ("They may leave", "the March for Europe") only beside a number or after a date's preposition
 * ("in May", "May 5", "5 March 2019").
 */
export function monthAt(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!MONTH_NAME.test(t.text)) return false;
  if (!MONTH_ALSO_WORD.test(t.text)) return true;
  const near = (j: number): boolean => /^\d/.test(tokens[j]?.text ?? '');
  return near(i - 1) || near(i + 1) || BEFORE_DATE.test(tokens[i - 1]?.norm ?? '');
}
