/**
 * The validated set of commands. Built once at start-up from the explicit index in
 * `commands/index.ts` plus list commands from config; any invalid or duplicate
 * declaration stops the start with every problem listed (no silent skipping).
 */
import { err, failure, ok, type Result } from '../result.js';
import { closest } from '../text/closest.js';
import { CAPABILITIES, type Capability, type Need } from './context.js';
import { effectiveOptions, needsOf, type CommandDefinition, type OptionSpecs, type Subcommand } from './define.js';

export interface CommandRegistry {
  readonly commands: readonly CommandDefinition[];
  /** The capabilities the app provides; every command's needs are among them. */
  readonly provides: readonly Capability[];
  get(name: string): CommandDefinition | undefined;
  /** The closest known command name, for "unknown command" messages. */
  suggest(name: string): string | null;
}

const NAME = /^[a-z0-9][a-z0-9-]{0,31}$/;

function checkOptions(where: string, options: OptionSpecs, problems: string[]): void {
  const names = Object.keys(options);
  if (names.length > 25) problems.push(`${where}: at most 25 options (has ${names.length})`);
  let seenOptional = false;
  for (const [name, spec] of Object.entries(options)) {
    if (!NAME.test(name)) problems.push(`${where}: option "${name}" must be 1-32 lower-case letters, digits or dashes`);
    if (!spec.description || spec.description.length > 100)
      problems.push(`${where}: option "${name}" needs a description of 1-100 characters`);
    // Discord rejects a required option after an optional one; declaring them in that order keeps text parsing positional too.
    if (spec.required && seenOptional)
      problems.push(`${where}: required option "${name}" must come before optional ones`);
    if (!spec.required) seenOptional = true;
    if (spec.type === 'string' && spec.choices && spec.choices.length > 25)
      problems.push(`${where}: option "${name}" has more than 25 choices`);
    if (spec.type === 'string' && spec.choices && spec.autocomplete)
      problems.push(`${where}: option "${name}" cannot have both choices and autocomplete`);
  }
}

function checkNeeds(where: string, needs: readonly Need[], provides: readonly Capability[], problems: string[]): void {
  for (const need of needs) {
    if (need === 'article') continue; // the library is always there
    if (!CAPABILITIES.includes(need)) problems.push(`${where}: needs "${need}", which is not a capability`);
    else if (!provides.includes(need))
      problems.push(
        `${where}: needs "${need}", which this app does not provide (it provides: ${provides.join(', ') || 'nothing'})`,
      );
  }
}

export interface RegistryOptions {
  /**
   * What the app will give commands (default: every capability). A command needing anything else
   * is refused here, at start-up, instead of failing when someone first runs it.
   */
  readonly provides?: readonly Capability[];
}

/** Validates the declarations; returns a registry or a Failure listing every problem. */
export function createRegistry(
  definitions: readonly CommandDefinition[],
  options: RegistryOptions = {},
): Result<CommandRegistry> {
  const provides = options.provides ?? CAPABILITIES;
  const problems: string[] = [];
  const byName = new Map<string, CommandDefinition>();
  for (const def of definitions) {
    const label = `/${def.name}`;
    if (!NAME.test(def.name)) problems.push(`${label}: name must be 1-32 lower-case letters, digits or dashes`);
    if (byName.has(def.name)) problems.push(`${label}: declared twice`);
    if (!def.description || def.description.length > 100)
      problems.push(`${label}: description must be 1-100 characters`);
    if (def.kind === 'leaf') {
      if (typeof def.run !== 'function') problems.push(`${label}: has no run()`);
      checkOptions(label, effectiveOptions(def), problems);
      checkNeeds(label, needsOf(def), provides, problems);
    } else {
      const subs = Object.entries(def.subcommands) as [string, Subcommand][];
      if (subs.length === 0) problems.push(`${label}: a command group needs at least one subcommand`);
      if (subs.length > 25) problems.push(`${label}: at most 25 subcommands`);
      for (const [subName, sub] of subs) {
        if (!NAME.test(subName))
          problems.push(`${label} ${subName}: subcommand name must be lower-case letters, digits or dashes`);
        if (!sub.description || sub.description.length > 100)
          problems.push(`${label} ${subName}: description must be 1-100 characters`);
        if (typeof sub.run !== 'function') problems.push(`${label} ${subName}: has no run()`);
        checkOptions(`${label} ${subName}`, effectiveOptions(def, sub), problems);
        checkNeeds(`${label} ${subName}`, needsOf(def, sub), provides, problems);
      }
    }
    byName.set(def.name, def);
  }
  if (problems.length > 0) {
    return err(
      failure('bad_input', `Invalid command declarations:\n- ${problems.join('\n- ')}`, { details: { problems } }),
    );
  }
  const commands = [...byName.values()];
  return ok({
    commands,
    provides,
    get: (name) => byName.get(name.toLowerCase().replace(/^\//, '')),
    suggest: (name) => closest(name.replace(/^\//, ''), [...byName.keys()], { limit: 1, maxDistance: 4 })[0] ?? null,
  });
}
