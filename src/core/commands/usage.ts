import { effectiveOptions, type CommandDefinition, type Subcommand } from './define.js';

/** "/who-is <name> [article]" — the usage line shown in /help and in bad-input errors. */
export function usage(command: CommandDefinition, subName?: string): string {
  if (command.kind === 'group' && !subName) {
    return `/${command.name} <${Object.keys(command.subcommands).join('|')}> ...`;
  }
  const sub: Subcommand | undefined = command.kind === 'group' && subName ? command.subcommands[subName] : undefined;
  const options = effectiveOptions(command, sub);
  const parts = Object.entries(options).map(([name, spec]) => (spec.required ? `<${name}>` : `[${name}]`));
  return [`/${command.name}`, ...(subName ? [subName] : []), ...parts].join(' ');
}
