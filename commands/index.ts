/**
 * Every command, listed explicitly: no directory scanning, so a broken module fails the
 * import instead of silently going missing. `createRegistry` validates the result.
 */
import type { CommandDefinition } from '../src/core/commands/define.js';
import ask from './ask.js';
import digest from './digest.js';
import facts from './facts.js';
import help from './help.js';
import list from './list.js';
import { makeListCommand, type ListCommandSpec } from './list-command.js';
import lists from './lists.js';
import quotes from './quotes.js';
import source from './source.js';
import summary from './summary.js';
import whoIs from './who-is.js';

export { makeListCommand, type ListCommandSpec } from './list-command.js';

/** The built-in commands, in the order /help shows them within each category. */
export const builtinCommands: readonly CommandDefinition[] = [digest, summary, facts, source, whoIs, quotes, ask, lists, list, help];

/** Built-ins plus one command per configured list command (config/herald.json `listCommands`). */
export function buildCommandList(config: { readonly listCommands: readonly ListCommandSpec[] }): CommandDefinition[] {
  return [...builtinCommands, ...config.listCommands.map(makeListCommand)];
}
