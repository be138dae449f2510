/**
 * A rendered reply as the bodies Slack accepts in an ack, a `respond()` or a `chat.postMessage`.
 * Ephemeral replies (errors, admin answers) stay with the asker; the others go `in_channel`.
 */
import type { Reply } from '../../core/reply/types.js';
import type { Logger } from '../../core/ports.js';
import { renderReply, type SlackBlock } from './render-blocks.js';

export interface ResponsePayload {
  readonly response_type: 'ephemeral' | 'in_channel';
  readonly text: string;
  readonly blocks: SlackBlock[];
}

/** One payload per message; more than one when the reply exceeds 50 blocks. */
export function responsePayloads(reply: Reply, logger?: Logger): ResponsePayload[] {
  const { messages, warnings } = renderReply(reply);
  if (warnings.length > 0) logger?.warn({ warnings, title: reply.title }, 'slack: parts of a reply could not be rendered');
  const response_type = reply.ephemeral ? 'ephemeral' : 'in_channel';
  return messages.map((m) => ({ response_type, text: m.text, blocks: [...m.blocks] }));
}
