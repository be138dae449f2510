/**
 * Turns what Slack sent (a slash command's one `text` string, a button's value) into the
 * core's `Invocation`. Pure: the parsing itself is the core's `parse-text`, shared with the shell.
 */
import type { Invocation } from '../../core/commands/dispatch.js';
import { parseArgsText, parseCommandLine } from '../../core/commands/parse-text.js';
import type { CommandRegistry } from '../../core/commands/registry.js';
import type { Invoker, Where } from '../../core/ports.js';
import { err, failure, ok, type Result } from '../../core/result.js';
import { unescapeCommandText } from './escape.js';
import type { ButtonPayload } from './render-blocks.js';
import { stripShareFlag } from './share.js';

/** The fields of a slash-command body Herald reads. */
export interface SlashBody {
  readonly command: string;
  readonly text?: string;
  readonly team_id: string;
  readonly channel_id: string;
  readonly user_id: string;
  readonly user_name?: string;
}

/** Default name of the umbrella command: `/herald who-is hedman`. */
export const UMBRELLA = 'herald';

export function whereOf(teamId: string, channelId: string): Where {
  return { platform: 'slack', workspaceId: teamId, channelId };
}

/**
 * A parsed slash command, still without its invoker (resolving that may call Slack), and
 * whether the asker added `--share` to post the answer in the channel.
 */
export type ParsedSlash = Omit<Invocation, 'invoker'> & { readonly share: boolean };

const LEADING_SLASH = /^\//;

/**
 * Parses a slash command: `/who-is niklas hedman` (dedicated) or `/herald who-is niklas hedman`
 * (umbrella), either with a trailing `--share`. A bare `/herald` asks for help.
 */
export function parseSlash(body: SlashBody, registry: CommandRegistry, umbrella = UMBRELLA): Result<ParsedSlash> {
  const name = body.command.replace(LEADING_SLASH, '').toLowerCase();
  // The share flag is Slack's, not the command's: strip it before the command's options are parsed.
  const { text, share } = stripShareFlag(unescapeCommandText(body.text ?? ''));
  let parsed;
  if (name === umbrella && !registry.get(umbrella)) {
    parsed = parseCommandLine(text === '' ? 'help' : text, registry);
  } else {
    const command = registry.get(name);
    if (!command) {
      // Only happens when the Slack app declares a command this build does not have.
      return err(failure('unknown_command', `Herald has no /${name} command.`, { hint: `Try /${umbrella} help.` }));
    }
    parsed = parseArgsText(command, text);
  }
  if (!parsed.ok) return parsed;
  const { command, subcommand, args } = parsed.value;
  return ok({ command, subcommand, args, where: whereOf(body.team_id, body.channel_id), share });
}

/** A button press re-dispatches the command and arguments the button carries. */
export function buttonToInvocation(payload: ButtonPayload, invoker: Invoker, where: Where): Invocation {
  return { command: payload.c, subcommand: payload.s ?? null, args: payload.a ?? {}, invoker, where };
}
