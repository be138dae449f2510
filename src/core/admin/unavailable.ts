/**
 * A channel the platform said the bot can no longer post to. `/schedule list` and
 * `/feeds status` say so plainly, so moderators know why digests stopped.
 */
import type { Block } from '../reply/types.js';
import type { Channel } from '../store/records.js';

export function unavailableNotice(channel: Channel): Block[] {
  const u = channel.settings.unavailable;
  if (!u) return [];
  return [
    {
      type: 'text',
      text: `⚠ Herald could not post in this channel (${u.reason}, ${u.at.slice(0, 16).replace('T', ' ')} UTC), so its schedules were paused. Give the bot access again, then /schedule resume <id>.`,
    },
  ];
}
