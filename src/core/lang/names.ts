/**
 * Language names for Herald's own (English) words, and which languages Herald reads people,
 * roles, quotes and lists in. Other languages get detection, true negatives, lead sentences
 * and lexical /ask.
 */

/** The languages with an extractor behind the `ArticleFacts` contract. */
export const READ_LANGUAGES: readonly string[] = ['en', 'zh', 'fr', 'de', 'es'];

/** "zh" → "Chinese", in English; the code itself for a language Intl does not name. */
export function languageName(code: string): string {
  if (code === 'und') return 'an unknown language';
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** True when Herald reads people and roles in this language. English when unknown (old articles). */
export function readsLanguage(code: string | undefined): boolean {
  return code === undefined || READ_LANGUAGES.includes(code);
}

/** The one line that says what Herald reads, for answers about an article in another language. */
export function readLanguagesLine(code: string): string {
  const names = READ_LANGUAGES.map(languageName);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `Herald reads people, roles and quotes in ${list}; this article is in ${languageName(code)}.`;
}
