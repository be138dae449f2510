/**
 * What the article calls its named things (ADR 022, seventh round): "K2-18b, a planet circling
 * a star" makes "planet" a description of K2-18b, "the Greek prime minister Kyriakos Mitsotakis"
 * makes "minister" one of Mitsotakis. A question may name the thing where the answer describes
 * it ("When was K2-18b found?" / "the planet was first seen in 2015"), or describe it where the
 * answer names it or says "he" ("What did the Greek PM call the deal?" / "He called it null and
 * void"): each sentence is credited with the other side, as coreference already credits "he"
 * with the person's name.
 */
import type { AnnotatedSentence } from '../nlp/annotate.js';
import type { NameLink } from './name-links.js';

/** Per sentence id, the keys it refers to without spelling them: descriptions of names it holds, names of descriptions it uses. */
export function descriptionRefs(
  sentences: readonly AnnotatedSentence[],
  links: ReadonlyMap<number, readonly NameLink[]>,
  holds: (sentence: number, key: string) => boolean,
  keyOf: (word: string) => string,
): Map<number, Set<string>> {
  // An entity by the key of its name's last word ("mitsotakis"): its name's keys and its descriptions.
  const entities = new Map<string, { names: Set<string>; roles: Set<string> }>();
  for (const s of sentences)
    for (const l of links.get(s.id) ?? []) {
      const roles = l.role.filter((i) => !l.name.includes(i) && s.tokens[i]!.pos === 'NOUN');
      if (roles.length === 0) continue;
      const head = keyOf(s.tokens[l.name[l.name.length - 1]!]!.norm);
      const e = entities.get(head) ?? { names: new Set<string>(), roles: new Set<string>() };
      for (const i of l.name) e.names.add(keyOf(s.tokens[i]!.norm));
      for (const i of roles) e.roles.add(keyOf(s.tokens[i]!.lemma));
      // A title's modifiers describe it too: "the Greek prime minister Kyriakos Mitsotakis".
      let j = l.name[0]! - 1;
      if (s.tokens[j]?.pos === 'NOUN') {
        for (; s.tokens[j]?.pos === 'NOUN' || s.tokens[j]?.pos === 'ADJ'; j--)
          if (s.tokens[j]!.pos === 'ADJ') e.roles.add(keyOf(s.tokens[j]!.lemma));
        if (s.tokens[j]?.pos === 'PROPN' && s.tokens[j - 1]?.pos === 'DET') e.roles.add(keyOf(s.tokens[j]!.norm));
      }
      entities.set(head, e);
    }
  const out = new Map<number, Set<string>>();
  for (const s of sentences) {
    const refs = new Set<string>();
    // A sentence holding the name refers to the thing by its descriptions too.
    for (const [head, e] of entities) if (holds(s.id, head)) for (const r of e.roles) refs.add(r);
    // "the planet", "this company": the one thing the article describes so, by name.
    s.tokens.forEach((t, i) => {
      if (t.pos !== 'NOUN' || !/^(the|this|that)$/.test(s.tokens[i - 1]?.norm ?? '')) return;
      const k = keyOf(t.lemma);
      const of = [...entities.values()].filter((e) => e.roles.has(k));
      if (of.length === 1) for (const n of of[0]!.names) refs.add(n);
    });
    out.set(s.id, refs);
  }
  return out;
}
