/**
 * A rendered reply as the bodies Slack accepts in an ack, a `respond()` or a `chat.postMessage`.
 * Every answer is ephemeral unless the asker chose to share it and it is shareable (see share.ts).
 */
import type { Reply } from '../../core/reply/types.js';
import type { Logger } from '../../core/ports.js';
import { renderReply, type SlackBlock } from './render-blocks.js';
import { shareable, shareBlock } from './share.js';

export interface ResponsePayload {
  readonly response_type: 'ephemeral' | 'in_channel';
  readonly text: string;
  readonly blocks: SlackBlock[];
}

/** How the asker wants the answer: shared in the channel, or to themselves with a share button. */
export interface Audience {
  /** The asker asked to share (`--share`, or the share button): a shareable reply goes `in_channel`. */
  readonly share?: boolean;
  /** The invocation a share button re-runs; only a shareable reply that stays ephemeral gets the button. */
  readonly shareValue?: string | null;
}

/** One payload per message; more than one when the reply exceeds 50 blocks. */
export function responsePayloads(reply: Reply, logger?: Logger, audience: Audience = {}): ResponsePayload[] {
  const inChannel = audience.share === true && shareable(reply);
  const button = !inChannel && shareable(reply) && audience.shareValue ? [shareBlock(audience.shareValue)] : [];
  const { messages, warnings } = renderReply(reply, button);
  if (warnings.length > 0)
    logger?.warn({ warnings, title: reply.title }, 'slack: parts of a reply could not be rendered');
  const response_type = inChannel ? 'in_channel' : 'ephemeral';
  return messages.map((m) => ({ response_type, text: m.text, blocks: [...m.blocks] }));
}
