/**
 * English nouns that name a kind of person ("tourist", "goalkeeper", "campaigner"), from
 * WordNet 3.1's noun.person file (person-nouns-en-data.ts, generated). Used to recognise the
 * head of a role phrase written in lower case ("Canadian tourist Jane Roe", "the club's
 * goalkeeper, Jane Roe,"). Capitalised words never need it: names like "Baker" or "Hunter"
 * would be lost if every person noun were barred from names, so the closed TITLE_WORDS list
 * still decides what can never be part of a name.
 */
import { PERSON_NOUN_ACRONYMS_EN, PERSON_NOUN_WORDS_EN } from './person-nouns-en-data.js';

const WORDS: ReadonlySet<string> = new Set(PERSON_NOUN_WORDS_EN.split(' '));
const ACRONYMS: ReadonlySet<string> = new Set([...PERSON_NOUN_ACRONYMS_EN.split(' '), 'MEP', 'QC', 'SC', 'KC']);
/**
 * WordNet senses that are people only in a rare reading; as the head of a phrase before a name
 * they are almost always something else ("the ruling party", "a native", "the whole side").
 */
const NOT_ROLES: ReadonlySet<string> = new Set([
  'party',
  'native',
  'head',
  'type',
  'case',
  'sort',
  'number',
  'match',
  'public',
  'world',
  'gang',
  'giant',
  'star',
  'state',
  'sign',
  'sound',
  'host',
  'user',
  'saint',
  'guy',
  'company',
  'producer',
  'maker',
  'operator',
  'firm',
  'agent',
]);

/** Singular of a regular English plural ("officers" → "officer", "deputies" → "deputy"). */
export function singularEn(word: string): string {
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (/men$/.test(word)) return `${word.slice(0, -3)}man`;
  if (/[^s]s$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Is this lower-case word (or its singular) a noun for a kind of person? */
export function isPersonNounEn(word: string): boolean {
  const w = word.toLowerCase();
  if (NOT_ROLES.has(w)) return false;
  if (WORDS.has(w)) return true;
  // Words WordNet lacks but English builds for people: "primatologist", "epidemiologist".
  if (/(?:ologist|ographer|ician)s?$/.test(w)) return true;
  const one = singularEn(w);
  if (one !== w && !NOT_ROLES.has(one) && WORDS.has(one)) return true;
  // "team-mate", "co-founder", "director-general": the last part names the person.
  const dash = w.lastIndexOf('-');
  return dash > 0 && dash < w.length - 2 && isPersonNounEn(w.slice(dash + 1));
}

/** Acronyms that name a role ("MP", "CEO", "QC"). */
export function isPersonAcronymEn(word: string): boolean {
  return ACRONYMS.has(word.replace(/s$/, ''));
}

/**
 * Can this token head a role phrase ("minister", "goalkeeper", "MP", "Director-General")?
 * `titleWords` is the closed list of job titles (people-lexicon's TITLE_WORDS); a lower-case
 * word may also be any WordNet person noun; a capitalised one only a title or a role acronym,
 * so names ("Hunter", "Baker") stay names.
 */
export function isRoleHeadEn(text: string, titleWords: ReadonlySet<string>): boolean {
  const norm = text.toLowerCase();
  if (titleWords.has(norm) || isPersonAcronymEn(text)) return true;
  const dash = norm.lastIndexOf('-');
  // "Director-General", "President-elect": a title on either side of the hyphen.
  if (dash > 0 && (titleWords.has(norm.slice(dash + 1)) || titleWords.has(norm.slice(0, dash)))) return true;
  if (!/^\p{Ll}/u.test(text)) return false;
  return isPersonNounEn(norm);
}
