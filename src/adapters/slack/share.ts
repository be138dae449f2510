/**
 * Sharing an answer in the channel. Answers are ephemeral on Slack by default; a member
 * answer goes `in_channel` only when the asker says so, either with a trailing `--share`
 * (or `share:true`) on the slash command, or by pressing the "Share in channel" button
 * Herald appends to an ephemeral member answer. Errors, "not found" and moderator/admin
 * answers (the dispatcher marks those ephemeral) can never be shared.
 */
import type { Reply } from '../../core/reply/types.js';
import { SLACK_LIMITS as L } from './limits.js';
import type { ButtonPayload, SlackBlock } from './render-blocks.js';

/** Action id of the share button; deliberately outside `ACTION_PREFIX` so it has its own listener. */
export const SHARE_ACTION_ID = 'herald-share';

/** A trailing `--share` or `share:true` (also `share=true`), with the whitespace before it. */
const SHARE_FLAG = /(?:^|\s+)(?:--share|share[:=]true)$/i;

/** Removes a trailing share flag from a slash command's text, before the command's own options are parsed. */
export function stripShareFlag(text: string): { readonly text: string; readonly share: boolean } {
  const trimmed = text.trim();
  const stripped = trimmed.replace(SHARE_FLAG, '');
  return { text: stripped, share: stripped !== trimmed };
}

/** Whether a reply may be posted for the whole channel to see. */
export function shareable(reply: Reply): boolean {
  return !reply.ephemeral && (reply.kind === 'answer' || reply.kind === 'info');
}

/**
 * The share button's value: the invocation to re-run. Null when the arguments are not plain
 * values or do not fit Slack's 2,000-character button value (then `--share` still works).
 */
export function encodeShareValue(
  command: string,
  subcommand: string | null | undefined,
  args: Readonly<Record<string, unknown>>,
): string | null {
  const a: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(args)) {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return null;
    a[k] = v;
  }
  const payload: ButtonPayload = {
    c: command,
    ...(subcommand ? { s: subcommand } : {}),
    ...(Object.keys(a).length > 0 ? { a } : {}),
  };
  const value = JSON.stringify(payload);
  return value.length <= L.buttonValue ? value : null;
}

/** The actions block carrying the share button. */
export function shareBlock(value: string): SlackBlock {
  return {
    type: 'actions',
    block_id: SHARE_ACTION_ID,
    elements: [
      {
        type: 'button',
        text: { type: 'plain_text', text: 'Share in channel', emoji: false },
        value,
        action_id: SHARE_ACTION_ID,
      },
    ],
  };
}
