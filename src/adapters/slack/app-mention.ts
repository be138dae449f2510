/**
 * `@Herald <question>` on Slack (the `app_mention` event, scope `app_mentions:read`): answered
 * through `/ask` in the thread it was asked in. In a story's thread (the event carries its
 * `thread_ts`) the thread's story is the article; elsewhere the channel's current one. The answer
 * is a thread reply everyone in the thread sees, as the question was; nobody is pinged by it.
 */
import type { WebClient } from '@slack/web-api';
import { mentionInvocation, threadChannelId } from '../../core/channels/threads.js';
import type { Dispatcher } from '../../core/commands/dispatch.js';
import type { Logger } from '../../core/ports.js';
import type { SlackPermissions } from './permissions.js';
import { renderReply } from './render-blocks.js';
import { whereOf } from './to-invocation.js';

/** The fields of an `app_mention` event Herald reads. */
export interface AppMentionEvent {
  readonly user?: string;
  readonly text?: string;
  readonly ts: string;
  readonly channel: string;
  readonly thread_ts?: string;
  readonly team?: string;
  readonly bot_id?: string;
}

export interface AppMentionDeps {
  readonly dispatcher: Dispatcher;
  readonly permissions: SlackPermissions;
  readonly logger: Logger;
}

/** The question without Slack's mention markup (`<@U123>`, `<@U123|herald>`). */
export const questionText = (text: string): string => text.replace(/<@[UW][A-Z0-9]+(?:\|[^>]*)?>/gu, ' ');

/** What Bolt hands an event listener, as far as a mention's answer needs it. */
export interface MentionArgs {
  readonly event: unknown;
  readonly body: unknown;
  readonly client: WebClient;
}

/**
 * The answer to an `app_mention`. Not a listener of its own: handlers.ts routes it from the one
 * event listener, as Bolt runs every listener's matchers on every request (ADR 049).
 */
export function mentionAnswerer(deps: AppMentionDeps): (args: MentionArgs) => Promise<void> {
  const log = deps.logger;
  return async ({ event, body, client }) => {
    const e = event as AppMentionEvent;
    // Another bot's mention (or our own echo) is not a question from a person.
    if (e.bot_id || !e.user) return;
    const teamId = (body as { team_id?: string }).team_id ?? e.team ?? '';
    const where = whereOf(teamId, e.thread_ts ? threadChannelId(e.channel, e.thread_ts) : e.channel);
    const invoker = await deps.permissions.invoker(teamId, e.user);
    const reply = await deps.dispatcher.dispatch({
      ...mentionInvocation(questionText(e.text ?? '')),
      requestId: `mention-${e.ts}`,
      invoker,
      where,
    });
    for (const part of renderReply(reply).messages) {
      try {
        await client.chat.postMessage({
          channel: e.channel,
          thread_ts: e.thread_ts ?? e.ts,
          text: part.text,
          blocks: part.blocks as never,
          link_names: false,
          parse: 'none',
          unfurl_links: false,
          unfurl_media: false,
        });
      } catch (error) {
        log.error({ err: error, channel: e.channel }, 'slack: answering a mention failed');
        return;
      }
    }
  };
}
