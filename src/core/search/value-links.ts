/**
 * What each number or date in a sentence is about (ADR 022, seventh round): the noun a number
 * counts ("39 people", "$5 million in damages" counts money, "two of Khan's victims") and the
 * words of the clause it is the subject or object of ("three people died", "killed 12", "39 are
 * confirmed dead", "the estimated cost is six billion euros"); for a date, the verbs of its own
 * clause and the noun it dates ("Sunday's signings"). Read from wink's tags in a window bounded
 * by the clause, since wink gives no dependency parse: "two of the victims died, and three
 * others were seriously injured" ties "three" to "injured", not to "died".
 */
import type { AnnotatedSentence, Token } from '../nlp/annotate.js';
import { monthAt } from './answer-phrases.js';

/** The kinds of value a numeric question asks for. */
export type ValueKind = 'count' | 'money' | 'duration' | 'measure' | 'when';

/** One number or date of a sentence and the words it is tied to (token indexes). */
export interface ValueLink {
  readonly kind: ValueKind;
  readonly first: number;
  readonly last: number;
  /** The word before the value, lower case ("until", "in"): "until October" answers "how long". */
  readonly before: string;
  /** The noun phrase the number counts or measures ("electoral college votes"); empty when none. */
  readonly counted: readonly number[];
  /** The lemmas of `counted`, in the same order. */
  readonly countedLemmas: readonly string[];
  /** The verbs, predicate adjectives and predicate nouns of the clause the value stands in. */
  readonly predicate: readonly number[];
  /**
   * Whether `predicate` holds a verb or participle ("arrested", "unaccounted"): the value is tied
   * to an event, which a question about another event does not share. "are subject to", "the
   * price is" say no event.
   */
  readonly verbal: boolean;
  /** The content words of the value's clause, at most eight tokens either side. */
  readonly clause: readonly number[];
}

const NUMBER_WORD =
  /^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|billions|trillion|dozen|dozens|half)$/;
const CURRENCY_BEFORE = /^[$€£¥₹₽]$|^(us\$|usd|eur|gbp)$/;
const CURRENCY_AFTER =
  /^(dollars?|euros?|pounds?|sterling|yuan|renminbi|yen|rupees?|rubles?|roubles?|zloty|złoty|złotys|zlotys|z|kron[ae]r?|kronor|francs?|pesos?|reais|lira|liras|dinars?|dirhams?|riyals?|rand|naira|shillings?|usd|eur|gbp|cents?)$/;
const TIME_UNIT = /^(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century)$/;
const MEASURE_UNIT =
  /^(feet|foot|ft|inch|inches|metres?|meters?|m|cm|mm|km|km2|kilometres?|kilometers?|miles?|yards?|mph|kph|knots|degrees?|celsius|fahrenheit|percent|per|%|kg|kilograms?|grams?|tons?|tonnes?|pounds|lbs?|acres?|hectares?|litres?|liters?|gallons?|barrels?|light)$/;
const DATE_WORD =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|tonight|midnight|noon|\d{1,2}:\d\d|\d{1,2}(am|pm|a\.m\.|p\.m\.))$/;
const YEAR = /^(1[89]\d\d|20\d\d)$/;
/** Words before a number that qualify it ("more than 40", "an additional six"), skipped when looking left. */
const QUALIFIER =
  /^(more|less|fewer|than|over|under|about|around|nearly|almost|roughly|some|up|to|at|least|most|an?|the|additional|another|just|only|approximately|estimated|total|of|all|but)$/;
/** Words that open another clause: a value's words never cross them. */
const CLAUSE_OPENER =
  /^(and|but|while|whereas|although|though|because|since|when|whose|which|who|whom|where|after|before|if|unless|until|as|so|yet|or|according)$/;
const HARD_BREAK = /^[;:—–()[\]"“”]$/;
/** Verbs too light to say what a number is about. */
const LIGHT_VERB = /^(be|have|do|say|said|says|tell|told|report|reported|according)$/;
/**
 * Verbs that say where a figure stands, not what happened ("the death toll rose to 40", "reached",
 * "totalled"): the event is in their subject, so they do not contradict the asked verb.
 */
const LEVEL_VERB =
  /^(rise|rose|risen|climb|reach|stand|stood|total|increase|grow|hit|top|exceed|number|jump|fall|drop|surpass)$/;

const isNumberToken = (t: Token): boolean => t.pos === 'NUM' || /^\d/.test(t.text) || NUMBER_WORD.test(t.norm);

/** "within a month", "for a year": a length of time with no number, after a preposition of time. */
const spanOfTime = (tokens: readonly Token[], i: number): boolean =>
  /^(an?)$/.test(tokens[i]!.norm) &&
  TIME_UNIT.test(tokens[i + 1]?.norm ?? '') &&
  /^(within|for|in|after|over|about|nearly|almost)$/.test(tokens[i - 1]?.norm ?? '');

/** Every number and date of the sentence with what it is tied to, in reading order. */
export function valueLinks(s: AnnotatedSentence): ValueLink[] {
  const tokens = s.tokens;
  const out: ValueLink[] = [];
  const dateAt = (i: number): boolean => {
    const t = tokens[i]!;
    if (t.entity === 'DATE' || t.entity === 'TIME' || DATE_WORD.test(t.norm) || monthAt(tokens, i)) return true;
    // A year, unless the tagger counts with it ("over 1800 people").
    return YEAR.test(t.norm) && t.entity !== 'CARDINAL' && tokens[i + 1]?.pos !== 'NOUN';
  };
  let i = 0;
  while (i < tokens.length) {
    const date = dateAt(i);
    if (!date && !isNumberToken(tokens[i]!) && !spanOfTime(tokens, i)) {
      i++;
      continue;
    }
    // The whole figure: "six billion", "66 to 27", "March 8, 2019", "36 and 40".
    let last = i;
    for (;;) {
      const n = tokens[last + 1];
      if (
        n &&
        (isNumberToken(n) ||
          (date && dateAt(last + 1)) ||
          (n.text === ',' && date && /^\d/.test(tokens[last + 2]?.text ?? '')))
      )
        last += n.text === ',' ? 2 : 1;
      else if (n && /^(to|and|or|-|–)$/.test(n.norm) && tokens[last + 2] && isNumberToken(tokens[last + 2]!) && !date)
        last += 2;
      else break;
    }
    out.push(linkOf(tokens, i, last, date));
    i = last + 1;
  }
  return out;
}

function linkOf(tokens: readonly Token[], first: number, last: number, date: boolean): ValueLink {
  const before = tokens[first - 1];
  let after = last + 1;
  if (tokens[after]?.text === '-' || tokens[after]?.text === '–') after++;
  // "twenty working days": a modifier may stand between a number and its unit of time.
  if (tokens[after]?.pos === 'ADJ' || /ing$/.test(tokens[after]?.norm ?? ''))
    if (TIME_UNIT.test(tokens[after + 1]?.norm ?? '')) after++;
  const unit = tokens[after];
  let kind: ValueKind;
  if (date) kind = 'when';
  else if ((before && CURRENCY_BEFORE.test(before.norm)) || tokens[first]!.entity === 'MONEY') kind = 'money';
  else if (unit && CURRENCY_AFTER.test(unit.norm)) kind = 'money';
  else if (unit && TIME_UNIT.test(unit.norm)) kind = 'duration';
  else if ((unit && MEASURE_UNIT.test(unit.norm)) || tokens[first]!.entity === 'PERCENT') kind = 'measure';
  else kind = 'count';
  const counted = kind === 'when' ? possessed(tokens, last) : countedPhrase(tokens, last);
  const end = counted.length > 0 ? counted[counted.length - 1]! : kind === 'when' ? last : after - 1;
  const predicate =
    kind === 'when'
      ? clauseVerbs(tokens, first, last)
      : [...leftWords(tokens, first), ...rightPredicate(tokens, Math.max(last, end))];
  const countedLemmas = counted.map((j) => tokens[j]!.lemma);
  const verbal = predicate.some(
    (j) => (tokens[j]!.pos === 'VERB' || /(ed|en)$/.test(tokens[j]!.norm)) && !LEVEL_VERB.test(tokens[j]!.lemma),
  );
  return {
    kind,
    first,
    last,
    before: tokens[first - 1]?.norm ?? '',
    counted,
    countedLemmas,
    predicate,
    verbal,
    clause: clauseWords(tokens, first, last),
  };
}

/** The noun phrase after a number: "suspected users", "electoral college votes", "of Khan's victims". */
function countedPhrase(tokens: readonly Token[], last: number): number[] {
  let j = last + 1;
  if (tokens[j]?.text === '-' || tokens[j]?.text === '–') j++;
  // "85% more wildfires", "20 percent of the oxygen": the share is of what follows.
  if (/^(%|percent|per)$/.test(tokens[j]?.norm ?? '')) j += tokens[j]!.norm === 'per' ? 2 : 1;
  // A partitive: "two of Khan's victims", "all but one of the member states".
  if (tokens[j]?.norm === 'of') {
    j++;
    while (
      j < tokens.length &&
      (tokens[j]!.pos === 'DET' ||
        tokens[j]!.pos === 'PRON' ||
        /^['’]s$/.test(tokens[j]!.norm) ||
        (tokens[j]!.pos === 'PROPN' && /^['’]s$/.test(tokens[j + 1]?.norm ?? '')))
    )
      j++;
  }
  const out: number[] = [];
  for (; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.pos === 'NOUN' || t.pos === 'PROPN') out.push(j);
    else if (t.pos === 'ADJ' || (t.pos === 'VERB' && /ed$/.test(t.norm) && tokens[j + 1]?.pos === 'NOUN')) continue;
    else if (t.text === '-' && out.length === 0) continue;
    else break;
  }
  return out;
}

/** For a date: the noun it dates when written as a possessive ("Sunday's signings", "March 8 media release"). */
function possessed(tokens: readonly Token[], last: number): number[] {
  let j = last + 1;
  if (/^['’]s$/.test(tokens[j]?.norm ?? '')) j++;
  const out: number[] = [];
  for (; j < tokens.length && (tokens[j]!.pos === 'NOUN' || tokens[j]!.pos === 'ADJ'); j++)
    if (tokens[j]!.pos === 'NOUN') out.push(j);
  return out;
}

const breaksAt = (tokens: readonly Token[], i: number): boolean => {
  const t = tokens[i]!;
  if (HARD_BREAK.test(t.text)) return true;
  if (t.pos === 'SCONJ' || t.pos === 'CCONJ') return true;
  return CLAUSE_OPENER.test(t.norm) && t.pos !== 'NUM';
};

/** Content words to the left of a number up to its verb: "killed [more than] 1,000", "the estimated cost is". */
function leftWords(tokens: readonly Token[], first: number): number[] {
  const out: number[] = [];
  let j = first - 1;
  while (j >= 0 && QUALIFIER.test(tokens[j]!.norm) && tokens[j]!.pos !== 'VERB') j--;
  for (let steps = 0; j >= 0 && steps < 6; j--, steps++) {
    const t = tokens[j]!;
    if (breaksAt(tokens, j) || t.text === ',' || isNumberToken(t)) break;
    if (t.pos === 'VERB') {
      if (!LIGHT_VERB.test(t.lemma)) out.push(j);
      break;
    }
    if (t.pos === 'NOUN' || t.pos === 'ADJ') out.push(j);
    // "The estimated cost is six billion": the copula's subject is what the number is.
    if (t.pos === 'AUX' && out.length === 0) {
      // "The sale price, to be paid in cash, is 900 million": step over the aside.
      if (tokens[j - 1]?.text === ',') {
        const open = tokens
          .slice(0, j - 1)
          .map((x) => x.text)
          .lastIndexOf(',');
        if (open > 0 && j - 1 - open <= 8) j = open;
      }
      for (
        let k = j - 1;
        k >= 0 && (tokens[k]!.pos === 'NOUN' || tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'VERB') && k >= j - 3;
        k--
      )
        out.push(k);
      break;
    }
  }
  return out;
}

/**
 * The predicate after a number that is a subject: "39 are confirmed dead", "1000 people have
 * been arrested", "Five people, who were all crew, were rescued", "337 users in 38 countries had
 * been arrested". Nothing when the number is an object ("killed 12 people and infected ...").
 */
function rightPredicate(tokens: readonly Token[], end: number): number[] {
  let j = end + 1;
  // A relative or appositive clause set off by commas is skipped: ", who were all crew,".
  if (tokens[j]?.text === ',' && /^(who|which)$/.test(tokens[j + 1]?.norm ?? '')) {
    const close = tokens.findIndex((t, k) => k > j + 1 && t.text === ',');
    if (close < 0) return [];
    j = close + 1;
  } else if (tokens[j]?.text === ',' && tokens[j + 1]?.pos === 'AUX')
    // ", have died" goes on the subject's clause; ", including ..." is an aside, and ", sits"
    // after "The village, a town of 5,000 residents," is the village's verb.
    j++;
  // A short prepositional phrase: "in 38 countries".
  if (tokens[j]?.pos === 'ADP' && !CLAUSE_OPENER.test(tokens[j]!.norm)) {
    let k = j + 1;
    while (k < tokens.length && k <= j + 4 && /^(DET|ADJ|NUM|NOUN|PROPN|PRON)$/.test(tokens[k]!.pos)) k++;
    if (k > j + 1) j = k;
  }
  let sawAux = false;
  while (j < tokens.length && (tokens[j]!.pos === 'AUX' || tokens[j]!.pos === 'ADV' || tokens[j]!.norm === 'not')) {
    sawAux ||= tokens[j]!.pos === 'AUX';
    j++;
  }
  const out: number[] = [];
  for (; j < tokens.length && out.length < 3; j++) {
    const t = tokens[j]!;
    if (t.pos === 'VERB' || (t.pos === 'ADJ' && (sawAux || out.length > 0))) {
      if (!LIGHT_VERB.test(t.lemma)) out.push(j);
    } else if (t.pos === 'NOUN' && sawAux && out.length === 0) out.push(j);
    else if (t.pos !== 'ADV') break;
  }
  return out;
}

/** Nouns, verbs and adjectives of the clause around a value, up to eight tokens either side. */
function clauseWords(tokens: readonly Token[], first: number, last: number): number[] {
  let a = first;
  while (a > 0 && a > first - 8 && !breaksAt(tokens, a - 1)) a--;
  let b = last;
  while (b < tokens.length - 1 && b < last + 8 && !breaksAt(tokens, b + 1)) b++;
  const out: number[] = [];
  for (let j = a; j <= b; j++) if (/^(NOUN|VERB|ADJ)$/.test(tokens[j]!.pos)) out.push(j);
  return out;
}

/** For a date: the verbs and predicate words of its clause (a date is the clause's adverbial). */
function clauseVerbs(tokens: readonly Token[], first: number, last: number): number[] {
  let a = first;
  while (a > 0 && !breaksAt(tokens, a - 1)) a--;
  let b = last;
  while (b < tokens.length - 1 && !breaksAt(tokens, b + 1)) b++;
  const out: number[] = [];
  for (let j = a; j <= b; j++) {
    const t = tokens[j]!;
    if ((t.pos === 'VERB' && !LIGHT_VERB.test(t.lemma)) || (t.pos === 'ADJ' && tokens[j - 1]?.pos === 'AUX'))
      out.push(j);
  }
  return out;
}
