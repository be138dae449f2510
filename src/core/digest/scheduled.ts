/**
 * What a schedule posts for one slot, as data. Shared by the slot handler (which delivers it) and
 * `/schedule preview` (which shows it), so a preview is exactly what would be posted.
 */
import { analyse } from '../analyse/index.js';
import type { ArticleLibrary, Where } from '../ports.js';
import { cite } from '../reply/build.js';
import type { Reply } from '../reply/types.js';
import { err, failure, ok, type Result } from '../result.js';
import type { Channel, Schedule } from '../store/records.js';
import type { HeraldStore } from '../store/repositories.js';
import { buildArticleDigest } from './article-digest.js';
import { buildNewArticlesDigest, type NewArticleItem } from './new-articles.js';

/** Digest limits from config (`digest.*`). */
export interface DigestLimits {
  readonly maxKeyPoints?: number;
  readonly maxArticlesPerDigest?: number;
}

export interface ScheduledDigestDeps {
  readonly store: Pick<HeraldStore, 'channels' | 'workspaces' | 'articles' | 'feeds'>;
  readonly library: ArticleLibrary;
  readonly limits?: DigestLimits;
}

/** The digest of one slot: post it, or nothing is new (the reply says so, for previews). */
export interface ScheduledDigest {
  readonly where: Where;
  readonly channel: Channel;
  readonly reply: Reply;
  /** True when a new-articles schedule found nothing: the slot handler posts nothing. */
  readonly empty: boolean;
  /** Start of the new-articles window (exclusive); null for current-article schedules. */
  readonly since: Date | null;
}

/** Received articles kept per digest window at most; more than this in one window is a flood. */
const WINDOW_LIMIT = 200;

/** The platform address of a stored channel, or a Failure when it (or its workspace) is gone. */
export async function whereOfChannel(
  store: ScheduledDigestDeps['store'],
  channelId: number,
): Promise<Result<{ where: Where; channel: Channel }>> {
  const channel = await store.channels.get(channelId);
  const workspace = channel ? await store.workspaces.get(channel.workspaceId) : null;
  if (!channel || !workspace)
    return err(failure('not_found', `Channel ${channelId} no longer exists.`, { details: { channelId } }));
  return ok({
    channel,
    where: { platform: workspace.platform, workspaceId: workspace.externalId, channelId: channel.externalId },
  });
}

/**
 * The articles a channel received in (`since`, `until`], newest first, each with its lead summary
 * cited. Articles stored without analysis are analysed now and the facts kept for next time.
 */
export async function newArticleItems(
  store: ScheduledDigestDeps['store'],
  channelId: number,
  since: Date | null,
  until: Date,
): Promise<NewArticleItem[]> {
  const received = await store.articles.listReceived(channelId, { limit: WINDOW_LIMIT, ...(since ? { since } : {}) });
  const feedNames = new Map<number, string | null>();
  const items: NewArticleItem[] = [];
  for (const r of received) {
    if (Date.parse(r.receivedAt) > until.getTime()) continue;
    const stored = await store.articles.get(r.articleId);
    if (!stored) continue;
    let facts = stored.facts;
    if (!facts) {
      facts = analyse(stored.article);
      await store.articles.setFacts(stored.id, facts);
    }
    const ids = facts.summary.length > 0 ? facts.summary : stored.article.sentences.slice(0, 1).map((s) => s.id);
    let source = stored.article.source.name;
    if (stored.feedId !== null) {
      if (!feedNames.has(stored.feedId))
        feedNames.set(stored.feedId, (await store.feeds.get(stored.feedId))?.title ?? null);
      source = feedNames.get(stored.feedId) ?? source;
    }
    const link = stored.link ?? stored.article.source.url;
    items.push({
      articleId: stored.id,
      title: stored.title ?? stored.article.title,
      link,
      guid: stored.guid,
      source: source ?? hostOf(link),
      summary: ids.length > 0 ? cite(stored.article, ids, stored.id) : null,
      receivedAt: r.receivedAt,
    });
  }
  return items;
}

function hostOf(link: string | null): string | null {
  try {
    return link ? new URL(link).hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

/**
 * Where the new articles of `slot` start: after the last slot handled, or, for a digest posted
 * again (`previousSlot` given) whose slot is recorded as run already, after the slot before it;
 * never before the schedule existed.
 */
function digestSince(schedule: Schedule, slot: Date, previousSlot: Date | null): Date {
  const created = Date.parse(schedule.createdAt);
  const last = schedule.lastRunSlot ? Date.parse(schedule.lastRunSlot) : null;
  if (!previousSlot || last === null || last < slot.getTime()) return new Date(last ?? created);
  return new Date(Math.max(created, previousSlot.getTime()));
}

/**
 * Builds what `schedule` posts for `slot`. New articles are those received after the previous
 * slot handled (or the schedule's creation) up to this slot, so a late catch-up run and the next
 * on-time run never post the same article twice.
 */
export async function composeScheduledDigest(
  deps: ScheduledDigestDeps,
  schedule: Schedule,
  slot: Date,
  /** The slot before this one, for a digest posted again after its slot was recorded as run (a retry). */
  previousSlot?: Date | null,
): Promise<Result<ScheduledDigest>> {
  const located = await whereOfChannel(deps.store, schedule.channelId);
  if (!located.ok) return located;
  const { where, channel } = located.value;
  const format = channel.settings.digestFormat;
  if (schedule.kind === 'current-article') {
    const article = await deps.library.current(where);
    const reply = buildArticleDigest(article, {
      format,
      ...(deps.limits?.maxKeyPoints ? { maxKeyPoints: deps.limits.maxKeyPoints } : {}),
    });
    return ok({ where, channel, reply, empty: false, since: null });
  }
  const since = digestSince(schedule, slot, previousSlot ?? null);
  const items = await newArticleItems(deps.store, channel.id, since, slot);
  const reply = buildNewArticlesDigest(items, {
    since,
    timezone: channel.settings.timezone,
    format,
    ...(deps.limits?.maxArticlesPerDigest ? { maxStories: deps.limits.maxArticlesPerDigest } : {}),
  });
  return ok({ where, channel, reply, empty: items.length === 0, since });
}
