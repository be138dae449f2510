/**
 * Bolt listeners: slash commands (dedicated and umbrella), Herald's buttons, and the events
 * that tell us the bot lost a channel. Every slash command is acknowledged within Slack's
 * 3 s: fast answers ride on the ack itself; slow ones (declared `slow`, or still running
 * when the ack budget is spent) ack empty first and `respond()` when ready. Answers are
 * ephemeral unless the asker shares them (`--share`, or the share button: see share.ts).
 */
import type { App, BlockAction, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Dispatcher } from '../../core/commands/dispatch.js';
import type { CommandRegistry } from '../../core/commands/registry.js';
import { failureReply } from '../../core/reply/build.js';
import { failure } from '../../core/result.js';
import type { Reply } from '../../core/reply/types.js';
import type { Logger, Where } from '../../core/ports.js';
import { mentionAnswerer } from './app-mention.js';
import type { SlackPermissions } from './permissions.js';
import type { PlainMentionResolver } from './plain-mentions.js';
import { ACTION_PREFIX, decodeButtonValue } from './render-blocks.js';
import { responsePayloads, type Audience, type ResponsePayload } from './reply-payloads.js';
import { encodeShareValue, shareable, SHARE_ACTION_ID } from './share.js';
import { buttonToInvocation, parseSlash, whereOf, type SlashBody } from './to-invocation.js';

/** Called when Slack says the bot can no longer post in a channel (removed, archived). */
export type ChannelUnavailableHook = (where: Where, reason: string) => void | Promise<void>;

export interface HandlerDeps {
  readonly registry: CommandRegistry;
  readonly dispatcher: Dispatcher;
  readonly permissions: SlackPermissions;
  /** Rewrites a plain `@handle` argument (apps created with should_escape: false) into Slack's mention. */
  readonly mentions?: PlainMentionResolver;
  readonly logger: Logger;
  /** How long a command may run before we ack empty and answer through `respond()`; default 2,000 ms. */
  readonly ackBudgetMs: number;
  readonly umbrella: string;
  readonly onChannelUnavailable?: ChannelUnavailableHook;
}

const TIMED_OUT = Symbol('timed out');

function within<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((r) => {
    timer = setTimeout(() => r(TIMED_OUT), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Registers Herald's listeners on a Bolt app. */
export function registerHandlers(app: App, deps: HandlerDeps): void {
  const log = deps.logger;

  // One listener for every command: the registry, not Bolt, knows the names.
  app.command(/^\/.+/, async ({ command, ack, respond }) => {
    const body = command as unknown as SlashBody;
    const parsed = parseSlash(body, deps.registry, deps.umbrella);
    if (!parsed.ok) {
      await ack(responsePayloads(failureReply(parsed.error), log)[0]!);
      return;
    }
    const { share, ...parsedInv } = parsed.value;
    const inv = deps.mentions
      ? { ...parsedInv, args: await deps.mentions.resolve(body.team_id, parsedInv.args) }
      : parsedInv;
    const audience: Audience = share
      ? { share: true }
      : { shareValue: encodeShareValue(inv.command, inv.subcommand, inv.args) };
    const work: Promise<Reply> = deps.permissions
      .invoker(body.team_id, body.user_id, body.user_name)
      .then((invoker) => deps.dispatcher.dispatch({ ...inv, invoker }));
    const slow = deps.dispatcher.isSlow(inv.command, inv.subcommand);
    const early = slow ? TIMED_OUT : await within(work, deps.ackBudgetMs);
    let rest: ResponsePayload[];
    if (early === TIMED_OUT) {
      await ack();
      rest = responsePayloads(await work, log, audience);
    } else {
      const [first, ...more] = responsePayloads(early, log, audience);
      await ack(first!);
      rest = more;
    }
    for (const payload of rest) {
      try {
        await respond(payload);
      } catch (e) {
        log.error({ err: e, command: inv.command }, 'slack respond() failed');
      }
    }
  });

  /** Answers a button press: through its response_url as a new message, or in the user's DM with the app. */
  async function answerAction(
    body: BlockAction,
    respond: RespondFn,
    client: WebClient,
    actionId: string,
    payloads: ResponsePayload[],
  ): Promise<void> {
    for (const payload of payloads) {
      try {
        // Buttons in an app-home view have no response_url: answer in the user's DM with the app.
        if (body.response_url) await respond({ ...payload, replace_original: false });
        else
          await client.chat.postMessage({
            channel: body.user.id,
            text: payload.text,
            blocks: payload.blocks,
            unfurl_links: false,
            unfurl_media: false,
          });
      } catch (e) {
        log.error({ err: e, action: actionId }, 'slack: answering a button failed');
      }
    }
  }

  /** Re-runs what a button carries, as the user who pressed it, in the channel it was pressed in. */
  async function rerun(
    body: BlockAction,
    value: string | undefined,
    actionId: string,
  ): Promise<{ reply: Reply; value: string | null }> {
    const button = decodeButtonValue(value);
    if (!button) {
      log.warn({ action_id: actionId }, 'slack: button without a Herald value');
      return {
        reply: failureReply(
          failure('bad_input', 'This button is no longer valid.', { hint: 'Run the command again.' }),
        ),
        value: null,
      };
    }
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const channelId = body.channel?.id ?? body.container?.channel_id ?? body.user.id;
    const invoker = await deps.permissions.invoker(teamId, body.user.id, body.user.name);
    const reply = await deps.dispatcher.dispatch(buttonToInvocation(button, invoker, whereOf(teamId, channelId)));
    return { reply, value: encodeShareValue(button.c, button.s, button.a ?? {}) };
  }

  /** A Herald button: runs what it carries again, as the presser, and answers them alone. */
  async function pressed(
    body: BlockAction,
    action: BlockAction['actions'][number],
    respond: RespondFn,
    client: WebClient,
  ) {
    const { reply, value } = await rerun(body, 'value' in action ? action.value : undefined, action.action_id);
    // The answer goes to the presser alone, with a share button when it came through a response_url.
    await answerAction(
      body,
      respond,
      client,
      action.action_id,
      responsePayloads(reply, log, body.response_url ? { shareValue: value } : {}),
    );
  }

  // "Share in channel": run the same invocation again (access re-checked for the presser) and
  // post it in_channel; errors and moderator/admin answers stay ephemeral whatever the value says.
  async function shared(
    body: BlockAction,
    action: BlockAction['actions'][number],
    respond: RespondFn,
    client: WebClient,
  ) {
    let { reply } = await rerun(body, 'value' in action ? action.value : undefined, action.action_id);
    if (!shareable(reply) && reply.kind !== 'error' && reply.kind !== 'not_found') {
      log.info({ user: body.user.id, title: reply.title }, 'slack: refused to share an ephemeral-only answer');
      reply = failureReply(
        failure('permission_denied', 'This answer is only for you; it cannot be shared in the channel.'),
      );
    }
    await answerAction(body, respond, client, action.action_id, responsePayloads(reply, log, { share: true }));
  }

  // Bolt runs every listener's matchers on every request (each a middleware chain, its promises
  // and an array copy): one listener for all of Herald's buttons and one for all the events it
  // reads, routed here, cost each command less than one listener apiece (ADR 049). Link buttons
  // send block_actions too, and Slack shows an error icon unless they are acked.
  app.action<BlockAction>(
    { type: 'block_actions', action_id: new RegExp(`^(?:${ACTION_PREFIX}|${SHARE_ACTION_ID}$|link:)`) },
    async ({ ack, body, action, respond, client }) => {
      await ack();
      if (action.action_id.startsWith('link:')) return;
      if (action.action_id === SHARE_ACTION_ID) await shared(body, action, respond, client);
      else await pressed(body, action, respond, client);
    },
  );

  // A mention, or one of the four events that say the bot lost a channel.
  const EVENTS = /^(?:app_mention|(?:channel|group)_(?:left|archive))$/u;
  const mention = mentionAnswerer({ dispatcher: deps.dispatcher, permissions: deps.permissions, logger: log });
  app.event(EVENTS, async ({ event, body, client }) => {
    if (event.type === 'app_mention') return mention({ event, body, client });
    const e = event as unknown as { type: string; channel: string };
    const reason = e.type.endsWith('_archive') ? 'channel_archived' : 'removed_from_channel';
    const where = whereOf((body as { team_id?: string }).team_id ?? '', e.channel);
    log.info({ channel: e.channel, reason }, 'slack: bot can no longer post in a channel');
    await deps.onChannelUnavailable?.(where, reason);
  });

  app.error(async (e) => {
    log.error({ err: e }, 'slack: unhandled error in a listener');
  });
}
