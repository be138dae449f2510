/**
 * English attribution cues for quotes beyond "said"/"told" (people-lexicon's SPEECH_WORDS):
 * - verbs that introduce a partial quote inside reported speech: "called the plan a “...”",
 *   "describing the “...”", "tweeted", "insisting she was “...”";
 * - a role noun standing for a person named earlier: "the commissioner said", "the father said";
 * - an introduction that ends with a colon: "Jane Roe rejected the plan: “...”".
 * Scare quotes have none of these and stay unattributed (and so are left out).
 */
import type { PersonFact } from '../facts/types.js';
import type { AnnotatedSentence, Token } from '../nlp/annotate.js';
import { SPEECH_WORDS } from './people-lexicon.js';
import { TITLE_WORDS } from './people-title-words-en.js';
import { singularEn } from './person-nouns-en.js';

const QUOTE_VERBS_EN: ReadonlySet<string> = new Set([
  'called',
  'calling',
  'calls',
  'described',
  'describing',
  'describes',
  'tweeted',
  'tweeting',
  'posted',
  'claimed',
  'claiming',
  'insisting',
  'stating',
  'read',
  'reads',
  'labelled',
  'labeled',
  'branded',
  'dismissed',
  'denounced',
  'denouncing',
  'promising',
  'promised',
  'vowed',
  'pledged',
  'answered',
  'responded',
  'confirmed',
  'admitted',
  'denied',
  'suggested',
  'speaking',
  'spoke',
]);

/** Is this token a verb that attributes a quote (full or partial)? */
export function isQuoteVerbEn(t: Token): boolean {
  return SPEECH_WORDS.has(t.norm) || QUOTE_VERBS_EN.has(t.norm);
}

const DETERMINERS: ReadonlySet<string> = new Set(['the', 'this', 'that', 'his', 'her', 'their']);

/**
 * "the commissioner said": the person named earlier whose role ends in that noun, last seen
 * most recently before sentence `sid`. Null when no known person holds such a role.
 */
export function roleNounSpeakerEn(toks: readonly Token[], sid: number, people: readonly PersonFact[]): string | null {
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i]!;
    // "the commissioner", and a capitalised title standing alone for its holder: "the Pope read".
    const aloneTitle = TITLE_WORDS.has(t.norm) && !/^\p{Lu}/u.test(toks[i + 1]?.text ?? '');
    if (!DETERMINERS.has(toks[i - 1]!.norm) || !(/^\p{Ll}/u.test(t.text) || aloneTitle)) continue;
    const noun = singularEn(t.norm);
    const holders = people.filter((p) => {
      const words = (p.role ?? '').toLowerCase().split(/[^\p{L}-]+/u);
      return words.includes(noun) && p.mentions.some((m) => m <= sid);
    });
    const lastSeen = (p: PersonFact): number => Math.max(...p.mentions.filter((m) => m <= sid));
    const best = holders.sort((a, b) => lastSeen(b) - lastSeen(a))[0];
    if (best) return best.name;
  }
  return null;
}

/** "Jane Roe rejected the plan: “...”": the first person the introduction names, when it ends with a colon. */
export function colonIntroSpeakerEn(s: AnnotatedSentence, to: number, people: readonly PersonFact[]): string | null {
  if (!/:\s*$/.test(s.text.slice(0, to))) return null;
  const intro = s.text.slice(0, to);
  let best: { at: number; name: string } | null = null;
  for (const p of people)
    for (const n of [p.name, ...p.aliases]) {
      const m = new RegExp(`(?<!\\p{L})${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}’'])`, 'u').exec(intro);
      if (m && (!best || m.index < best.at)) best = { at: m.index, name: p.name };
    }
  return best?.name ?? null;
}
