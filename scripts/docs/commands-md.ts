/**
 * docs/commands.md, written from the same declarations that build /help, the Discord
 * registration and the Slack manifest, so the reference cannot drift from what Herald accepts.
 */
import {
  ACCESS_ORDER,
  effectiveOptions,
  type AccessLevel,
  usesArticle,
  type CommandDefinition,
  type OptionSpec,
  type Subcommand,
} from '../../src/core/commands/define.js';
import { usage } from '../../src/core/commands/usage.js';
import { CATEGORY_TITLES } from '../../commands/help.js';
import { cell, GENERATED_NOTE, table } from './markdown.js';

/** What an option accepts, in words: type, choices, bounds, where suggestions come from. */
function accepts(spec: OptionSpec): string {
  const parts: string[] = [];
  if (spec.type === 'string') {
    if (spec.choices) parts.push(`one of ${spec.choices.map((c) => `\`${c}\``).join(', ')}`);
    else parts.push('text');
    if (spec.minLength !== undefined && spec.maxLength !== undefined)
      parts.push(`${spec.minLength}–${spec.maxLength} characters`);
    else if (spec.maxLength !== undefined) parts.push(`at most ${spec.maxLength} characters`);
    else if (spec.minLength !== undefined) parts.push(`at least ${spec.minLength} characters`);
    if (spec.words) parts.push(`${spec.words} words when given in order`);
    if (spec.rest) parts.push('takes the rest of the line');
    if (spec.autocomplete) parts.push(`suggests ${spec.autocomplete}`);
  } else if (spec.type === 'integer') {
    parts.push('whole number');
    if (spec.min !== undefined && spec.max !== undefined) parts.push(`${spec.min}–${spec.max}`);
    else if (spec.min !== undefined) parts.push(`≥ ${spec.min}`);
    else if (spec.max !== undefined) parts.push(`≤ ${spec.max}`);
  } else parts.push('true or false');
  return parts.join(', ');
}

/** The capabilities a command declares it needs, when its declaration says (`needs: [...]`). */
function needsOf(declaration: object): readonly string[] {
  const needs = (declaration as { needs?: unknown }).needs;
  return Array.isArray(needs) ? needs.map(String) : [];
}

function leafSection(command: CommandDefinition, access: AccessLevel, sub: Subcommand, subName?: string): string[] {
  const out: string[] = [];
  if (subName) out.push(`### /${command.name} ${subName}`, '', sub.description, '');
  out.push('```', usage(command, subName), '```', '');
  const facts = [`**Access:** ${access}`];
  if (sub.slow) facts.push('**Slow:** may take a few seconds; chat platforms show "thinking…" first');
  const needs = [...new Set([...needsOf(command), ...needsOf(sub)])];
  if (needs.length) facts.push(`**Needs:** ${needs.join(', ')}`);
  out.push(facts.join(' · '), '');
  const options = Object.entries(effectiveOptions(command, command.kind === 'group' ? sub : undefined));
  if (options.length > 0) {
    out.push(
      ...table(
        ['option', 'required', 'accepts', 'description'],
        options.map(([name, spec]) => [
          `\`${name}\``,
          spec.required ? 'yes' : 'no',
          cell(accepts(spec)),
          cell(spec.description),
        ]),
      ),
      '',
    );
  }
  if (sub.examples?.length) out.push('Examples:', '', ...sub.examples.map((e) => `- \`${e}\``), '');
  return out;
}

function commandSection(command: CommandDefinition): string[] {
  const out = [`## /${command.name}`, '', command.description, ''];
  if (usesArticle(command))
    out.push(
      "Answers from the channel's current article; `article` picks another one by id, link or title words.",
      '',
    );
  if (command.workspaces) out.push(`Only in: ${command.workspaces.map((w) => `\`${w}\``).join(', ')}.`, '');
  if (command.kind === 'leaf') return [...out, ...leafSection(command, command.access, command)];
  for (const [name, sub] of Object.entries(command.subcommands))
    out.push(...leafSection(command, sub.access ?? command.access, sub, name));
  return out;
}

/** Renders the whole page. `configured` are list commands from config/herald.json, shown apart. */
export function commandsMarkdown(
  builtins: readonly CommandDefinition[],
  configured: readonly CommandDefinition[],
  cliUsage: string,
): string {
  const out = [
    '# Commands',
    '',
    GENERATED_NOTE('the command declarations in `commands/` (listed in `commands/index.ts`)'),
    '',
    'Every command works the same on Discord, Slack and the shell. Options can be given in order',
    '(`/who-is niklas hedman`), as `name:value` or as `--name value`. Access levels are explained in',
    '[admin-guide.md](admin-guide.md#who-may-do-what).',
    '',
  ];
  const rows: string[][] = [];
  const sections: string[] = [];
  for (const [category, title] of Object.entries(CATEGORY_TITLES)) {
    const inCategory = builtins.filter((c) => c.category === category);
    for (const c of inCategory) {
      const leaves = c.kind === 'leaf' ? [c.access] : Object.values(c.subcommands).map((s) => s.access ?? c.access);
      const levels = ACCESS_ORDER.filter((level) => leaves.includes(level)).join(', ');
      rows.push([title, `[/${c.name}](#${c.name})`, cell(c.description), levels]);
      sections.push(...commandSection(c));
    }
  }
  out.push(...table(['group', 'command', 'what it does', 'access'], rows), '', ...sections);
  out.push(
    '## List commands from config/herald.json',
    '',
    'Each entry of `listCommands` in `config/herald.json` becomes a member command answering with the',
    'article list that best matches its topic (see [configuration.md](configuration.md#configheraldjson)).',
    'This repository configures:',
    '',
  );
  if (configured.length === 0) out.push('None.', '');
  for (const c of configured) out.push(`### /${c.name}`, '', c.description, '', ...leafSection(c, c.access, c as Subcommand));
  out.push('## Command line', '', 'The `herald` program (`npx herald …`); the same text as `herald help`.', '');
  out.push('```', cliUsage.trimEnd(), '```', '');
  return out.join('\n');
}
