/** Whether the bot can see a Discord channel that has a schedule, and that it is in the right server. */
import type { REST } from 'discord.js';
import { fix, ok, type Finding } from './findings.js';

export async function discordChannelFinding(
  rest: REST,
  guildId: string,
  channelId: string,
  what: string,
): Promise<Finding> {
  const area = `Channel ${channelId}`;
  try {
    const ch = (await rest.get(`/channels/${channelId}`)) as { guild_id?: string; name?: string };
    if (ch.guild_id && ch.guild_id !== guildId)
      return fix(area, `${what}: the channel belongs to another server (${ch.guild_id}), not ${guildId}.`);
    return ok(ch.name ? `Channel #${ch.name}` : area, `${what}: Herald can see it`);
  } catch (e) {
    const s = (e as { status?: number }).status;
    if (s === 404) return fix(area, `${what}: the channel no longer exists; remove the schedule.`);
    if (s === 403)
      return fix(
        area,
        `${what}: Herald cannot see this channel (Missing Access). In the channel's settings → Permissions, give Herald's role View Channel, Send Messages and Embed Links.`,
      );
    return fix(area, `${what}: could not check (${s ? `HTTP ${s}` : e instanceof Error ? e.message : String(e)}).`);
  }
}
