/**
 * Turns raw option values (strings from text adapters, typed values from Discord) into
 * the typed arguments a command declared, listing every problem at once.
 */
import { err, failure, ok, type Result } from '../result.js';
import type { OptionSpecs } from './define.js';

const TRUE = new Set(['true', 'yes', 'y', '1', 'on']);
const FALSE = new Set(['false', 'no', 'n', '0', 'off']);

/** "A name as …" → "a name as …", so a description reads inside a sentence; acronyms stay. */
function lowerFirst(text: string): string {
  return /^[A-Z](?![A-Z])/u.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

export function coerceArgs(
  options: OptionSpecs,
  raw: Readonly<Record<string, unknown>>,
  usageLine: string,
): Result<Record<string, unknown>> {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(raw)) {
    if (!(key in options)) {
      const known = Object.keys(options);
      problems.push(
        known.length
          ? `unknown option "${key}" (expected: ${known.join(', ')})`
          : `unknown option "${key}" (this command takes no options)`,
      );
    }
  }
  for (const [name, spec] of Object.entries(options)) {
    const value = raw[name];
    if (value === undefined || value === null || value === '') {
      if (spec.required) problems.push(`missing <${name}> (${lowerFirst(spec.description)})`);
      continue;
    }
    if (spec.type === 'string') {
      const typed = String(value).trim();
      // Choices are words users type in any case ("Channel", "ADD"); the declared spelling wins.
      const text = spec.choices?.find((c) => c.toLowerCase() === typed.toLowerCase()) ?? typed;
      if (spec.choices && !spec.choices.includes(text))
        problems.push(`${name} must be one of ${spec.choices.join(', ')} (got "${text}")`);
      else if (spec.minLength !== undefined && text.length < spec.minLength)
        problems.push(`${name} must be at least ${spec.minLength} characters`);
      else if (spec.maxLength !== undefined && text.length > spec.maxLength)
        problems.push(`${name} must be at most ${spec.maxLength} characters`);
      else out[name] = text;
    } else if (spec.type === 'integer') {
      const n = typeof value === 'number' ? value : Number(String(value).trim());
      if (!Number.isInteger(n)) problems.push(`${name} must be a whole number (got "${String(value)}")`);
      else if (spec.min !== undefined && n < spec.min) problems.push(`${name} must be at least ${spec.min}`);
      else if (spec.max !== undefined && n > spec.max) problems.push(`${name} must be at most ${spec.max}`);
      else out[name] = n;
    } else {
      const text = String(value).trim().toLowerCase();
      if (typeof value === 'boolean') out[name] = value;
      else if (TRUE.has(text)) out[name] = true;
      else if (FALSE.has(text)) out[name] = false;
      else problems.push(`${name} must be true or false (got "${String(value)}")`);
    }
  }
  if (problems.length > 0) {
    const message = problems.join('; ');
    return err(
      failure('bad_input', `${message[0]!.toUpperCase()}${message.slice(1)}.`, {
        hint: `Usage: ${usageLine}`,
        details: { problems },
      }),
    );
  }
  return ok(out);
}
