/**
 * Whether found items read as one enumeration. Items of a list are parallel: all noun
 * phrases, all verb phrases, all prepositional phrases, all dates. Candidates that mix
 * kinds are almost always two clauses or an adjunct glued to a list ("in Greenbelt,
 * Maryland, with participation by ..."; "dead on arrival, police and medics said").
 */
import type { Token } from '../nlp/annotate.js';
import { innerConj, startsWithVerb, type Span } from './lists-segment.js';

type Kind = 'verb' | 'prep' | 'date' | 'noun';

const DATE_ENTITIES: ReadonlySet<string> = new Set(['DATE', 'TIME', 'DURATION']);

function kindOf(tokens: readonly Token[], span: Span): Kind {
  if (startsWithVerb(tokens, span)) return 'verb';
  const head = tokens[span.first]!;
  // The tagger gives "for" as SCONJ before a gerund ("for cleaning and repair").
  if (head.pos === 'ADP' || head.pos === 'SCONJ') return 'prep';
  let dated = true;
  for (let i = span.first; i <= span.last; i++) {
    const t = tokens[i]!;
    if (!DATE_ENTITIES.has(t.entity ?? '') && t.pos !== 'PUNCT') dated = false;
  }
  return dated ? 'date' : 'noun';
}

/**
 * True when the items are alike. Verb and noun phrases may mix once in four or more items
 * (gerunds are tagged either way), or freely when `verbsToo` is false; a preposition or a
 * date among other kinds never may.
 */
export function alike(tokens: readonly Token[], items: readonly Span[], verbsToo = true): boolean {
  const raw = items.map((i) => kindOf(tokens, i));
  // A lone verb ("handwash/VERB") or a participle before a noun ("dried goods") may as well be
  // a noun phrase: among noun phrases it is read as one.
  const nouns = raw.filter((k) => k === 'noun').length;
  const kinds = raw.map((k, n) => (k === 'verb' && nouns * 2 > raw.length && nounLike(tokens, items[n]!) ? 'noun' : k));
  const count = (k: Kind): number => kinds.filter((x) => x === k).length;
  const prep = count('prep');
  const date = count('date');
  if ((prep > 0 && prep < kinds.length) || (date > 0 && date < kinds.length)) return false;
  // Announced lists mix gerunds and nouns freely ("promotion of ..., sharing results").
  if (!verbsToo) return true;
  const verbs = count('verb');
  const odd = Math.min(verbs, kinds.length - verbs);
  return odd === 0 || (kinds.length >= 4 && odd === 1);
}

function nounLike(tokens: readonly Token[], span: Span): boolean {
  const head = tokens[span.first]!;
  if (head.pos !== 'VERB') return false;
  if (span.first === span.last) return !head.norm.endsWith('ing');
  const next = tokens[span.first + 1]!;
  return /ed$/u.test(head.norm) && (next.pos === 'NOUN' || next.pos === 'ADJ');
}

/** "between 1986 and 1994": the "and" belongs to "between", so the span is one range. */
export function isRange(tokens: readonly Token[], span: Span): boolean {
  return tokens[span.first - 1]?.norm === 'between' && innerConj(tokens, span) >= 0;
}

/**
 * "Das was declared dead on arrival, police and medics said": the first item closes one
 * clause (a verb comes before it in the same stretch) while the last is the subject of the
 * next verb. Such a run is two clauses, never a list. `clauseFirst` is where the first
 * item's clause starts.
 */
export function spansTwoClauses(tokens: readonly Token[], clauseFirst: number, first: Span, last: Span): boolean {
  const next = tokens[last.last + 1];
  if (!next || (next.pos !== 'VERB' && next.pos !== 'AUX')) return false;
  // "with A, B, and C making attempts": a participle after the list modifies it; no new clause.
  if (next.pos === 'VERB' && next.norm.endsWith('ing')) return false;
  for (let i = clauseFirst; i < first.first; i++) {
    const t = tokens[i]!;
    if (t.pos === 'VERB' || t.pos === 'AUX') return true;
  }
  return false;
}
