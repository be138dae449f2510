/**
 * Numbers and dates as written, from wink's entity spans, widened to the words that make
 * them facts: the unit or the counted noun ("12 million tonnes", "more than 40 cities"),
 * a converted measure in brackets ("3 miles (5 km)"), a range ("$2 million to $3 million").
 */
import type { NumberFact } from '../facts/types.js';
import type { AnnotatedArticle, AnnotatedSentence, EntitySpan, Token } from '../nlp/annotate.js';

/** Kinds of number facts, as `NumberFact.kind`. */
export type NumberKind = 'money' | 'date' | 'percent' | 'quantity' | 'count' | 'ordinal' | 'duration' | 'time';

const KIND_OF: Readonly<Record<string, NumberKind>> = {
  MONEY: 'money',
  DATE: 'date',
  PERCENT: 'percent',
  CARDINAL: 'count',
  ORDINAL: 'ordinal',
  DURATION: 'duration',
  TIME: 'time',
};

const UNITS = new Set(
  (
    'foot feet ft inch inches meter meters metre metres m cm mm km kilometer kilometers kilometre kilometres mile miles ' +
    'yard yards gram grams kg kilogram kilograms pound pounds lb lbs ton tons tonne tonnes ounce ounces ' +
    'liter liters litre litres gallon gallons barrel barrels acre acres hectare hectares degree degrees ' +
    'celsius fahrenheit kelvin mph kph knots watt watts kilowatt kilowatts megawatt megawatts gigawatt gigawatts ' +
    'volt volts hertz byte bytes megabytes gigabytes terabytes light-years calories percent'
  ).split(/\s+/),
);

/** Words before a number that are part of what it claims. */
const QUALIFIERS = [
  'more than',
  'less than',
  'fewer than',
  'at least',
  'up to',
  'nearly',
  'almost',
  'about',
  'around',
  'approximately',
  'over',
  'some',
  'roughly',
];

/** Weekday abbreviations: a date only beside a day or month ("Sun., March 3"), else "the Sun." or a name. */
const WEEKDAY_ABBR = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?$/;
const MONTH_OR_DAY =
  /^(?:\d{1,2}(?:st|nd|rd|th)?|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)\.?$/;

const RANGE_JOINS = new Set(['to', '-', '–', 'through', 'and', 'or']);

interface Span {
  first: number;
  last: number;
  kind: NumberKind;
}

/** All number and date facts of an annotated article, in reading order. */
export function extractNumbers(doc: AnnotatedArticle): NumberFact[] {
  return doc.sentences.flatMap((s) => numbersInSentence(s));
}

export function numbersInSentence(s: AnnotatedSentence): NumberFact[] {
  const tokens = s.tokens;
  const spans = [...s.entities]
    .sort((a, b) => a.first - b.first)
    .map((e) => widen(tokens, e))
    .filter((x): x is Span => x !== null);
  const merged: Span[] = [];
  for (const span of spans) {
    const prev = merged[merged.length - 1];
    if (prev && span.first <= prev.last) {
      // Overlap: a year inside a date, a cardinal inside money; keep the wider one.
      prev.last = Math.max(prev.last, span.last);
      continue;
    }
    // "4,086th" split by the tokenizer at its thousands comma is one number, of the later kind.
    if (prev && splitThousands(tokens, prev, span)) {
      prev.last = span.last;
      prev.kind = span.kind;
      continue;
    }
    if (prev && joins(tokens, prev, span)) {
      prev.last = span.last;
      continue;
    }
    merged.push({ ...span });
  }
  return merged.map((m) => ({
    text: s.text.slice(tokens[m.first]!.start, tokens[m.last]!.end),
    kind: m.kind,
    sentence: s.id,
  }));
}

function widen(tokens: readonly Token[], e: EntitySpan): Span | null {
  let kind = KIND_OF[e.type];
  if (!kind) return null;
  let { first, last } = e;
  const inside = tokens.slice(first, last + 1);
  // "year-long", "decades": a unit of time with no number is not a figure.
  if ((kind === 'duration' || kind === 'time') && inside.length === 1 && !/\d/.test(inside[0]!.text)) return null;
  if (kind === 'date' && first === last && WEEKDAY_ABBR.test(inside[0]!.norm) && !besideDate(tokens, first))
    return null;
  if (kind === 'count' && first === last && /^(1[6-9]|20)\d\d$/.test(tokens[first]!.text))
    return { first, last, kind: 'date' };
  if (kind === 'count' && first === last && tokens[first]!.norm === 'one' && tokens[last + 1]?.pos !== 'NOUN')
    return null;
  if (kind === 'count') {
    const unit = tokens[last + 1];
    if (unit && (unit.pos === 'NOUN' || unit.pos === 'PROPN' || unit.pos === 'ADJ')) {
      if (UNITS.has(unit.norm)) kind = 'quantity';
      // The counted noun makes the number say something: "40 cities", not "40".
      if (unit.pos === 'NOUN' || UNITS.has(unit.norm)) last += 1;
    }
  }
  if (kind === 'count' || kind === 'quantity' || kind === 'money' || kind === 'percent') {
    for (const q of QUALIFIERS) {
      const words = q.split(' ');
      const at = first - words.length;
      if (at >= 0 && words.every((w, k) => tokens[at + k]!.norm === w)) {
        first = at;
        break;
      }
    }
  }
  // "3 miles (5 km)": the conversion belongs to the measure.
  if (kind === 'quantity' && tokens[last + 1]?.text === '(') {
    const close = tokens.findIndex((t, i) => i > last && t.text === ')');
    if (close > 0 && close - last <= 5 && tokens.slice(last + 2, close).some((t) => t.pos === 'NUM')) last = close;
  }
  // Bare single-digit cardinals ("one of", "two agencies" are kept; "1" in "Tianwen-1" is not an entity).
  if (kind === 'count' && first === last && tokens[first]!.pos !== 'NUM') return null;
  return { first, last, kind };
}

function besideDate(tokens: readonly Token[], at: number): boolean {
  const next = tokens[at + 1]?.text === ',' ? tokens[at + 2] : tokens[at + 1];
  return next !== undefined && MONTH_OR_DAY.test(next.norm);
}

/** Two spans of one kind joined by "to"/"-"/"through" form one range. */
function joins(tokens: readonly Token[], a: Span, b: Span): boolean {
  if (a.kind !== b.kind || b.first !== a.last + 2) return false;
  const mid = tokens[a.last + 1]!;
  if (!RANGE_JOINS.has(mid.norm)) return false;
  // "and"/"or" join only dates and money ranges ("between 2020 and 2022"); counts stay apart.
  return mid.norm !== 'and' && mid.norm !== 'or' ? true : a.kind === 'date' && tokens[a.first - 1]?.norm === 'between';
}

/** "4" "," "086th" with no space anywhere: digit groups of one number, not two figures. */
function splitThousands(tokens: readonly Token[], a: Span, b: Span): boolean {
  if (b.first !== a.last + 2) return false;
  const left = tokens[a.last]!;
  const comma = tokens[a.last + 1]!;
  const right = tokens[b.first]!;
  return (
    comma.text === ',' &&
    /\d$/.test(left.text) &&
    /^\d{3}(?!\d)/.test(right.text) &&
    left.end === comma.start &&
    comma.end === right.start
  );
}
