/**
 * What a live post says about one story: Herald's own reading of it, not the feed's blurb. The
 * title and link, the story's lead sentence (cited), and the people it names with their roles;
 * or the feed's template filled with the same fields. Plain data: the adapters render it within
 * their limits and with their escaping, as they render every answer.
 */
import { analyse } from '../analyse/index.js';
import { clip } from '../answers/article-text.js';
import type { ArticleFacts } from '../facts/types.js';
import { cite } from '../reply/build.js';
import type { Block, Reply } from '../reply/types.js';
import type { StoredArticle } from '../store/records.js';
import { fillTemplate, type TemplateValues } from './template.js';

/** People listed in a post at most; the thread and /who-is have the rest. */
const MAX_PEOPLE = 5;
/** Discord's limit for a thread or forum post name. */
export const THREAD_NAME_MAX = 100;

export interface StoryPost {
  readonly reply: Reply;
  /** Name for the story's thread or forum post: the title, at most 100 UTF-16 units, never cut inside a character. */
  readonly threadName: string;
  /** The text filters see (title and lead), for `mention ... only:`. */
  readonly filterText: string;
  readonly facts: ArticleFacts;
}

/**
 * Cuts `text` to at most `max` UTF-16 code units without splitting a code point (a surrogate
 * pair) or a grapheme (an emoji with modifiers, a letter with combining marks).
 */
export function truncateName(text: string, max = THREAD_NAME_MAX): string {
  const clean = text.replace(/\s+/gu, ' ').trim();
  if (clean.length <= max) return clean;
  const segments = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(clean)].map((s) => s.segment);
  let out = '';
  for (const g of segments) {
    if (out.length + g.length > max - 1) break;
    out += g;
  }
  return `${out.trimEnd()}…`;
}

function peopleLines(facts: ArticleFacts): string[] {
  return facts.people.slice(0, MAX_PEOPLE).map((p) => (p.role ? `${p.name}, ${p.role}` : p.name));
}

/**
 * The lead: the story's first sentence, as news is written; when that only repeats the title,
 * the first sentence of the summary.
 */
function leadIds(stored: StoredArticle, facts: ArticleFacts, title: string): number[] {
  const [first] = stored.article.sentences;
  const norm = (t: string) =>
    t
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  if (first && norm(first.text) !== norm(title)) return [first.id];
  const next = facts.summary.find((id) => id !== first?.id) ?? stored.article.sentences[1]?.id;
  return next === undefined ? [] : [next];
}

export function storyPost(
  stored: StoredArticle,
  opts: { readonly feedName: string | null; readonly template: string | null },
): StoryPost {
  const facts = stored.facts ?? analyse(stored.article);
  const article = stored.article;
  const title = stored.title ?? article.title ?? stored.link ?? 'Untitled story';
  const link = stored.link ?? article.source.url;
  const ids = leadIds(stored, facts, title);
  const lead = ids.length > 0 ? cite(article, ids, stored.id) : null;
  const leadText = lead ? clip(lead.text.join(' '), 600) : '';
  const people = peopleLines(facts);
  const source: Block = { type: 'source', title, url: link, name: opts.feedName ?? article.source.name };
  let blocks: Block[];
  if (opts.template) {
    const values: TemplateValues = {
      title,
      link: link ?? '',
      lead: leadText,
      people: people.join('; '),
      published: stored.publishedAt ?? article.publishedAt ?? '',
      feed: opts.feedName ?? article.source.name ?? '',
      author: article.dateline?.source ?? '',
    };
    blocks = [{ type: 'text', text: fillTemplate(opts.template, values) }, source];
  } else {
    blocks = [{ type: 'heading', text: title }];
    if (lead) blocks.push({ type: 'text', text: leadText });
    if (people.length > 0) blocks.push({ type: 'list', ordered: false, title: 'People in the story', items: people });
    blocks.push(source);
  }
  return {
    reply: { kind: 'answer', ephemeral: false, title, blocks },
    threadName: truncateName(title),
    filterText: `${title}\n${leadText}`,
    facts,
  };
}

/** The one message after a capped burst: how many more arrived and where to read them. */
export function moreStoriesReply(count: number, feedName: string): Reply {
  const text = `${count} more new ${count === 1 ? 'story' : 'stories'} from ${feedName} arrived at once. Type /articles to see them all; the next digest includes them.`;
  return { kind: 'info', ephemeral: false, title: text, blocks: [{ type: 'text', text }] };
}
