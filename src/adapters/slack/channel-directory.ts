/**
 * Slack's answer to "is this channel in this workspace, and can Herald post there?":
 * `conversations.info` with the bot token (issue 11, High 3). A channel of another team answers
 * `channel_not_found` to a token of this one, unless it is shared through Slack Connect; then the
 * channel's team ids (`context_team_id`, `shared_team_ids`) must name this workspace.
 */
import { WebClient } from '@slack/web-api';
import { channelRefused } from '../../core/channels/tenancy.js';
import type { ChannelDirectory, Logger, OnRateLimitWait } from '../../core/ports.js';
import { watchSlackRateLimits } from './rate-limits.js';
import { err, failure, ok } from '../../core/result.js';
import { boltLogger } from './bolt-logger.js';

const CHANNEL_ID = /^[CGD][A-Z0-9]{1,30}$/;

interface SlackChannel {
  name?: string;
  is_member?: boolean;
  is_archived?: boolean;
  is_im?: boolean;
  context_team_id?: string;
  shared_team_ids?: string[];
}

export function createSlackChannelDirectory(opts: {
  readonly botToken: string;
  readonly apiUrl?: string | null;
  readonly logger: Logger;
  readonly onRateLimitWait?: OnRateLimitWait;
}): ChannelDirectory {
  const client = new WebClient(opts.botToken, {
    ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl } : {}),
    retryConfig: { retries: 1 },
    timeout: 10_000,
    logger: boltLogger(opts.logger),
  });
  watchSlackRateLimits(client, opts.onRateLimitWait);
  return {
    async check(where) {
      const id = where.channelId;
      if (!CHANNEL_ID.test(id))
        return err(channelRefused(where, 'missing', `"${id}" is not a Slack channel id (e.g. C0123456789).`));
      let ch: SlackChannel;
      try {
        ch = ((await client.conversations.info({ channel: id })).channel ?? {}) as SlackChannel;
      } catch (e) {
        const code = (e as { data?: { error?: string } }).data?.error;
        if (code === 'channel_not_found')
          return err(
            channelRefused(
              where,
              'missing',
              `Slack shows Herald no channel ${id} in this workspace.`,
              'For a private channel of this workspace, /invite @Herald there first.',
            ),
          );
        return err(
          failure('platform_error', `Could not ask Slack about channel ${id}: ${code ?? (e as Error).message}.`, {
            hint: 'Try again in a minute.',
          }),
        );
      }
      const teams = [ch.context_team_id, ...(ch.shared_team_ids ?? [])].filter((t): t is string => !!t);
      if (teams.length > 0 && !teams.includes(where.workspaceId))
        return err(
          channelRefused(
            where,
            'other_workspace',
            `Channel ${id} belongs to another Slack workspace, not this one; Herald only posts in this workspace's channels.`,
          ),
        );
      const name = ch.name ? `#${ch.name}` : id;
      if (ch.is_im) return err(channelRefused(where, 'not_a_channel', `${id} is a direct message, not a channel.`));
      if (ch.is_archived) return err(channelRefused(where, 'archived', `Channel ${name} (${id}) is archived.`));
      if (ch.is_member === false)
        return err(
          channelRefused(
            where,
            'not_member',
            `Herald is not in channel ${name} (${id}), so it cannot post there.`,
            `Type /invite @Herald in ${name}, then import again.`,
          ),
        );
      return ok({ name: ch.name ?? null });
    },
  };
}
