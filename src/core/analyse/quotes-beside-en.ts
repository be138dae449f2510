/**
 * Attributions in a sentence beside the quote rather than around its marks: an introduction
 * in the sentence before ("The following is a statement from Jane Roe:", "Senator Jane Roe
 * issued a statement on the closure."), or an attribution the sentence splitter moved into the
 * sentence after ("“... now!” Roe told residents.").
 */
import type { PersonFact } from '../facts/types.js';
import type { AnnotatedArticle } from '../nlp/annotate.js';
import { SPEECH_WORDS } from './people-lexicon.js';
import { speakerIn } from './quotes-speaker.js';

/** "The following is a statement from NASA Administrator Jane Roe:" introduces the quote after it. */
const STATEMENT_INTRO = /\b(?:statement|remarks|message|letter|speech|comments?)\s+(?:from|by|of)\b|:\s*$/iu;
/** "Senator Jane Roe issued a statement on the closure." introduces the quote after it too; its subject speaks. */
const ISSUED_STATEMENT =
  /\b(?:issued|released|published|put out|posted)\s+(?:a|an|the)\s+(?:\w+\s+)?(?:statement|letter|message)\b/iu;

export function statementSpeaker(
  doc: AnnotatedArticle,
  first: number,
  people: readonly PersonFact[],
): { speaker: string; attribution: number } | null {
  const i = doc.sentences.findIndex((s) => s.id === first);
  const intro = doc.sentences[i - 1];
  const m = intro ? (STATEMENT_INTRO.exec(intro.text) ?? ISSUED_STATEMENT.exec(intro.text)) : null;
  if (!intro || !m) return null;
  // The first person named after "statement from" (or anywhere in an intro that ends with a colon
  // or says someone issued a statement).
  const from = m[0].startsWith(':') || ISSUED_STATEMENT.test(m[0]) ? 0 : m.index;
  let best: { at: number; name: string } | null = null;
  for (const p of people) {
    for (const n of [p.name, ...p.aliases]) {
      const at = intro.text.indexOf(n, from);
      if (at >= 0 && (!best || at < best.at)) best = { at, name: p.name };
    }
  }
  return best ? { speaker: best.name, attribution: intro.id } : null;
}

/** Tokens an attribution may take at the start of the sentence after its quote ("Roe told reporters"). */
const NEXT_ATTRIBUTION_TOKENS = 4;

/**
 * “... in two days!” Roe told the world.: a quote closing on "!", "?" or "." at its sentence's
 * end, with the attribution split off into the next sentence of the paragraph. Only a speech
 * verb within the first few words of that sentence, outside any quote, attributes it.
 */
export function nextSentenceSpeaker(
  doc: AnnotatedArticle,
  quoteSentence: number,
  people: readonly PersonFact[],
): { speaker: string; attribution: number } | null {
  const i = doc.sentences.findIndex((x) => x.id === quoteSentence);
  const s = doc.sentences[i];
  const next = doc.sentences[i + 1];
  if (!s || !next || next.paragraph !== s.paragraph || /^\s*[“"]/.test(next.text)) return null;
  const head = next.tokens.slice(0, NEXT_ATTRIBUTION_TOKENS);
  const verb = head.findIndex((t) => SPEECH_WORDS.has(t.norm));
  if (verb < 0 || /[“”"]/.test(next.text.slice(0, head[verb]!.end))) return null;
  const to = next.tokens[Math.min(next.tokens.length - 1, verb + NEXT_ATTRIBUTION_TOKENS)]!.end;
  const speaker = speakerIn(doc, next, 0, to, people);
  return speaker ? { speaker, attribution: next.id } : null;
}
