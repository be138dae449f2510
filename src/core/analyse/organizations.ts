/**
 * Organisations: acronyms defined as organisations, capitalised names carrying an
 * organisation cue word ("... Space Center", "Department of Energy"), and bare acronyms
 * the article uses as names ("IBM").
 */
import { isPlaceComma } from './lists-commas.js';
import type { OrganizationFact } from '../facts/types.js';
import type { AnnotatedArticle, AnnotatedSentence } from '../nlp/annotate.js';
import type { AcronymDefinition } from './acronyms.js';
import { atClauseStart, capitalRuns, isAcronym, isCapWord, spanText, type Run } from './entities-runs.js';
import { GAZETTEER } from './places-gazetteer.js';
import { NON_ORG_ACRONYMS, ORG_CUE_WORDS } from './organizations-cues.js';
import { TITLE_WORDS } from './people-title-words-en.js';
import { indexOfWhole, NOT_IN_ALPHANUMERIC } from './whole-words.js';

/** Lower-case words that may join two capitalised runs inside one organisation name. */
const JOINERS: ReadonlySet<string> = new Set(['of', 'for', 'on', 'de', 'du', 'des', 'der', 'für']);

interface Candidate {
  name: string;
  acronym: string | null;
  order: number;
}

/** Capitalised runs glued by "of"/"for": "United Nations Office for Outer Space Affairs". */
export function joinedRuns(s: AnnotatedSentence, runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (let k = 0; k < runs.length; k++) {
    let first = runs[k]!.first;
    let last = runs[k]!.last;
    while (
      k + 1 < runs.length &&
      runs[k + 1]!.first === last + 2 &&
      JOINERS.has(s.tokens[last + 1]!.norm) &&
      !placeAfter(s, last, runs[k + 1]!)
    ) {
      k++;
      last = runs[k]!.last;
    }
    // "the" after a joiner ("Office of the Prime Minister") belongs to the name too.
    // ... but "Department of Labor for the NEG" is a name followed by a purpose, not one name.
    const nextRun = runs[k + 1];
    if (
      nextRun &&
      nextRun.first === last + 3 &&
      JOINERS.has(s.tokens[last + 1]!.norm) &&
      s.tokens[last + 2]!.norm === 'the' &&
      !(nextRun.first === nextRun.last && isAcronym(nextRun.text))
    ) {
      k++;
      last = runs[k]!.last;
    }
    out.push({ first, last, text: spanText(s, first, last) });
  }
  return out;
}

/** Company forms after which "of" gives the seat, not more of the name. */
const COMPANY_ENDS: ReadonlySet<string> = new Set([
  'corporation',
  'corp',
  'corp.',
  'inc',
  'inc.',
  'company',
  'co.',
  'llc',
  'ltd',
  'ltd.',
  'plc',
]);

/**
 * "Science Applications International Corporation of Reston, Virginia": "of" before a
 * "City, State" place, or after a company form, says where the organisation sits.
 */
function placeAfter(s: AnnotatedSentence, last: number, next: Run): boolean {
  if (s.tokens[last + 1]!.norm !== 'of') return false;
  return (
    COMPANY_ENDS.has(s.tokens[last]!.norm) ||
    (s.tokens[next.last + 1]?.text === ',' && isPlaceComma(s.tokens, next.last + 1))
  );
}

/** A run names an organisation when a cue word sits in it after its first word, or it opens "Department of ...". */
function orgNameIn(s: AnnotatedSentence, run: Run): string | null {
  const toks = s.tokens.slice(run.first, run.last + 1);
  if (toks.length < 2) return null;
  const cueAt = toks.findIndex((t, i) => ORG_CUE_WORDS.has(t.norm) && (i > 0 || JOINERS.has(toks[1]?.norm ?? '')));
  if (cueAt < 0) return null;
  // A job title ends any prefix: "Associate Administrator for the Science Mission Directorate".
  let start = 0;
  // "Samuel Moyn of Yale University": a cue-less head before "of" is someone of the organisation.
  const joinAt = toks.findIndex((t) => JOINERS.has(t.norm));
  if (joinAt > 0 && cueAt > joinAt && toks.length - joinAt > 2) start = joinAt + 1;
  toks.forEach((t, i) => {
    if (TITLE_WORDS.has(t.norm) && i < cueAt) start = i + 1;
  });
  while (start < toks.length && (JOINERS.has(toks[start]!.norm) || toks[start]!.norm === 'the')) start++;
  if (start > cueAt) return null;
  // Capitalised words glued after the last cue without "of" are another name: "... Directorate Nicky Fox".
  let end = toks.length - 1;
  // Title-case headings leave a capitalised "For"/"Of" at the end: not part of the name.
  while (end > cueAt && /^(?:for|of|and|the|to|in|on|at)$/.test(toks[end]!.norm)) end--;
  // A title after the cue starts someone's role ("Agency for X Director Jane Roe"), unless it
  // heads a name of its own ("Office of the Director of National Intelligence").
  const titleAt = toks.findIndex(
    (t, i) => i > cueAt && TITLE_WORDS.has(t.norm) && !JOINERS.has(toks[i + 1]?.norm ?? ''),
  );
  if (titleAt > 0) end = Math.min(end, titleAt - 1);
  let lastCue = -1;
  toks.forEach((t, i) => {
    if (ORG_CUE_WORDS.has(t.norm) && i <= end) lastCue = i;
  });
  if (end - lastCue >= 2 && !JOINERS.has(toks[lastCue + 1]!.norm)) end = lastCue;
  if (end - start < 1) return null;
  // "People’s Government of X": a possessive before a leading cue word is part of the name.
  const a = s.tokens[run.first - 2];
  if (start === 0 && cueAt === 0 && a && /^\p{Lu}/u.test(a.text) && /^[’']s$/.test(s.tokens[run.first - 1]!.text)) {
    return spanText(s, run.first - 2, run.first + end);
  }
  return spanText(s, run.first + start, run.first + end);
}

/** Demonyms and adjectives ("American astronaut", "Democratic senator") are not employers. */
const ADJECTIVE_ENDING = /(?:an|ese|ish|ic|i|al)$/u;

/**
 * "Roscosmos cosmonaut Oleg Novitskiy": a single capitalised word right before a lower-case job
 * title that introduces a name is the employer, even without a cue word in it.
 */
function ownersOfTitles(s: AnnotatedSentence): string[] {
  const out: string[] = [];
  for (let i = 0; i + 2 < s.tokens.length; i++) {
    const [t, title, next] = [s.tokens[i]!, s.tokens[i + 1]!, s.tokens[i + 2]!];
    if (!isCapWord(t) || isAcronym(t.text) || atClauseStart(s, i) || /^\p{Lu}/u.test(title.text)) continue;
    if (!(TITLE_WORDS.has(title.norm) || TITLE_WORDS.has(title.norm.replace(/s$/u, ''))) || !isCapWord(next)) continue;
    if (/^\p{Lu}/u.test(s.tokens[i - 1]?.text ?? '') || ADJECTIVE_ENDING.test(t.norm) || GAZETTEER.has(t.norm))
      continue;
    out.push(t.text);
  }
  return out;
}

/** Sentences whose text contains any of the forms as whole words. */
export function sentencesMentioning(doc: AnnotatedArticle, forms: readonly string[]): number[] {
  return doc.sentences
    .filter((s) => forms.some((f) => indexOfWhole(s.text, f, NOT_IN_ALPHANUMERIC) >= 0))
    .map((s) => s.id);
}

/** Finds the organisations of an article; `acronyms` comes from `findAcronyms`. */
export function extractOrganizations(
  doc: AnnotatedArticle,
  acronyms: ReadonlyMap<string, AcronymDefinition>,
): OrganizationFact[] {
  const candidates: Candidate[] = [];
  for (const d of acronyms.values())
    if (d.isOrganization) candidates.push({ name: d.expansion, acronym: d.acronym, order: d.sentence });
  const acronymCounts = new Map<string, number>();
  for (const s of doc.sentences)
    for (const w of new Set(s.tokens.map((t) => t.text))) acronymCounts.set(w, (acronymCounts.get(w) ?? 0) + 1);
  for (const s of doc.sentences) {
    const runs = capitalRuns(s);
    for (const run of joinedRuns(s, runs)) {
      const name = orgNameIn(s, run);
      if (name) candidates.push({ name, acronym: null, order: s.id });
    }
    for (const name of ownersOfTitles(s)) candidates.push({ name, acronym: null, order: s.id });
    for (let i = 0; i < s.tokens.length; i++) {
      const t = s.tokens[i]!;
      if (!isAcronym(t.text) || t.text.length < 3 || NON_ORG_ACRONYMS.has(t.text)) continue;
      // "HAIKOU, Nov. 21" is a dateline, not an organisation.
      if (i === 0 && s.tokens[1]?.text === ',') continue;
      const def = acronyms.get(t.text);
      if (def && !def.isOrganization) continue;
      // An undefined acronym used once is more often a product or a heading than an organisation.
      if (!def && (acronymCounts.get(t.text) ?? 0) < 2) continue;
      candidates.push({ name: def ? def.expansion : t.text, acronym: t.text, order: s.id });
    }
  }
  return mergeCandidates(doc, candidates);
}

function mergeCandidates(doc: AnnotatedArticle, candidates: readonly Candidate[]): OrganizationFact[] {
  const byKey = new Map<string, Candidate>();
  const ordered: Candidate[] = [];
  for (const c of [...candidates].sort((a, b) => a.order - b.order)) {
    const key = c.name.toLowerCase();
    const existing = byKey.get(key) ?? (c.acronym ? byKey.get(`#${c.acronym}`) : undefined);
    if (existing) {
      if (!existing.acronym && c.acronym) {
        existing.acronym = c.acronym;
        byKey.set(`#${c.acronym}`, existing);
      }
      continue;
    }
    const copy = { ...c };
    ordered.push(copy);
    byKey.set(key, copy);
    if (copy.acronym) byKey.set(`#${copy.acronym}`, copy);
  }
  const facts = ordered.map((c) => {
    const forms = c.acronym && c.acronym !== c.name ? [c.name, c.acronym] : [c.name];
    return { name: c.name, acronym: c.acronym, mentions: sentencesMentioning(doc, forms) };
  });
  return facts.filter((f) => !facts.some((o) => o !== f && isCutAtConjunction(f, o)));
}

/**
 * "Institute of Rivers" read out of "Institute of Rivers and Lakes": the longer name goes on
 * with "and"/"&", and the short one is never mentioned without it, so it is a cut, not a body.
 */
function isCutAtConjunction(short: OrganizationFact, long: OrganizationFact): boolean {
  if (short.acronym) return false;
  const l = long.name.toLowerCase();
  const s = short.name.toLowerCase();
  if (!l.startsWith(`${s} and `) && !l.startsWith(`${s} & `)) return false;
  return short.mentions.every((id) => long.mentions.includes(id));
}
