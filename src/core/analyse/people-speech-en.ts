/**
 * Speech beside a name ("said Maria Lopez", "Lopez, 45, told") and the single words the
 * article uses as speakers, which make a longer name elsewhere a person.
 */
import type { AnnotatedSentence } from '../nlp/annotate.js';
import { capitalRuns } from './entities-runs.js';
import { SPEECH_WORDS } from './people-lexicon.js';
import { TITLE_WORDS } from './people-title-words-en.js';
import { DELIMS, QUOTE_MARKS, isNameWord } from './people-tokens-en.js';

export function speechBeside(s: AnnotatedSentence, first: number, last: number): { before: boolean; after: boolean } {
  const prev = s.tokens[first - 1];
  const prev2 = s.tokens[first - 2];
  const before =
    (prev !== undefined && SPEECH_WORDS.has(prev.norm)) || (prev?.norm === 'to' && prev2?.norm === 'according');
  let n = last + 1;
  // "Jane Roe of Acme said": the organisation or place she is of sits between name and verb.
  if (s.tokens[n]?.norm === 'of') {
    let m = n + 1;
    if (s.tokens[m]?.norm === 'the') m++;
    while (/^\p{Lu}/u.test(s.tokens[m]?.text ?? '')) m++;
    if (m > n + 1 && SPEECH_WORDS.has(s.tokens[m]?.norm ?? '')) n = m;
  }
  while (s.tokens[n]?.pos === 'ADV') n++;
  let after = SPEECH_WORDS.has(s.tokens[n]?.norm ?? '');
  // "John Smith, 45, said" / "Jane Doe — who ... — told": the verb closes the appositive.
  if (!after && DELIMS.has(s.tokens[last + 1]?.text ?? '')) {
    for (let k = last + 2; k < Math.min(s.tokens.length, last + 30) && !after; k++) {
      const t = s.tokens[k]!;
      if (QUOTE_MARKS.test(t.text) && t.text !== '’') break;
      if (DELIMS.has(t.text)) {
        let m = k + 1;
        while (s.tokens[m]?.pos === 'ADV') m++;
        after = SPEECH_WORDS.has(s.tokens[m]?.norm ?? '');
      }
    }
  }
  return { before, after };
}

/**
 * Single words used as speakers ("Musk said", "according to Shen"), and family names used in
 * the plural ("the Ronnings will appeal" for a "Ronning" named elsewhere): a two- or three-word
 * name elsewhere that ends or starts with one of them is a person even without a role.
 */
export function speakerWords(sentences: readonly AnnotatedSentence[]): Set<string> {
  const out = familyNames(sentences);
  for (const s of sentences) {
    for (const run of capitalRuns(s)) {
      // "President Okafor": a surname after a title names a person as surely as a speech verb.
      const lastTok = s.tokens[run.last]!;
      if (run.last > run.first && TITLE_WORDS.has(s.tokens[run.last - 1]!.norm) && isNameWord(lastTok))
        out.add(lastTok.norm);
      if (run.first !== run.last || !isNameWord(s.tokens[run.first]!)) continue;
      const sp = speechBeside(s, run.first, run.last);
      if (sp.before || sp.after) out.add(s.tokens[run.first]!.norm);
    }
  }
  return out;
}

/** "the Ronnings": "the" and a capitalised plural whose singular ends a name of two or three words elsewhere. */
function familyNames(sentences: readonly AnnotatedSentence[]): Set<string> {
  const plurals = new Set<string>();
  for (const s of sentences)
    s.tokens.forEach((t, i) => {
      const next = s.tokens[i + 1];
      if (s.tokens[i - 1]?.norm !== 'the' || !/^\p{Lu}\p{Ll}+s$/u.test(t.text) || /^\p{Lu}/u.test(next?.text ?? ''))
        return;
      plurals.add(t.norm.slice(0, -1));
    });
  const out = new Set<string>();
  if (plurals.size === 0) return out;
  for (const s of sentences)
    for (const run of capitalRuns(s)) {
      const last = s.tokens[run.last]!;
      const size = run.last - run.first + 1;
      if (size >= 2 && size <= 3 && plurals.has(last.norm) && isNameWord(last) && !TITLE_WORDS.has(last.norm))
        out.add(last.norm);
    }
  return out;
}
