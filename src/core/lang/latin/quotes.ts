/**
 * Quotes in a language written with spaces: every quoted span in a paragraph (any mark of
 * quote-marks.ts, so „ “, « » and " " alike), attributed to a person by the shapes news uses
 * in every such language:
 *
 * - a speech verb and a name after the quote: "„…“, sagte Merz", "« … », a déclaré Jacob";
 * - a name and a speech verb before it: "Merz sagte: „…“", "Selon Jacob, « … »";
 * - a pronoun with a speech verb ("sagte er", "a-t-il dit", "dijo él") or a partial quote
 *   with no speaker named: the person named nearest before it, in this sentence or earlier.
 */
import type { Article } from '../../article/types.js';
import type { PersonFact, QuoteFact } from '../../facts/types.js';
import { quotedSpans } from '../quote-marks.js';
import { quoteWithContext } from '../short-quote.js';
import { roleSubjectOf, speakerBeside, subjectOf, type Located } from './quote-speaker.js';
import type { LatinTable } from './table.js';
import { tokenize } from './tokens.js';

/**
 * Every mention of a person in `text`, in reading order. A name inside a longer one ("Le Pen"
 * in "Jean-Marie Le Pen") is no mention of its own; a surname two people share goes to the one
 * whose full name came last.
 */
function mentionsIn(text: string, people: readonly PersonFact[]): Located[] {
  const found: { person: PersonFact; at: number; end: number; full: boolean }[] = [];
  for (const person of people) {
    for (const key of [person.name, ...person.aliases]) {
      if (key.length < 2) continue;
      let at = text.indexOf(key);
      while (at >= 0) {
        const before = text[at - 1];
        const after = text[at + key.length];
        if ((!before || !/\p{L}/u.test(before)) && (!after || !/\p{L}/u.test(after)))
          found.push({ person, at, end: at + key.length, full: key === person.name });
        at = text.indexOf(key, at + 1);
      }
    }
  }
  found.sort((a, b) => a.at - b.at || b.end - a.end);
  const out: Located[] = [];
  let coveredTo = -1;
  let lastFull: PersonFact | null = null;
  for (let i = 0; i < found.length; i += 1) {
    const f = found[i]!;
    if (f.end <= coveredTo) continue;
    const same = found.filter((g) => g.at === f.at && g.end === f.end);
    const person = same.length > 1 ? (same.find((g) => g.person === lastFull)?.person ?? f.person) : f.person;
    if (f.full) lastFull = person;
    out.push({ person, at: f.at, end: f.end });
    coveredTo = f.end;
  }
  return out;
}

/**
 * Quoted names of papers, shows and places ("Le Figaro", "Riviera Maya", "LCI") are no
 * quotes: every word capitalised (outside German, where every noun is, only for two or more
 * words).
 */
function isQuotedName(text: string, table: LatinTable): boolean {
  const ws = tokenize(text).filter((t) => !t.punct);
  if (ws.length === 0 || ws.length > 4) return false;
  if (table.nounsCapitalised && ws.length < 2) return false;
  return ws.every((w) => /^[\p{Lu}\d]/u.test(w.text) || table.particles.has(w.lower));
}

export function findQuotesLatin(article: Article, people: readonly PersonFact[], table: LatinTable): QuoteFact[] {
  const quotes: QuoteFact[] = [];
  let carried: PersonFact | null = null;
  const lastMention = new Map<PersonFact, number>();
  for (const paragraph of article.paragraphs) {
    const sentences = paragraph.sentenceIds.map((id) => article.sentences[id]!);
    const starts: number[] = [];
    let text = '';
    for (const s of sentences) {
      starts.push(text.length === 0 ? 0 : text.length + 1);
      text = text.length === 0 ? s.text : `${text} ${s.text}`;
    }
    const sentenceAt = (offset: number): number => {
      let i = 0;
      while (i + 1 < starts.length && starts[i + 1]! <= offset) i += 1;
      return i;
    };
    const endOf = (i: number): number => (i + 1 < starts.length ? starts[i + 1]! - 1 : text.length);
    const spans = quotedSpans(text).filter((q) => !isQuotedName(q.text, table));
    const inQuote = (at: number): boolean => spans.some((q) => at >= q.start && at < q.end);
    const named = mentionsIn(text, people).filter((m) => !inQuote(m.at));
    let spanAt = 0;
    sentences.forEach((s, i) => {
      const from = starts[i]!;
      const to = endOf(i);
      const here: typeof spans = [];
      while (spanAt < spans.length && spans[spanAt]!.start < to) here.push(spans[spanAt++]!);
      const beside = here.map((span) => {
        const k = spans.indexOf(span);
        const bounds = {
          from: Math.max(from, spans[k - 1]?.end ?? from),
          to: Math.min(endOf(sentenceAt(Math.max(span.start, span.end - 1))), spans[k + 1]?.start ?? text.length),
        };
        return speakerBeside(text, span, bounds, named, table, (phrase) =>
          roleSubjectOf(phrase, people, lastMention, table),
        );
      });
      const said = subjectOf(s.text, from, named, table);
      // "Er werde „…“": a pronoun subject is the person spoken of before this sentence.
      const before = named.filter((m) => m.at < from).at(-1)?.person ?? null;
      const subject =
        beside.find((b) => b !== null) ??
        (said === 'pronoun' ? (carried ?? before) : (said ?? roleSubjectOf(s.text, people, lastMention, table)));
      here.forEach((span, n) => {
        const speaker =
          beside[n] ?? subject ?? carried ?? named.filter((m) => m.at < span.start).at(-1)?.person ?? null;
        const first = sentenceAt(span.start);
        const last = sentenceAt(Math.max(span.start, span.end - 1));
        const ids = sentences.slice(first, last + 1).map((x) => x.id);
        quotes.push({
          speaker: speaker?.name ?? null,
          text: quoteWithContext(text, span.start, span.end, starts[first]!, endOf(last)),
          sentence: ids[0]!,
          sentences: ids,
          attributionSentence: null,
        });
        if (speaker) carried = speaker;
      });
      if (subject) carried = subject;
      for (const m of named) if (m.at >= from && m.at < to) lastMention.set(m.person, s.id);
    });
  }
  return quotes;
}
