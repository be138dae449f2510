/**
 * Where a live post lands on Discord (docs/decisions/034-live-posting.md): a thread started from
 * the message in text and announcement channels, one forum post per story in forum and media
 * channels (tags by name, resolved against the forum's own), and the one role a feed may ping.
 */
import { DiscordAPIError, Routes, type REST } from 'discord.js';
import type { Clock, Logger } from '../../core/ports.js';
import type { Placement } from '../../core/reply/types.js';
import { err, failure, ok, type Result } from '../../core/result.js';
import type { DiscordMessage } from './render-embeds.js';

/** What Herald needs to know of a channel before a live post. */
export interface ChannelInfo {
  readonly type: number;
  readonly tags: readonly { readonly id: string; readonly name: string }[];
  readonly requireTag: boolean;
}

const GUILD_FORUM = 15;
const GUILD_MEDIA = 16;
const REQUIRE_TAG = 1 << 4;
const THREAD_EXISTS = 160004;
const TAG_REQUIRED = 40067;
const INFO_TTL_MS = 5 * 60_000;

export const isForum = (info: ChannelInfo | null): boolean =>
  info !== null && (info.type === GUILD_FORUM || info.type === GUILD_MEDIA);

/** `GET /channels/{id}`, remembered five minutes per channel; null when Discord cannot say. */
export function channelInfoReader(
  rest: REST,
  log: Logger,
  clock: Clock,
): (channelId: string) => Promise<ChannelInfo | null> {
  const cache = new Map<string, { at: number; info: ChannelInfo }>();
  return async (channelId) => {
    const hit = cache.get(channelId);
    if (hit && clock.now().getTime() - hit.at < INFO_TTL_MS) return hit.info;
    try {
      const c = (await rest.get(Routes.channel(channelId))) as {
        type: number;
        flags?: number;
        available_tags?: { id: string; name: string }[];
      };
      const info: ChannelInfo = {
        type: c.type,
        tags: (c.available_tags ?? []).map((t) => ({ id: t.id, name: t.name })),
        requireTag: ((c.flags ?? 0) & REQUIRE_TAG) !== 0,
      };
      cache.set(channelId, { at: clock.now().getTime(), info });
      return info;
    } catch (e) {
      log.warn({ err: e, channel: channelId }, 'could not read the channel kind; posting as to a text channel');
      return null;
    }
  };
}

/** The first page pings the feed's one role; `allowed_mentions` names only it, so nothing else is pinged. */
export function withPing(body: DiscordMessage, ping: Placement['ping']): Record<string, unknown> {
  if (!ping || !/^\d{5,25}$/u.test(ping.id)) return { ...body };
  return { ...body, content: `<@&${ping.id}>`, allowed_mentions: { parse: [], roles: [ping.id] } };
}

/** Tag names → the forum's tag ids, or a refusal naming the tags it has. */
export function resolveTags(info: ChannelInfo, names: readonly string[]): Result<string[]> {
  const have = info.tags.map((t) => t.name).join(', ') || 'none';
  const ids: string[] = [];
  for (const name of names) {
    const tag = info.tags.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (!tag)
      return err(
        failure('bad_input', `This forum has no tag "${name}" (its tags: ${have}).`, {
          hint: 'Change the feed with /feeds set <feed> tags <names>.',
        }),
      );
    ids.push(tag.id);
  }
  if (ids.length === 0 && info.requireTag)
    return err(
      failure('bad_input', `This forum requires a tag on each post (its tags: ${have}).`, {
        hint: 'Choose one with /feeds set <feed> tags <name>.',
      }),
    );
  return ok(ids.slice(0, 5));
}

/** Starts the story's thread from its message; a thread already there (a resumed post) is that thread. */
export async function startThread(
  rest: REST,
  channelId: string,
  messageId: string,
  thread: NonNullable<Placement['thread']>,
): Promise<Result<string>> {
  try {
    const made = (await rest.post(Routes.threads(channelId, messageId), {
      body: { name: thread.name, auto_archive_duration: thread.autoArchiveMinutes },
    })) as { id: string };
    return ok(made.id);
  } catch (e) {
    if (e instanceof DiscordAPIError && e.code === THREAD_EXISTS) return ok(messageId);
    return err(failure('platform_error', `Discord did not start the story's thread (${(e as Error).message}).`));
  }
}

/**
 * After a crash: the forum post this delivery already made, if any. A forum post's starter
 * message carries no nonce, so it is the bot's active thread in this forum with the same name,
 * made since the delivery was claimed (`afterId`, a snowflake of that time).
 */
async function earlierForumPost(
  rest: REST,
  channelId: string,
  name: string,
  resume: { readonly guildId: string; readonly afterId: string },
  log: Logger,
): Promise<string | null> {
  try {
    const active = (await rest.get(Routes.guildActiveThreads(resume.guildId))) as {
      threads: { id: string; parent_id?: string; name: string }[];
    };
    const found = active.threads.find(
      (t) => t.parent_id === channelId && t.name === name && BigInt(t.id) > BigInt(resume.afterId),
    );
    return found?.id ?? null;
  } catch (e) {
    log.warn({ err: e, channel: channelId }, 'could not look for a resumed forum post');
    return null;
  }
}

/** One forum post: the thread with the first page as its starter message, further pages inside it. */
export async function postInForum(
  rest: REST,
  channelId: string,
  pages: readonly Record<string, unknown>[],
  placement: Placement,
  info: ChannelInfo,
  title: string,
  opts: { readonly log: Logger; readonly resume?: { readonly guildId: string; readonly afterId: string } },
): Promise<Result<{ messageId: string; threadId: string }>> {
  const tags = resolveTags(info, placement.tags ?? []);
  if (!tags.ok) return tags;
  const name = placement.thread?.name ?? [...title].slice(0, 100).join('');
  if (opts.resume) {
    const earlier = await earlierForumPost(rest, channelId, name, opts.resume, opts.log);
    if (earlier) {
      opts.log.info({ channel: channelId, thread: earlier }, 'resumed forum post was already made');
      return ok({ messageId: earlier, threadId: earlier });
    }
  }
  try {
    const post = (await rest.post(Routes.threads(channelId), {
      body: {
        name,
        ...(placement.thread ? { auto_archive_duration: placement.thread.autoArchiveMinutes } : {}),
        applied_tags: tags.value,
        message: pages[0],
      },
    })) as { id: string };
    for (const page of pages.slice(1)) await rest.post(Routes.channelMessages(post.id), { body: page });
    return ok({ messageId: post.id, threadId: post.id });
  } catch (e) {
    // The forum started requiring a tag after its settings were read.
    if (e instanceof DiscordAPIError && e.code === TAG_REQUIRED) {
      const refused = resolveTags({ ...info, requireTag: true }, []);
      if (!refused.ok) return refused;
    }
    return err(failure('platform_error', `Discord did not accept the forum post (${(e as Error).message}).`));
  }
}
