/**
 * Photo/illustration caption detection. Scraped and pasted articles keep the captions of
 * their images as paragraphs, before the body or between body paragraphs. Captions have
 * a recognisable shape: a credit ("Credit: ESA/..."), a parenthesised agency attribution
 * at the end ("(CNSA/Handout via Xinhua)", "(AP Photo/Evan Vucci)"), a describing opener
 * ("Photo taken on ...", "An artist's concept ...", "In this photo ..."), or a short
 * credit tacked on after the last full stop without punctuation of its own ("... . NASA").
 * A body paragraph has none of these shapes, whatever its position.
 */

/** Longer than this, a paragraph is prose even if it starts like a caption. */
const MAX_CAPTION_WORDS = 110;

/** "Credit: Lunar Outpost", "Credits: ESA/Damien Dos Santos", "Photo credit: NASA". Case-sensitive on purpose. */
const CREDIT_LABEL = /(?:^|[\s.)”"])(?:(?:Photo|Image|Picture|Video) )?(?:Credits?|CREDITS?):\s*\S/u;

/** A caption ends with a parenthesised attribution and no full stop after it. */
const TRAILING_ATTRIBUTION =
  /\((?:[^()]*\/[^()]*|[^()]*\bvia\b[^()]*|[^()]*\b(?:photo|photograph|image|courtesy|handout|file|pool)\b[^()]*)\)$/iu;

/** Openers that describe a picture rather than report news. */
const CAPTION_OPENERS: readonly RegExp[] = [
  /^(?:file |handout |undated |combination |aerial |satellite )?(?:photo|photograph|image|picture|screenshot|video grab|illustration)s? (?:released|taken|provided|shows|showing|made|captured|dated|courtesy)\b/iu,
  /^(?:an? |the |this )?artist(?:['’]s)? (?:concept|rendering|impression|illustration|depiction)s?\b/iu,
  /^(?:this|the) (?:infographic|graphic|chart|map|diagram|visualization|visualisation|animation|mosaic|panorama) (?:shows|depicts|illustrates)\b/iu,
  /^(?:this|in this|in a|in an) (?:file |handout |undated |combination |aerial |satellite )?(?:photo|photograph|image|picture|screenshot|video grab)\b/iu,
  /^(?:image|media|video|photo) (?:caption|source|credit)\b/iu,
  /^(?:pictured|caption|photo|image|illustration|above|top|left|right|below)s?\s*:\s/iu,
];

/** "... Vehicle. NASA" / "... 2024. Getty Images": a short credit after the last full stop. */
function hasTrailingBareCredit(text: string): boolean {
  if (/[.!?…:;]["'”’)\]]*$/u.test(text)) return false;
  const m = /[.!?]["'”’]?\s+([^.!?]+)$/u.exec(text);
  if (!m?.[1]) return false;
  const words = m[1].trim().split(/\s+/u);
  // Credits name an institution at most: "NASA’s Goddard Space Flight Center" is five words.
  if (words.length === 0 || words.length > 6) return false;
  return words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || w.includes('/') || /^(?:of|and|via|the|&)$/u.test(w));
}

/** True when the paragraph is an image caption or credit, not part of the story. */
export function isCaption(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  if (CREDIT_LABEL.test(t)) return true;
  const words = t.split(/\s+/u).length;
  if (words > MAX_CAPTION_WORDS) return false;
  if (TRAILING_ATTRIBUTION.test(t)) return true;
  if (CAPTION_OPENERS.some((re) => re.test(t))) return true;
  return hasTrailingBareCredit(t);
}
