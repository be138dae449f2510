/**
 * A thread Herald started for a story is a channel of its own in the store, whose current article
 * is that story (docs/decisions/039-questions-in-a-story-thread.md). Discord gives threads their
 * own channel ids; a Slack thread is addressed by its channel and parent message, written
 * `<channel>:<thread ts>` so it can never collide with a real Slack channel id.
 */
import type { Invocation } from '../commands/dispatch.js';
import type { Where } from '../ports.js';

const SEPARATOR = ':';

/** The store channel id of a thread addressed by its parent channel and parent message. */
export const threadChannelId = (channelId: string, threadTs: string): string => `${channelId}${SEPARATOR}${threadTs}`;

/** The channel a thread address lives in; null when `where` is a channel, not such a thread. */
export function parentOf(where: Where): Where | null {
  const at = where.channelId.indexOf(SEPARATOR);
  return at > 0 ? { ...where, channelId: where.channelId.slice(0, at) } : null;
}

/** Most characters of a question taken from a mention (the `/ask` option's own limit). */
const MAX_QUESTION = 300;

/**
 * What someone asked by mentioning Herald (the mention itself already removed by the adapter):
 * a question for `/ask`, answered from the channel's (or thread's) story, or `/help` when the
 * mention carried no words.
 */
export function mentionInvocation(text: string): Pick<Invocation, 'command' | 'args'> {
  const question = text.replace(/\s+/gu, ' ').trim();
  if (!question) return { command: 'help', args: {} };
  return { command: 'ask', args: { question: [...question].slice(0, MAX_QUESTION).join('') } };
}
