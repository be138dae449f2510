/**
 * Parses a command typed as one line of text (shell, Slack slash commands, the
 * `/herald <command>` umbrella) into command, subcommand and raw option values.
 *
 * Accepted forms: positional values in declaration order, `key:value`, `key=value`,
 * `--key value`, quoted values ("...", '...', “...”). The last positional string option
 * takes the rest of the line, so `/who-is niklas hedman` and `/ask what is it?` work.
 */
import { err, failure, ok, type Result } from '../result.js';
import { effectiveOptions, type CommandDefinition, type Subcommand } from './define.js';
import type { CommandRegistry } from './registry.js';
import { usage } from './usage.js';

export interface ParsedCommand {
  readonly command: string;
  readonly subcommand: string | null;
  readonly args: Record<string, string>;
}

interface Word {
  readonly text: string;
  readonly quoted: boolean;
}

const QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '‘': '’' };
// A constant, not a literal in the loop: each evaluation of a literal is a new RegExp object,
// and the loop tests every character of every command line.
const SPACE = /\s/;

/** Splits on whitespace, keeping quoted runs together. */
export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && SPACE.test(text[i]!)) i++;
    if (i >= text.length) break;
    const open = text[i]!;
    const close = QUOTES[open];
    if (close) {
      const end = text.indexOf(close, i + 1);
      if (end > i) {
        words.push({ text: text.slice(i + 1, end), quoted: true });
        i = end + 1;
        continue;
      }
    }
    let j = i;
    // `key:"two words"`: end the word after `key:` so the quoted run that follows stays whole.
    while (
      j < text.length &&
      !SPACE.test(text[j]!) &&
      !((text[j] === ':' || text[j] === '=') && j > i && QUOTES[text[j + 1] ?? ''])
    )
      j++;
    if (j < text.length && !SPACE.test(text[j]!)) j++;
    words.push({ text: text.slice(i, j), quoted: false });
    i = j;
  }
  return words;
}

/** Parses "/name [sub] args..." against the registry. */
export function parseCommandLine(line: string, registry: CommandRegistry): Result<ParsedCommand> {
  const trimmed = line.trim();
  const m = /^\/?([^\s]+)\s*([\s\S]*)$/.exec(trimmed);
  if (!m || !m[1]) return err(failure('bad_input', 'Type a command, for example /help.'));
  const name = m[1].toLowerCase();
  const command = registry.get(name);
  if (!command) {
    const suggestion = registry.suggest(name);
    return err(
      failure('unknown_command', `Unknown command /${name}.`, {
        hint: suggestion
          ? `Did you mean /${suggestion}? Type /help for the list.`
          : 'Type /help for the list of commands.',
        details: { suggestion },
      }),
    );
  }
  return parseArgsText(command, m[2] ?? '');
}

/** Parses the text after the command name (Slack sends exactly this as `text`). */
export function parseArgsText(command: CommandDefinition, text: string): Result<ParsedCommand> {
  let words = splitWords(text);
  let subName: string | null = null;
  let sub: Subcommand | undefined;
  if (command.kind === 'group') {
    const first = words[0];
    const subs = Object.keys(command.subcommands);
    if (!first) {
      return err(
        failure('bad_input', `/${command.name} needs a subcommand: ${subs.join(', ')}.`, {
          hint: `Usage: ${usage(command)}`,
        }),
      );
    }
    subName = first.text.toLowerCase();
    sub = command.subcommands[subName];
    if (!sub) {
      return err(
        failure('bad_input', `/${command.name} has no subcommand "${first.text}". Try one of: ${subs.join(', ')}.`, {
          hint: `Usage: ${usage(command)}`,
        }),
      );
    }
    words = words.slice(1);
  }
  const options = effectiveOptions(command, sub);
  const names = Object.keys(options);
  const args: Record<string, string> = {};
  const positional: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!w.quoted) {
      const kv = /^([a-z][a-z0-9-]*)[:=]([\s\S]*)$/.exec(w.text);
      if (kv && names.includes(kv[1]!)) {
        let value = kv[2] ?? '';
        // `key:"two words"` arrives as `key:` followed by a quoted word.
        if (value === '' && words[i + 1]?.quoted) value = words[++i]!.text;
        args[kv[1]!] = value;
        continue;
      }
      const flag = /^--([a-z][a-z0-9-]*)$/.exec(w.text);
      if (flag && names.includes(flag[1]!)) {
        const spec = options[flag[1]!]!;
        const next = words[i + 1];
        if (spec.type === 'boolean' && (!next || !/^(true|false|yes|no)$/i.test(next.text))) args[flag[1]!] = 'true';
        else if (next) {
          args[flag[1]!] = next.text;
          i++;
        }
        continue;
      }
    }
    positional.push(w);
  }
  const free = names.filter((n) => !(n in args) && n !== 'article');
  for (let k = 0; k < free.length && positional.length > 0; k++) {
    const name = free[k]!;
    const spec = options[name]!;
    const isLastFree =
      k === free.length - 1 || free.slice(k + 1).every((n) => !options[n]!.required && positional.length <= 1);
    if (spec.type === 'string' && spec.words && !positional[0]!.quoted) {
      args[name] = positional
        .splice(0, spec.words)
        .map((w) => w.text)
        .join(' ');
    } else if (spec.type === 'string' && (spec.rest || isLastFree)) {
      args[name] = positional.map((w) => w.text).join(' ');
      positional.length = 0;
    } else {
      args[name] = positional.shift()!.text;
    }
  }
  if (positional.length > 0) {
    const u = usage(command, subName ?? undefined);
    return err(
      failure('bad_input', `Too many values: "${positional.map((w) => w.text).join(' ')}" is not expected here.`, {
        hint: `Usage: ${u}`,
      }),
    );
  }
  return ok({ command: command.name, subcommand: subName, args });
}
