/**
 * Names and the nouns set beside them (ADR 022, seventh round), for questions that ask a noun's
 * name ("What was the captain's name?"): the name must stand beside that noun, not just anywhere
 * in a sentence about it.
 */
import type { AnnotatedSentence } from '../nlp/annotate.js';

/** A name in the sentence and the words that say what it names ("Captain Rochester", "Hatice Cengiz, fiancée of ..."). */
export interface NameLink {
  readonly name: readonly number[];
  /** Token indexes of the nouns set beside the name as its title or apposition. */
  readonly role: readonly number[];
}

/**
 * Names with their titles and appositions, for "What was the captain's name?": a noun right
 * before a name ("officers Antoine Quirin"), the name's own capitalised title ("Captain
 * Rochester"), a phrase set off by a comma on either side ("Hatice Cengiz, fiancée of ...",
 * "the captain, John Smith"), or "named/called" before it. A possessive names the owner, not
 * the noun after it ("Khan's victims"), and an adjective of a place before a noun names no
 * one ("an Irish pub").
 */
export function nameLinks(s: AnnotatedSentence): NameLink[] {
  const tokens = s.tokens;
  const out: NameLink[] = [];
  const nounish = (j: number): boolean => /^(NOUN|PROPN)$/.test(tokens[j]?.pos ?? '');
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.pos !== 'PROPN') continue;
    let last = i;
    while (tokens[last + 1]?.pos === 'PROPN') last++;
    const name = Array.from({ length: last - i + 1 }, (_, k) => i + k);
    const role: number[] = [...name];
    // A title or role right before: "journalist Jamal Khashoggi", "the captain John Smith".
    for (let j = i - 1; j >= 0 && j >= i - 3 && (tokens[j]!.pos === 'NOUN' || tokens[j]!.pos === 'ADJ'); j--)
      if (tokens[j]!.pos === 'NOUN') role.push(j);
    if (/^(named|called|dubbed)$/.test(tokens[i - 1]?.norm ?? ''))
      for (let j = i - 2; j >= 0 && j >= i - 4 && (nounish(j) || tokens[j]!.pos === 'ADJ'); j--) role.push(j);
    // An apposition after a comma: "Hatice Cengiz, fiancée of ...", "Smith, the captain,".
    if (tokens[last + 1]?.text === ',') {
      let j = last + 2;
      while (tokens[j]?.pos === 'DET' || tokens[j]?.pos === 'ADJ') j++;
      for (; j < tokens.length && nounish(j); j++) role.push(j);
    }
    // An apposition before: "the captain, John Smith".
    if (tokens[i - 1]?.text === ',')
      for (let j = i - 2; j >= 0 && j >= i - 4 && (nounish(j) || tokens[j]!.pos === 'ADJ'); j--)
        if (nounish(j)) role.push(j);
    out.push({ name, role });
    i = last;
  }
  return out;
}
