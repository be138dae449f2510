/**
 * What may stand as a key point of a digest, and whether a story is a live blog.
 *
 * A key point is a whole sentence of the story: never a fragment ("8."), a timestamp, a link
 * line ("https://t.co/... pic.twitter.com/..."), a reader prompt ("And email Scott here") or a
 * teaser for another page ("Transfer deadline day – live!").
 */
import type { Article } from '../article/types.js';

const URL = /(?:https?:\/\/|www\.|pic\.twitter\.com\/|t\.co\/)\S+/iu;
/** A teaser pointing at another live page, or a prompt to the reader. */
const TEASER = /(?:[–—-]\s*live!?|\blive!)\s*$/iu;
const READER_PROMPT =
  /^(?:and\s+)?(?:e-?mail|tweet|follow|message|contact|write to|sign up|subscribe|click|tap|watch|listen)\b/iu;
/** "8.13pm GMT", "13 min:", "Updated at 10:02": an entry's timestamp. */
const TIMESTAMP =
  /^(?:updated\s+(?:at\s+)?)?\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)?\s*(?:gmt|bst|utc|cet|cest|et|est|edt|pt|pst|pdt)?\.?$/iu;
const MIN_WORDS = 5;

/** Is this sentence a whole sentence of the story, fit to stand alone as a key point? */
export function isStorySentence(text: string): boolean {
  const t = text.trim();
  if (URL.test(t) || TEASER.test(t) || READER_PROMPT.test(t) || TIMESTAMP.test(t)) return false;
  const words = t.split(/\s+/u).filter((w) => /\p{L}{2}/u.test(w));
  if (words.length < MIN_WORDS) return false;
  // A sentence ends as one: a stop, a question or exclamation mark, maybe inside a closing quote.
  return /[.!?…]["”’')\]]?$/u.test(t);
}

/** Live-blog titles: "... – live!", "... live updates", "... as it happened". */
const LIVE_TITLE = /(?:[–—-]\s*live!?|\blive(?:\s+(?:updates?|blog|coverage|reaction))|\bas it happened)\s*$/iu;
/** Entry timestamps on a line of their own, or "13 min:" minute-by-minute marks. */
const ENTRY_MARK =
  /^(?:\d{1,2}[.:]\d{2}\s*(?:am|pm)?(?:\s*(?:gmt|bst|utc|cet|cest|et|est|edt|pt|pst|pdt))?|\d{1,3}\s*min(?:ute)?s?\s*:)/iu;

/** Is this story a live blog (a stream of timestamped entries, newest first)? */
export function isLiveBlog(article: Article): boolean {
  if (LIVE_TITLE.test(article.title ?? '')) return true;
  const marks = article.paragraphs.filter((p) => ENTRY_MARK.test(article.sentences[p.sentenceIds[0]!]?.text ?? ''));
  return marks.length >= 3;
}
