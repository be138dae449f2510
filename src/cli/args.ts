/**
 * A small argv parser for the CLI: flags declared per subcommand, so an unknown flag or
 * a flag without its value is one clear error instead of being ignored.
 */
import { err, failure, ok, type Result } from '../core/result.js';

export interface FlagSpec {
  /** Takes a value (`--article FILE`) or is a switch (`--json`). */
  readonly value: boolean;
  /** Allowed values, when the flag is an enumeration. */
  readonly choices?: readonly string[];
}

export interface ParsedArgs {
  readonly positional: readonly string[];
  readonly flags: Readonly<Record<string, string | true>>;
}

export function parseArgv(
  argv: readonly string[],
  specs: Readonly<Record<string, FlagSpec>>,
  usage: string,
): Result<ParsedArgs> {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    const m = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(word);
    if (!m) {
      positional.push(word);
      continue;
    }
    const name = m[1]!;
    const spec = specs[name];
    if (!spec) {
      const known = Object.keys(specs).map((k) => `--${k}`);
      return err(
        failure('bad_input', `Unknown option --${name}${known.length ? ` (expected ${known.join(', ')})` : ''}.`, {
          hint: `Usage: ${usage}`,
        }),
      );
    }
    if (!spec.value) {
      flags[name] = true;
      continue;
    }
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === '')
      return err(failure('bad_input', `Option --${name} needs a value.`, { hint: `Usage: ${usage}` }));
    if (spec.choices && !spec.choices.includes(value)) {
      return err(
        failure('bad_input', `Option --${name} must be one of ${spec.choices.join(', ')} (got "${value}").`, {
          hint: `Usage: ${usage}`,
        }),
      );
    }
    flags[name] = value;
  }
  return ok({ positional, flags });
}
