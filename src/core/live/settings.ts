/**
 * How one channel's feed posts (docs/decisions/034-live-posting.md): each item as it arrives
 * (`live`) or only in the channel's scheduled digests (`digest`), and where and how a live post
 * lands. Kept in the channel's settings by feed id, so no migration is needed; a feed the
 * channel no longer follows leaves an entry nothing reads.
 */
import { err, failure, ok, type Result } from '../result.js';
import type { ContentFilters } from '../store/records.js';

export type PostMode = 'live' | 'digest';
export const POST_MODES: readonly PostMode[] = ['live', 'digest'];

/** The auto-archive durations Discord accepts for a thread, in minutes. */
export const ARCHIVE_MINUTES = [60, 1440, 4320, 10080] as const;
export type ArchiveMinutes = (typeof ARCHIVE_MINUTES)[number];

/** Most forum tags one post can carry (Discord's limit). */
export const MAX_TAGS = 5;
/** Most items `/feeds add ... backfill:N` posts on the first poll. */
export const MAX_BACKFILL = 10;

/** The one role (Discord) or user group (Slack) a feed's posts may ping, optionally only for some items. */
export interface FeedMention {
  /** Discord role id or Slack user group id (S...). */
  readonly id: string;
  /** Only items passing these filters ping; null = every item. */
  readonly only: ContentFilters | null;
}

export interface FeedPostSettings {
  readonly post: PostMode;
  /** Start a thread from each post (Discord text channels) or put its details in a thread reply (Slack). */
  readonly thread: boolean;
  readonly archiveMinutes: ArchiveMinutes;
  /** Forum tags by name, at most five. */
  readonly tags: readonly string[];
  readonly mention: FeedMention | null;
  /** The admin's format with placeholders; null = Herald's own layout. */
  readonly template: string | null;
  /** Discord announcement channels: crosspost ("publish") each post to the servers that follow the channel. */
  readonly publish: boolean;
  /**
   * Posts made but not published because Discord's limit (10 crossposts per channel per hour)
   * was reached, since publishing was turned on; for `/feeds status`.
   */
  readonly unpublished: { readonly count: number; readonly lastAt: string } | null;
  /**
   * Set when the subscription is new: the next poll takes the feed's current items as the
   * baseline and posts only the newest `backfill` of them; cleared by that poll.
   */
  readonly baseline: { readonly backfill: number } | null;
}

/** What a stored subscription without settings does: digests only, as before live posting existed. */
export const DIGEST_ONLY: FeedPostSettings = Object.freeze({
  post: 'digest',
  thread: false,
  archiveMinutes: 1440,
  tags: [],
  mention: null,
  template: null,
  publish: false,
  unpublished: null,
  baseline: null,
});

/** What `/feeds add` gives a new subscription when the admin does not say (see the ADR). */
export const DEFAULT_POST_MODE: PostMode = 'live';

/** The channel's settings for one feed. */
export function feedPostSettings(
  all: Readonly<Record<string, FeedPostSettings>> | undefined,
  feedId: number,
): FeedPostSettings {
  return all?.[String(feedId)] ?? DIGEST_ONLY;
}

/** The settings an admin can change with `/feeds set <feed> <setting> <value>`. */
export type SettingName = 'post' | 'thread' | 'archive' | 'tags' | 'mention' | 'template' | 'publish';
export const SETTING_NAMES: readonly SettingName[] = [
  'post',
  'thread',
  'archive',
  'tags',
  'mention',
  'template',
  'publish',
];

/** Discord's limit on crossposts ("publish") per announcement channel per hour. */
export const CROSSPOSTS_PER_HOUR = 10;

const bad = (message: string, hint: string): Result<never> => err(failure('bad_input', message, { hint }));

function onOff(value: string): Result<boolean> {
  const v = value.trim().toLowerCase();
  if (['on', 'yes', 'true'].includes(v)) return ok(true);
  if (['off', 'no', 'false'].includes(v)) return ok(false);
  return bad(`"${value}" is not on or off.`, 'Write on or off, like /feeds set 3 thread on');
}

/** A role or user-group mention as typed or sent by the platform: `<@&123>`, `<!subteam^S123>`, `S123|@name`, or the bare id. */
export function parseMentionTarget(value: string): string | null {
  const v = value.trim();
  const discordRole = /^<@&(\d{5,25})>$/u.exec(v)?.[1];
  if (discordRole) return discordRole;
  const slackGroup = /^<!subteam\^([A-Z0-9]{3,20})(?:\|[^>]*)?>$/u.exec(v)?.[1];
  if (slackGroup) return slackGroup;
  if (/^(\d{5,25}|S[A-Z0-9]{3,20})$/u.test(v)) return v;
  return null;
}

/**
 * The settings after `name value`, or why the value is refused. `mention` and `template` take
 * `off` to clear; `mention` parses its own `only:` filters (passed in already compiled-checked).
 */
export function applySetting(
  current: FeedPostSettings,
  name: SettingName,
  value: string,
  extra: { readonly only?: ContentFilters | null; readonly template?: (text: string) => Result<string> } = {},
): Result<FeedPostSettings> {
  const v = value.trim();
  switch (name) {
    case 'post': {
      const mode = v.toLowerCase();
      if (mode !== 'live' && mode !== 'digest')
        return bad(
          `"${value}" is not a post mode.`,
          'Write live (each item as it arrives) or digest (schedules only).',
        );
      return ok({ ...current, post: mode });
    }
    case 'thread': {
      const on = onOff(v);
      return on.ok ? ok({ ...current, thread: on.value }) : on;
    }
    case 'archive': {
      const minutes = Number(v.replace(/\s*(min|minutes?)$/iu, ''));
      if (!(ARCHIVE_MINUTES as readonly number[]).includes(minutes))
        return bad(
          `Discord archives threads after 60, 1440, 4320 or 10080 minutes, not "${value}".`,
          'Like /feeds set 3 archive 1440 (one day).',
        );
      return ok({ ...current, archiveMinutes: minutes as ArchiveMinutes });
    }
    case 'tags': {
      if (/^(off|none)$/iu.test(v)) return ok({ ...current, tags: [] });
      const tags = [
        ...new Set(
          v
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean),
        ),
      ];
      if (tags.length === 0) return bad('Give at least one tag name.', 'Like /feeds set 3 tags space, science');
      if (tags.length > MAX_TAGS)
        return bad(
          `A forum post carries at most ${MAX_TAGS} tags; that is ${tags.length}.`,
          'Keep the five that matter.',
        );
      const long = tags.find((t) => [...t].length > 20);
      if (long)
        return bad(
          `"${long}" is longer than a forum tag can be (20 characters).`,
          'Use the tag names the forum shows.',
        );
      return ok({ ...current, tags });
    }
    case 'mention': {
      if (/^(off|none)$/iu.test(v)) return ok({ ...current, mention: null });
      const id = parseMentionTarget(v);
      if (!id)
        return bad(
          `"${value}" is not a role or user group.`,
          'Mention one role (Discord) or user group (Slack), like /feeds set 3 mention @news only:mars. @everyone and @here are never pinged.',
        );
      return ok({ ...current, mention: { id, only: extra.only ?? null } });
    }
    case 'template': {
      if (/^(off|none|default)$/iu.test(v)) return ok({ ...current, template: null });
      const checked = extra.template ? extra.template(v) : ok(v);
      return checked.ok ? ok({ ...current, template: checked.value }) : checked;
    }
    case 'publish': {
      const on = onOff(v);
      // Turning it on (again) starts a fresh count of posts the hourly limit kept unpublished.
      return on.ok ? ok({ ...current, publish: on.value, unpublished: null }) : on;
    }
  }
}

/** One line per setting, for `/feeds status` and the answer to `/feeds set`. */
export function describePostSettings(s: FeedPostSettings): { name: string; value: string }[] {
  const rows = [{ name: 'Posts', value: s.post === 'live' ? 'each item as it arrives' : 'in digests only' }];
  if (s.post === 'live') {
    rows.push({ name: 'Thread per post', value: s.thread ? `on (archived after ${s.archiveMinutes} min)` : 'off' });
    if (s.tags.length) rows.push({ name: 'Forum tags', value: s.tags.join(', ') });
    if (s.mention)
      rows.push({
        name: 'Pings',
        value: `${s.mention.id}${s.mention.only ? ` (only items matching ${s.mention.only.include.join(', ')})` : ''}`,
      });
    if (s.template) rows.push({ name: 'Template', value: s.template });
    if (s.publish)
      rows.push({
        name: 'Publish',
        value: s.unpublished
          ? `on; ${s.unpublished.count} posted, not published (Discord allows ${CROSSPOSTS_PER_HOUR} per channel per hour; last ${s.unpublished.lastAt.slice(0, 16).replace('T', ' ')} UTC)`
          : `on (announcement channels; at most ${CROSSPOSTS_PER_HOUR} per hour)`,
      });
    if (s.baseline)
      rows.push({
        name: 'First poll',
        value: s.baseline.backfill
          ? `posts the newest ${s.baseline.backfill} items, the rest are the baseline`
          : "posts nothing: the feed's current items are the baseline",
      });
  }
  return rows;
}
