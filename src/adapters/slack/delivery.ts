/**
 * The delivery port on Slack: scheduled digests through `chat.postMessage`, at most once.
 *
 * The scheduler has already claimed the digest's delivery key. Here each Slack message of the
 * digest (a digest over 50 blocks is several) gets its own journal row, written *before* the
 * first attempt, and carries its key in message metadata. A failure whose outcome is unknown
 * (connection lost, 5xx) is followed by a look at the channel's history for that key before
 * any retry, and a row still `pending` after a crash is checked the same way; when Slack cannot
 * be asked, Herald prefers a missing digest to a duplicate one.
 */
import { WebClient } from '@slack/web-api';
import { threadChannelId } from '../../core/channels/threads.js';
import {
  systemClock,
  type Clock,
  type DeliveryPort,
  type Logger,
  type OnRateLimitWait,
  type Where,
} from '../../core/ports.js';
import { watchSlackRateLimits } from './rate-limits.js';
import type { OutboundMessage, Placement, Reply } from '../../core/reply/types.js';
import { err, failure, ok, type Result } from '../../core/result.js';
import type { DeliveryRepository } from '../../core/store/repositories.js';
import { boltLogger } from './bolt-logger.js';
import type { ChannelUnavailableHook } from './handlers.js';
import { renderReply, type SlackMessage } from './render-blocks.js';

/** Slack errors meaning the bot cannot post in this channel any more: pause, don't retry. */
const CHANNEL_GONE = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'channel_is_archived',
  'restricted_action',
  'team_access_not_granted',
]);
/** `ok: false` answers that are worth another try. */
const TRANSIENT = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited']);
const EVENT_TYPE = 'herald_delivery';

export interface SlackDeliveryOptions {
  readonly botToken: string;
  readonly apiUrl?: string | null;
  /** Where each posted part is recorded before it is attempted (the store's `deliveries`). */
  readonly journal: Pick<DeliveryRepository, 'claim' | 'get' | 'markSent' | 'markFailed' | 'reclaimFailed'>;
  readonly logger: Logger;
  readonly onChannelUnavailable?: ChannelUnavailableHook;
  /** Attempts per message for transient failures; default 3. */
  readonly maxAttempts?: number;
  /** Rate-limit waits (each as long as Slack's Retry-After) before giving up; default 5. */
  readonly maxRateLimitWaits?: number;
  /** Pause between transient retries, times the attempt number; default 1,000 ms. */
  readonly retryDelayMs?: number;
  /** A part still `pending` this long after it was recorded is taken over (its poster crashed); default 10 min. */
  readonly staleAfterMs?: number;
  /** Check `conversations.history` for a part's key before re-posting; needs channels:history. Default true. */
  readonly verifyWithHistory?: boolean;
  /** Told of every 429 Slack answers (for /metrics). */
  readonly onRateLimitWait?: OnRateLimitWait;
  /** Ages `pending` records (stale takeover) and bounds the history look-up. Default: the system clock. */
  readonly clock?: Clock;
}

type Attempt =
  | { kind: 'sent'; ts: string }
  | { kind: 'gone' | 'rejected'; code: string }
  | { kind: 'ratelimited' | 'http' | 'unknown'; code: string };

function classify(e: unknown): Attempt {
  const x = e as { code?: string; data?: { error?: string }; statusCode?: number; message?: string };
  if (x.code === 'slack_webapi_platform_error') {
    const code = x.data?.error ?? 'unknown_error';
    if (CHANNEL_GONE.has(code)) return { kind: 'gone', code };
    return TRANSIENT.has(code) ? { kind: 'http', code } : { kind: 'rejected', code };
  }
  // The WebClient already waited Retry-After (and paused its queue); the message was not posted.
  if (x.code === 'slack_webapi_rate_limited_error' || /rate limit was exceeded/i.test(x.message ?? ''))
    return { kind: 'ratelimited', code: 'ratelimited' };
  // Slack answered with an HTTP error: it did not accept the message, but we still look before retrying.
  if (x.code === 'slack_webapi_http_error') return { kind: 'http', code: `http_${x.statusCode ?? '?'}` };
  return { kind: 'unknown', code: x.message ?? 'request_failed' };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface SlackDelivery extends DeliveryPort {
  /** The delivery WebClient (no automatic retries: this module decides when a retry is safe). */
  readonly client: WebClient;
}

export function createSlackDelivery(opts: SlackDeliveryOptions): SlackDelivery {
  const client = new WebClient(opts.botToken, {
    ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: false,
    logger: boltLogger(opts.logger),
  });
  watchSlackRateLimits(client, opts.onRateLimitWait);
  const log = opts.logger.child({ adapter: 'slack', part: 'delivery' });
  const clock = opts.clock ?? systemClock;
  const now = (): Date => clock.now();
  const maxAttempts = opts.maxAttempts ?? 3;
  const verify = opts.verifyWithHistory ?? true;

  /** The ts of the message carrying `key`, false when none, null when Slack could not be asked. */
  async function findPosted(
    channel: string,
    key: string,
    since: Date,
    threadTs?: string,
  ): Promise<string | false | null> {
    if (!verify) return null;
    try {
      const oldest = String(Math.floor(since.getTime() / 1000) - 60);
      // A thread reply is not in the channel's history: it is looked for in its thread.
      const res = threadTs
        ? await client.conversations.replies({ channel, ts: threadTs, include_all_metadata: true, limit: 200 })
        : await client.conversations.history({ channel, oldest, include_all_metadata: true, limit: 200 });
      const hit = res.messages?.find(
        (m) =>
          m.metadata?.event_type === EVENT_TYPE &&
          (m.metadata.event_payload as { key?: string } | undefined)?.key === key,
      );
      return hit?.ts ?? false;
    } catch (e) {
      log.warn({ err: e, channel }, 'slack: could not check whether a digest was posted');
      return null;
    }
  }

  /** `retryable`: asking again later may succeed (a 5xx, a rate limit, a connection lost before Slack answered). */
  const failed = (where: Where, code: string, message: string, retryable = false) =>
    err(
      failure(code === 'ratelimited' ? 'rate_limited' : 'platform_error', message, {
        details: { channel: where.channelId, slackError: code, retryable },
      }),
    );

  /** Decides whether this process may post `pkey` now; a Result when it must not (or already did). */
  async function mayPost(
    where: Where,
    pkey: string,
    resumed: boolean,
    threadTs?: string,
  ): Promise<Result<string> | 'go'> {
    if (await opts.journal.claim(pkey)) return 'go';
    const rec = await opts.journal.get(pkey);
    if (!rec) return 'go';
    if (rec.status === 'sent') return ok(rec.messageId ?? '');
    if (rec.status === 'pending') {
      const found = await findPosted(where.channelId, pkey, new Date(rec.createdAt), threadTs);
      if (found) {
        await opts.journal.markSent(pkey, found);
        return ok(found);
      }
      const age = now().getTime() - new Date(rec.updatedAt).getTime();
      // A resumed delivery's poster is known to be dead: no need to wait for the row to go stale.
      if (found === null || (!resumed && age < (opts.staleAfterMs ?? 10 * 60_000))) {
        return failed(
          where,
          'in_flight',
          'This digest is being posted, or it is unknown whether it was; it will not be posted twice.',
        );
      }
      // The poster crashed before it could post: take the row over (one process wins the reclaim).
      await opts.journal.markFailed(pkey, 'stale pending: poster gone');
    }
    return (await opts.journal.reclaimFailed(pkey, maxAttempts * 3))
      ? 'go'
      : failed(where, 'gave_up', 'This digest failed too often and is not tried again.');
  }

  async function postPart(
    where: Where,
    part: SlackMessage,
    pkey: string,
    resumed = false,
    threadTs?: string,
  ): Promise<Result<string>> {
    const gate = await mayPost(where, pkey, resumed, threadTs);
    if (gate !== 'go') return gate;
    const started = now();
    let last = 'unknown';
    let passing = false;
    let waits = 0;
    for (let attempt = 1; attempt <= maxAttempts;) {
      let outcome: Attempt;
      try {
        const res = await client.chat.postMessage({
          channel: where.channelId,
          text: part.text,
          blocks: part.blocks as never,
          metadata: { event_type: EVENT_TYPE, event_payload: { key: pkey } },
          ...(threadTs ? { thread_ts: threadTs } : {}),
          // Never turn names into mentions, never unfurl article links into big previews.
          link_names: false,
          parse: 'none',
          unfurl_links: false,
          unfurl_media: false,
        });
        outcome = { kind: 'sent', ts: res.ts ?? '' };
      } catch (e) {
        outcome = classify(e);
      }
      if (outcome.kind === 'sent') {
        await opts.journal.markSent(pkey, outcome.ts);
        return ok(outcome.ts);
      }
      last = outcome.code;
      // Slack refusing the message itself (bad blocks, a 4xx) says the same thing every time.
      passing = outcome.kind !== 'rejected' && !/^http_4(?!29)/u.test(outcome.code);
      log.warn(
        { channel: where.channelId, key: pkey, attempt, slackError: outcome.code, kind: outcome.kind },
        'slack: digest post failed',
      );
      if (outcome.kind === 'gone') {
        await opts.journal.markFailed(pkey, outcome.code);
        await opts.onChannelUnavailable?.(where, outcome.code);
        return failed(
          where,
          outcome.code,
          `Herald can no longer post in this channel (${outcome.code}); its schedules are paused.`,
        );
      }
      if (outcome.kind === 'rejected') break;
      if (outcome.kind === 'ratelimited') {
        if (++waits > (opts.maxRateLimitWaits ?? 5)) break;
        continue;
      }
      // Unknown outcome: the message may have landed. Look before posting again.
      const found = await findPosted(where.channelId, pkey, started, threadTs);
      if (found) {
        await opts.journal.markSent(pkey, found);
        return ok(found);
      }
      if (found === null && outcome.kind === 'unknown') {
        // Leave the row pending: a later check (after a restart) can still find the message.
        return failed(
          where,
          outcome.code,
          'Slack did not answer; the digest may or may not have been posted, so it is not posted again.',
        );
      }
      if (++attempt <= maxAttempts) await sleep((opts.retryDelayMs ?? 1_000) * (attempt - 1));
    }
    await opts.journal.markFailed(pkey, last);
    return failed(where, last, `Slack refused the digest (${last}).`, passing);
  }

  return {
    client,
    async deliver(where: Where, message: OutboundMessage) {
      const placement = message.placement;
      // With a thread, the channel sees the headline and link; the story's details are the first reply.
      const [parent, details] = placement?.thread ? splitForThread(message.reply) : [message.reply, null];
      const { messages, warnings } = renderReply(parent);
      if (warnings.length)
        log.warn({ warnings, key: message.deliveryKey }, 'slack: parts of a digest could not be rendered');
      let first: string | null = null;
      for (const [i, rendered] of messages.entries()) {
        const part = i === 0 ? withPing(rendered, placement?.ping) : rendered;
        // The platform prefix keeps these rows apart from the scheduler's own row for the same key.
        const r = await postPart(where, part, `slack:${where.channelId}:${message.deliveryKey}#${i}`, !!message.resume);
        if (!r.ok) return r;
        first ??= r.value || null;
      }
      if (!details || !first) return ok({ messageId: first });
      for (const [i, part] of renderReply(details).messages.entries()) {
        const key = `slack:${where.channelId}:${message.deliveryKey}#t${i}`;
        const r = await postPart(where, part, key, !!message.resume, first);
        if (!r.ok) log.warn({ key, problem: r.error.message }, 'slack: the story thread reply was not posted');
      }
      // A Slack thread is addressed by its channel and parent ts (see handlers' app_mention).
      return ok({ messageId: first, threadId: threadChannelId(where.channelId, first) });
    },
  };
}

/** The parent (heading and source) and the details (everything else) of a story posted with a thread. */
function splitForThread(reply: Reply): [Reply, Reply | null] {
  const top = reply.blocks.filter((b) => b.type === 'heading' || b.type === 'source');
  const rest = reply.blocks.filter((b) => b.type !== 'heading' && b.type !== 'source');
  if (rest.length === 0 || top.length === 0) return [reply, null];
  return [
    { ...reply, blocks: top },
    { ...reply, title: `${reply.title}: details`, blocks: [...rest, ...THREAD_HINT] },
  ];
}
const THREAD_HINT = [{ type: 'text' as const, text: 'Ask about this story here: mention Herald with your question.' }];

/** The feed's one user group, pinged from the first message; Slack escapes everything else. */
function withPing(part: SlackMessage, ping: Placement['ping']): SlackMessage {
  if (!ping || !/^S[A-Z0-9]{3,20}$/u.test(ping.id)) return part;
  const mention = `<!subteam^${ping.id}>`;
  return {
    text: `${mention} ${part.text}`,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: mention } }, ...part.blocks] as SlackMessage['blocks'],
  };
}
