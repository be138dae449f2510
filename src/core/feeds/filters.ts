/**
 * Include/exclude filters of a feed subscription (and of a channel). A pattern is either a
 * keyword (case-insensitive, whole words: "mars" does not match "marshal") or a regular
 * expression written `/.../flags`.
 *
 * Regular expressions typed into a chat run on every item of every poll, and JavaScript's
 * engine backtracks, so a pattern like `(a+)+$` can take exponential time. We therefore refuse,
 * when the filter is added, the shapes that cause catastrophic backtracking:
 * - a repeated group (`*`, `+`, `{n,}`, `{n,m}` after `)`) that itself contains a quantifier or
 *   an alternation: `(a+)+`, `(\w*)*`, `(a|aa)+`;
 * - more than one repetition in the whole pattern (`\s*\s*x`, `.*a.*b`): each one that can
 *   match the same text multiplies the work by the text length (measured: seconds on 2,000 chars);
 * - more than MAX_BRANCHES optional parts and alternatives (`a?a?a?a?a?a?a?aaaaaaa` is exponential
 *   in their number);
 * - backreferences (`\1`, `\k<name>`), which make matching NP-hard in general;
 * - patterns longer than MAX_PATTERN_LENGTH characters;
 * - the `g` and `y` flags, which make `test` stateful.
 * And matching is bounded: a regular expression sees only the first MAX_REGEX_TEXT characters of
 * an item (keywords MAX_MATCH_TEXT), so even a pattern that slips through runs over a small input.
 */
import { err, failure, ok, type Result } from '../result.js';
import type { ContentFilters } from '../store/records.js';

export const MAX_PATTERN_LENGTH = 200;
/** Characters of an item (title, tags, start of the body) that filters see. */
export const MAX_MATCH_TEXT = 8_000;
/** Characters a regular expression sees: smaller, since even one repetition costs about n² per failed search. */
export const MAX_REGEX_TEXT = 2_000;
export const MAX_FILTERS = 20;
/** Optional parts (`x?`) and alternatives (`|`) allowed in one expression: each may double the work of a failed match. */
export const MAX_BRANCHES = 6;

/** One compiled pattern. */
export interface CompiledFilter {
  /** The pattern as the admin wrote it. */
  readonly source: string;
  readonly kind: 'keyword' | 'regex';
  test(text: string): boolean;
}

/** A subscription's filters, compiled once per poll. */
export interface CompiledFilters {
  readonly include: readonly CompiledFilter[];
  readonly exclude: readonly CompiledFilter[];
}

const REGEX_LITERAL = /^\/(.+)\/([a-z]*)$/su;
const ALLOWED_FLAGS = /^[imsu]*$/u;
const HINT =
  'Use a keyword like `mars rover`, or a simple expression like `/artemis (ii|2)/i`; separate several with commas.';

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** Why a regex source is refused, or null when it is safe enough to run. */
export function unsafeRegexReason(source: string): string | null {
  if (source.length > MAX_PATTERN_LENGTH) return `it is longer than ${MAX_PATTERN_LENGTH} characters`;
  // Per open group: whether it holds a repetition or an alternation so far.
  const groups: { risky: boolean }[] = [];
  let inClass = false;
  let repetitions = 0;
  let branches = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    // Index of the last character of the atom just read; a quantifier may follow it.
    let atomEnd = i;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && (/[1-9]/u.test(next) || next === 'k')) return 'it uses a backreference';
      i += 1;
      atomEnd = i;
      if (inClass) continue;
    } else if (inClass) {
      if (c !== ']') continue;
      inClass = false;
    } else if (c === '[') {
      inClass = true;
      continue;
    } else if (c === '(') {
      groups.push({ risky: false });
      continue;
    } else if (c === '|') {
      branches += 1;
      if (groups.length > 0) groups[groups.length - 1]!.risky = true;
      continue;
    } else if (c === '*' || c === '+' || c === '?' || c === '{') {
      continue;
    } else if (c === ')') {
      const group = groups.pop();
      if (group?.risky && repeats(source, i + 1))
        return 'it repeats a group that already repeats or alternates, like (a+)+ or (a|aa)*';
      // A risky group makes its enclosing group risky too: ((a+)b)+ is as bad.
      if (group?.risky && groups.length > 0) groups[groups.length - 1]!.risky = true;
    }
    if (source[atomEnd + 1] === '?') branches += 1;
    if (repeats(source, atomEnd + 1)) {
      repetitions += 1;
      if (groups.length > 0) groups[groups.length - 1]!.risky = true;
    }
  }
  // Two repetitions that can match the same text (\s*\s*x, .*a.*b) already cost n³ per failed
  // search on a 2,000-character item: seconds. One repetition stays near n².
  // Each optional part or alternative multiplies the ways to fail: a?a?a?...aaa is exponential in their number.
  if (branches > MAX_BRANCHES) return `it has more than ${MAX_BRANCHES} optional parts (x?) and alternatives (x|y)`;
  if (repetitions > 1)
    return 'it repeats more than one part (like .*a.*b); use one repetition, or several keyword filters';
  return null;
}

/**
 * Whether a quantifier at `at` repeats a variable number of times: `*`, `+`, `{n,}`, `{n,m}`
 * with m > n. A fixed count (`\d{4}`) has only one way to match, so it cannot backtrack.
 */
function repeats(source: string, at: number): boolean {
  const c = source[at];
  if (c === '*' || c === '+') return true;
  if (c !== '{') return false;
  const m = /^\{(\d+)(,(\d*))?\}/u.exec(source.slice(at));
  if (!m || m[2] === undefined) return false;
  return m[3] === '' || Number(m[3]) > Number(m[1]);
}

/** Compiles one pattern, refusing empty, invalid and runaway ones. */
export function compileFilter(pattern: string): Result<CompiledFilter> {
  const source = pattern.trim();
  if (source === '') return err(failure('bad_input', 'A filter cannot be empty.', { hint: HINT }));
  const literal = REGEX_LITERAL.exec(source);
  if (literal && source.length > 2) {
    const [, body = '', flags = ''] = literal;
    if (!ALLOWED_FLAGS.test(flags))
      return err(failure('bad_input', `The filter ${source} uses flags other than i, m, s, u.`, { hint: HINT }));
    const unsafe = unsafeRegexReason(body);
    if (unsafe)
      return err(
        failure('bad_input', `The filter ${source} is refused because ${unsafe}: it could run for a very long time.`, {
          hint: HINT,
        }),
      );
    let re: RegExp;
    try {
      re = new RegExp(body, flags);
    } catch (e) {
      return err(
        failure('bad_input', `The filter ${source} is not a valid regular expression (${(e as Error).message}).`, {
          hint: HINT,
        }),
      );
    }
    return ok({ source, kind: 'regex', test: (text) => re.test(text.slice(0, MAX_REGEX_TEXT)) });
  }
  if (source.length > MAX_PATTERN_LENGTH)
    return err(failure('bad_input', `A keyword filter is at most ${MAX_PATTERN_LENGTH} characters.`, { hint: HINT }));
  // Whole words in any script: \b is ASCII-only, so use Unicode letter/number lookarounds.
  const words = source.split(/\s+/u).map(escapeRegex).join('\\s+');
  const re = new RegExp(`(?<![\\p{L}\\p{N}_])${words}(?![\\p{L}\\p{N}_])`, 'iu');
  return ok({ source, kind: 'keyword', test: (text) => re.test(text.slice(0, MAX_MATCH_TEXT)) });
}

/** Compiles a subscription's filters; the first problem wins, naming the bad pattern. */
export function compileFilters(filters: ContentFilters): Result<CompiledFilters> {
  if (filters.include.length + filters.exclude.length > MAX_FILTERS) {
    return err(failure('bad_input', `At most ${MAX_FILTERS} filters per subscription.`, { hint: HINT }));
  }
  const compileAll = (list: readonly string[]): Result<CompiledFilter[]> => {
    const out: CompiledFilter[] = [];
    for (const p of list) {
      const c = compileFilter(p);
      if (!c.ok) return c;
      out.push(c.value);
    }
    return ok(out);
  };
  const include = compileAll(filters.include);
  if (!include.ok) return include;
  const exclude = compileAll(filters.exclude);
  if (!exclude.ok) return exclude;
  return ok({ include: include.value, exclude: exclude.value });
}

/** An item passes when it matches some include filter (or there are none) and no exclude filter. */
export function passesFilters(filters: CompiledFilters, text: string): boolean {
  const bounded = text.slice(0, MAX_MATCH_TEXT);
  if (filters.include.length > 0 && !filters.include.some((f) => f.test(bounded))) return false;
  return !filters.exclude.some((f) => f.test(bounded));
}

/**
 * Splits what an admin typed (`mars, /artemis (ii|2)/i, moon base`) into patterns. Commas
 * inside a `/.../` expression (as in `{1,3}`) do not split it.
 */
export function parseFilterList(text: string | undefined | null): string[] {
  if (!text) return [];
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /[\s,]/u.test(text[i]!)) i += 1;
    if (i >= text.length) break;
    let end = i;
    if (text[i] === '/') {
      // Find the closing unescaped slash followed by flags and then a comma or the end.
      let j = i + 1;
      let close = -1;
      for (; j < text.length; j++) {
        if (text[j] === '\\') {
          j += 1;
          continue;
        }
        if (text[j] === '/' && /^[a-z]*\s*(,|$)/u.test(text.slice(j + 1))) {
          close = j;
          break;
        }
      }
      end = close < 0 ? text.indexOf(',', i) : close + 1 + /^[a-z]*/u.exec(text.slice(close + 1))![0].length;
    } else {
      end = text.indexOf(',', i);
    }
    if (end < 0) end = text.length;
    const piece = text.slice(i, end).trim();
    if (piece !== '') out.push(piece);
    i = end + 1;
  }
  return out;
}

/** Parses and validates the include/exclude options of `/feeds add`. */
export function parseFilterOptions(include: string | undefined, exclude: string | undefined): Result<ContentFilters> {
  const filters: ContentFilters = { include: parseFilterList(include), exclude: parseFilterList(exclude) };
  const compiled = compileFilters(filters);
  return compiled.ok ? ok(filters) : compiled;
}

/** The text filters look at: title, tags, then the body, capped. */
export function filterText(parts: {
  readonly title: string | null;
  readonly tags?: readonly string[];
  readonly body?: string;
}): string {
  return [parts.title ?? '', (parts.tags ?? []).join(' '), parts.body ?? ''].join('\n').slice(0, MAX_MATCH_TEXT);
}
