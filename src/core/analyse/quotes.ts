/**
 * Quotations and who said them. A quote runs from an opening mark to its closing mark, across
 * sentences and, by the wire convention (no closing mark, next paragraph opens again), across
 * paragraphs. Attribution is read outside the marks in the closing sentence (“...,” Silva
 * said.) or before the opening one (Silva said: “...”). A quote that follows an attributed
 * one in the same or the next paragraph without its own attribution continues it and is merged
 * into it. A short or embedded unattributed quote (a theme title, a scare quote) is skipped:
 * only an unattributed quote that opens its sentence and has at least 6 words is kept, with
 * speaker null.
 */
import type { PersonFact, QuoteFact } from '../facts/types.js';
import type { AnnotatedArticle } from '../nlp/annotate.js';
import { colonIntroSpeakerEn } from './quotes-attribution-en.js';
import {
  endsOnComma,
  MIN_QUOTE_WORDS,
  onlyAttribution,
  quoteInClause,
  startsMidSentence,
  wordCount,
} from './quotes-partial.js';
import { nextSentenceSpeaker, statementSpeaker } from './quotes-beside-en.js';
import { speakerIn } from './quotes-speaker.js';

interface RawQuote {
  pieces: string[];
  sentences: number[];
  paragraph: number;
  /** Outside text before the opening mark, in the first sentence: [sentence, from, to]. */
  before: [number, number, number];
  /** Outside text after the closing mark, in the last sentence. */
  after: [number, number, number] | null;
}

const MIN_UNATTRIBUTED_WORDS = 6;

function scanQuotes(doc: AnnotatedArticle): RawQuote[] {
  const out: RawQuote[] = [];
  let open: RawQuote | null = null;
  const sentences = doc.sentences;
  sentences.forEach((s, si) => {
    const text = s.text;
    // A quote carried over a paragraph break reopens with a mark: that mark opens, it does not close.
    const reopened =
      open !== null &&
      open.sentences.length > 0 &&
      sentences[si - 1]?.paragraph !== s.paragraph &&
      /^\s*[“"]/.test(text);
    let pos = reopened ? text.search(/[“"]/) + 1 : 0;
    let outsideFrom = 0;
    while (pos <= text.length) {
      if (open) {
        if (!open.sentences.includes(s.id)) open.sentences.push(s.id);
        const close = text.slice(pos).search(/[”"]/);
        if (close < 0) {
          open.pieces.push(text.slice(pos));
          break;
        }
        open.pieces.push(text.slice(pos, pos + close));
        pos += close + 1;
        const next = text.slice(pos).search(/[“"]/);
        open.after = [s.id, pos, next < 0 ? text.length : pos + next];
        out.push(open);
        open = null;
        outsideFrom = pos;
      } else {
        const at = text.slice(pos).search(/[“"]/);
        if (at < 0) break;
        open = {
          pieces: [],
          sentences: [],
          paragraph: s.paragraph,
          before: [s.id, outsideFrom, pos + at],
          after: null,
        };
        pos += at + 1;
      }
    }
    if (open && !open.sentences.includes(s.id)) open.sentences.push(s.id);
    const following = sentences[si + 1];
    // An unclosed quote survives a paragraph break only when the next paragraph reopens it.
    if (
      open &&
      (!following ||
        (following.paragraph !== s.paragraph &&
          !/^\s*[“"]/.test(following.text) &&
          !firstMarkCloses(paragraphText(sentences, following.paragraph, si + 1))))
    ) {
      out.push(open);
      open = null;
    }
  });
  if (open) out.push(open);
  return out;
}

/** The text of the paragraph that starts at sentence index `from`. */
function paragraphText(sentences: AnnotatedArticle['sentences'], paragraph: number, from: number): string {
  let text = '';
  for (let i = from; i < sentences.length && sentences[i]!.paragraph === paragraph; i++)
    text += ` ${sentences[i]!.text}`;
  return text;
}

/**
 * A paragraph whose first quote mark closes (“”” or a straight mark after a word or a stop and
 * before a space: `...early." After`) goes on with a quote left open at the paragraph before,
 * written without the usual reopening mark.
 */
function firstMarkCloses(text: string): boolean {
  const m = /[“”"]/.exec(text);
  if (!m) return false;
  if (m[0] !== '"') return m[0] === '”';
  return /[\p{L}\p{N}.,!?]/u.test(text[m.index - 1] ?? ' ') && /^(?:\s|$|[.,;:)])/.test(text.slice(m.index + 1));
}

function cleanPiece(piece: string): string {
  return piece.trim().replace(/,$/, '.');
}

/** Every quotation with its speaker; `people` comes from `extractPeople`. */
export function extractQuotes(doc: AnnotatedArticle, people: readonly PersonFact[]): QuoteFact[] {
  const byId = new Map(doc.sentences.map((s) => [s.id, s]));
  type Found = QuoteFact & {
    paragraph: number;
    lastSentence: number;
    after: RawQuote['after'];
    /** The last part stops on a comma: an attribution may interrupt it (“Overall,” he said, “...”). */
    open: boolean;
    /** [sentence, opening mark, after closing mark] of a quote within one sentence. */
    span: [number, number, number] | null;
  };
  const out: Found[] = [];
  for (const q of scanQuotes(doc)) {
    const text = q.pieces.map(cleanPiece).filter(Boolean).join(' ');
    if (!text) continue;
    let speaker: string | null = null;
    let attribution: number | null = null;
    // “...” Roe said, “...”: words after a quote that end on a comma or colon right before the
    // next opening mark introduce that next quote; this one's own attribution comes first.
    const afterText = q.after ? byId.get(q.after[0])!.text : '';
    const introducesNext =
      q.after !== null && q.after[2] < afterText.length && /[,:]\s*$/.test(afterText.slice(q.after[1], q.after[2]));
    for (const span of introducesNext ? [q.before, q.after] : [q.after, q.before]) {
      if (!span) continue;
      const s = byId.get(span[0]);
      const found = s ? speakerIn(doc, s, span[1], span[2], people) : null;
      if (found) {
        speaker = found;
        attribution = span[0];
        break;
      }
    }
    if (!speaker && q.after && byId.get(q.after[0])!.text.slice(q.after[1], q.after[2]).trim() === '')
      ({ speaker, attribution } = nextSentenceSpeaker(doc, q.after[0], people) ?? { speaker, attribution });
    const startsSentence = byId.get(q.before[0])!.text.slice(q.before[1], q.before[2]).trim() === '';
    if (!speaker)
      ({ speaker, attribution } = statementSpeaker(doc, q.sentences[0]!, people) ?? { speaker, attribution });
    if (!speaker) {
      const intro = byId.get(q.before[0])!;
      speaker = colonIntroSpeakerEn(intro, q.before[2], people);
      if (speaker) attribution = intro.id;
    }
    const prev = out[out.length - 1];
    // “Overall,” he said, “the plan works.”: one quote interrupted by its attribution, shown in its parts.
    if (
      speaker &&
      prev?.speaker === speaker &&
      prev.open &&
      prev.after?.[0] === q.before[0] &&
      prev.after[1] === q.before[1] &&
      onlyAttribution(byId.get(q.before[0])!.text.slice(q.before[1], q.before[2])) &&
      startsMidSentence(text)
    ) {
      out[out.length - 1] = {
        ...prev,
        text: `${prev.text.replace(/[.,]$/, '')} … ${text}`,
        sentences: [...new Set([...(prev.sentences ?? []), ...q.sentences])],
        lastSentence: q.sentences[q.sentences.length - 1]!,
        after: q.after,
        open: endsOnComma(q.pieces.join(' ')),
        span: null,
      };
      continue;
    }
    // “null and void” and “absurd”: a second quote in the sentence of an attributed one is the same speaker's.
    if (!speaker && prev?.speaker && prev.lastSentence === q.sentences[0] && !startsSentence) {
      speaker = prev.speaker;
      attribution = prev.attributionSentence ?? null;
    }
    // A full quoted sentence later in the speaker's paragraph ("... in the journal X. “If we ...”") is theirs too.
    const sameParagraphSentence =
      prev?.paragraph === q.paragraph && /[.!?]$/.test(text) && text.split(/\s+/).length >= MIN_UNATTRIBUTED_WORDS;
    if (
      !speaker &&
      prev &&
      prev.speaker &&
      (startsSentence || sameParagraphSentence) &&
      prev.lastSentence <= q.sentences[0]! &&
      q.paragraph - prev.paragraph <= 1
    ) {
      out[out.length - 1] = {
        ...prev,
        // The words between the parts (the attribution) are not the speaker's: show the parts, not one glued sentence.
        text: `${prev.text} … ${text}`,
        sentences: [...new Set([...(prev.sentences ?? []), ...q.sentences])],
        lastSentence: q.sentences[q.sentences.length - 1]!,
        paragraph: q.paragraph,
        after: q.after,
        open: endsOnComma(q.pieces.join(' ')),
        span: null,
      };
      continue;
    }
    if (!speaker && !(startsSentence && text.split(/\s+/).length >= MIN_UNATTRIBUTED_WORDS)) continue;
    const single = q.sentences.length === 1 && q.after?.[0] === q.before[0];
    out.push({
      speaker,
      text,
      sentence: q.sentences[0]!,
      sentences: q.sentences,
      attributionSentence: attribution,
      paragraph: q.paragraph,
      lastSentence: q.sentences[q.sentences.length - 1]!,
      after: q.after,
      open: endsOnComma(q.pieces.join(' ')),
      span: single ? [q.before[0], q.before[2], q.after![1]] : null,
    });
  }
  return out.map(({ paragraph: _p, lastSentence: _l, after: _a, open: _o, span, ...fact }) =>
    span && wordCount(fact.text) < MIN_QUOTE_WORDS
      ? { ...fact, text: quoteInClause(byId.get(span[0])!, span[1], span[2]) }
      : fact,
  );
}
