/** /help [command]: generated from the declarations in the registry, so it can never drift from them. */
import {
  availableIn,
  defineCommand,
  effectiveOptions,
  type CommandBase,
  type CommandDefinition,
} from '../src/core/commands/define.js';
import type { Where } from '../src/core/ports.js';
import { usage } from '../src/core/commands/usage.js';
import type { CommandRegistry } from '../src/core/commands/registry.js';
import { info, notFound } from '../src/core/reply/build.js';
import type { Block } from '../src/core/reply/types.js';

export const CATEGORY_TITLES: Record<CommandBase['category'], string> = {
  news: 'News',
  lists: 'Lists',
  feeds: 'Feeds',
  schedules: 'Schedules',
  admin: 'Administration',
  help: 'Help',
};

const accessNote = (level: string): string => (level === 'member' ? '' : ` (${level} only)`);

function overview(registry: CommandRegistry, where: Where): Block[] {
  const blocks: Block[] = [{ type: 'heading', text: 'Herald commands' }];
  for (const category of Object.keys(CATEGORY_TITLES) as CommandBase['category'][]) {
    const commands = registry.commands.filter((c) => c.category === category && availableIn(c, where));
    if (commands.length === 0) continue;
    const items = commands.flatMap((c) =>
      c.kind === 'leaf'
        ? [`${usage(c)} — ${c.description}${accessNote(c.access)}`]
        : Object.entries(c.subcommands).map(
            ([n, s]) => `${usage(c, n)} — ${s.description}${accessNote(s.access ?? c.access)}`,
          ),
    );
    blocks.push({ type: 'list', ordered: false, title: CATEGORY_TITLES[category], items });
  }
  blocks.push({ type: 'text', text: 'Type /help <command> for details, e.g. /help who-is.' });
  return blocks;
}

function detail(c: CommandDefinition): Block[] {
  const blocks: Block[] = [
    { type: 'heading', text: `/${c.name}` },
    { type: 'text', text: c.description },
  ];
  const leaves =
    c.kind === 'leaf' ? [{ name: null, sub: c }] : Object.entries(c.subcommands).map(([name, sub]) => ({ name, sub }));
  for (const { name, sub } of leaves) {
    const options = effectiveOptions(c, c.kind === 'group' ? sub : undefined);
    const fields = [
      { name: 'Usage', value: usage(c, name ?? undefined) },
      ...(name ? [{ name: 'Does', value: sub.description }] : []),
      { name: 'Access', value: sub.access ?? c.access },
      ...Object.entries(options).map(([o, spec]) => ({
        name: spec.required ? `<${o}>` : `[${o}]`,
        value: spec.description,
      })),
    ];
    blocks.push({ type: 'fields', fields });
    if (sub.examples && sub.examples.length > 0)
      blocks.push({ type: 'list', ordered: false, title: 'Examples', items: sub.examples });
  }
  return blocks;
}

export default defineCommand({
  name: 'help',
  description: 'What Herald can do, or how to use one command',
  access: 'member',
  category: 'help',
  options: {
    command: {
      type: 'string',
      description: 'A command name for details, e.g. who-is',
      autocomplete: 'commands',
      maxLength: 40,
    },
  },
  examples: ['/help', '/help who-is'],
  run({ args, services, where }) {
    const registry = services.registry;
    if (!args.command) return info('Herald commands', overview(registry, where));
    const name = args.command.replace(/^\//, '').trim().toLowerCase();
    const found = registry.get(name.split(/\s+/)[0] ?? name);
    const command = found && availableIn(found, where) ? found : undefined;
    if (!command) {
      const s = registry.suggest(name);
      return notFound(`There is no command /${name}.`, s ? [`/${s}`] : [], [
        { type: 'text', text: 'Type /help for the list.' },
      ]);
    }
    return info(`/${command.name}`, detail(command));
  },
});
