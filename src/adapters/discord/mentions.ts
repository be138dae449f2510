/**
 * A message that mentions Herald (gateway only: MESSAGE_CREATE, GuildMessages intent) is a
 * question for `/ask`, answered in the channel it was asked in. In a thread Herald started for a
 * story, the thread is a channel whose current article is that story, so the answer comes from it.
 * Discord sends the content of a message that mentions the bot without the privileged Message
 * Content intent, so no privileged intent is asked for. The answer replies to the question and
 * pings nobody, not even its asker.
 */
import { Routes, type APIMessage, type REST } from 'discord.js';
import { mentionInvocation } from '../../core/channels/threads.js';
import type { Dispatcher } from '../../core/commands/dispatch.js';
import type { Logger } from '../../core/ports.js';
import { renderReply } from './render-embeds.js';

export interface MentionHandlerDeps {
  readonly dispatcher: Dispatcher;
  readonly rest: REST;
  readonly logger: Logger;
  /** The bot's user id, known once the gateway is ready. */
  readonly botId: () => string | null;
}

/** MESSAGE_CREATE as the gateway sends it in a guild (`guild_id`, `member` are gateway-only fields). */
export type GatewayMessage = APIMessage & { readonly guild_id?: string; readonly member?: { roles?: string[] } };

/** The question without mentions of the bot (`<@id>`, `<@!id>`). */
export const questionOf = (content: string, botId: string): string =>
  content.replace(new RegExp(`<@!?${botId}>`, 'gu'), ' ');

export function createMentionHandler(deps: MentionHandlerDeps): (message: GatewayMessage) => Promise<void> {
  const log = deps.logger.child({ adapter: 'discord-mentions' });
  return async (message) => {
    const botId = deps.botId();
    // Only people's messages in a server that name Herald itself (not a role it has, not @everyone).
    if (!botId || message.author?.bot || !message.guild_id) return;
    if (!message.mentions?.some((u) => u.id === botId)) return;
    const reply = await deps.dispatcher.dispatch({
      ...mentionInvocation(questionOf(message.content ?? '', botId)),
      requestId: message.id,
      invoker: {
        userId: message.author.id,
        displayName: message.author.global_name ?? message.author.username,
        platformLevel: 'member',
        roleIds: message.member?.roles ?? [],
      },
      where: { platform: 'discord', workspaceId: message.guild_id, channelId: message.channel_id },
    });
    const { messages } = renderReply({ ...reply, ephemeral: false });
    for (const [i, { flags: _flags, ...body }] of messages.entries()) {
      try {
        await deps.rest.post(Routes.channelMessages(message.channel_id), {
          body: {
            ...body,
            allowed_mentions: { parse: [], replied_user: false },
            ...(i === 0 ? { message_reference: { message_id: message.id, fail_if_not_exists: false } } : {}),
          },
        });
      } catch (e) {
        log.warn({ err: e, channel: message.channel_id }, 'answering a mention failed');
        return;
      }
    }
  };
}
