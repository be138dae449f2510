/**
 * The delivery port on Discord: posts a reply (a scheduled digest) to a channel through
 * discord.js REST. Rate limits and transient 5xx retries are discord.js's queue's job;
 * idempotency is Discord's own `nonce` + `enforce_nonce`, keyed by the delivery key, so a
 * retried post (by discord.js after a lost response, or by the scheduler) is not doubled.
 */
import { createHash } from 'node:crypto';
import { DiscordAPIError, HTTPError, RateLimitError, Routes, type REST } from 'discord.js';
import { systemClock, type Clock, type DeliveryPort, type Logger, type Where } from '../../core/ports.js';
import type { Delivered, OutboundMessage } from '../../core/reply/types.js';
import { err, failure, ok, type Result } from '../../core/result.js';
import { LIMITS } from './limits.js';
import { createCrossposter } from './crosspost.js';
import { channelInfoReader, isForum, postInForum, startThread, withPing, type ChannelInfo } from './live-placement.js';
import { renderReply } from './render-embeds.js';

/** Why a channel can no longer be posted to. */
export interface ChannelUnavailable {
  readonly status: 403 | 404;
  /** Discord's JSON error code: 50001 Missing Access, 50013 Missing Permissions, 10003 Unknown Channel. */
  readonly code: number | string | null;
  readonly message: string;
}

export interface DiscordDeliveryOptions {
  /** discord.js REST with the bot token (the gateway Client's `client.rest` works too). */
  readonly rest: REST;
  readonly logger: Logger;
  /**
   * Called once per failed delivery when Discord says the channel is gone or hidden (403/404),
   * so the caller can pause that channel's schedules and show it in `/feeds status`. Not retried.
   */
  readonly onChannelUnavailable?: (where: Where, reason: ChannelUnavailable) => void | Promise<void>;
  /** Ages the remembered channel kinds (forum or text). Default: the system clock. */
  readonly clock?: Clock;
}

/** A nonce (≤ 25 characters) stable for the same delivery, channel and page. */
export function nonceFor(deliveryKey: string, channelId: string, page: number): string {
  return createHash('sha256')
    .update(`${deliveryKey}\u0000${channelId}\u0000${page}`)
    .digest('hex')
    .slice(0, LIMITS.nonce);
}

/** Discord's answer to a message sent to a channel that takes none (a forum or media channel). */
const NOT_TEXT_CHANNEL = 50008;
const DISCORD_EPOCH = 1_420_070_400_000n;
/** The smallest snowflake Discord could have given a message created at `at`. */
const snowflakeAt = (at: Date): string => String((BigInt(Math.max(0, at.getTime())) - DISCORD_EPOCH) << 22n);

export function createDiscordDelivery(opts: DiscordDeliveryOptions): DeliveryPort {
  const log = opts.logger.child({ adapter: 'discord-delivery' });
  const channelInfo = channelInfoReader(opts.rest, log, opts.clock ?? systemClock);
  const crosspost = createCrossposter(opts.rest, log);

  /**
   * After a crash: the ids of this delivery's pages already in the channel, by nonce, from the
   * messages posted since the claim. Re-posting with the same nonce and `enforce_nonce` is
   * Discord's own guard for a few minutes; this look covers restarts later than that.
   */
  async function alreadyPosted(where: Where, message: OutboundMessage, since: Date): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    try {
      const after = snowflakeAt(new Date(since.getTime() - 60_000));
      const recent = (await opts.rest.get(Routes.channelMessages(where.channelId), {
        query: new URLSearchParams({ after, limit: '100' }),
      })) as { id: string; nonce?: string | number | null }[];
      for (const m of recent) if (m.nonce !== undefined && m.nonce !== null) found.set(String(m.nonce), m.id);
    } catch (e) {
      log.warn(
        { err: e, channel: where.channelId, deliveryKey: message.deliveryKey },
        'could not look for a resumed digest',
      );
    }
    return found;
  }

  async function unavailable(where: Where, e: DiscordAPIError): Promise<void> {
    const reason: ChannelUnavailable = { status: e.status as 403 | 404, code: e.code ?? null, message: e.message };
    log.warn(
      { channel: where.channelId, guild: where.workspaceId, status: e.status, code: e.code },
      'discord channel unavailable',
    );
    try {
      await opts.onChannelUnavailable?.(where, reason);
    } catch (hookErr) {
      log.error({ err: hookErr, channel: where.channelId }, 'onChannelUnavailable failed');
    }
  }

  return {
    async deliver(where: Where, message: OutboundMessage): Promise<Result<Delivered>> {
      if (where.platform !== 'discord')
        return err(failure('bad_input', `Discord cannot deliver to a ${where.platform} channel.`));
      const { messages, droppedButtons } = renderReply(message.reply);
      if (droppedButtons > 0) log.warn({ droppedButtons, deliveryKey: message.deliveryKey }, 'buttons dropped');
      const placement = message.placement;
      const toForum = async (info: ChannelInfo): Promise<Result<Delivered>> => {
        // A forum takes posts, not messages: one post per story, its tags resolved by name.
        const pages = messages.map(({ flags: _f, ...body }, i) => (i === 0 ? withPing(body, placement?.ping) : body));
        const resume = message.resume
          ? { guildId: where.workspaceId, afterId: snowflakeAt(new Date(message.resume.since.getTime() - 60_000)) }
          : undefined;
        const posted = await postInForum(
          opts.rest,
          where.channelId,
          pages,
          placement ?? {},
          info,
          message.reply.title,
          {
            log,
            ...(resume ? { resume } : {}),
          },
        );
        if (!posted.ok) log.warn({ channel: where.channelId, problem: posted.error.message }, 'forum post refused');
        return posted;
      };
      // The channel's kind is read only when the post depends on it (forum tags, publishing, a
      // resumed post, which looks in different places); otherwise the post goes as to a text
      // channel, and a forum's refusal (50008) is what sends it the forum way.
      const mustKnow = placement && (placement.publish || placement.tags?.length || message.resume);
      let info = mustKnow ? await channelInfo(where.channelId) : null;
      if (info && isForum(info)) return toForum(info);
      let firstId: string | null = null;
      const posted = message.resume ? await alreadyPosted(where, message, message.resume.since) : null;
      for (const [page, body] of messages.entries()) {
        const nonce = nonceFor(message.deliveryKey, where.channelId, page);
        const existing = posted?.get(nonce);
        if (existing) {
          log.info(
            { channel: where.channelId, page, deliveryKey: message.deliveryKey },
            'resumed digest page was already posted',
          );
          firstId ??= existing;
          continue;
        }
        // Channel messages cannot be ephemeral; the flag is for interaction answers only.
        const { flags: _flags, ...rest } = body;
        const content = page === 0 ? withPing(rest, placement?.ping) : rest;
        try {
          const sent = (await opts.rest.post(Routes.channelMessages(where.channelId), {
            body: { ...content, nonce, enforce_nonce: true },
          })) as { id: string };
          firstId ??= sent.id;
        } catch (e) {
          if (placement && page === 0 && e instanceof DiscordAPIError && e.code === NOT_TEXT_CHANNEL && !info) {
            info = await channelInfo(where.channelId);
            if (info && isForum(info)) return toForum(info);
          }
          if (e instanceof DiscordAPIError && (e.status === 403 || e.status === 404)) {
            await unavailable(where, e);
            return err(
              failure(
                'platform_error',
                `Herald can no longer post in channel ${where.channelId} (${e.status === 404 ? 'it was deleted' : 'missing access'}).`,
                {
                  hint: 'Give Herald the View Channel and Send Messages permissions there, then resume the schedule.',
                  details: { status: e.status, code: e.code, unavailable: true, page },
                },
              ),
            );
          }
          const status = e instanceof DiscordAPIError || e instanceof HTTPError ? e.status : null;
          const code =
            e instanceof RateLimitError
              ? 'rate_limited'
              : e instanceof Error && e.name === 'AbortError'
                ? 'timeout'
                : 'platform_error';
          log.error(
            { err: e, channel: where.channelId, status, page, deliveryKey: message.deliveryKey },
            'discord delivery failed',
          );
          return err(
            failure(code, `Discord did not accept the message${status ? ` (HTTP ${status})` : ''}.`, {
              hint: 'It will be tried again at the next run; the same delivery is never posted twice.',
              // A 5xx, a 429 or no answer may pass; any other 4xx (a message Discord rejects) will not.
              details: { status, page, retryable: status === null || status >= 500 || status === 429 },
            }),
          );
        }
      }
      if (!placement || !firstId) return ok({ messageId: firstId });
      const publish = placement.publish ? await crosspost(where.channelId, info?.type ?? null, firstId) : undefined;
      const published = publish ? { publish } : {};
      if (!placement.thread) return ok({ messageId: firstId, ...published });
      // After a crash the thread may exist already: Discord says so, and that thread is the story's.
      const thread = await startThread(opts.rest, where.channelId, firstId, placement.thread);
      if (!thread.ok)
        log.warn(
          { channel: where.channelId, deliveryKey: message.deliveryKey, problem: thread.error.message },
          'no thread',
        );
      return ok({ messageId: firstId, threadId: thread.ok ? thread.value : null, ...published });
    },
  };
}
