/**
 * The "new since the last run" digest: one line per story with a one-sentence, cited summary
 * and its link, stories carried by several feeds shown once with every feed named.
 */
import { clip } from '../answers/article-text.js';
import type { Block, Citation, Reply } from '../reply/types.js';
import { formatInstant } from '../schedule/time.js';
import type { DigestFormat } from '../store/records.js';
import { groupSameStory, type SameStoryOptions } from './same-story.js';

/** One article received by the channel, as the digest needs it. */
export interface NewArticleItem {
  readonly articleId: string;
  readonly title: string | null;
  readonly link: string | null;
  readonly guid: string | null;
  /** Feed title or source name, shown as who carried the story. */
  readonly source: string | null;
  /** The lead summary sentence(s), cited; null when the article has no sentences. */
  readonly summary: Citation | null;
  readonly receivedAt: string;
}

export interface NewArticlesDigestOptions {
  /** Start of the window (exclusive); null = since the schedule was created. */
  readonly since: Date | null;
  /** The channel's zone, for the times shown. */
  readonly timezone: string;
  /** Stories shown at most; the rest are counted. Default 10 (config `digest.maxArticlesPerDigest`). */
  readonly maxStories?: number;
  /** compact: one summary sentence; full: the whole 2–3 sentence summary. */
  readonly format?: DigestFormat;
  readonly grouping?: SameStoryOptions;
}

/** A story: the items of one group, the first being the one shown. */
export interface Story {
  readonly lead: NewArticleItem;
  readonly others: readonly NewArticleItem[];
}

/** Groups items (newest first as the store lists them) into stories, keeping that order. */
export function toStories(items: readonly NewArticleItem[], grouping?: SameStoryOptions): Story[] {
  const keys = items.map((i) => ({ link: i.link, guid: i.guid, title: i.title, lead: i.summary?.text[0] ?? null }));
  return groupSameStory(keys, grouping).map((idx) => {
    const members = idx.map((i) => items[i]!);
    return { lead: members[0]!, others: members.slice(1) };
  });
}

const sinceText = (since: Date | null, zone: string): string =>
  since ? formatInstant(since, zone) : 'this schedule was set up';

/** The reply posted when nothing is new. The slot handler skips posting it; previews show it. */
export function noNewArticlesReply(since: Date | null, zone: string): Reply {
  const text = `No new articles since ${sinceText(since, zone)}.`;
  return { kind: 'info', ephemeral: false, title: text, blocks: [{ type: 'text', text }] };
}

function storyBlocks(story: Story, format: DigestFormat): Block[] {
  const { lead, others } = story;
  const title = lead.title ?? lead.link ?? 'Untitled article';
  const summary = lead.summary;
  const cite: Citation | null =
    summary && format === 'compact' && summary.sentenceIds.length > 1
      ? { ...summary, sentenceIds: summary.sentenceIds.slice(0, 1), text: summary.text.slice(0, 1) }
      : summary;
  const said = cite ? ` — ${clip(cite.text.join(' '), format === 'full' ? 600 : 280)}` : '';
  const blocks: Block[] = [{ type: 'text', text: `${title}${said}`, ...(cite ? { cite } : {}) }];
  // Every feed that carried the story keeps its own link: readers pick the outlet they trust.
  for (const item of [lead, ...others]) {
    if (item !== lead && item.link && item.link === lead.link && item.source === lead.source) continue;
    blocks.push({ type: 'source', title: item === lead ? null : item.title, url: item.link, name: item.source });
  }
  return blocks;
}

/**
 * Builds the digest of `items` (newest first). Empty → the "No new articles since …" reply.
 * Grouping is by `groupSameStory`; a group counts as one story toward `maxStories`.
 */
export function buildNewArticlesDigest(items: readonly NewArticleItem[], opts: NewArticlesDigestOptions): Reply {
  if (items.length === 0) return noNewArticlesReply(opts.since, opts.timezone);
  const stories = toStories(items, opts.grouping);
  const max = opts.maxStories ?? 10;
  const shown = stories.slice(0, max);
  const title = `${stories.length} new ${stories.length === 1 ? 'story' : 'stories'} since ${sinceText(opts.since, opts.timezone)}`;
  const blocks: Block[] = [{ type: 'heading', text: title }];
  shown.forEach((story, i) => {
    if (i > 0) blocks.push({ type: 'divider' });
    blocks.push(...storyBlocks(story, opts.format ?? 'compact'));
  });
  if (stories.length > shown.length) {
    const rest = stories.length - shown.length;
    blocks.push({
      type: 'text',
      text: `…and ${rest} more ${rest === 1 ? 'story' : 'stories'}. Type /articles to see them all.`,
    });
  }
  return { kind: 'answer', ephemeral: false, title, blocks };
}
