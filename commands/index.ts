/**
 * Every command, listed explicitly: no directory scanning, so a broken module fails the
 * import instead of silently going missing. `createRegistry` validates the result.
 */
import type { CommandDefinition } from '../src/core/commands/define.js';
import articles from './articles.js';
import ask from './ask.js';
import audit from './audit.js';
import channel from './channel.js';
import configIo from './config-io.js';
import dashboard from './dashboard.js';
import digest from './digest.js';
import feeds from './feeds.js';
import facts from './facts.js';
import help from './help.js';
import list from './list.js';
import { makeListCommand, type ListCommandSpec } from './list-command.js';
import lists from './lists.js';
import quotes from './quotes.js';
import roles from './roles.js';
import schedule from './schedule.js';
import source from './source.js';
import summary from './summary.js';
import whoIs from './who-is.js';

export { makeListCommand, type ListCommandSpec } from './list-command.js';
export { feedsAutocomplete } from './feeds.js';
export { scheduleAutocomplete } from './schedule.js';

/** The built-in commands, in the order /help shows them within each category. */
export const builtinCommands: readonly CommandDefinition[] = [
  // members: answers from an article
  digest,
  summary,
  facts,
  source,
  whoIs,
  quotes,
  ask,
  lists,
  list,
  articles,
  help,
  // moderators: schedules, and the web dashboard
  schedule,
  dashboard,
  // admins: feeds and channel configuration
  feeds,
  channel,
  roles,
  configIo,
  audit,
];

/** Built-ins plus one command per configured list command (config/herald.json `listCommands`). */
export function buildCommandList(config: { readonly listCommands: readonly ListCommandSpec[] }): CommandDefinition[] {
  return [...builtinCommands, ...config.listCommands.map(makeListCommand)];
}
