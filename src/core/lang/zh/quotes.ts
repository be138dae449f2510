/**
 * Chinese quotes: “…” and 「…」 spans (any mark of quote-marks.ts), attributed to the person
 * named before the quote with a speech verb ("谭德塞说：“…”"), after it ("…”，谭德塞说。"), or,
 * for a partial quote inside a sentence, the person named last before it.
 */
import type { Article } from '../../article/types.js';
import type { PersonFact, QuoteFact } from '../../facts/types.js';
import { quotedSpans } from '../quote-marks.js';
import { quoteWithContext } from '../short-quote.js';
import { SPEECH_VERBS } from './table.js';

/** Characters between a name and its speech verb ("谭德塞星期五说"). */
const VERB_REACH = 12;
/** Characters after a quote in which its speaker may be named. */
const AFTER_REACH = 16;

/** The characters after a name in which its speech verb may stand; a bracketed aside ("(VOA)") is not counted. */
function reach(text: string, at: number): string {
  return text
    .slice(at, at + VERB_REACH * 3)
    .replace(/[(（][^)）]*[)）]/gu, '')
    .slice(0, VERB_REACH);
}

function namedAt(text: string, people: readonly PersonFact[]): { person: PersonFact; at: number }[] {
  const out: { person: PersonFact; at: number }[] = [];
  for (const person of people)
    for (const key of [person.name, ...person.aliases]) {
      let at = text.indexOf(key);
      while (at >= 0) {
        out.push({ person, at });
        at = text.indexOf(key, at + 1);
      }
    }
  return out.sort((a, b) => a.at - b.at);
}

export function findQuotesZh(article: Article, people: readonly PersonFact[]): QuoteFact[] {
  const quotes: QuoteFact[] = [];
  let lastNamed: PersonFact | null = null;
  for (const paragraph of article.paragraphs) {
    const sentences = paragraph.sentenceIds.map((id) => article.sentences[id]!);
    const starts: number[] = [];
    let text = '';
    for (const s of sentences) {
      starts.push(text.length);
      text += s.text;
    }
    const sentenceAt = (offset: number): number => {
      let i = 0;
      while (i + 1 < starts.length && starts[i + 1]! <= offset) i += 1;
      return i;
    };
    const spans = quotedSpans(text);
    const named = namedAt(text, people).filter((m) => !spans.some((q) => m.at >= q.start && m.at < q.end));
    for (const span of spans) {
      const first = sentenceAt(span.start);
      const last = sentenceAt(Math.max(span.start, span.end - 1));
      const end = last + 1 < starts.length ? starts[last + 1]! : text.length;
      const said = (m: { at: number } | undefined): boolean =>
        m !== undefined && SPEECH_VERBS.some((v) => reach(text, m.at).includes(v));
      // "“…。”局长张克俭说。": the attribution may stand in the sentence right after the quote.
      const next = named.find((m) => m.at > span.end && m.at < span.end + AFTER_REACH);
      const after = named.find((m) => m.at > span.end && m.at < end) ?? (said(next) ? next : undefined);
      const afterText = after ? reach(text, after.at) : '';
      const before = named.filter((m) => m.at >= starts[first]! && m.at < span.start).at(-1);
      let speaker: PersonFact | null = null;
      if (after && SPEECH_VERBS.some((v) => afterText.includes(v)) && !before) speaker = after.person;
      else if (before) speaker = before.person;
      else if (after) speaker = after.person;
      else speaker = named.filter((m) => m.at < span.start).at(-1)?.person ?? lastNamed;
      const ids = sentences.slice(first, last + 1).map((s) => s.id);
      quotes.push({
        speaker: speaker?.name ?? null,
        text: quoteWithContext(text, span.start, span.end, starts[first]!, end),
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
