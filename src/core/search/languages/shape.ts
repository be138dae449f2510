/**
 * A question's kind of answer read from a table of patterns, in the order the table lists them,
 * for languages whose question words are not English (ADR 022): the first pattern that matches
 * decides. "How many" patterns may name the counted noun in their first group.
 */
import type { AnswerKind, QuestionShape } from '../question.js';

export interface ShapeRule {
  readonly kind: AnswerKind;
  readonly pattern: RegExp;
}

/** `\b` and `\w` as a reader means them in any alphabet ("où", "groß", "qué"), not ASCII only. */
export function unicodeWords(pattern: RegExp): RegExp {
  const hit = compiled.get(pattern);
  if (hit) return hit;
  const boundary = '(?:(?<![\\p{L}\\p{N}])(?=[\\p{L}\\p{N}])|(?<=[\\p{L}\\p{N}])(?![\\p{L}\\p{N}]))';
  const re = new RegExp(pattern.source.replace(/\\b/g, boundary).replace(/\\w/g, '\\p{L}'), 'u');
  compiled.set(pattern, re);
  return re;
}
const compiled = new WeakMap<RegExp, RegExp>();

export function shapeFromRules(rules: readonly ShapeRule[], question: string): QuestionShape {
  const q = question.toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim();
  for (const r of rules) {
    const m = unicodeWords(r.pattern).exec(q);
    if (m) return { kind: r.kind, unit: r.kind === 'count' ? (m[1] ?? null) : null };
  }
  return { kind: 'what', unit: null };
}

/** A set from words separated by spaces. */
export const wordSet = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));
