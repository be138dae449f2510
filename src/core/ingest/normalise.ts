/**
 * Text normalisation shared by every ingest path. Copy-pasted and scraped articles carry
 * non-breaking spaces, zero-width characters and stray punctuation left behind where a
 * link or widget was cut out ("the universe. ." / "challenges. , and"); we repair those
 * here so sentences read cleanly and the content hash is stable.
 */

/** Collapses all whitespace (including NBSP and zero-width characters) to single spaces. */
export function normaliseSpace(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[\s\u00A0\u2007\u202F]+/g, ' ')
    .trim();
}

/**
 * Repairs punctuation debris. Each rule only touches punctuation that is separated from
 * its word by a space, which never happens in edited prose.
 */
export function repairPunctuation(text: string): string {
  let out = normaliseSpace(text);
  // "universe. ." and "done . ." → "universe." (a repeated full stop around a removed fragment)
  out = out.replace(/([.!?])(?:\s+\.)+(?=\s|$)/g, '$1');
  // "challenges. , and" → "challenges, and" (a full stop that a clause clearly continues after)
  out = out.replace(/\.\s+([,;])/g, '$1');
  // "word ," / "word ." → "word," / "word." (a space before closing punctuation)
  out = out.replace(/(\w)\s+([,;.!?])(?=\s|$)/gu, '$1$2');
  // "end. ” Then" → "end.” Then": a closing quote cut loose from its sentence
  out = out.replace(/([.!?,])\s+(["”’»])(?=\s|$)/gu, '$1$2');
  // Leading debris: ". The ..." or ", and ..."
  out = out.replace(/^[\s.,;:]+(?=\S)/u, '');
  // Template or CMS markers left at the start of a paragraph ("@@ State Director ...", "## ").
  out = out.replace(/^(?:[@#*^~|=+]{2,}|[@^~|])\s+(?=\S)/u, '');
  // A lone trailing mark after the sentence already ended: "stronger.” ." → "stronger.”"
  out = out.replace(/([.!?]["'”’)]*)\s+[.,;:]+$/u, '$1');
  return out.trim();
}

/** True when the text has at least one letter or digit (a "sentence" of only punctuation is debris). */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** Ends like a finished sentence: terminal punctuation, optionally followed by closing quotes/brackets. */
export function endsLikeSentence(text: string): boolean {
  // German closes a quote with “ („…“), French and Swiss German with » or «.
  return /[.!?…:。！？]["'”’»«“‹›)\]」』）]*$/u.test(text.trim());
}
