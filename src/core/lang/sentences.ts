/**
 * Sentence splitting for every language but English (English keeps wink's splitter and its
 * repairs in src/core/ingest/sentences.ts). Rules, not ICU's sentence breaker: ICU cuts German
 * ordinals ("am 7. September"), initials and abbreviations ("z. B.", "M. Hollande", "el Sr.
 * García") and leaves a French closing » at the start of the next sentence.
 *
 * - Chinese and Japanese end a sentence at 。！？ (and ASCII ! ? between CJK characters); a
 *   closing quote or bracket after the mark stays with its sentence. No space follows.
 * - Other scripts end a sentence at . ! ? … followed by a space and a sentence start; the
 *   closing marks after it (» ” “ ’ ) ]) and a full stop after those ("pas ! ».") stay with the
 *   sentence, French spacing ("agirons. »") included.
 */
import { abbreviationsOf } from './tables.js';

const CJK_END = /[。！？!?]+[”’」』）)】〕"']*/gu;
/** Any sentence end, with its closing marks and optional space before a French ». */
const LATIN_END = /(?:[.!?]+|…)(?:\s?[»”“’"')\]])*(?:(?<=[»”“’"')\]])[.!?])?(?=\s+|$)/gu;
/** What may open a sentence: a capital, a digit, an opening quote or bracket, ¿ ¡, a dash of dialogue. */
const SENTENCE_START = /^[\s]*[\p{Lu}\p{N}«»„“"'‘‚(¿¡—–\-\p{Lo}]/u;
const MONTHS =
  /^(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|jahrhundert|jh|runde|platz|stock|klasse|liga)\b/iu;

/** True when the CJK share of letters makes this a text without word spaces. */
export function isCjkText(text: string): boolean {
  const cjk = text.match(/[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/gu)?.length ?? 0;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return letters > 0 && cjk / letters > 0.5;
}

function splitCjk(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of text.matchAll(CJK_END)) {
    const end = m.index + m[0].length;
    // An ASCII ! or ? inside Latin words ("Yahoo!") is no sentence end.
    if (/^[!?]/u.test(m[0]) && !/[\u3400-\u9fff]/u.test(text.slice(Math.max(0, m.index - 1), m.index))) continue;
    out.push(text.slice(from, end));
    from = end;
  }
  out.push(text.slice(from));
  return out;
}

/** Whether the full stop ending `before` belongs to an abbreviation, an initial or an ordinal. */
function isNotAnEnd(lang: string, before: string, after: string): boolean {
  const last = /(\S+)$/u.exec(before)?.[1] ?? '';
  if (!last.endsWith('.')) return false;
  const word = last.slice(0, -1).replace(/^[(«„“"']+/u, '');
  // An initial ("J. Smith", "M. Hollande", the "z." of "z. B.") or a dotted abbreviation ("z.B.", "EE.UU.").
  if (/^\p{L}$/u.test(word) || /^(?:\p{L}{1,3}\.)+\p{L}{1,3}$/u.test(word)) return true;
  if (abbreviationsOf(lang).has(word.toLowerCase())) return true;
  // "am 7. September", "die 2. Runde", "le 1. (rare)": a German ordinal is a number with a point.
  if (/^\d{1,3}$/u.test(word) && (lang === 'de' || MONTHS.test(after.trim()))) return true;
  return false;
}

function splitLatin(lang: string, text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of text.matchAll(LATIN_END)) {
    const end = m.index + m[0].length;
    const after = text.slice(end);
    if (after.trim() === '') break;
    if (!SENTENCE_START.test(after)) continue;
    if (m[0].startsWith('.') && m[0].length === 1 && isNotAnEnd(lang, text.slice(from, end), after)) continue;
    out.push(text.slice(from, end));
    from = end;
  }
  out.push(text.slice(from));
  return out;
}

/** Splits one paragraph of a non-English article into trimmed sentences, in reading order. */
export function splitSentencesIn(lang: string, paragraph: string): string[] {
  const text = paragraph.replace(/\s+/gu, ' ').trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return [];
  const pieces = isCjkText(text) ? splitCjk(text) : splitLatin(lang, text);
  // A piece of marks only ("»." after "… pas ! »") closes the sentence before it: never dropped.
  const out: string[] = [];
  for (const piece of pieces.map((s) => s.trim()).filter((s) => s !== '')) {
    if (/[\p{L}\p{N}]/u.test(piece) || out.length === 0) out.push(piece);
    else out[out.length - 1] += ` ${piece}`;
  }
  return out.filter((s) => /[\p{L}\p{N}]/u.test(s));
}
