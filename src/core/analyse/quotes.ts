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
import { capitalRuns, type Run } from './entities-runs.js';
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

/** The person a run of capitalised words names, titles left aside, or undefined. */
function personOfRun(s: AnnotatedSentence, run: Run, people: readonly PersonFact[]): PersonFact | undefined {
  const words = s.tokens
    .slice(run.first, run.last + 1)
    .map((t) => t.text)
    .filter((w) => !TITLE_WORDS.has(w.toLowerCase()));
  const text = words.join(' ');
  return (
    people.find((p) => p.name === text || p.aliases.includes(text)) ??
    people.find((p) => text.includes(p.name) || p.aliases.some((a) => a.includes(' ') && text.includes(a))) ??
    // "Vázquez" for "Wanda Vázquez Garced": a later word of a full name (a first surname) names its holder.
    (words.length === 1 ? people.find((p) => p.name.split(' ').slice(1).includes(text)) : undefined)
  );
}

/** Where a person's name (or alias) first stands in `text` before `before`, or -1. */
function nameAt(text: string, p: PersonFact, before: number): number {
  let best = -1;
  for (const n of [p.name, ...p.aliases]) {
    const at = text.indexOf(n);
    if (at >= 0 && at < before && (best < 0 || at < best)) best = at;
  }
  return best;
}

/**
 * The person a pronoun beside a speech verb stands for: the last person named before it in
 * its sentence, unless named as the object of a preposition ("Speaking to Jane Roe, he
 * said"); else the first person named in the nearest earlier sentence that names one (the
 * subject a new sentence's "she said" continues). A person whose known pronouns are of the
 * other gender is passed over.
 */
function pronounSpeaker(
  doc: AnnotatedArticle,
  s: AnnotatedSentence,
  pronoun: number,
  people: readonly PersonFact[],
): string | null {
  const gender = PERSON_PRONOUNS.get(s.tokens[pronoun]!.norm);
  const fits = (p: PersonFact): boolean => genderOf(doc, p) !== (gender === 'm' ? 'f' : 'm');
  const at = s.tokens[pronoun]!.start;
  let best: { at: number; p: PersonFact } | null = null;
  for (const p of people) {
    for (const run of capitalRuns(s)) {
      const start = s.tokens[run.first]!.start;
      if (start >= at || afterPreposition(s, run.first) || personOfRun(s, run, people) !== p) continue;
      if (insideQuote(s.text, start)) continue;
      if (fits(p) && (!best || start > best.at)) best = { at: start, p };
    }
  }
  if (best) return best.p.name;
  const i = doc.sentences.indexOf(s);
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const prev = doc.sentences[k]!;
    let first: { at: number; p: PersonFact } | null = null;
    for (const p of people) {
      if (!p.mentions.includes(prev.id)) continue;
      const where = nameAt(prev.text, p, prev.text.length);
      if (where >= 0 && !insideQuote(prev.text, where) && fits(p) && (!first || where < first.at))
        first = { at: where, p };
    }
    if (first) return first.p.name;
  }
  return null;
}

/** True when offset `at` of `text` lies between an opening and a closing quote mark. */
function insideQuote(text: string, at: number): boolean {
  const marks = text.slice(0, at).match(/[“”"]/g)?.length ?? 0;
  return marks % 2 === 1;
}

/** The preposition that opens the phrase ending in the run at `first` ("to reporter Dana Fry"), or null. */
function prepositionBefore(s: AnnotatedSentence, first: number): string | null {
  for (let i = first - 1; i >= 0; i--) {
    const t = s.tokens[i]!;
    if (t.pos === 'PUNCT' || t.pos === 'VERB' || t.pos === 'AUX') return null;
    if (t.pos === 'ADP') return t.norm;
  }
  return null;
}

function afterPreposition(s: AnnotatedSentence, first: number): boolean {
  return prepositionBefore(s, first) !== null;
}

/** "Jane Roe of the victims' group Acme said": the run belongs to an "of"/"from"/"at" phrase. */
function ofBefore(s: AnnotatedSentence, first: number): boolean {
  const prep = prepositionBefore(s, first);
  return prep === 'of' || prep === 'from' || prep === 'at';
}

const BE: ReadonlySet<string> = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be']);

const genders = new WeakMap<AnnotatedArticle, Map<string, 'm' | 'f' | null>>();

/** "m"/"f" when the article calls the person "he"/"she" right after naming them, else null. */
function genderOf(doc: AnnotatedArticle, p: PersonFact): 'm' | 'f' | null {
  let known = genders.get(doc);
  if (!known) genders.set(doc, (known = new Map()));
  if (known.has(p.name)) return known.get(p.name)!;
  let found: 'm' | 'f' | null = null;
  for (const s of doc.sentences) {
    const where = nameAt(s.text, p, s.text.length);
    if (where < 0) continue;
    const pron = s.tokens.find((t) => t.start > where && t.pos === 'PRON' && PERSON_PRONOUNS.has(t.norm));
    if (pron && s.tokens.filter((t) => t.pos === 'PROPN' && t.start > where && t.start < pron.start).length === 0) {
      found = PERSON_PRONOUNS.get(pron.norm)!;
      break;
    }
  }
  known.set(p.name, found);
  return found;
}

/**
 * The speaker standing right beside a speech verb: "Roe said", "Roe also said", "said Roe",
 * "she said". Read before any other name in the span, so "critics like A, and B, with B
 * stating:" is B's and "Speaking to A, he said" is not A's.
 */
function speakerBesideVerb(
  doc: AnnotatedArticle,
  s: AnnotatedSentence,
  from: number,
  to: number,
  people: readonly PersonFact[],
): string | null {
  const runs = capitalRuns(s);
  for (let v = 0; v < s.tokens.length; v++) {
    const verb = s.tokens[v]!;
    if (verb.start < from || verb.end > to || !isQuoteVerbEn(verb)) continue;
    let b = v - 1;
    let passive = false;
    while (b >= 0 && (s.tokens[b]!.pos === 'ADV' || s.tokens[b]!.pos === 'AUX')) {
      if (BE.has(s.tokens[b]!.norm)) passive = true;
      b--;
    }
    // "he was told by Minister Jane Roe": the speaker is the agent after "by".
    const agent = passive && s.tokens[v + 1]?.norm === 'by' ? v + 2 : v + 1;
    const before = s.tokens[b];
    if (before && before.start >= from && agent === v + 1) {
      if (before.pos === 'PRON' && PERSON_PRONOUNS.has(before.norm)) return pronounSpeaker(doc, s, b, people);
      const run = runs.find((r) => r.last === b);
      // "Jane Roe of the Acme Group said": the name before "of" speaks, read below.
      if (run && ofBefore(s, run.first)) continue;
      const person = run && personOfRun(s, run, people);
      if (person) return person.name;
    }
    const run = runs.find((r) => r.first === agent);
    const person = run && s.tokens[run.last]!.end <= to ? personOfRun(s, run, people) : undefined;
    if (person) return person.name;
  }
  return null;
}

/** Name of the person (or organisation) an attribution span names, or null. */
function speakerIn(
  doc: AnnotatedArticle,
  s: AnnotatedSentence,
  from: number,
  to: number,
  people: readonly PersonFact[],
): string | null {
  const toks = s.tokens.filter((t) => t.start >= from && t.end <= to);
  if (!toks.some((t) => isQuoteVerbEn(t))) return null;
  const beside = speakerBesideVerb(doc, s, from, to, people);
  if (beside) return beside;
  for (const run of capitalRuns(s)) {
    const first = s.tokens[run.first]!;
    if (first.start < from || s.tokens[run.last]!.end > to) continue;
    const person = personOfRun(s, run, people);
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
      const found = s ? speakerIn(doc, s, span[1], span[2], people) : null;
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
