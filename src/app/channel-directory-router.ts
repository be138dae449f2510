/**
 * One ChannelDirectory for commands and deliveries: routes each check to the platform of the
 * channel, remembering confirmed channels. The shell's channels are the local user's own.
 */
import { rememberConfirmed } from '../core/channels/tenancy.js';
import type { ChannelDirectory, Platform } from '../core/ports.js';
import { err, failure, ok } from '../core/result.js';

export function createChannelDirectoryRouter(
  directories: Partial<Record<Platform, ChannelDirectory | null>>,
): ChannelDirectory {
  const remembered = new Map<Platform, ChannelDirectory>();
  for (const [platform, directory] of Object.entries(directories) as [Platform, ChannelDirectory | null][])
    if (directory) remembered.set(platform, rememberConfirmed(directory));
  return {
    async check(where) {
      if (where.platform === 'shell') return ok({ name: null });
      const directory = remembered.get(where.platform);
      if (!directory)
        return err(
          failure(
            'platform_error',
            `Herald cannot ask ${where.platform} about channel ${where.channelId}: it has no bot token there.`,
            {
              hint: `Set ${where.platform === 'discord' ? 'DISCORD_TOKEN' : 'SLACK_BOT_TOKEN'} and restart.`,
            },
          ),
        );
      return directory.check(where);
    },
  };
}
