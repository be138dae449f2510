/**
 * Who speaks a quote: the person (or organisation) an attribution span names beside its speech
 * verb, a pronoun resolved to the person it stands for, a role noun for the person holding that
 * role, a relative "who", or the person a statement's introduction names.
 */
import type { PersonFact } from '../facts/types.js';
import type { AnnotatedArticle, AnnotatedSentence } from '../nlp/annotate.js';
import { capitalRuns, type Run } from './entities-runs.js';
import { CALENDAR_WORDS, PERSON_PRONOUNS, SPEECH_WORDS } from './people-lexicon.js';
import { TITLE_WORDS } from './people-title-words-en.js';
import { isQuoteVerbEn, roleNounSpeakerEn } from './quotes-attribution-en.js';

/** The person a run of capitalised words names, titles left aside, or undefined. */
function personOfRun(s: AnnotatedSentence, run: Run, people: readonly PersonFact[]): PersonFact | undefined {
  const words = s.tokens
    .slice(run.first, run.last + 1)
    .map((t) => t.text)
    .filter((w) => !TITLE_WORDS.has(w.toLowerCase()));
  const text = words.join(' ');
  return (
    people.find((p) => p.name === text || p.aliases.includes(text)) ??
    people.find((p) => text.includes(p.name) || p.aliases.some((a) => a.includes(' ') && text.includes(a))) ??
    // "Vázquez" for "Wanda Vázquez Garced": a later word of a full name (a first surname) names its holder.
    (words.length === 1 ? people.find((p) => p.name.split(' ').slice(1).includes(text)) : undefined)
  );
}

/** Where a person's name (or alias) first stands in `text` before `before`, or -1. */
function nameAt(text: string, p: PersonFact, before: number): number {
  let best = -1;
  for (const n of [p.name, ...p.aliases]) {
    const at = text.indexOf(n);
    if (at >= 0 && at < before && (best < 0 || at < best)) best = at;
  }
  return best;
}

/**
 * The person a pronoun beside a speech verb stands for: the last person named before it in
 * its sentence, unless named as the object of a preposition ("Speaking to Jane Roe, he
 * said"); else the first person named in the nearest earlier sentence that names one (the
 * subject a new sentence's "she said" continues). A person whose known pronouns are of the
 * other gender is passed over.
 */
function pronounSpeaker(
  doc: AnnotatedArticle,
  s: AnnotatedSentence,
  pronoun: number,
  people: readonly PersonFact[],
): string | null {
  const gender = PERSON_PRONOUNS.get(s.tokens[pronoun]!.norm);
  const fits = (p: PersonFact): boolean => genderOf(doc, p) !== (gender === 'm' ? 'f' : 'm');
  const at = s.tokens[pronoun]!.start;
  let best: { at: number; p: PersonFact } | null = null;
  for (const p of people) {
    for (const run of capitalRuns(s)) {
      const start = s.tokens[run.first]!.start;
      if (start >= at || afterPreposition(s, run.first) || personOfRun(s, run, people) !== p) continue;
      if (insideQuote(s.text, start)) continue;
      if (fits(p) && (!best || start > best.at)) best = { at: start, p };
    }
  }
  if (best) return best.p.name;
  return earlierSpeaker(doc, s, people, gender, fits);
}

/** How many sentences back a pronoun may reach, and how far a chain of the same pronoun carries it. */
const PRONOUN_REACH = 3;
const CHAIN_REACH = 6;

/**
 * The first person named (outside quotes) in the nearest earlier sentence that names one. A
 * sentence whose own subject is already the same pronoun ("She told the court ...") continues
 * the chain: names after that pronoun are not its antecedent, and the search goes on back.
 */
function earlierSpeaker(
  doc: AnnotatedArticle,
  s: AnnotatedSentence,
  people: readonly PersonFact[],
  gender: 'm' | 'f' | undefined,
  fits: (p: PersonFact) => boolean,
): string | null {
  const i = doc.sentences.indexOf(s);
  let reach = PRONOUN_REACH;
  for (let k = i - 1; k >= Math.max(0, i - reach); k--) {
    const prev = doc.sentences[k]!;
    const pron = prev.tokens.find(
      (t) => t.pos === 'PRON' && PERSON_PRONOUNS.get(t.norm) === gender && !insideQuote(prev.text, t.start),
    );
    const before = pron?.start ?? prev.text.length;
    let first: { at: number; p: PersonFact } | null = null;
    for (const p of people) {
      if (!p.mentions.includes(prev.id)) continue;
      const where = nameAt(prev.text, p, before);
      if (where >= 0 && !insideQuote(prev.text, where) && fits(p) && (!first || where < first.at))
        first = { at: where, p };
    }
    if (first) return first.p.name;
    if (pron) reach = Math.min(CHAIN_REACH, reach + 1);
  }
  return null;
}

/** True when offset `at` of `text` lies between an opening and a closing quote mark. */
function insideQuote(text: string, at: number): boolean {
  const marks = text.slice(0, at).match(/[“”"]/g)?.length ?? 0;
  return marks % 2 === 1;
}

/** The preposition that opens the phrase ending in the run at `first` ("to reporter Dana Fry"), or null. */
function prepositionBefore(s: AnnotatedSentence, first: number): string | null {
  for (let i = first - 1; i >= 0; i--) {
    const t = s.tokens[i]!;
    if (t.pos === 'PUNCT' || t.pos === 'VERB' || t.pos === 'AUX') return null;
    if (t.pos === 'ADP') return t.norm;
  }
  return null;
}

function afterPreposition(s: AnnotatedSentence, first: number): boolean {
  return prepositionBefore(s, first) !== null;
}

/** "Jane Roe of the victims' group Acme said": the run belongs to an "of"/"from"/"at" phrase. */
function ofBefore(s: AnnotatedSentence, first: number): boolean {
  const prep = prepositionBefore(s, first);
  return prep === 'of' || prep === 'from' || prep === 'at';
}

const BE: ReadonlySet<string> = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be']);

const genders = new WeakMap<AnnotatedArticle, Map<string, 'm' | 'f' | null>>();

/** "m"/"f" when the article calls the person "he"/"she" right after naming them, else null. */
function genderOf(doc: AnnotatedArticle, p: PersonFact): 'm' | 'f' | null {
  let known = genders.get(doc);
  if (!known) genders.set(doc, (known = new Map()));
  if (known.has(p.name)) return known.get(p.name)!;
  let found: 'm' | 'f' | null = null;
  for (const s of doc.sentences) {
    const where = nameAt(s.text, p, s.text.length);
    if (where < 0) continue;
    // The name's own words are not another name between it and the pronoun.
    const end = where + ([p.name, ...p.aliases].find((n) => s.text.startsWith(n, where))?.length ?? 0);
    const pron = s.tokens.find((t) => t.start > where && t.pos === 'PRON' && PERSON_PRONOUNS.has(t.norm));
    if (pron && s.tokens.filter((t) => t.pos === 'PROPN' && t.start >= end && t.start < pron.start).length === 0) {
      found = PERSON_PRONOUNS.get(pron.norm)!;
      break;
    }
  }
  known.set(p.name, found);
  return found;
}

/**
 * The speaker standing right beside a speech verb: "Roe said", "Roe also said", "said Roe",
 * "she said". Read before any other name in the span, so "critics like A, and B, with B
 * stating:" is B's and "Speaking to A, he said" is not A's.
 */
/** A pronoun beside the verb that names no one the article has. */
const NOBODY = Symbol('unresolved pronoun');

function speakerBesideVerb(
  doc: AnnotatedArticle,
  s: AnnotatedSentence,
  from: number,
  to: number,
  people: readonly PersonFact[],
): string | null | typeof NOBODY {
  const runs = capitalRuns(s);
  for (let v = 0; v < s.tokens.length; v++) {
    const verb = s.tokens[v]!;
    if (verb.start < from || verb.end > to || !isQuoteVerbEn(verb)) continue;
    let b = v - 1;
    let passive = false;
    while (b >= 0 && (s.tokens[b]!.pos === 'ADV' || s.tokens[b]!.pos === 'AUX')) {
      if (BE.has(s.tokens[b]!.norm)) passive = true;
      b--;
    }
    // "he was told by Minister Jane Roe": the speaker is the agent after "by".
    const agent = passive && s.tokens[v + 1]?.norm === 'by' ? v + 2 : v + 1;
    const before = s.tokens[b];
    if (before && before.start >= from && agent === v + 1) {
      // An unresolved "he said" is nobody's: no other name in the span speaks for the pronoun.
      if (before.pos === 'PRON' && PERSON_PRONOUNS.has(before.norm)) return pronounSpeaker(doc, s, b, people) ?? NOBODY;
      // "Jane Roe, who called the plan ...": the relative pronoun speaks for the name before its comma.
      if (before.norm === 'who' && s.tokens[b - 1]?.text === ',') {
        const named = runs.find((r) => r.last === b - 2);
        const person = named && personOfRun(s, named, people);
        if (person) return person.name;
      }
      const run = runs.find((r) => r.last === b);
      // "Jane Roe of the Acme Group said": the name before "of" speaks, read below.
      if (run && ofBefore(s, run.first)) continue;
      const person = run && personOfRun(s, run, people);
      if (person) return person.name;
    }
    const run = runs.find((r) => r.first === agent);
    const person = run && s.tokens[run.last]!.end <= to ? personOfRun(s, run, people) : undefined;
    if (person) return person.name;
  }
  return null;
}

/** "in the words of the prosecutor, Jane Roe, “...”": the first person named after "the words of". */
function wordsOfSpeaker(s: AnnotatedSentence, from: number, to: number, people: readonly PersonFact[]): string | null {
  const t = s.tokens;
  const cue = t.findIndex(
    (x, i) => x.start >= from && x.norm === 'words' && t[i - 1]?.norm === 'the' && t[i + 1]?.norm === 'of',
  );
  if (cue < 0) return null;
  for (const run of capitalRuns(s)) {
    if (run.first <= cue || t[run.last]!.end > to) continue;
    const person = personOfRun(s, run, people);
    if (person) return person.name;
  }
  return null;
}

/** Name of the person (or organisation) an attribution span names, or null. */
export function speakerIn(
  doc: AnnotatedArticle,
  s: AnnotatedSentence,
  from: number,
  to: number,
  people: readonly PersonFact[],
): string | null {
  const toks = s.tokens.filter((t) => t.start >= from && t.end <= to);
  const wordsOf = wordsOfSpeaker(s, from, to, people);
  if (wordsOf) return wordsOf;
  if (!toks.some((t) => isQuoteVerbEn(t))) return null;
  const beside = speakerBesideVerb(doc, s, from, to, people);
  if (beside === NOBODY) return null;
  if (beside) return beside;
  // Any name in the span, a subject before one inside a prepositional phrase or a possessive
  // ("Following the news of Roe's win, Poe issued a statement saying, “...”" is Poe's).
  let aside: string | null = null;
  for (const run of capitalRuns(s)) {
    const first = s.tokens[run.first]!;
    if (first.start < from || s.tokens[run.last]!.end > to) continue;
    const person = personOfRun(s, run, people);
    if (!person) continue;
    if (!afterPreposition(s, run.first) && !/^[’']s?$/.test(s.tokens[run.last + 1]?.text ?? '')) return person.name;
    aside ??= person.name;
  }
  if (aside) return aside;
  // "the commissioner said": a role noun standing for the person who holds that role (before a
  // pronoun's guess: "The president ... in his statement, vowed" is the president's).
  const byRole = roleNounSpeakerEn(toks, s.id, people);
  if (byRole) return byRole;
  if (toks.some((t) => PERSON_PRONOUNS.has(t.norm) && t.pos === 'PRON')) {
    const p = people
      .filter((q) => q.mentions.includes(s.id))
      .sort((a, b) => b.mentions.filter((m) => m <= s.id).length - a.mentions.filter((m) => m <= s.id).length)[0];
    if (p) return p.name;
  }
  // "..., Smith said, adding that “...”": the speaker named elsewhere in the sentence.
  const named = people.find((p) => p.mentions.includes(s.id) && [p.name, ...p.aliases].some((n) => s.text.includes(n)));
  if (named) return named.name;
  // An organisation or an unknown name can speak too, when it stands right beside the verb:
  // "Acme said", "said Reuters" ("the ministry said" has no capital: no speaker).
  for (const run of capitalRuns(s)) {
    const before = s.tokens[run.first - 1];
    const after = s.tokens[run.last + 1];
    const inside = s.tokens[run.first]!.start >= from && s.tokens[run.last]!.end <= to;
    // Only plain speech verbs here: "Critics called it a “stunt”" is a scare quote, not a speaker.
    const beside = (before && SPEECH_WORDS.has(before.norm)) || (after && SPEECH_WORDS.has(after.norm));
    if (inside && beside && !s.tokens.slice(run.first, run.last + 1).some((t) => CALENDAR_WORDS.has(t.norm)))
      return run.text;
  }
  return null;
}
