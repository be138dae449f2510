/**
 * Word normalisation shared by `/ask` retrieval and `findList`: lower case, stop words out,
 * and a small suffix stemmer so "fields"/"field", "funded"/"funds"/"co-funded" meet.
 * A stemmer rather than wink lemmas because questions and topics are short and typed by
 * users; running them through the same cheap function as the article keeps both sides equal.
 */

/** Function words and question words that carry no topic. */
const STOP_WORDS = new Set(
  (
    'a an the and or but nor of in on at to for from by with without about into onto over under as than then ' +
    'is are was were be been being am do does did done has have had having will would shall should can could may might must ' +
    "this that these those it its it's they them their there here he him his she her we us our you your i me my " +
    'who whom whose what which when where why how whether if so not no yes also too very just only more most much many ' +
    'some any all each every other such same own s t said says say tell told me please article story news'
  ).split(/\s+/),
);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase());
}

/**
 * Porter-lite: strips common inflectional and derivational endings. Deliberately
 * conservative: it only needs to make a question's words meet the article's words.
 */
export function stem(word: string): string {
  let w = word
    .toLowerCase()
    .replace(/[’']s$/, '')
    .replace(/[^a-z0-9]/g, '');
  if (w.length <= 3) return w;
  const rules: ReadonlyArray<readonly [RegExp, string]> = [
    [/ies$/, 'y'],
    [/sses$/, 'ss'],
    [/([^s])s$/, '$1'],
  ];
  for (const [re, to] of rules)
    if (re.test(w)) {
      w = w.replace(re, to);
      break;
    }
  const suffixes = [
    'ational',
    'ization',
    'fulness',
    'iveness',
    'ations',
    'ation',
    'ments',
    'ment',
    'ness',
    'ance',
    'ence',
    'ings',
    'ing',
    'edly',
    'ed',
    'ly',
    'ive',
    'ity',
    'al',
    'e',
  ];
  for (const suf of suffixes) {
    if (w.endsWith(suf) && w.length - suf.length >= 3) {
      w = w.slice(0, -suf.length);
      break;
    }
  }
  // Doubled consonants left by stripping ("planning" → "plann" → "plan").
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ss|ll|zz)$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Words of a text, split on anything that is not a letter or digit (hyphens split too). */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** Stemmed content terms of a text, in order, stop words removed. */
export function terms(text: string): string[] {
  return words(text)
    .filter((w) => !isStopWord(w) && !/^co$/.test(w))
    .map(stem)
    .filter((w) => w.length > 1);
}
