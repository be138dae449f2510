/**
 * Button custom ids: a command button carries its command, subcommand and arguments in
 * the id itself, so a press can be re-dispatched statelessly (HTTP interactions may land
 * on any instance). Format: `h1:<command>:<sub>:<json args>`, at most 100 characters.
 */
import { LIMITS } from './limits.js';

const PREFIX = 'h1';
const NAME = /^[a-z0-9-]{0,32}$/;

/** What a button press asks for. */
export interface ButtonAction {
  readonly command: string;
  readonly subcommand: string | null;
  readonly args: Readonly<Record<string, string | number | boolean>>;
}

/** Encodes an action, or returns null when it does not fit in Discord's 100 characters. */
export function encodeCustomId(action: ButtonAction): string | null {
  const args = Object.keys(action.args).length > 0 ? JSON.stringify(action.args) : '';
  const id = `${PREFIX}:${action.command}:${action.subcommand ?? ''}:${args}`;
  return id.length <= LIMITS.customId ? id : null;
}

/** Decodes a custom id; null for ids Herald did not make (or a user crafted). */
export function decodeCustomId(id: string): ButtonAction | null {
  const [prefix, command, sub, ...restParts] = id.split(':');
  if (
    prefix !== PREFIX ||
    command === undefined ||
    sub === undefined ||
    !NAME.test(command) ||
    command === '' ||
    !NAME.test(sub)
  )
    return null;
  const rest = restParts.join(':');
  let args: Record<string, string | number | boolean> = {};
  if (rest !== '') {
    try {
      const parsed: unknown = JSON.parse(rest);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
      for (const v of Object.values(parsed)) if (!['string', 'number', 'boolean'].includes(typeof v)) return null;
      args = parsed as Record<string, string | number | boolean>;
    } catch {
      return null;
    }
  }
  return { command, subcommand: sub === '' ? null : sub, args };
}
