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
import type { AnnotatedArticle, AnnotatedSentence } from '../nlp/annotate.js';
import { capitalRuns } from './entities-runs.js';
import { CALENDAR_WORDS, PERSON_PRONOUNS, SPEECH_WORDS, TITLE_WORDS } from './people-lexicon.js';
import { colonIntroSpeakerEn, isQuoteVerbEn, roleNounSpeakerEn } from './quotes-attribution-en.js';

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
    let pos = 0;
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
    if (open && (!following || (following.paragraph !== s.paragraph && !/^\s*[“"]/.test(following.text)))) {
      out.push(open);
      open = null;
    }
  });
  if (open) out.push(open);
  return out;
}

/** Name of the person (or organisation) an attribution span names, or null. */
function speakerIn(s: AnnotatedSentence, from: number, to: number, people: readonly PersonFact[]): string | null {
  const toks = s.tokens.filter((t) => t.start >= from && t.end <= to);
  if (!toks.some((t) => isQuoteVerbEn(t))) return null;
  for (const run of capitalRuns(s)) {
    const first = s.tokens[run.first]!;
    if (first.start < from || s.tokens[run.last]!.end > to) continue;
    const words = s.tokens
      .slice(run.first, run.last + 1)
      .map((t) => t.text)
      .filter((w) => !TITLE_WORDS.has(w.toLowerCase()));
    const text = words.join(' ');
    const person =
      people.find((p) => p.name === text || p.aliases.includes(text)) ??
      people.find((p) => text.includes(p.name) || p.aliases.some((a) => a.includes(' ') && text.includes(a))) ??
      // "Vázquez" for "Wanda Vázquez Garced": a later word of a full name (a first surname) names its holder.
      (words.length === 1 ? people.find((p) => p.name.split(' ').slice(1).includes(text)) : undefined);
    if (person) return person.name;
  }
  if (toks.some((t) => PERSON_PRONOUNS.has(t.norm) && t.pos === 'PRON')) {
    const p = people
      .filter((q) => q.mentions.includes(s.id))
      .sort((a, b) => b.mentions.filter((m) => m <= s.id).length - a.mentions.filter((m) => m <= s.id).length)[0];
    if (p) return p.name;
  }
  // "the commissioner said": a role noun standing for the person who holds that role.
  const byRole = roleNounSpeakerEn(toks, s.id, people);
  if (byRole) return byRole;
  // "..., Smith said, adding that “...”": the speaker named elsewhere in the sentence.
  const named = people.find((p) => p.mentions.includes(s.id) && [p.name, ...p.aliases].some((n) => s.text.includes(n)));
  if (named) return named.name;
  // An organisation or an unknown name can speak too, when it stands right beside the verb:
  // "Acme said", "said Reuters" ("the ministry said" has no capital: no speaker).
  for (const run of capitalRuns(s)) {
    const before = s.tokens[run.first - 1];
    const after = s.tokens[run.last + 1];
    const inside = s.tokens[run.first]!.start >= from && s.tokens[run.last]!.end <= to;
    // Only plain speech verbs here: "Critics called it a “stunt”" is a scare quote, not a speaker.
    const beside = (before && SPEECH_WORDS.has(before.norm)) || (after && SPEECH_WORDS.has(after.norm));
    if (inside && beside && !s.tokens.slice(run.first, run.last + 1).some((t) => CALENDAR_WORDS.has(t.norm)))
      return run.text;
  }
  return null;
}

/** "The following is a statement from NASA Administrator Jane Roe:" introduces the quote after it. */
const STATEMENT_INTRO = /\b(?:statement|remarks|message|letter|speech|comments?)\s+(?:from|by|of)\b|:\s*$/iu;

function statementSpeaker(
  doc: AnnotatedArticle,
  first: number,
  people: readonly PersonFact[],
): { speaker: string; attribution: number } | null {
  const i = doc.sentences.findIndex((s) => s.id === first);
  const intro = doc.sentences[i - 1];
  const m = intro ? STATEMENT_INTRO.exec(intro.text) : null;
  if (!intro || !m) return null;
  // The first person named after "statement from" (or anywhere in an intro that ends with a colon).
  const from = m[0].startsWith(':') ? 0 : m.index;
  let best: { at: number; name: string } | null = null;
  for (const p of people) {
    for (const n of [p.name, ...p.aliases]) {
      const at = intro.text.indexOf(n, from);
      if (at >= 0 && (!best || at < best.at)) best = { at, name: p.name };
    }
  }
  return best ? { speaker: best.name, attribution: intro.id } : null;
}

function cleanPiece(piece: string): string {
  return piece.trim().replace(/,$/, '.');
}

/** Every quotation with its speaker; `people` comes from `extractPeople`. */
export function extractQuotes(doc: AnnotatedArticle, people: readonly PersonFact[]): QuoteFact[] {
  const byId = new Map(doc.sentences.map((s) => [s.id, s]));
  const out: (QuoteFact & { paragraph: number; lastSentence: number })[] = [];
  for (const q of scanQuotes(doc)) {
    const text = q.pieces.map(cleanPiece).filter(Boolean).join(' ');
    if (!text) continue;
    let speaker: string | null = null;
    let attribution: number | null = null;
    for (const span of [q.after, q.before]) {
      if (!span) continue;
      const s = byId.get(span[0]);
      const found = s ? speakerIn(s, span[1], span[2], people) : null;
      if (found) {
        speaker = found;
        attribution = span[0];
        break;
      }
    }
    const startsSentence = byId.get(q.before[0])!.text.slice(q.before[1], q.before[2]).trim() === '';
    if (!speaker)
      ({ speaker, attribution } = statementSpeaker(doc, q.sentences[0]!, people) ?? { speaker, attribution });
    if (!speaker) {
      const intro = byId.get(q.before[0])!;
      speaker = colonIntroSpeakerEn(intro, q.before[2], people);
      if (speaker) attribution = intro.id;
    }
    const prev = out[out.length - 1];
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
      };
      continue;
    }
    if (!speaker && !(startsSentence && text.split(/\s+/).length >= MIN_UNATTRIBUTED_WORDS)) continue;
    out.push({
      speaker,
      text,
      sentence: q.sentences[0]!,
      sentences: q.sentences,
      attributionSentence: attribution,
      paragraph: q.paragraph,
      lastSentence: q.sentences[q.sentences.length - 1]!,
    });
  }
  return out.map(({ paragraph: _p, lastSentence: _l, ...fact }) => fact);
}
