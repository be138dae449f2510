/**
 * Which way each platform talks to Herald. Discord delivers interactions to the gateway OR to
 * the HTTP endpoint, never both; Slack to the events URL OR over Socket Mode. Guessing from
 * whichever variables happen to be set once switched a gateway install to HTTP without a word,
 * so the mode is explicit (HERALD_DISCORD_MODE, HERALD_SLACK_MODE), inferred only when one mode
 * alone fits, and every contradiction is one line that says what to set or remove.
 */

export type DiscordMode = 'gateway' | 'http';
export type SlackMode = 'http' | 'socket';

/** A mode and the sentence the start-up line uses to say why it runs. */
export interface ModeChoice<M extends string> {
  readonly mode: M;
  readonly reason: string;
}

/** What was decided: a mode, nothing (platform off), or the one-line problems to show. */
export type ModeOutcome<M extends string> =
  | { readonly kind: 'on'; readonly choice: ModeChoice<M> }
  | { readonly kind: 'off' }
  | { readonly kind: 'invalid'; readonly problems: readonly string[] };

interface DiscordVars {
  readonly HERALD_DISCORD_MODE?: string | undefined;
  readonly DISCORD_TOKEN?: string | undefined;
  readonly DISCORD_PUBLIC_KEY?: string | undefined;
  readonly DISCORD_APPLICATION_ID?: string | undefined;
}

interface SlackVars {
  readonly HERALD_SLACK_MODE?: string | undefined;
  readonly SLACK_BOT_TOKEN?: string | undefined;
  readonly SLACK_SIGNING_SECRET?: string | undefined;
  readonly SLACK_APP_TOKEN?: string | undefined;
}

export function discordMode(e: DiscordVars): ModeOutcome<DiscordMode> {
  const token = !!e.DISCORD_TOKEN;
  const key = !!e.DISCORD_PUBLIC_KEY;
  const explicit = e.HERALD_DISCORD_MODE as DiscordMode | undefined;
  if (explicit === 'gateway') {
    if (!token) return invalid('HERALD_DISCORD_MODE=gateway: set DISCORD_TOKEN (Developer Portal → Bot → Reset Token)');
    return on('gateway', `HERALD_DISCORD_MODE=gateway${key ? '; DISCORD_PUBLIC_KEY is not used in this mode' : ''}`);
  }
  if (explicit === 'http') {
    const missing = [!key && 'DISCORD_PUBLIC_KEY', !e.DISCORD_APPLICATION_ID && 'DISCORD_APPLICATION_ID'].filter(
      (x): x is string => !!x,
    );
    if (missing.length > 0)
      return invalid(`HERALD_DISCORD_MODE=http: set ${missing.join(' and ')} (Developer Portal → General Information)`);
    return on(
      'http',
      `HERALD_DISCORD_MODE=http${token ? '' : '; without DISCORD_TOKEN Herald answers but posts no digests'}`,
    );
  }
  if (!token && !key) return { kind: 'off' };
  if (token && key)
    return invalid(
      'Discord: DISCORD_TOKEN and DISCORD_PUBLIC_KEY are both set, and Discord sends interactions to the gateway or to an ' +
        'HTTP endpoint, never both: set HERALD_DISCORD_MODE=gateway (and remove DISCORD_PUBLIC_KEY) or HERALD_DISCORD_MODE=http',
    );
  if (token) return on('gateway', 'DISCORD_TOKEN is set and DISCORD_PUBLIC_KEY is not');
  if (!e.DISCORD_APPLICATION_ID)
    return invalid(
      'DISCORD_APPLICATION_ID: required with DISCORD_PUBLIC_KEY (HTTP interactions edit replies through the application webhook)',
    );
  return on('http', 'DISCORD_PUBLIC_KEY is set and DISCORD_TOKEN is not; without a token Herald posts no digests');
}

export function slackMode(e: SlackVars): ModeOutcome<SlackMode> {
  const bot = !!e.SLACK_BOT_TOKEN;
  const secret = !!e.SLACK_SIGNING_SECRET;
  const app = !!e.SLACK_APP_TOKEN;
  const explicit = e.HERALD_SLACK_MODE as SlackMode | undefined;
  const needBot = (mode: string) =>
    `HERALD_SLACK_MODE=${mode}: set SLACK_BOT_TOKEN (OAuth & Permissions → Bot User OAuth Token, xoxb-…)`;
  if (explicit === 'http') {
    const problems = [
      !bot && needBot('http'),
      !secret &&
        'HERALD_SLACK_MODE=http: set SLACK_SIGNING_SECRET (Basic Information → App Credentials → Signing Secret)',
    ].filter((x): x is string => !!x);
    if (problems.length > 0) return invalid(...problems);
    return on('http', `HERALD_SLACK_MODE=http${app ? '; SLACK_APP_TOKEN is not used in this mode' : ''}`);
  }
  if (explicit === 'socket') {
    const problems = [
      !bot && needBot('socket'),
      !app &&
        'HERALD_SLACK_MODE=socket: set SLACK_APP_TOKEN (Basic Information → App-Level Tokens, scope connections:write, xapp-…)',
    ].filter((x): x is string => !!x);
    if (problems.length > 0) return invalid(...problems);
    return on('socket', `HERALD_SLACK_MODE=socket${secret ? '; SLACK_SIGNING_SECRET is not used in this mode' : ''}`);
  }
  if (!bot && !secret && !app) return { kind: 'off' };
  if (!bot) return invalid('SLACK_BOT_TOKEN: required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set');
  if (secret && app)
    return invalid(
      'Slack: SLACK_SIGNING_SECRET and SLACK_APP_TOKEN are both set, and Slack sends events to a URL or over Socket Mode, ' +
        'never both: set HERALD_SLACK_MODE=socket (and remove SLACK_SIGNING_SECRET) or HERALD_SLACK_MODE=http (and remove SLACK_APP_TOKEN)',
    );
  if (secret) return on('http', 'SLACK_SIGNING_SECRET is set and SLACK_APP_TOKEN is not');
  if (app) return on('socket', 'SLACK_APP_TOKEN is set and SLACK_SIGNING_SECRET is not');
  return invalid('SLACK_BOT_TOKEN: set SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) as well');
}

function on<M extends string>(mode: M, reason: string): ModeOutcome<M> {
  return { kind: 'on', choice: { mode, reason } };
}

function invalid<M extends string>(...problems: string[]): ModeOutcome<M> {
  return { kind: 'invalid', problems };
}
