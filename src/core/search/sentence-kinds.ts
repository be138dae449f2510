/**
 * What kinds of answer a sentence can give: does it name a person or organisation, state a date
 * or time, a place, a count, an amount of money, a length of time, a measure, or a cause?
 * Read from wink's entity spans and tags and from the analysed facts (people, organisations and
 * places with every sentence that mentions them, pronouns tied back included).
 */
import type { ArticleFacts, NumberFact } from '../facts/types.js';
import type { AnnotatedSentence } from '../nlp/annotate.js';
import { ageSlots, agentSlots, governorOf, monthAt } from './answer-phrases.js';
import type { AnswerKind } from './question.js';

/** A number or date stated in the sentence, as written, with what kind of answer it gives. */
export interface StatedValue {
  readonly text: string;
  readonly kind: AnswerKind;
}

export interface SentenceKinds {
  readonly holds: ReadonlySet<AnswerKind>;
  /** Numbers and dates in reading order, for "the number first" answers. */
  readonly values: readonly StatedValue[];
  /**
   * Where each kind of answer stands in the sentence: token indexes of the words that fill the
   * slot (a date's words for `when`, a number for `count`, a name for `who`, a cue for `why`).
   */
  readonly slots: ReadonlyMap<AnswerKind, readonly number[]>;
  /** Whether a passive verb names its agent ("signed by the energy ministers"): a "who" answer without a name. */
  readonly agent: boolean;
  /**
   * Whether a name stands after a place preposition ("at the Volgograd Arena"): a place the
   * gazetteer may not know. Places it knows are in the prepared sentence's `places`, so that a
   * place the question already names ("England") is not taken for the answer.
   */
  readonly placePhrase: boolean;
  /**
   * Whether its only causal cues are ones that mostly tell time or stance ("after", "since",
   * "amid", "following", "fears", "argued"): a weaker "why" answer than "because" or "due to".
   */
  readonly weakCause: boolean;
}

/** One-word patterns another language's answers are found by, beside English's (ADR 022). */
export interface AnswerWords {
  /** A word of a date: month and weekday names, "yesterday". */
  readonly date?: RegExp;
  /** A number written as a word ("drei", "trois"). */
  readonly number?: RegExp;
  /** A preposition before a place's name ("in", "à", "en"). */
  readonly placeBefore?: RegExp;
}

const CAUSE =
  /\b(because|due to|owing to|thanks to|led to|leads to|leading to|lead to|caused|causes|causing|cause of|the cause|triggered|trigger|sparked|blamed|blames|blame|result of|resulted|as a result|in order to|so that|aims? to|aimed at|intended to|reason|reasons|since|after|amid|following|fears?|concerns?|worried|over claims|said it was|in response to|prompted|motivated|meant to|to protect|to prevent|to stop|to ensure|to help|to allow|to avoid|to reduce|to continue|argued|accused|suspected|believed to|explanation|explained|why)\b/i;
/** Cues that state a cause or purpose outright. */
const STRONG_CAUSE =
  /\b(because|due to|owing to|thanks to|led to|leads to|leading to|caused|cause of|the cause|result of|as a result|resulted|in order to|so that|aims? to|aimed at|intended to|reasons?|explanation|explained|why|blamed|motivated|prompted|in response to|meant to|citing|cited)\b/i;
/** Cues that are causal only sometimes: "after" and "since" mostly tell time, "argued" a stance. */
const WEAK_CAUSE =
  /\b(after|amid|following|since|fears?|concerns?|worried|argued|accused|suspected|believed to|said it was|over claims)\b/i;
const WEEKDAY = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|tonight)\b/i;
const YEAR = /\b(1[89]\d\d|20\d\d)\b/;
const CLOCK =
  /\b\d{1,2}(:\d\d)?\s?(a\.?m\.?|p\.?m\.?)|\b\d{1,2}:\d\d\b|\b(midnight|noon|morning|evening|afternoon|night)\b/i;
const RELATIVE_TIME =
  /\b(in|within|after) (\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|a few|several)( more)? (seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b/i;
const TIME_UNIT = /\b(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b/i;
const MONEY =
  /[$€£¥₹₽]|\b(dollars?|euros?|pounds?|sterling|yuan|renminbi|yen|won|rupees?|rubles?|roubles?|zloty|złoty|kron[ae]r?|kronor|francs?|pesos?|reais|real|lira|liras|dinars?|dirhams?|riyals?|rand|naira|shillings?|usd|eur|gbp|cad|aud)\b/i;
const NUMBER_WORD =
  /\b(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|half|all)\b/i;
const MEASURE_UNIT =
  /\b(feet|foot|metres?|meters?|km|kilometres?|kilometers?|miles?|light[- ]years?|mph|kph|degrees?|percent|per cent|inches|cm|kg|tons?|tonnes?|acres?|hectares?)\b|%/i;

const KIND_OF_NUMBER: Readonly<Record<string, AnswerKind>> = {
  money: 'money',
  date: 'when',
  time: 'when',
  duration: 'duration',
  percent: 'count',
  quantity: 'measure',
  count: 'count',
};

/** For each sentence id, what it holds. */
export function sentenceKinds(
  sentences: readonly AnnotatedSentence[],
  facts: Pick<ArticleFacts, 'people' | 'organizations' | 'places' | 'numbers'>,
  /** The article's language's words for dates, numbers and places, when not English. */
  own: AnswerWords = {},
): Map<number, SentenceKinds> {
  const who = new Set<number>();
  for (const p of facts.people) for (const m of p.mentions) who.add(m);
  // A person's name after "from" or "at" is no place ("attempts from Harry Kane").
  const personWords = new Set(
    facts.people.flatMap((p) => [p.name, ...p.aliases]).flatMap((n) => n.toLowerCase().split(/\s+/)),
  );
  const placeAt = (tokens: AnnotatedSentence['tokens'], i: number): boolean =>
    !personWords.has(tokens[i]!.norm) && governorOf(tokens, i, own.placeBefore) !== null;
  for (const o of facts.organizations) for (const m of o.mentions) who.add(m);
  const where = new Set<number>();
  for (const p of facts.places) for (const m of p.mentions) where.add(m);
  const numbers = new Map<number, NumberFact[]>();
  for (const n of facts.numbers) numbers.set(n.sentence, [...(numbers.get(n.sentence) ?? []), n]);

  const out = new Map<number, SentenceKinds>();
  for (const s of sentences) {
    const holds = new Set<AnswerKind>(['what']);
    const values: StatedValue[] = [];
    const text = s.text;
    if (who.has(s.id)) holds.add('who');
    if (where.has(s.id)) holds.add('where');
    // Proper nouns after "in/at/from/near" are places even when the gazetteer does not know them.
    let placePhrase = false;
    s.tokens.forEach((t, i) => {
      if (t.pos !== 'PROPN') return;
      if (placeAt(s.tokens, i)) {
        holds.add('where');
        placePhrase = true;
      } else holds.add('who');
    });
    // "signed by the energy ministers" names who did it; "at the age of four months" says when.
    const agent = agentSlots(s.tokens).length > 0;
    if (agent) holds.add('who');
    if (ageSlots(s.tokens).length > 0) holds.add('when');
    for (const n of numbers.get(s.id) ?? []) {
      const kind = KIND_OF_NUMBER[n.kind ?? 'count'];
      if (!kind) continue;
      values.push({ text: n.text, kind });
      holds.add(kind);
      if (kind === 'measure') holds.add('count');
      if (kind === 'count' && MEASURE_UNIT.test(n.text)) holds.add('measure');
      if (kind === 'count' && TIME_UNIT.test(n.text)) holds.add('duration');
      if (kind === 'count' && MONEY.test(n.text)) holds.add('money');
    }
    for (const e of s.entities) {
      if (e.type === 'DATE' || e.type === 'TIME') holds.add('when');
      if (e.type === 'DURATION') holds.add('duration');
      if (e.type === 'MONEY') holds.add('money');
      if (e.type === 'CARDINAL' || e.type === 'PERCENT') holds.add('count');
    }
    if (s.tokens.some((_, i) => monthAt(s.tokens, i)) || WEEKDAY.test(text) || YEAR.test(text) || CLOCK.test(text))
      holds.add('when');
    if (own.date && s.tokens.some((t) => own.date!.test(t.norm))) holds.add('when');
    if (own.number && s.tokens.some((t) => own.number!.test(t.norm))) holds.add('count');
    if (NUMBER_WORD.test(text)) {
      holds.add('count');
      if (TIME_UNIT.test(text)) holds.add('duration');
      if (MEASURE_UNIT.test(text)) holds.add('measure');
      if (MONEY.test(text)) holds.add('money');
    }
    if (/\b(within|until|for (?:up to )?(?:a|an|\d|one|two|three|several))\b/i.test(text) && TIME_UNIT.test(text))
      holds.add('duration');
    // A time counted from now is a "when" answer: "eligible for parole in 25 years", "within a week".
    if (RELATIVE_TIME.test(text)) holds.add('when');
    if (CAUSE.test(text)) holds.add('why');
    // A sentence that opens with its purpose: "To achieve the goal sooner, the agency is asking ...".
    if (s.tokens[0]?.norm === 'to' && s.tokens[1]?.pos === 'VERB') holds.add('why');
    const weakCause = WEAK_CAUSE.test(text) && !STRONG_CAUSE.test(text);
    out.set(s.id, {
      holds,
      values,
      slots: slotsOf(s, holds, where.has(s.id), own, placeAt),
      agent,
      placePhrase,
      weakCause,
    });
  }
  return out;
}

const WORD_CAUSE =
  /^(because|due|owing|thanks|led|leads|leading|caused|causes|causing|cause|triggered|trigger|sparked|blamed|blame|result|resulted|reason|reasons|since|after|amid|following|fear|fears|concern|concerns|worried|order|prompted|motivated|citing|accused|suspected|explanation|explained|why|so|as)$/;
/** One word of a date or time ("2018", "Monday", "6am"); months are read by `monthAt`. */
const WORD_WHEN =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|tonight|1[89]\d\d|20\d\d|midnight|noon|morning|evening|afternoon|night|\d{1,2}:\d\d|\d{1,2}(am|pm|a\.m\.|p\.m\.))$/i;
/** One word of a number ("39", "six", "thousands"). */
const WORD_NUMBER =
  /^(\d[\d,.]*%?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|half)$/i;

/** Token indexes of the words that could fill each kind of slot. */
function slotsOf(
  s: AnnotatedSentence,
  holds: ReadonlySet<AnswerKind>,
  namesPlace: boolean,
  own: AnswerWords,
  placeAt: (tokens: AnnotatedSentence['tokens'], i: number) => boolean,
): Map<AnswerKind, number[]> {
  const slots = new Map<AnswerKind, number[]>();
  const add = (k: AnswerKind, i: number): void => {
    if (holds.has(k)) slots.set(k, [...(slots.get(k) ?? []), i]);
  };
  for (const e of s.entities)
    for (let i = e.first; i <= e.last; i++) {
      if (e.type === 'DATE' || e.type === 'TIME') add('when', i);
      if (e.type === 'DURATION') add('duration', i);
      if (e.type === 'MONEY') add('money', i);
      if (e.type === 'CARDINAL' || e.type === 'PERCENT') add('count', i);
    }
  s.tokens.forEach((t, i) => {
    const prev = s.tokens[i - 1]?.norm ?? '';
    if (WORD_WHEN.test(t.norm) || monthAt(s.tokens, i) || own.date?.test(t.norm)) add('when', i);
    if (t.pos === 'NUM' || WORD_NUMBER.test(t.norm) || own.number?.test(t.norm)) {
      for (const k of ['count', 'money', 'duration', 'measure'] as const) add(k, i);
      if (/^(in|within|after|until|by)$/.test(prev)) add('when', i);
    }
    if (t.pos === 'PROPN') {
      if (namesPlace || placeAt(s.tokens, i)) add('where', i);
      add('who', i);
    }
    if (WORD_CAUSE.test(t.norm)) add('why', i);
    if (t.norm === 'to' && s.tokens[i + 1]?.pos === 'VERB') add('why', i);
  });
  for (const i of agentSlots(s.tokens)) add('who', i);
  for (const i of ageSlots(s.tokens)) add('when', i);
  return slots;
}
