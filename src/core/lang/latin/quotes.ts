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
import type { LatinTable } from './table.js';
import { tokenize } from './tokens.js';

/** How far (in words) a speech verb may stand from its quote. */
const VERB_WINDOW = 6;

interface Located {
  readonly person: PersonFact;
  /** Offset in the paragraph text. */
  readonly at: number;
}

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
    out.push({ person, at: f.at });
    coveredTo = f.end;
  }
  return out;
}

function hasSpeechVerb(text: string, table: LatinTable, fromEnd: boolean): boolean {
  const words = tokenize(text)
    .filter((t) => !t.punct)
    .map((t) => t.lower);
  const window = fromEnd ? words.slice(-VERB_WINDOW) : words.slice(0, VERB_WINDOW);
  const joined = ` ${window.join(' ')} `;
  return table.speechVerbs.some((v) => joined.includes(` ${v} `));
}

export function findQuotesLatin(article: Article, people: readonly PersonFact[], table: LatinTable): QuoteFact[] {
  const quotes: QuoteFact[] = [];
  let lastNamed: PersonFact | null = null;
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
    const spans = quotedSpans(text);
    const inQuote = (at: number): boolean => spans.some((q) => at >= q.start && at < q.end);
    const named = mentionsIn(text, people).filter((m) => !inQuote(m.at));
    for (const span of spans) {
      const first = sentenceAt(span.start);
      const last = sentenceAt(Math.max(span.start, span.end - 1));
      const sentenceEnd = last + 1 < starts.length ? starts[last + 1]! - 1 : text.length;
      const after = text.slice(span.end + 1, sentenceEnd);
      const before = text.slice(starts[first]!, Math.max(starts[first]!, span.start - 1));
      let speaker: PersonFact | null = null;
      const afterNamed = named.filter((m) => m.at > span.end && m.at < sentenceEnd);
      const beforeNamed = named.filter((m) => m.at >= starts[first]! && m.at < span.start);
      if (hasSpeechVerb(after, table, false) && afterNamed[0]) speaker = afterNamed[0].person;
      else if (hasSpeechVerb(before, table, true) && beforeNamed.length > 0) speaker = beforeNamed.at(-1)!.person;
      // No speech verb beside the quote: the sentence's subject, named first, is the speaker
      // ("Mélenchon … avait appelé Marine Le Pen « la bourgeoise »").
      else if (beforeNamed.length > 0) speaker = beforeNamed[0]!.person;
      else if (afterNamed[0] && hasSpeechVerb(after, table, false)) speaker = afterNamed[0].person;
      else {
        // A pronoun, or no speaker named: the person named last before the quote.
        const earlier = named.filter((m) => m.at < span.start);
        speaker = earlier.at(-1)?.person ?? lastNamed;
      }
      const ids = sentences.slice(first, last + 1).map((s) => s.id);
      quotes.push({
        speaker: speaker?.name ?? null,
        text: span.text,
        sentence: ids[0]!,
        sentences: ids,
        attributionSentence: null,
      });
    }
    const lastHere = named.at(-1);
    if (lastHere) lastNamed = lastHere.person;
  }
  return quotes;
}
