/**
 * Discord's answer to "is this channel in this server?": `GET /channels/{id}` with the bot token
 * and its `guild_id` compared with the server the command came from (issue 11, High 3). The id
 * is checked to be a snowflake first, so no text from an import ever shapes the request path.
 */
import type { REST } from 'discord.js';
import { channelRefused } from '../../core/channels/tenancy.js';
import type { ChannelDirectory } from '../../core/ports.js';
import { err, failure, ok } from '../../core/result.js';

const SNOWFLAKE = /^\d{1,20}$/;
const ACCESS_HINT =
  "In the channel's settings → Permissions, give Herald's role View Channel, Send Messages and Embed Links.";

export function createDiscordChannelDirectory(rest: () => REST): ChannelDirectory {
  return {
    async check(where) {
      const id = where.channelId;
      if (!SNOWFLAKE.test(id))
        return err(
          channelRefused(
            where,
            'missing',
            `"${id}" is not a Discord channel id (digits only, e.g. 123456789012345678).`,
          ),
        );
      let ch: { guild_id?: string; name?: string };
      try {
        ch = (await rest().get(`/channels/${id}`)) as typeof ch;
      } catch (e) {
        const status = (e as { status?: number }).status;
        if (status === 404) return err(channelRefused(where, 'missing', `Discord has no channel ${id}.`));
        if (status === 403)
          return err(channelRefused(where, 'hidden', `Herald cannot see channel ${id} (Missing Access).`, ACCESS_HINT));
        return err(
          failure(
            'platform_error',
            `Could not ask Discord about channel ${id}: ${status ? `HTTP ${status}` : (e as Error).message}.`,
            {
              hint: 'Try again in a minute.',
            },
          ),
        );
      }
      if (!ch.guild_id)
        return err(
          channelRefused(where, 'not_a_channel', `Channel ${id} is not a channel of a server (a direct message?).`),
        );
      if (ch.guild_id !== where.workspaceId)
        return err(
          channelRefused(
            where,
            'other_workspace',
            `Channel ${id} belongs to another server, not this one; Herald only posts in this server's channels.`,
            'Use the id of a channel in this server (right-click the channel → Copy Channel ID).',
          ),
        );
      return ok({ name: ch.name ?? null });
    },
  };
}
