/**
 * docs/configuration.md and .env.example, written from the zod schema (defaults, types, bounds)
 * and the descriptions kept beside it (src/config/env-docs.ts, `.describe()` on file settings).
 */
import { z } from 'zod';
import { ENV_DOCS, ENV_GROUPS, type EnvDoc } from '../../src/config/env-docs.js';
import { envSchema, fileSchema } from '../../src/config/schema.js';
import { cell, GENERATED_NOTE, table } from './markdown.js';

/** The subset of JSON Schema that zod emits for Herald's settings. */
interface JsonSchema {
  type?: string;
  enum?: readonly unknown[];
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  pattern?: string;
  format?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
}

const jsonSchema = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** What a setting accepts, in words. Integer bounds of ±2^53 are zod's "no bound". */
function accepts(s: JsonSchema): string {
  if (s.enum) return s.enum.map((v) => `\`${String(v)}\``).join(', ');
  const bound = (n: number | undefined) => n !== undefined && Math.abs(n) < Number.MAX_SAFE_INTEGER;
  const range =
    bound(s.minimum) && bound(s.maximum)
      ? ` ${s.minimum}–${s.maximum}`
      : bound(s.minimum)
        ? ` ≥ ${s.minimum}`
        : bound(s.maximum)
          ? ` ≤ ${s.maximum}`
          : '';
  if (s.type === 'integer') return `whole number${range}`;
  if (s.type === 'number') return `number${range}`;
  if (s.type === 'boolean') return '`true` or `false`';
  if (s.type === 'array')
    return s.items?.type === 'object' ? 'list of entries (below)' : `list of ${s.items ? accepts(s.items) : 'values'}`;
  if (s.format === 'uri') return 'URL';
  if (s.pattern) return `text matching \`${s.pattern}\``;
  return 'text';
}

const shownDefault = (s: JsonSchema, doc?: Pick<EnvDoc, 'defaultText'>): string =>
  doc?.defaultText ??
  (s.default === undefined ? 'unset' : `\`${typeof s.default === 'string' ? s.default : JSON.stringify(s.default)}\``);

interface FileSetting {
  readonly path: string;
  readonly schema: JsonSchema;
}

/** Every documented setting of config/herald.json, depth first; a leaf without a description throws. */
function fileSettings(s: JsonSchema, prefix = ''): FileSetting[] {
  const out: FileSetting[] = [];
  for (const [name, child] of Object.entries(s.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    if (child.type === 'object' && child.properties) out.push(...fileSettings(child, path));
    else {
      if (!child.description)
        throw new Error(`config/herald.json ${path} has no description: add .describe() in src/config/schema.ts`);
      out.push({ path, schema: child });
      if (child.type === 'array' && child.items?.properties) out.push(...fileSettings(child.items, `${path}[]`));
    }
  }
  return out;
}

/** The variables of one group, each with its schema and description; a variable without one throws. */
function envVariables(group: string): { name: string; doc: EnvDoc; schema: JsonSchema; description: string }[] {
  const props = jsonSchema(envSchema).properties ?? {};
  return Object.entries(ENV_DOCS)
    .filter(([, doc]) => doc.group === group)
    .map(([name, doc]) => {
      const schema = props[name] ?? {};
      const description = doc.description ?? schema.description;
      if (!description)
        throw new Error(`${name} has no description: add .describe() in src/config/schema.ts or one in env-docs.ts`);
      return { name, doc, schema, description };
    });
}

function envRows(group: string): string[][] {
  return envVariables(group).map(({ name, doc, schema, description }) => [
    `\`${name}\``,
    shownDefault(schema, doc),
    cell(accepts(schema)),
    cell(description),
  ]);
}

export function configurationMarkdown(): string {
  const out = [
    '# Configuration',
    '',
    GENERATED_NOTE('`src/config/schema.ts` and `src/config/env-docs.ts`'),
    '',
    'Herald reads its configuration once at start-up from environment variables and',
    '`config/herald.json`, through one zod schema (`src/config/schema.ts`). A bad value stops the start',
    'with every problem listed at once. Nothing is required: with no variable set, `npm start` opens the',
    'shell on the bundled sample article.',
    '',
    'Herald also reads a `.env` file in the working directory (copy [`.env.example`](../.env.example));',
    'variables already set in the process environment win over the file, and empty values count as unset.',
    '',
    'Rules across variables: `SLACK_BOT_TOKEN` needs `SLACK_SIGNING_SECRET` or `SLACK_APP_TOKEN` (and they',
    'need it); `DISCORD_PUBLIC_KEY` needs `DISCORD_APPLICATION_ID`. Setting `DISCORD_TOKEN` or',
    '`DISCORD_PUBLIC_KEY` turns Discord on; setting `SLACK_BOT_TOKEN` turns Slack on.',
    '',
    '## Environment variables',
    '',
  ];
  for (const group of ENV_GROUPS) {
    const rows = envRows(group);
    if (rows.length === 0) continue;
    out.push(`### ${group}`, '', ...table(['variable', 'default', 'accepts', 'meaning'], rows), '');
  }
  out.push(
    '## config/herald.json',
    '',
    'Settings that are not secrets and belong in version control. Every key is optional; unknown keys',
    'are refused.',
    '',
    ...table(
      ['key', 'default', 'accepts', 'meaning'],
      fileSettings(jsonSchema(fileSchema)).map(({ path, schema }) => [
        `\`${path}\``,
        shownDefault(schema),
        cell(accepts(schema)),
        cell(schema.description ?? ''),
      ]),
    ),
    '',
    'A `listCommands[]` entry needs `name`, `description` and `topic`. After changing list commands, run',
    '`npx herald register discord` again so Discord shows them.',
    '',
  );
  return out.join('\n');
}

/** Wraps a comment to about 100 columns, every line starting with `# `. */
function comment(text: string): string[] {
  const lines: string[] = [];
  let line = '#';
  for (const word of text.replace(/`/g, '').split(/\s+/)) {
    if (line.length + word.length + 1 > 100 && line !== '#') {
      lines.push(line);
      line = '#';
    }
    line += ` ${word}`;
  }
  return [...lines, line];
}

export function envExample(): string {
  const out = [
    '# Generated by `npm run docs` from src/config/schema.ts and src/config/env-docs.ts; see docs/configuration.md.',
    '# Herald runs with none of these set: `npm start` opens the shell on the bundled sample article.',
    '# Copy to .env and fill in what you use. Empty values count as unset.',
  ];
  for (const group of ENV_GROUPS) {
    const variables = envVariables(group);
    if (variables.length === 0) continue;
    out.push('', `# --- ${group} ---`);
    for (const { name, doc, schema, description } of variables) {
      out.push(...comment(description));
      const def = schema.default === undefined ? '' : String(schema.default);
      out.push(doc.fillIn ? `${name}=` : `# ${name}=${def}`);
    }
  }
  return `${out.join('\n')}\n`;
}
