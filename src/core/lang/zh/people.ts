/**
 * Chinese people: a role word right before a name with no space ("局长张克俭",
 * "世界卫生组织总干事谭德塞(Tedros Adhanom Ghebreyesus)"), a transliterated name with "·"
 * ("尼克拉斯·赫德曼"), a name before a speech verb ("毛宁表示"). A Chinese name is a known
 * surname and one or two characters up to a word that cannot be part of it; a transliterated
 * one runs to its "·"-joined end or to a Latin form in parentheses, which becomes an alias.
 */
import type { Sentence } from '../../article/types.js';
import type { PersonFact } from '../../facts/types.js';
import { AFTER_NAME, BEFORE_NAME, DOUBLE_SURNAMES, ROLE_WORDS, SPEECH_VERBS, SURNAMES } from './table.js';

let segmenter: Intl.Segmenter | null = null;
/** Intl.Segmenter's dictionary words (Node's full ICU). */
export function zhWords(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return [...segmenter.segment(text)].map((s) => s.segment);
}

/** "成为", "任务": a candidate the dictionary knows as one ordinary word is no name. */
function isDictionaryWord(text: string): boolean {
  const w = zhWords(text);
  return w.length === 1 && text.length >= 2;
}

const HAN = /[\u3400-\u9fff]/u;
/** A part after the first may be hyphenated like its Latin original: "鲍比·奇玛-格鲁布". */
const TRANSLITERATED = /^[\u3400-\u9fff]{1,6}(?:[·•・‧][\u3400-\u9fff]{1,8}(?:-[\u3400-\u9fff]{1,8})?)+/u;
const TRANSLITERATED_ANYWHERE = /[\u3400-\u9fff]{1,8}(?:[·•・‧][\u3400-\u9fff]{1,8}(?:-[\u3400-\u9fff]{1,8})?)+/gu;
/** Longest first part of a transliterated name ("尼克拉斯" of "尼克拉斯·赫德曼"). */
const MAX_FIRST_PART = 6;

/** "尼克拉斯·赫德曼表示" → "尼克拉斯·赫德曼": the last part ends where a verb or particle starts. */
function trimTransliterated(match: string): string {
  const cut = /[·•・‧]/u.test(match) ? match.search(/[·•・‧][^·•・‧]*$/u) + 1 : 0;
  const last = match.slice(cut);
  for (let n = 2; n < last.length; n += 1) if (endsName(last.slice(n))) return match.slice(0, cut + n);
  return match;
}
const LATIN_ALIAS = /^[(（]([A-Z][A-Za-z.'’\- ]+)[)）]/u;
/**
 * Where a role reaching back from its word stops: punctuation, or a dictionary word that starts
 * a clause (a whole word: the 对 of 应对 "respond" is no stop, 对 "to" is).
 */
const ROLE_STOP_MARK = /[，。、：；！？“”「」『』（）()《》\s,]/u;
const ROLE_STOP_WORDS = new Set('表示 指出 认为 宣布 率领 会见 包括 根据 据 由 被 向 对 是 在 说 称 了'.split(' '));
const MAX_ROLE = 20;

function endsName(rest: string): boolean {
  // "奇玛-格鲁布": a hyphen between Han characters joins a double surname.
  if (rest[0] === '-' && HAN.test(rest[1] ?? '')) return false;
  if (rest === '' || !HAN.test(rest[0]!)) return true;
  // A role after the name ("马哈穆德医生", "莫拉警长") ends it too.
  return AFTER_NAME.some((w) => rest.startsWith(w)) || ROLE_WORDS.some((w) => rest.startsWith(w));
}

/** The name at the start of `text`, with its Latin alias, or null. */
export function nameAt(
  text: string,
  needSurname: boolean,
): { name: string; alias: string | null; length: number } | null {
  const t = TRANSLITERATED.exec(text);
  if (t) {
    const name = trimTransliterated(t[0]);
    const alias = LATIN_ALIAS.exec(text.slice(name.length));
    return { name, alias: alias?.[1]?.trim() ?? null, length: name.length + (alias?.[0].length ?? 0) };
  }
  // A name with its Latin form: "谭德塞(Tedros Adhanom Ghebreyesus)".
  for (let n = 2; n <= 6; n += 1) {
    const alias = LATIN_ALIAS.exec(text.slice(n));
    if (alias && [...text.slice(0, n)].every((c) => HAN.test(c)) && alias[1]!.includes(' '))
      return { name: text.slice(0, n), alias: alias[1]!.trim(), length: n + alias[0].length };
  }
  const double = DOUBLE_SURNAMES.some((s) => text.startsWith(s));
  if (needSurname && !double && !SURNAMES.has(text[0] ?? '')) return null;
  const lengths = double ? [4, 3] : [3, 2];
  for (const n of lengths) {
    const name = text.slice(0, n);
    if (AFTER_NAME.some((w) => name.endsWith(w))) continue;
    if (name.length === n && [...name].every((c) => HAN.test(c)) && endsName(text.slice(n)) && !isDictionaryWord(name))
      return { name, alias: null, length: n };
  }
  return null;
}

/** The role that ends at `end` in `text`, reaching back to the clause start. */
function roleEndingAt(text: string, wordStart: number, end: number): string {
  const words = zhWords(text.slice(0, wordStart));
  let head = '';
  while (words.length > 0) {
    const w = words.at(-1)!;
    if (ROLE_STOP_MARK.test(w) || ROLE_STOP_WORDS.has(w)) break;
    if (head.length + w.length + (end - wordStart) > MAX_ROLE) break;
    head = words.pop()! + head;
  }
  return head + text.slice(wordStart, end);
}

interface Draft {
  name: string;
  aliases: Set<string>;
  role: string | null;
  sentence: number;
  roleSentence: number | null;
}

const ROLE_RE = new RegExp(ROLE_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gu');
export function findPeopleZh(sentences: readonly Sentence[]): PersonFact[] {
  const drafts = new Map<string, Draft>();
  const add = (name: string, alias: string | null, role: string | null, sentence: number): void => {
    let d = drafts.get(name);
    if (!d) {
      d = { name, aliases: new Set(), role: null, sentence, roleSentence: null };
      drafts.set(name, d);
    }
    if (alias) d.aliases.add(alias);
    if (d.role === null && role) Object.assign(d, { role, roleSentence: sentence });
  };
  for (const s of sentences) {
    const text = s.text;
    // Role before name.
    for (const m of text.matchAll(ROLE_RE)) {
      const word = m[0];
      const i = m.index;
      const after = i + word.length;
      const found = nameAt(text.slice(after), true);
      if (found) add(found.name, found.alias, roleEndingAt(text, i, after), s.id);
    }
    // Transliterated names anywhere: the first part is at most four characters and starts
    // after any role word glued to it ("总统唐纳德·特朗普").
    for (const m of text.matchAll(TRANSLITERATED_ANYWHERE)) {
      const dot = m.index + m[0].search(/[·•・‧]/u);
      // Walk back from the "·" over the dictionary's words: a role, a verb or a long word ends the name.
      const before = zhWords(text.slice(0, dot));
      let first = '';
      while (before.length > 0) {
        const w = before.at(-1)!;
        if (
          !HAN.test(w) ||
          BEFORE_NAME.has(w) ||
          ROLE_WORDS.includes(w) ||
          w.length >= 3 ||
          first.length + w.length > MAX_FIRST_PART
        )
          break;
        if (w.length === 2 && first.length >= 2 && before.length > 1) break;
        first = before.pop()! + first;
      }
      // A role or verb glued to the name's first part ("科学家西尔维", "游客劳拉") is cut off.
      const reach = text.slice(Math.max(0, dot - first.length - 4), dot);
      const inside = reach.length - first.length;
      for (const w of [...ROLE_WORDS, ...BEFORE_NAME]) {
        const at = reach.lastIndexOf(w);
        if (at >= 0 && at + w.length > inside && at + w.length < reach.length) first = reach.slice(at + w.length);
      }
      if (first === '') continue;
      const from = dot - first.length;
      const found = nameAt(text.slice(from), false);
      // A role right after the name (and its Latin form): "安德鲁·莫拉警长", "巴比什(Andrej Babiš)总理".
      const after = found ? ROLE_WORDS.find((w) => text.startsWith(w, from + found.length)) : undefined;
      if (found && /[·•・‧]/u.test(found.name)) add(found.name, found.alias, after ?? null, s.id);
    }
    // A name right before a speech verb at a clause start: "毛宁表示", "王丹说".
    for (const m of text.matchAll(
      /(?:^|[，。：；、“”\s])([\u3400-\u9fff]{2,3})(?=(?:表示|说|称|指出|强调|写道|告诉))/gu,
    )) {
      const found = nameAt(m[1]!, true);
      if (found && found.length === m[1]!.length) add(found.name, null, null, s.id);
    }
  }
  // Surnames of transliterated names are aliases: "赫德曼" for "尼克拉斯·赫德曼". A middle part
  // is one too when the article uses it alone ("坎特" of "埃尼斯·坎特·自由"), and so is the
  // first half of a hyphenated surname ("加西亚" of "卡洛斯·加西亚-加兰").
  const whole = sentences.map((s) => s.text).join('\n');
  for (const d of drafts.values()) {
    const parts = d.name.split(/[·•・‧]/u);
    if (parts.length < 2) continue;
    d.aliases.add(parts.at(-1)!);
    const alone = (part: string): boolean =>
      part.length >= 2 && whole.split(d.name).join('').includes(part) && !drafts.has(part);
    for (const part of parts.slice(1, -1)) if (alone(part)) d.aliases.add(part);
    const hyphened = parts.at(-1)!.split('-');
    if (hyphened.length > 1 && alone(hyphened[0]!)) d.aliases.add(hyphened[0]!);
  }
  return [...drafts.values()]
    .sort((a, b) => a.sentence - b.sentence)
    .map((d) => {
      const keys = [d.name, ...d.aliases];
      return {
        name: d.name,
        aliases: [...d.aliases],
        role: d.role,
        roleExpanded: d.role,
        organization: null,
        sentence: d.roleSentence ?? d.sentence,
        mentions: sentences.filter((s) => keys.some((k) => s.text.includes(k))).map((s) => s.id),
      };
    });
}

export { SPEECH_VERBS };
