/**
 * Include/exclude filters of a feed subscription (and of a channel). A pattern is either a
 * keyword (case-insensitive, whole words: "mars" does not match "marshal") or a regular
 * expression written `/.../flags`.
 *
 * Patterns typed into a chat run on every item of every poll. JavaScript's RegExp backtracks,
 * so a pattern like `(a+){5}$` took seconds on 300 characters and froze the whole process (issue
 * 11, High 1); refusing "dangerous shapes" never caught them all. Every user-supplied pattern
 * therefore runs on RE2 (`re2js`), whose matching is linear in the text whatever the pattern.
 * RE2 cannot express backreferences or lookaround (they are what makes backtracking necessary):
 * those patterns are refused with a message saying what to write instead. See ADR 024.
 */
import { RE2JS } from 're2js';
import { err, failure, ok, type Result } from '../result.js';
import type { ContentFilters } from '../store/records.js';

export const MAX_PATTERN_LENGTH = 200;
/** Characters of an item (title, tags, start of the body) that filters see. */
export const MAX_MATCH_TEXT = 8_000;
export const MAX_FILTERS = 20;

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

const FLAG_BITS: Readonly<Record<string, number>> = {
  i: RE2JS.CASE_INSENSITIVE,
  m: RE2JS.MULTILINE,
  s: RE2JS.DOTALL,
  u: 0, // RE2 always matches by code point.
};

/**
 * Why RE2 cannot run this JavaScript pattern, with what to write instead; null when it can.
 * Scans outside character classes only: `[(?=]` is three ordinary characters.
 */
export function unsupportedRegexReason(source: string): string | null {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && (/[1-9]/u.test(next) || (next === 'k' && source[i + 2] === '<')))
        return "it uses a backreference (\\1 or \\k<name>), which Herald's linear-time regex engine cannot run; repeat the text you mean instead, or use a keyword";
      i += 1;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(' && source[i + 1] === '?') {
      const kind = source.slice(i + 2, i + 4);
      if (kind.startsWith('=') || kind.startsWith('!') || kind === '<=' || kind === '<!')
        return "it uses a lookahead or lookbehind ((?=, (?!, (?<=, (?<!), which Herald's linear-time regex engine cannot run; use an include filter for what must appear and an exclude filter for what must not";
    }
  }
  return null;
}

/**
 * Compiles a JavaScript-syntax pattern (`body` of `/body/flags`) to RE2, or says why not.
 * Exported so any other place that takes a user's pattern uses the same engine and messages.
 */
export function compileUserRegex(body: string, flags: string, shown: string): Result<RE2JS> {
  if (body.length > MAX_PATTERN_LENGTH)
    return err(
      failure('bad_input', `The filter ${shown} is longer than ${MAX_PATTERN_LENGTH} characters.`, { hint: HINT }),
    );
  if (!ALLOWED_FLAGS.test(flags))
    return err(failure('bad_input', `The filter ${shown} uses flags other than i, m, s, u.`, { hint: HINT }));
  const unsupported = unsupportedRegexReason(body);
  if (unsupported)
    return err(failure('bad_input', `The filter ${shown} is refused because ${unsupported}.`, { hint: HINT }));
  let bits = 0;
  for (const f of flags) bits |= FLAG_BITS[f] ?? 0;
  try {
    // translateRegExp turns JavaScript-only spellings (\u00e9, (?<name>...), \cA) into RE2's.
    return ok(RE2JS.compile(RE2JS.translateRegExp(body), bits));
  } catch (e) {
    return err(
      failure('bad_input', `The filter ${shown} is not a valid regular expression (${(e as Error).message}).`, {
        hint: HINT,
      }),
    );
  }
}

/** Compiles one pattern, refusing empty, invalid and unsupported ones. */
export function compileFilter(pattern: string): Result<CompiledFilter> {
  const source = pattern.trim();
  if (source === '') return err(failure('bad_input', 'A filter cannot be empty.', { hint: HINT }));
  const literal = REGEX_LITERAL.exec(source);
  if (literal && source.length > 2) {
    const [, body = '', flags = ''] = literal;
    const re = compileUserRegex(body, flags, source);
    if (!re.ok) return re;
    return ok({ source, kind: 'regex', test: (text) => re.value.test(text.slice(0, MAX_MATCH_TEXT)) });
  }
  if (source.length > MAX_PATTERN_LENGTH)
    return err(failure('bad_input', `A keyword filter is at most ${MAX_PATTERN_LENGTH} characters.`, { hint: HINT }));
  // Whole words in any script: \b is ASCII-only and RE2 has no lookaround, so a word must sit
  // between the text's ends or characters that are not letters, digits or underscores.
  const words = source
    .split(/\s+/u)
    .map((w) => RE2JS.quote(w))
    .join('\\s+');
  const re = RE2JS.compile(`(?:^|[^\\p{L}\\p{N}_])${words}(?:[^\\p{L}\\p{N}_]|$)`, RE2JS.CASE_INSENSITIVE);
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

/** The text a feed item's filters are matched against, for the poller and the dashboard's live check alike. */
export function articleFilterText(article: {
  readonly title: string | null;
  readonly tags: readonly string[];
  readonly paragraphs: readonly { readonly text: string }[];
}): string {
  return filterText({
    title: article.title,
    tags: article.tags,
    body: article.paragraphs.map((p) => p.text).join('\n'),
  });
}
