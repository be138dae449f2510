/**
 * Slack checks for `herald doctor`: the bot token (`auth.test`), the scopes it was granted
 * against the ones Herald calls (from the manifest's own list), and in Socket Mode the app-level
 * token (`apps.connections.open`).
 */
import { WebClient } from '@slack/web-api';
import { BOT_SCOPES } from '../adapters/slack/manifest.js';
import type { Config } from '../config/schema.js';
import { fix, ok, warn, type Finding } from './findings.js';

const errorCode = (e: unknown): string =>
  (e as { data?: { error?: string } }).data?.error ?? (e instanceof Error ? e.message : String(e));

function client(token: string, apiUrl: string | null): WebClient {
  return new WebClient(token, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: { retries: 0 },
    timeout: 10_000,
  });
}

export async function slackFindings(slack: NonNullable<Config['slack']>): Promise<Finding[]> {
  const out: Finding[] = [ok('Slack mode', `${slack.mode} (${slack.modeReason})`)];
  const bot = client(slack.botToken, slack.apiUrl);
  try {
    const r = await bot.auth.test();
    out.push(ok('Slack bot token', `accepted for workspace "${String(r.team ?? r.team_id)}" as @${String(r.user)}`));
    const granted = new Set(r.response_metadata?.scopes ?? []);
    if (granted.size > 0) {
      const missing = Object.keys(BOT_SCOPES).filter((s) => !granted.has(s));
      if (missing.length > 0)
        out.push(
          fix(
            'Slack scopes',
            `the app lacks ${missing.join(', ')}. Paste the output of \`herald manifest slack\` under App Manifest, save, then reinstall the app (OAuth & Permissions → Reinstall) and copy the new Bot User OAuth Token.`,
          ),
        );
      else out.push(ok('Slack scopes', 'every scope Herald uses is granted'));
    } else out.push(warn('Slack scopes', 'Slack did not list the granted scopes, so they could not be checked'));
  } catch (e) {
    const code = errorCode(e);
    out.push(
      code === 'invalid_auth' || code === 'not_authed' || code === 'token_revoked' || code === 'account_inactive'
        ? fix(
            'Slack bot token',
            `Slack refused SLACK_BOT_TOKEN (${code}). Copy it again from OAuth & Permissions → Bot User OAuth Token (xoxb-…); if the app was reinstalled, the old token no longer works.`,
          )
        : fix('Slack bot token', `could not reach Slack (${code}). Check the network, or SLACK_API_URL if you set it.`),
    );
    return out;
  }
  if (slack.mode === 'socket' && slack.appToken) {
    try {
      await client(slack.appToken, slack.apiUrl).apps.connections.open();
      out.push(ok('Slack app-level token', 'Socket Mode can connect'));
    } catch (e) {
      const code = errorCode(e);
      out.push(
        fix(
          'Slack app-level token',
          `Slack refused SLACK_APP_TOKEN (${code}). Create one under Basic Information → App-Level Tokens with the connections:write scope, and turn Socket Mode on under Socket Mode.`,
        ),
      );
    }
  }
  return out;
}

/** Whether the bot can post in a Slack channel: it exists and the bot is a member. */
export async function slackChannelFinding(
  slack: NonNullable<Config['slack']>,
  channelId: string,
  what: string,
): Promise<Finding> {
  try {
    const r = await client(slack.botToken, slack.apiUrl).conversations.info({ channel: channelId });
    const ch = r.channel as { name?: string; is_member?: boolean; is_archived?: boolean } | undefined;
    const name = ch?.name ? `#${ch.name}` : channelId;
    if (ch?.is_archived) return fix(`Channel ${name}`, `${what}: the channel is archived; remove the schedule.`);
    if (ch?.is_member === false)
      return fix(
        `Channel ${name}`,
        `${what}: Herald is not in this channel, so posting fails with not_in_channel and the schedule pauses. Type /invite @Herald in ${name}, then /schedule resume.`,
      );
    return ok(`Channel ${name}`, `${what}: Herald can post here`);
  } catch (e) {
    const code = errorCode(e);
    return fix(
      `Channel ${channelId}`,
      code === 'channel_not_found'
        ? `${what}: Slack does not show this channel to Herald (channel_not_found); for a private channel, /invite @Herald there.`
        : `${what}: could not check (${code}).`,
    );
  }
}
