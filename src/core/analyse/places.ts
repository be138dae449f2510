/**
 * Places: gazetteer names standing alone as a capitalised run ("China", "Paris"), names cued
 * by the text ("in Abeokuta", "capital of Ogun", "Ogun State") and the dateline place.
 */
import type { PlaceFact } from '../facts/types.js';
import type { AnnotatedArticle, AnnotatedSentence } from '../nlp/annotate.js';
import { capitalRuns, isAcronym, spanText, type Run } from './entities-runs.js';
import { sentencesMentioning } from './organizations.js';
import { ORG_CUE_WORDS } from './organizations-cues.js';
import { CALENDAR_WORDS, NON_NAME_WORDS } from './people-lexicon.js';
import { TITLE_WORDS } from './people-title-words-en.js';
import { GAZETTEER, PLACE_CUE_WORDS, PLACE_OF_WORDS } from './places-gazetteer.js';

const IN_WORDS: ReadonlySet<string> = new Set(['in', 'near', 'outside']);
const DIRECTIONS: ReadonlySet<string> = new Set([
  'north',
  'south',
  'east',
  'west',
  'northern',
  'southern',
  'eastern',
  'western',
  'central',
  'upper',
  'lower',
]);
/** Fields and abstractions ("in Astrophysics", "in Engineering"), not places. */
const ABSTRACT = /(?:ics|ology|ography|ism|tion|sion|ness|ship)$/;

function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

/** The dateline's place with its capitals tamed: "CAPE CANAVERAL, Fla." → "Cape Canaveral, Fla."; a state code stays. */
function datelinePlace(place: string): string {
  const comma = place.indexOf(',');
  return comma < 0 ? titleCase(place) : titleCase(place.slice(0, comma)) + place.slice(comma);
}

/** A run cued as a place by its neighbours, or by a place cue word at its end. */
function cuedPlace(s: AnnotatedSentence, run: Run): string | null {
  const toks = s.tokens.slice(run.first, run.last + 1);
  if (
    toks.some(
      (t) => ORG_CUE_WORDS.has(t.norm) || TITLE_WORDS.has(t.norm) || CALENDAR_WORDS.has(t.norm) || isAcronym(t.text),
    )
  )
    return null;
  // "Ogun State" names a place; "South Island Province" is only generic words, a description.
  if (toks.length >= 2 && PLACE_CUE_WORDS.has(toks[toks.length - 1]!.norm)) {
    return toks.some((t) => !PLACE_CUE_WORDS.has(t.norm) && !DIRECTIONS.has(t.norm)) ? run.text : null;
  }
  if (toks.length === 1 && ABSTRACT.test(toks[0]!.norm)) return null;
  if (toks.length > 3 || toks.some((t) => NON_NAME_WORDS.has(t.norm))) return null;
  const prev = s.tokens[run.first - 1];
  const next = s.tokens[run.last + 1];
  // "in Tesla shares" is not a place: a place after "in" ends its phrase.
  const endsPhrase = !next || next.pos === 'PUNCT' || next.pos === 'ADP' || next.pos === 'CCONJ';
  const proper = toks.length <= 2 && toks.every((t) => t.pos === 'PROPN');
  if (prev && IN_WORDS.has(prev.text) && endsPhrase && proper) return run.text;
  if (prev?.norm === 'of' && PLACE_OF_WORDS.has(s.tokens[run.first - 2]?.norm ?? '')) return run.text;
  if (next?.text === ',' && s.tokens[run.last + 2]?.norm === 'capital') return run.text;
  return null;
}

/**
 * Finds the places of an article. `notPlaces` holds lower-cased words that belong to people
 * or organisation names, so "Washington" in a person's name is not taken for the city.
 */
export function extractPlaces(doc: AnnotatedArticle, notPlaces: ReadonlySet<string>): PlaceFact[] {
  const names: string[] = [];
  const add = (name: string): void => {
    if (!notPlaces.has(name.toLowerCase()) && !names.some((n) => n.toLowerCase() === name.toLowerCase()))
      names.push(name);
  };
  const datePlace = doc.article.dateline?.place ? datelinePlace(doc.article.dateline.place) : null;
  if (datePlace) add(datePlace);
  for (const s of doc.sentences) {
    const first = s.tokens[0];
    // A dateline left in the text: "LAGOS, May 2 (Reuters) —".
    if (first && isAcronym(first.text) && s.tokens[1]?.text === ',' && s.tokens[2]?.entity === 'DATE')
      add(titleCase(first.text));
    for (const run of capitalRuns(s)) {
      const known = GAZETTEER.get(run.text.toLowerCase());
      if (known) {
        add(known);
        continue;
      }
      const cued = cuedPlace(s, run);
      // "in Trump State": a cued name that starts with a person's name is not a place.
      if (cued && !notPlaces.has(s.tokens[run.first]!.norm)) add(spanText(s, run.first, run.last));
    }
  }
  const places = names.map((name) => {
    const forms = [name];
    if (name === titleCase(name)) forms.push(name.toUpperCase());
    return { name, mentions: sentencesMentioning(doc, forms) };
  });
  return places.filter((p) => p.mentions.length > 0 || p.name === datePlace);
}
