/**
 * Paragraph-level cleanup: keep the story, drop what a page or press release wraps it in.
 * Rules, not a model: every rule names a shape that real boilerplate has and prose does not
 * (see docs/decisions/005-ingest-boilerplate-rules.md). Input blocks come from any format
 * (text, Markdown, HTML, feed item) already split into paragraphs.
 */
import { isCaption } from './captions.js';
import { endsLikeSentence, normaliseSpace } from './normalise.js';

/** One paragraph-sized block of source text. */
export interface RawBlock {
  readonly text: string;
  /** A heading/subheading: used to spot section markers, never kept as a sentence. */
  readonly heading?: boolean;
}

/** What survives cleanup. */
export interface CleanBody {
  readonly paragraphs: readonly string[];
  /** From hashtag-only lines, without '#', in first-seen order. */
  readonly tags: readonly string[];
  /** Bare URLs from "For more information, visit:" pointers, kept for callers that want them. */
  readonly links: readonly string[];
}

/** Press-release end markers; what follows is contacts and boilerplate. */
const END_MARKER = /^(?:[-–—]+\s*end\s*[-–—]+|#{3,}|[-–—]\s*30\s*[-–—]|\*{3,}|end of (?:story|article|release))$/iu;
/** Start of a comment section or contact block: nothing after it is story. */
const SECTION_STOP =
  /^(?:leave a (?:comment|reply)|post a comment|add a comment|\d+\s+comments?|comments?(?:\s*\(\d+\))?|join the (?:conversation|discussion)|(?:news |press )?(?:media|press|news) (?:contacts?|inquiries)|contacts?|media inquiries|about the author|related (?:articles|stories|posts|news|coverage)|sources|see also|external links|further reading|more stories|recommended(?: for you)?|you may also like|read next)\s*:?$/iu;
/** A licence notice ("This text is released under the Creative Commons ..."): the story is over. */
const LICENCE_LINE =
  /^(?:this (?:text|article|story|work|page|content) (?:is|was) (?:released|licensed|published|available) under|all text .{0,60}available under the terms)\b/iu;
/**
 * A source or related-story citation ("“Title” — Outlet, July 25, 2019"; "Title — Wikinews,
 * August 4, 2019"): wiki and wire pages list them after the story, often under a heading the
 * reader strips.
 */
const CITATION_LINE =
  /^["“]?[^"“”]{3,160}["”]?\s+[—–]\s+[\p{L}\p{N}&.' ]{2,60},\s+(?:\p{Lu}\p{Ll}+\s+\d{1,2},\s+\d{4}|\d{1,2}\s+\p{Lu}\p{Ll}+\s+\d{4}|\d{4}-\d{2}-\d{2})\.?$/u;
/** Comment-form text that can appear without a "Leave a comment" heading. */
const COMMENT_FORM =
  /^(?:your email address will not be published|required fields are marked|save my name, email|notify me of (?:follow-up comments|new posts)|you must be logged in to post a comment|cancel reply|post comment|comment\s*\*?$|name\s*\*?$|email\s*\*?$|website$)/iu;
/** Hashtag-only line: "#China #promote #space". */
const HASHTAG_LINE = /^#[\p{L}\p{N}_]+(?:[\s,;·|]+#[\p{L}\p{N}_]+)*$/u;
const HASHTAG = /#([\p{L}\p{N}_]+)/gu;
/** A line that is only a URL. */
const BARE_URL = /^<?(?:https?:\/\/|www\.)\S+?>?$/iu;
const URL_IN_TEXT = /(?:https?:\/\/|www\.)[^\s<>"')]+/giu;
/** "For more information on X, visit:" / "Learn more about X at:". */
const POINTER_OPENER =
  /^(?:for (?:(?:more|further|additional) )?(?:information|details)|for more|(?:to )?learn more|find out more|read more|more information|more about|to read|to see|to watch|to view|visit|see also|follow (?:us|\w+) on|get the latest)\b/iu;
/** Share-widget words; a short line made only of these is a share bar. */
const SHARE_WORDS =
  /\b(?:share(?: this(?: article| story| post)?)?(?: on| via)?|click to (?:share|print|email)(?: on| this)?|opens? in new window|tweet|twitter|x\.com|facebook|linkedin|whatsapp|pinterest|reddit|telegram|tumblr|pocket|flipboard|messenger|threads|bluesky|mastodon|e-?mail|print|copy link|link copied|like this|like loading|loading|more|related|comments?|save|subscribe|follow)\b/giu;
/** "Related: Fact check ..." / "Read more: ..." — a teaser for another page, never this story. */
const TEASER_LINE =
  /^(?:related|read more|see also|also read|more|recommended|watch|listen|read next|more on this story)\s*:\s/iu;
/** "Watch the video ...", "Pan around inside this 360-degree video ...": an instruction to a media player on the page. */
const MEDIA_PROMPT =
  /^(?:watch|listen to|pan around|click|tap|scroll|zoom in|drag)\s+(?:(?:inside|through|on|around|in)\s+)?(?:the|this|these|our|a|an|below|above|here)\b[^.!?]{0,120}\b(?:video|episode|series|clip|podcast|livestream|webcast|broadcast|animation|interactive|image|photo|gallery|slideshow)s?\b[^.!?]*[.!?]?$/iu;
/** "Continue reading...", "Read the full story" — feed truncation links. */
const READ_ON =
  /^(?:continue reading|keep reading|read (?:more|on|the (?:full|whole|rest of the) (?:story|article|post|report))|full (?:story|article))\b[\s.…»>›:]*$/iu;
/** Page furniture that survives scraping as a line of its own. */
const FURNITURE_LINE =
  /^(?:advertisement|sponsored(?: content)?|story continues below(?: advertisement)?|scroll to continue(?: with content)?|sign up (?:for|to) [\w\s'’]*newsletters?\b.*|subscribe(?: now| today)?(?: to [\w\s'’]+)?|skip (?:to|past) [\w\s]+|(?:this|the) article (?:is more than|was originally published)[^.]*\.?)$/iu;
/** "About Acme Corp" / "About the author": the publisher's boilerplate section that ends a release. */
const ABOUT_HEADING = /^[Aa]bout (?:the author|us|\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+[\p{Lu}&][\p{L}\p{N}&.'’-]*){0,4})$/u;
const PHONE_LINE = /^(?:(?:tel|phone|ph|mobile|cell|fax)\.?:?\s*)?\+?[\d\s().\-–/,]{7,}$/iu;
const EMAIL_LINE =
  /^(?:(?:email|e-mail)\s*:?\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?:\s*[/,;]\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+)*$/iu;
const BYLINE = /^(?:by|written by|reporting by|posted by)\s+\p{Lu}/u;
/** "Editor’s note: this advisory was updated ..." is about the release, not the story. */
const EDITOR_NOTE = /^editor[’']?s[’']? note\s*:/iu;
/** A street-address line: "935 Barefoot Bay Blvd., Barefoot Bay". */
const ADDRESS_LINE =
  /^\d+[A-Za-z]?\s+(?:[\p{Lu}\d][\p{L}\d.’'-]*\s+){0,5}(?:St|Street|Ave|Avenue|Blvd|Boulevard|Rd|Road|Dr|Drive|Way|Lane|Ln|Pkwy|Parkway|Suite|Ste)\.?(?:,|$)/u;
const SMALL_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'of',
  'for',
  'and',
  'or',
  'to',
  'in',
  'on',
  'at',
  'by',
  'with',
  'from',
  'as',
  'vs.',
]);

/** "NASA’s Goddard Space Flight Center, Greenbelt, Md.": an office and its town, as in a sign-off or contact block. */
function isPlaceLine(text: string): boolean {
  const parts = text.replace(/\.$/u, '').split(/,\s+/u);
  return (
    parts.length >= 2 &&
    wordCount(text) <= 12 &&
    parts.every((p) => /^\p{Lu}/u.test(p) && (looksLikeHeadline(p) || !/\s/u.test(p)))
  );
}

/** A Title Case or ALL CAPS line: a headline or subheading, not prose. */
export function looksLikeHeadline(text: string): boolean {
  const words = text.split(/\s+/u).filter((w) => /\p{L}/u.test(w) && !SMALL_WORDS.has(w.toLowerCase()));
  if (words.length < 2) return false;
  const capitalised = words.filter((w) => /^[^\p{L}]*\p{Lu}/u.test(w)).length;
  return capitalised === words.length || capitalised / words.length >= 0.85;
}

/** Words; in Chinese and Japanese, written without spaces, every two characters count as one. */
function wordCount(text: string): number {
  const cjk = text.match(/[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/gu)?.length ?? 0;
  return text.split(/\s+/u).filter(Boolean).length + Math.floor(cjk / 2);
}

function isShareBar(text: string): boolean {
  if (wordCount(text) > 20) return false;
  const rest = text.replace(SHARE_WORDS, ' ');
  return !/[\p{L}\p{N}]/u.test(rest);
}

function isContactLine(text: string): boolean {
  return PHONE_LINE.test(text) || EMAIL_LINE.test(text);
}

/** A fragment that is not a sentence: short and without terminal punctuation (names, places, labels). */
function isFragment(text: string): boolean {
  return wordCount(text) <= 12 && !endsLikeSentence(text);
}

/** Removes captions, widgets, comment forms, contacts and markers; collects hashtags as tags. */
export function cleanBlocks(blocks: readonly RawBlock[]): CleanBody {
  const paragraphs: string[] = [];
  const tags: string[] = [];
  const links: string[] = [];
  const addTag = (t: string): void => {
    if (!tags.includes(t)) tags.push(t);
  };
  const items = blocks
    .map((b) => ({ text: normaliseSpace(b.text), heading: b.heading === true }))
    .filter((b) => b.text !== '');

  for (let i = 0; i < items.length; i += 1) {
    const { text, heading } = items[i]!;
    if (END_MARKER.test(text) || SECTION_STOP.test(text) || (i > 0 && ABOUT_HEADING.test(text))) break;
    if (LICENCE_LINE.test(text) || (paragraphs.length >= 2 && CITATION_LINE.test(text))) break;
    // A short byline after the story has begun closes it: releases sign off "By Jane Roe" before contacts.
    if (paragraphs.length >= 2 && BYLINE.test(text) && wordCount(text) <= 6) break;
    if (HASHTAG_LINE.test(text)) {
      for (const m of text.matchAll(HASHTAG)) addTag(m[1]!);
      continue;
    }
    if (BARE_URL.test(text)) {
      links.push(text.replace(/^<|>$/gu, ''));
      continue;
    }
    if (POINTER_OPENER.test(text) && (/:$/u.test(text) || URL_IN_TEXT.test(text))) {
      URL_IN_TEXT.lastIndex = 0;
      for (const m of text.matchAll(URL_IN_TEXT)) links.push(m[0]);
      continue;
    }
    URL_IN_TEXT.lastIndex = 0;
    if (TEASER_LINE.test(text) || READ_ON.test(text) || MEDIA_PROMPT.test(text) || FURNITURE_LINE.test(text)) continue;
    if (COMMENT_FORM.test(text) || isShareBar(text) || isContactLine(text) || isCaption(text)) continue;
    if (heading || EDITOR_NOTE.test(text) || ADDRESS_LINE.test(text)) continue;
    // A subheading left without its Markdown marker ("Viewing the Channel Up Close"), or a sign-off place line.
    if (
      paragraphs.length > 0 &&
      ((isFragment(text) && !/:$/u.test(text) && looksLikeHeadline(text)) || isPlaceLine(text))
    )
      continue;
    paragraphs.push(text);
  }

  // Before the story: kicker, byline, date stamp; after it: names and places of a contact
  // block without an end marker. Neither end is ever a finished sentence.
  while (paragraphs.length > 0 && (isFragment(paragraphs[0]!) || BYLINE.test(paragraphs[0]!))) paragraphs.shift();
  dropOrphanLeadIns(paragraphs);
  while (
    paragraphs.length > 0 &&
    (isFragment(paragraphs[paragraphs.length - 1]!) || isPlaceLine(paragraphs[paragraphs.length - 1]!))
  )
    paragraphs.pop();
  return { paragraphs, tags, links };
}

/** One sentence ending and the next starting; "U.S. Navy" is no break. */
const SENTENCE_BREAK = /\p{Ll}{2,}[.!?]["'”’)]?\s+["“]?\p{Lu}/u;

/**
 * "The grant will provide:" whose items were lost in scraping: the next paragraph is ordinary
 * prose of two or more sentences (items never are), or nothing follows. A lead-in that
 * introduces nothing is a dangling fragment, so it goes.
 */
function dropOrphanLeadIns(paragraphs: string[]): void {
  for (let i = paragraphs.length - 1; i >= 0; i -= 1) {
    // Only a paragraph that is nothing but the lead-in: a story sentence before it is kept.
    if (!/:$/u.test(paragraphs[i]!) || SENTENCE_BREAK.test(paragraphs[i]!)) continue;
    const next = paragraphs[i + 1];
    const prose = next !== undefined && SENTENCE_BREAK.test(next) && wordCount(next) > 12;
    if (next === undefined || prose) paragraphs.splice(i, 1);
  }
}
