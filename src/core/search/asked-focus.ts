/**
 * Whether a sentence's number or date is about what the question asks (ADR 022, seventh round).
 * "How many people were hurt?" on a story that says "three people died" finds a count of
 * people in the sentence, but the count belongs to "died": the question's focus (the counted
 * noun, the asked verb) must be what the value is tied to (`value-links.ts`), matched by lemma,
 * WordNet relative (hurt / injured / wounded; die / dead / death) or close word vector.
 */
import { annotateSentence, type Token } from '../nlp/annotate.js';
import { keyOf, type IndexedSentence } from './prepare.js';
import type { Query, QueryTerm } from './query.js';
import type { AnswerKind } from './question.js';
import type { ValueKind, ValueLink } from './value-links.js';
import { cosine } from './word-vectors.js';
import { namesAgent } from './wordnet.js';

/** What the asked number or name is about. */
export interface AskedFocus {
  /** For "What was the captain's name?", "the names of the two people who died": the noun named. */
  readonly named?: QueryTerm | null;
  /** The noun "how many X" counts (the head of its phrase: "same-sex couples" → couples). */
  readonly unit: QueryTerm | null;
  /** The verbs and predicate adjectives of the question's main clause ("hurt", "drowned", "stay"). */
  readonly verbs: readonly QueryTerm[];
  /** The direct objects of those verbs ("lost power" → power): the same event may be worded around them. */
  readonly objects?: readonly QueryTerm[];
}

/** Verbs that say nothing of what is counted ("How many people got out?"). */
const LIGHT = /^(be|have|do|get|make|go|happen|take|come|there)$/;
/**
 * A verb whose meaning is in its particle ("turned up", "made it out", "break out", "end up"):
 * its lemma alone would demand the wrong word of the answer, so it is no focus.
 */
const PHRASAL_BASE =
  /^(turn|make|take|break|kick|go|come|get|put|set|end|give|bring|carry|pick|show|sign|pull|wind|hold)$/;
const PARTICLE = /^(up|out|down|off|in|back|over|on|away|through|it)$/;
/** Particles that make any verb phrasal ("called off", "held up", "dropped out"); "in", "on" are mostly prepositions. */
const OWN_PARTICLE = /^(up|out|off|down|away|back)$/;

/**
 * Whether the token at `i` says what the asked number is about: a verb, or a participle used as
 * a predicate ("were hurt", "people drowned"). wink tags some question nouns as verbs ("do people
 * get", "are part of the deal"): a verb right before another verb, or between a copula and "of", is not one.
 */
function isFocus(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  if (t.pos === 'ADJ') return /(ed|en)$/.test(t.norm) || prev?.pos === 'AUX';
  if (t.pos !== 'VERB') return false;
  if (next?.pos === 'VERB') return false;
  if (prev && /^(is|are|was|were)$/.test(prev.norm) && next && (next.norm === 'of' || next.pos === 'DET')) return false;
  // "expected to get married", "allowed to stay": the second verb says what happens.
  if (next?.norm === 'to' && tokens[i + 2]?.pos === 'VERB') return false;
  if (next && OWN_PARTICLE.test(next.norm)) return false;
  return !(PHRASAL_BASE.test(t.lemma) && next !== undefined && PARTICLE.test(next.norm));
}

/** Words of the question's form, never its focus. */
const FORM =
  /^(how|many|much|long|more|fewer|less|other|far|deep|fast|big|large|tall|high|old|heavy|wide|close|soon|quickly|when|what|which|whats|what's|the|of|first|last|current|new|next|latest)$/;
/** Words that open a subordinate clause: "How many drowned when the boat went down?" asks about drowning. */
const SUBORDINATE = /^(when|after|before|because|since|while|if|as|during|until)$/;
/** A noun that names people in general: any noun for a person or group fills it ("victims", "users"). */
const ANYONE = /^(people|person|persons|individual|individuals|one)$/;

/** The question's focus, read from its tags; terms are the query's own (their keys, relatives and vectors). */
export function askedFocus(query: Query): AskedFocus {
  const tokens = query.tokens ?? annotateSentence(0, 0, query.text).tokens;
  const term = (t: Token): QueryTerm | null => {
    const k = keyOf(t.lemma);
    return query.terms.find((q) => q.key === k || q.keys.has(k) || q.keys.has(keyOf(t.norm))) ?? null;
  };
  // The counted noun: the last noun of the phrase after "how many/much" ("how many same-sex couples").
  let unit: QueryTerm | null = null;
  const unitAt = new Set<number>();
  const at = tokens.findIndex((t, i) => t.norm === 'how' && /^(many|much)$/.test(tokens[i + 1]?.norm ?? ''));
  if (at >= 0) {
    let j = at + 2;
    if (/^(more|fewer|other|of)$/.test(tokens[j]?.norm ?? '')) j++;
    if (tokens[j]?.norm === 'the') j++;
    // Modifiers, then the nouns: "same-sex couples"; an adjective after the noun is the predicate ("people drowned").
    for (; j < tokens.length && (/^(ADJ|PROPN)$/.test(tokens[j]!.pos) || tokens[j]!.text === '-'); j++) unitAt.add(j);
    for (; j < tokens.length && tokens[j]!.pos === 'NOUN'; j++) {
      unitAt.add(j);
      unit = term(tokens[j]!) ?? unit;
    }
  }
  // "What was the vote count?": the noun before count/number/total is what is counted.
  const countAt = tokens.findIndex((t) => /^(count|number|total|tally|toll)$/.test(t.norm) && t.pos === 'NOUN');
  if (!unit && countAt > 0 && tokens[countAt - 1]!.pos === 'NOUN') {
    unit = term(tokens[countAt - 1]!);
    unitAt.add(countAt - 1);
  }
  // "the captain's name", "the name of the pub": the noun whose name is asked.
  let named: QueryTerm | null = null;
  const nameAt = tokens.findIndex((t) => t.norm === 'name' || t.norm === 'names');
  if (nameAt > 0 && /^(what|what's|whats)$/.test(tokens[0]!.norm)) {
    const owner = /^['’]s$/.test(tokens[nameAt - 1]!.norm) ? nameAt - 2 : -1;
    let of = tokens[nameAt + 1]?.norm === 'of' ? nameAt + 2 : -1;
    while (of > 0 && /^(DET|NUM|ADJ)$/.test(tokens[of]?.pos ?? '')) of++;
    const at = owner >= 0 ? owner : of;
    if (at >= 0 && /^(NOUN|PROPN)$/.test(tokens[at]?.pos ?? '')) named = term(tokens[at]!);
  }
  const verbs: QueryTerm[] = [];
  const objects: QueryTerm[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (i > 0 && SUBORDINATE.test(t.norm)) break;
    if (unitAt.has(i) || FORM.test(t.norm) || LIGHT.test(t.lemma) || !isFocus(tokens, i)) continue;
    const q = term(t);
    if (!q || q.name) continue;
    verbs.push(q);
    // A direct object, no preposition between ("lost power"; not "hurt in the protests").
    let j = i + 1;
    while (tokens[j]?.pos === 'DET' || tokens[j]?.pos === 'ADJ') j++;
    const o = tokens[j]?.pos === 'NOUN' && !unitAt.has(j) ? term(tokens[j]!) : null;
    if (o && !o.name) objects.push(o);
  }
  return { unit: unit && !unit.name ? unit : null, verbs, named, objects };
}

/**
 * Least cosine for a word vector alone to tie a value to the question's word. Higher than the
 * ranking's floor: vectors also join words of one topic, not of one event ("drowned"/"rescued"
 * 0.67, "hurt"/"people" 0.56), while "died"/"dead" is 0.71.
 */
const TIE_FLOOR = 0.7;

/** The same lemma or form, a WordNet relative, or a very close vector. */
function ties(t: QueryTerm, keys: ReadonlySet<string>, vector: Float32Array | null): boolean {
  return tieBy(t, keys, vector) > 0;
}

/** 2 for the same lemma or form or a WordNet relative, 1 for a very close vector alone, else 0. */
function tieBy(t: QueryTerm, keys: ReadonlySet<string>, vector: Float32Array | null): 0 | 1 | 2 {
  for (const k of t.keys) if (keys.has(k)) return 2;
  for (const r of t.related) if (keys.has(r)) return 2;
  return t.vector !== null && vector !== null && cosine(t.vector, vector) >= TIE_FLOOR ? 1 : 0;
}

/** The kinds of value that answer each numeric kind of question. */
const ANSWERED_BY: Readonly<Partial<Record<AnswerKind, readonly ValueKind[]>>> = {
  count: ['count', 'measure'],
  measure: ['measure', 'count'],
  money: ['money'],
  duration: ['duration'],
};

/** Whether a value answers the kind asked: "until October" answers "how long" too. */
function answers(kind: AnswerKind, v: ValueLink): boolean {
  if (ANSWERED_BY[kind]?.includes(v.kind)) return true;
  return kind === 'duration' && v.kind === 'when' && /^(until|till|through)$/.test(v.before);
}

/**
 * Whether one of the sentence's values of the asked kind is tied to the question's focus: its
 * counted noun is the asked one (or, for "people", any person or group), and its verb is the
 * asked one, or it names no event ("the price is"). A value counting no noun ("39 are dead")
 * is tied by its verb alone; with no verb asked, its own words must name the asked noun.
 */
export function tiedValue(kind: AnswerKind, focus: AskedFocus, s: IndexedSentence): boolean {
  return valueTie(kind, focus, s) !== 'untied';
}

/**
 * How one of the sentence's values of the asked kind meets the question's focus: `untied` (none
 * does), `tied` (`tiedValue`), or `focused`: tied by the words the question asks themselves, its
 * counted noun matched (or, when it counts none, its verb) and its verb matched when one is asked,
 * not by naming no event. "While 54 nations have signed, only 27 have ratified" is focused for
 * "How many countries have made it official?"; "the price is 900 million" is only tied to "How
 * much did the club pay?".
 */
export function valueTie(kind: AnswerKind, focus: AskedFocus, s: IndexedSentence): 'untied' | 'tied' | 'focused' {
  let best: 'untied' | 'tied' | 'focused' = 'untied';
  // 1 when a word at `at` ties `t`; `said` holds whether one does by word, not by vector alone.
  let said = false;
  const match = (t: QueryTerm, at: readonly number[]): number => {
    let m = 0;
    for (const x of s.words) if (at.includes(x.at)) m = Math.max(m, tieBy(t, x.keys, x.vector));
    said = m === 2;
    return m > 0 ? 1 : 0;
  };
  // Money is counted in its currency: "how much money" asks for no noun.
  const unitTerm = kind === 'money' ? null : focus.unit;
  for (const v of s.links) {
    if (!answers(kind, v)) continue;
    let unit = 1;
    let unitSaid = false;
    // "40 deaths", "120 injuries": a noun of the asked event counts its people.
    const eventNoun = v.counted.length > 0 && focus.verbs.some((t) => match(t, v.counted.slice(-1)) === 1);
    const eventNounSaid = eventNoun && said;
    if (unitTerm && v.counted.length > 0 && !eventNoun) {
      const head = v.counted[v.counted.length - 1]!;
      const headLemma = v.countedLemmas[v.countedLemmas.length - 1]!;
      unit = match(unitTerm, [head]);
      unitSaid = said;
      // A compound names its kind last: "wildfires" are fires, "firefighters" are not fires.
      if (unitTerm.key.length >= 4 && headLemma.toLowerCase().endsWith(unitTerm.key)) ((unit = 1), (unitSaid = true));
      if (ANYONE.test(unitTerm.word) && (ANYONE.test(headLemma) || namesAgent(headLemma, 3))) unit = 1;
      unitSaid ||= unit === 1 && ANYONE.test(unitTerm.word);
    } else if (unitTerm && focus.verbs.length === 0) {
      // "England winning 2 – 1" counts no noun: with no verb asked, only its own words can say it counts fans.
      unit = match(unitTerm, v.predicate);
      unitSaid = said;
    }
    // A value tied to no event ("the price is", "are subject to") does not contradict the asked verb.
    let verbSaid = 0;
    let verbMet = 0;
    for (const t of focus.verbs) {
      verbMet = Math.max(verbMet, match(t, [...v.predicate, ...v.counted]));
      if (said) verbSaid = 1;
    }
    // "left 40,000 homes without power" for "How many homes lost power?": the asked object in the value's clause.
    for (const t of focus.objects ?? []) {
      verbMet = Math.max(verbMet, match(t, v.clause));
      if (said) verbSaid = 1;
    }
    // A thing counted by the question's own word ("asylum claims", "jobs") is the count asked, in
    // whatever verb the article puts it ("to clear 92,000 asylum claims" for "waiting to be
    // decided", "cut 1,200 jobs" for "lost"); a count of people needs its event too ("three
    // people died" does not answer "How many were hurt?").
    const thing = unitSaid && unitTerm !== null && !ANYONE.test(unitTerm.word) && !namesAgent(unitTerm.key, 3);
    const verb = focus.verbs.length === 0 || !v.verbal || thing ? 1 : verbMet;
    if (unit !== 1 || verb !== 1) continue;
    best = 'tied';
    const byWords = focus.verbs.length === 0 ? unitSaid : verbSaid === 1 && (unitSaid || eventNounSaid || !unitTerm);
    if (byWords) return 'focused';
  }
  return best;
}

/**
 * For a question asking a noun's name: whether the sentence sets a name beside that noun (its
 * title or apposition, `nameLinks`); a sentence that mentions the captain but names no one as
 * the captain does not answer "What was the captain's name?".
 */
export function namesAsked(named: QueryTerm, s: IndexedSentence): boolean {
  for (const n of s.nameLinks)
    for (const x of s.words) if (n.role.includes(x.at) && ties(named, x.keys, x.vector)) return true;
  return false;
}
