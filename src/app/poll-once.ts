/**
 * `npx herald poll --once`: one poll cycle from the command line, with a plain summary. The CLI
 * opens the store, builds the fetch deps and the delivery port, and calls `pollOnce`.
 */
import { safeText } from '../core/reply/safe-text.js';
import { pollCycle, type PollerDeps, type PollSummary } from './poller.js';

export interface PollOnceDeps extends PollerDeps {
  /** Where the summary goes (the CLI passes a stdout writer). */
  readonly print: (text: string) => void;
}

/** The summary as people read it: one line of counts, then one line per failed feed. */
export function formatPollSummary(s: PollSummary): string {
  if (!s.ran) return 'Another Herald process is polling right now; nothing fetched.';
  const seconds = (s.durationMs / 1000).toFixed(1);
  const lines = [
    `Polled ${s.due} due feed${s.due === 1 ? '' : 's'} in ${seconds} s: ${s.fetched} fetched, ${s.notModified} unchanged (304), ${s.errors} failed.`,
    `${s.items} items read, ${s.newItems} new, ${s.received} added to channels; ${s.posted.length} posted live (the rest wait for a digest).`,
  ];
  for (const p of s.posted)
    lines.push(
      `  → posted to ${p.where.platform} ${p.where.workspaceId} #${p.where.channelId}: ${safeText(p.title)}${p.threadId ? ` (thread ${p.threadId})` : ''}`,
    );
  if (s.disabled > 0)
    lines.push(
      `${s.disabled} feed${s.disabled === 1 ? '' : 's'} disabled after repeated failures (${s.notified} channel notice${s.notified === 1 ? '' : 's'} sent).`,
    );
  for (const f of s.failures)
    lines.push(`  ✗ feed ${f.feedId} ${f.url}: ${f.message}${f.disabled ? ' (disabled)' : ''}`);
  return lines.join('\n');
}

/** Runs one cycle and prints its summary; returns the summary for exit codes and JSON output. */
export async function pollOnce(deps: PollOnceDeps): Promise<PollSummary> {
  const summary = await pollCycle(deps);
  deps.print(formatPollSummary(summary));
  return summary;
}
