/**
 * One interaction handler for both transports (HTTP endpoint and gateway): it takes the
 * raw interaction JSON and a `respond` function for the initial response, and uses REST
 * webhooks for anything after it (deferred answers, further pages). The adapter only
 * translates; the core dispatcher decides everything else.
 */
import type { REST } from 'discord.js';
import {
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  Routes,
  type APIInteraction,
  type APIInteractionResponse,
  type APIMessageComponentInteraction,
} from 'discord-api-types/v10';
import type { Dispatcher, Invocation } from '../../core/commands/dispatch.js';
import type { Logger } from '../../core/ports.js';
import type { Reply } from '../../core/reply/types.js';
import { decodeCustomId } from './custom-id.js';
import { renderReply, type DiscordMessage } from './render-embeds.js';
import { buttonInvocation, commandInvocation } from './to-invocation.js';
import { withRequestId } from '../../core/request-context.js';

/** Sends the initial interaction response: the HTTP response body, or the REST callback on the gateway. */
export type Respond = (body: APIInteractionResponse) => Promise<void>;

export interface InteractionHandlerOptions {
  readonly dispatcher: Dispatcher;
  /** discord.js REST used for webhook follow-ups (`@original` edits, extra pages); no bot token needed. */
  readonly rest: REST;
  /** Used when a payload lacks `application_id` (only hand-written test payloads do). */
  readonly applicationId: string | null;
  readonly logger: Logger;
  /**
   * A fast command not answered within this many ms is deferred and edited in later, so
   * Discord's 3-second deadline is never missed. Commands declared `slow` defer at once.
   */
  readonly deferAfterMs?: number;
  /** Autocomplete cannot be deferred: after this many ms, answer with no choices. */
  readonly autocompleteTimeoutMs?: number;
}

export interface InteractionHandler {
  /** Handles one interaction; resolves when every follow-up has been sent. */
  handle(interaction: APIInteraction, respond: Respond): Promise<void>;
}

const sleep = (ms: number): { promise: Promise<'timeout'>; cancel: () => void } => {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  return { promise, cancel: () => clearTimeout(timer) };
};

function plainError(text: string): APIInteractionResponse {
  const { messages } = renderReply({ kind: 'error', ephemeral: true, title: text, blocks: [{ type: 'text', text }] });
  return { type: InteractionResponseType.ChannelMessageWithSource, data: messages[0]! as never };
}

export function createInteractionHandler(opts: InteractionHandlerOptions): InteractionHandler {
  const deferAfterMs = opts.deferAfterMs ?? 2000;
  const autocompleteTimeoutMs = opts.autocompleteTimeoutMs ?? 2500;
  const { dispatcher, rest, logger } = opts;

  function render(reply: Reply, inv: Invocation): DiscordMessage[] {
    const { messages, droppedButtons } = renderReply(reply);
    if (droppedButtons > 0)
      logger.warn({ command: inv.command, droppedButtons }, 'buttons dropped: no room or no link to fall back to');
    return messages;
  }

  /** Extra pages beyond the first go out as follow-up messages, in order. */
  async function followUps(appId: string, token: string, pages: readonly DiscordMessage[]): Promise<void> {
    for (const page of pages) await rest.post(Routes.webhook(appId, token), { body: page, auth: false });
  }

  /** Runs a command (slash or button) and answers inline, or defers and edits the answer in. */
  async function answer(i: APIInteraction, inv: Invocation, respond: Respond): Promise<void> {
    const appId = i.application_id ?? opts.applicationId;
    const work = dispatcher.dispatch(inv);
    let reply: Reply | 'timeout' = 'timeout';
    if (!dispatcher.isSlow(inv.command, inv.subcommand)) {
      const timer = sleep(deferAfterMs);
      reply = await Promise.race([work, timer.promise]);
      timer.cancel();
    }
    if (reply !== 'timeout') {
      const [first, ...rest] = render(reply, inv);
      await respond({ type: InteractionResponseType.ChannelMessageWithSource, data: first! as never });
      if (rest.length > 0 && appId) await followUps(appId, i.token, rest);
      return;
    }
    // Moderator and admin answers are always ephemeral, so defer them privately from the start.
    const level = dispatcher.requiredLevel(inv.command, inv.subcommand);
    const deferredEphemeral = level !== null && level !== 'member';
    await respond({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: deferredEphemeral ? { flags: MessageFlags.Ephemeral } : {},
    });
    const [first, ...more] = render(await work, inv);
    if (!appId) {
      logger.error({ command: inv.command }, 'cannot edit a deferred answer: no application id');
      return;
    }
    const original = Routes.webhookMessage(appId, i.token, '@original');
    if (first!.flags === MessageFlags.Ephemeral && !deferredEphemeral) {
      // An error to a public deferral: don't show it to the channel; remove the "thinking" and answer privately.
      await rest.delete(original, { auth: false });
      await followUps(appId, i.token, [first!, ...more]);
      return;
    }
    const { flags: _flags, ...edit } = first!;
    await rest.patch(original, { body: edit, auth: false });
    await followUps(appId, i.token, more);
  }

  async function autocomplete(
    inv: Invocation,
    focused: { name: string; value: string },
    respond: Respond,
  ): Promise<void> {
    const timer = sleep(autocompleteTimeoutMs);
    const result = await Promise.race([dispatcher.autocomplete(inv, focused.name, focused.value), timer.promise]);
    timer.cancel();
    const choices = result === 'timeout' ? [] : result;
    await respond({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: choices.map((c) => ({ name: c.name, value: c.value })) },
    });
  }

  return {
    // The interaction's id is the request id of every line logged while it is answered, follow-ups included.
    handle: (i, respond) => withRequestId(i.id, () => handle(i, respond)),
  };

  async function handle(i: APIInteraction, respond: Respond): Promise<void> {
    try {
      switch (i.type) {
        case InteractionType.Ping:
          return await respond({ type: InteractionResponseType.Pong });
        case InteractionType.ApplicationCommand: {
          const parsed = commandInvocation(i);
          if (!parsed) return await respond(plainError('This command could not be read.'));
          return await answer(i, parsed.invocation, respond);
        }
        case InteractionType.ApplicationCommandAutocomplete: {
          const parsed = commandInvocation(i);
          if (!parsed?.focused)
            return await respond({
              type: InteractionResponseType.ApplicationCommandAutocompleteResult,
              data: { choices: [] },
            });
          return await autocomplete(parsed.invocation, parsed.focused, respond);
        }
        case InteractionType.MessageComponent: {
          const action = decodeCustomId((i as APIMessageComponentInteraction).data.custom_id);
          if (!action) return await respond(plainError('This button no longer works; run the command again.'));
          return await answer(i, buttonInvocation(i, action), respond);
        }
        default:
          return await respond(plainError('Herald does not handle this kind of interaction.'));
      }
    } catch (e) {
      // Transport failures (expired token, Discord down) end here; the user saw the initial response or nothing.
      logger.error({ err: e, interactionType: i.type, interactionId: i.id }, 'discord interaction failed');
    }
  }
}
