import { effectiveOptions, type CommandDefinition, type Subcommand } from './define.js';

// One line per command and subcommand, built on first need: dispatch hands it to every
// coercion (it is the hint of a bad-input error), and declarations do not change.
const lines = new WeakMap<CommandDefinition, Map<string, string>>();

/** "/who-is <name> [article]" — the usage line shown in /help and in bad-input errors. */
export function usage(command: CommandDefinition, subName?: string): string {
  // Only declared names are kept: a name a user typed must not grow the cache.
  const declared = !subName || (command.kind === 'group' && Object.hasOwn(command.subcommands, subName));
  if (!declared) return usageLine(command, subName);
  let ofCommand = lines.get(command);
  if (!ofCommand) lines.set(command, (ofCommand = new Map()));
  const key = subName ?? '';
  let line = ofCommand.get(key);
  if (line === undefined) ofCommand.set(key, (line = usageLine(command, subName)));
  return line;
}

function usageLine(command: CommandDefinition, subName?: string): string {
  if (command.kind === 'group' && !subName) {
    return `/${command.name} <${Object.keys(command.subcommands).join('|')}> ...`;
  }
  const sub: Subcommand | undefined = command.kind === 'group' && subName ? command.subcommands[subName] : undefined;
  const options = effectiveOptions(command, sub);
  const parts = Object.entries(options).map(([name, spec]) => (spec.required ? `<${name}>` : `[${name}]`));
  return [`/${command.name}`, ...(subName ? [subName] : []), ...parts].join(' ');
}
