/**
 * The Slack app manifest, generated from the command declarations: one slash command per
 * command (usage hint from the same `usage()` as /help), the umbrella `/herald`, the scopes
 * Herald actually calls, and the interactivity/event settings of the chosen mode.
 */
import type { CommandDefinition } from '../../core/commands/define.js';
import { usage } from '../../core/commands/usage.js';
import { err, failure, ok, type Result } from '../../core/result.js';
import { manifestProblems } from './manifest-schema.js';
import { UMBRELLA } from './to-invocation.js';

/** The path Slack posts commands, interactions and events to (HTTP mode). */
export const SLACK_EVENTS_PATH = '/slack/events';

/** Slack accepts at most 50 slash commands per app. */
export const MAX_SLASH_COMMANDS = 50;

/** Each scope and the call that needs it (kept beside the list so a reviewer can check it). */
export const BOT_SCOPES: Readonly<Record<string, string>> = {
  commands: 'slash commands',
  'chat:write': 'digests (chat.postMessage) and button answers',
  'users:read': 'users.info: workspace admins and owners get admin level',
  'usergroups:read': 'usergroups.list: user groups an admin mapped to a level',
  'channels:read': 'channel_left / channel_archive events: pause schedules of a lost channel',
  'groups:read': 'group_left / group_archive events, for private channels',
  'channels:history': 'conversations.history: check whether a digest landed before re-posting it',
  'groups:history': 'the same check in private channels',
  'app_mentions:read': "app_mention events: @Herald <question> answered in a story's thread",
};

export const BOT_EVENTS = ['app_mention', 'channel_left', 'group_left', 'channel_archive', 'group_archive'] as const;

export interface ManifestOptions {
  readonly commands: readonly CommandDefinition[];
  readonly socketMode: boolean;
  /** Public base URL of Herald's HTTP server (HTTP mode), e.g. https://herald.example.org */
  readonly url?: string;
  readonly appName?: string;
  readonly umbrella?: string;
}

export interface SlackManifest {
  readonly manifest: Record<string, unknown>;
  /** Commands that did not fit (still reachable through the umbrella command). */
  readonly warnings: readonly string[];
}

const hint = (c: CommandDefinition) =>
  usage(c)
    .replace(/^\/\S+\s*/, '')
    .slice(0, 1000);

export function slackManifest(opts: ManifestOptions): Result<SlackManifest> {
  const umbrella = opts.umbrella ?? UMBRELLA;
  let requestUrl: string | undefined;
  if (!opts.socketMode) {
    if (!opts.url)
      return err(
        failure('bad_input', 'HTTP mode needs the public URL of Herald (--url https://...), or use --socket-mode.'),
      );
    let u: URL;
    try {
      u = new URL(opts.url);
    } catch {
      return err(
        failure('bad_input', `--url "${opts.url}" is not a URL.`, {
          hint: 'Example: --url https://herald.example.org',
        }),
      );
    }
    if (u.protocol !== 'https:')
      return err(
        failure('bad_input', `Slack only calls https URLs (got ${u.protocol}//).`, {
          hint: 'Put Herald behind TLS, or use --socket-mode.',
        }),
      );
    // A base path (reverse proxy) is kept; a URL already ending in /slack/events is not doubled.
    requestUrl = `${u.origin}${u.pathname.replace(/\/+$/, '').replace(/\/slack\/events$/, '')}${SLACK_EVENTS_PATH}`;
  }
  const warnings: string[] = [];
  const withUrl = requestUrl ? { url: requestUrl } : {};
  const own = opts.commands.filter((c) => c.name !== umbrella);
  const room = MAX_SLASH_COMMANDS - 1;
  if (own.length > room)
    warnings.push(
      `Slack allows ${MAX_SLASH_COMMANDS} slash commands; ${own
        .slice(room)
        .map((c) => `/${c.name}`)
        .join(', ')} only work as /${umbrella} <command>.`,
    );
  const slash = [
    {
      command: `/${umbrella}`,
      description: 'Run any Herald command: /herald help',
      usage_hint: '<command> [options]',
      should_escape: true,
      ...withUrl,
    },
    ...own.slice(0, room).map((c) => ({
      command: `/${c.name}`,
      description: c.description,
      // Slack refuses an empty usage hint: a command without options has none.
      ...(hint(c) ? { usage_hint: hint(c) } : {}),
      should_escape: true,
      ...withUrl,
    })),
  ];
  const name = opts.appName ?? 'Herald';
  const manifest = {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name,
      description:
        'Answers slash commands and @mentions with cited facts from news articles, and posts stories and digests.',
    },
    features: {
      bot_user: { display_name: name, always_online: true },
      slash_commands: slash,
    },
    oauth_config: { scopes: { bot: Object.keys(BOT_SCOPES) } },
    settings: {
      event_subscriptions: { ...(requestUrl ? { request_url: requestUrl } : {}), bot_events: [...BOT_EVENTS] },
      interactivity: { is_enabled: true, ...(requestUrl ? { request_url: requestUrl } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: opts.socketMode,
      token_rotation_enabled: false,
    },
  };
  // Refuse here what Slack would refuse on paste (a 36-character name, say), with Slack's limit.
  const problems = manifestProblems(manifest);
  if (problems.length > 0)
    return err(
      failure('bad_input', `This manifest would be refused by Slack: ${problems.join('; ')}.`, {
        hint: problems.some((p) => p.startsWith('display_information.name') || p.startsWith('features.bot_user'))
          ? 'Choose a shorter --name (at most 35 characters).'
          : 'Report this: a command declaration breaks a Slack limit.',
      }),
    );
  return ok({ manifest, warnings });
}
