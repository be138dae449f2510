/**
 * The architecture rules, enforced (docs/architecture.md, docs/decisions/011):
 * - the platform-free core (src/core, commands/) imports no platform, scheduler, feed-parser,
 *   database, HTTP or metrics library, and nothing from src/ outside the core;
 * - a platform adapter (src/adapters/discord, slack, shell) imports no other platform's adapter
 *   (the shared text renderer, src/adapters/text, is not a platform);
 * - src/app does not import src/cli (the CLI asks the app for things, never the reverse);
 * - only src/config and src/main.ts read process.env.
 * Run by `npm run lint` and by tests/architecture. Uses the TypeScript parser so comments and
 * strings never count as imports.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

export const FORBIDDEN_IN_CORE = [
  'discord.js',
  '@discordjs/',
  'discord-api-types',
  '@slack/',
  'node-cron',
  'rss-parser',
  'better-sqlite3',
  'pg',
  'pg-boss',
  'ws',
  'pino',
  'pino-pretty',
  'undici',
  'express',
  'hono',
  '@hono/',
  'prom-client',
  'playwright-core',
  'node:http',
  'node:https',
  'node:net',
  'node:dns',
  'node:child_process',
];

/** The platform adapters that must not know each other. */
export const PLATFORM_ADAPTERS = ['discord', 'slack', 'shell'] as const;

export type Rule = 'core-imports' | 'adapter-imports-adapter' | 'app-imports-cli' | 'reads-env';

export interface Violation {
  readonly file: string;
  readonly line: number;
  readonly rule: Rule;
  readonly message: string;
}

/**
 * Known violations waiting for a refactor, each with the reason it is still here. An entry that
 * no longer matches a violation is itself reported, so the list only shrinks.
 */
export interface Allowance {
  readonly file: string;
  readonly rule: Rule;
  readonly todo: string;
}

export const ALLOWED: readonly Allowance[] = [];

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(walk(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

function importsOf(source: ts.SourceFile): { spec: string; line: number }[] {
  const found: { spec: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    let spec: string | undefined;
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      spec = node.moduleSpecifier.text;
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    )
      spec = node.arguments[0].text;
    if (spec) found.push({ spec, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** `process.env`, `process['env']` and `const { env } = process`. */
function envReads(source: ts.SourceFile): number[] {
  const lines: number[] = [];
  const isProcess = (n: ts.Node) => ts.isIdentifier(n) && n.text === 'process';
  const visit = (node: ts.Node): void => {
    const hit =
      (ts.isPropertyAccessExpression(node) && node.name.text === 'env' && isProcess(node.expression)) ||
      (ts.isElementAccessExpression(node) &&
        isProcess(node.expression) &&
        ts.isStringLiteral(node.argumentExpression) &&
        node.argumentExpression.text === 'env') ||
      (ts.isVariableDeclaration(node) &&
        node.initializer !== undefined &&
        isProcess(node.initializer) &&
        ts.isObjectBindingPattern(node.name) &&
        node.name.elements.some((e) => (e.propertyName ?? e.name).getText(source) === 'env'));
    if (hit) lines.push(source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lines;
}

const isForbidden = (spec: string): boolean =>
  FORBIDDEN_IN_CORE.some((f) => (f.endsWith('/') ? spec.startsWith(f) : spec === f || spec.startsWith(`${f}/`)));

/** The repository-relative path a relative import points at, or null for a package import. */
function targetOf(root: string, file: string, spec: string): string | null {
  if (!/^\.\.?\//.test(spec)) return null;
  return relative(root, join(dirname(file), spec)).replace(/\\/g, '/');
}

const adapterOf = (path: string): string | undefined =>
  PLATFORM_ADAPTERS.find((a) => path.startsWith(`src/adapters/${a}/`));

/** Every rule broken in the tree at `root`, before allowances. */
function findViolations(root: string): Violation[] {
  const violations: Violation[] = [];
  const files = [...walk(join(root, 'src')), ...walk(join(root, 'commands'))];
  for (const file of files) {
    const rel = relative(root, file).replace(/\\/g, '/');
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const inCore = rel.startsWith('src/core/') || rel.startsWith('commands/');
    const adapter = adapterOf(rel);
    for (const { spec, line } of importsOf(source)) {
      const target = targetOf(root, file, spec);
      const add = (rule: Rule, message: string) => violations.push({ file: rel, line, rule, message });
      if (inCore && isForbidden(spec))
        add(
          'core-imports',
          `core module imports "${spec}"; move platform code to src/adapters, src/store, src/feeds or src/scheduler`,
        );
      if (inCore && target?.startsWith('src/') && !target.startsWith('src/core/'))
        add('core-imports', `core module imports "${spec}" from outside the core (${target})`);
      const other = target ? (adapterOf(`${target}/`) ?? adapterOf(target)) : undefined;
      if (adapter && other && other !== adapter)
        add(
          'adapter-imports-adapter',
          `the ${adapter} adapter imports the ${other} adapter ("${spec}"); move what both need to src/core or src/adapters/text`,
        );
      if (rel.startsWith('src/app/') && (target === 'src/cli' || target?.startsWith('src/cli/')))
        add('app-imports-cli', `src/app imports the CLI ("${spec}"); the CLI calls the app, not the reverse`);
    }
    if (!rel.startsWith('src/config/') && rel !== 'src/main.ts')
      for (const line of envReads(source))
        violations.push({
          file: rel,
          line,
          rule: 'reads-env',
          message: 'reads process.env; take the value from the parsed Config instead',
        });
  }
  return violations;
}

/** Violations not covered by an allowance, plus allowances that no longer match anything. */
export function checkBoundaries(root: string, allowed: readonly Allowance[] = ALLOWED): Violation[] {
  const found = findViolations(root);
  const covered = (v: Violation) => allowed.some((a) => a.file === v.file && a.rule === v.rule);
  const stale = allowed
    .filter((a) => !found.some((v) => v.file === a.file && v.rule === a.rule))
    .map((a): Violation => ({
      file: a.file,
      line: 0,
      rule: a.rule,
      message: `allow-list entry no longer needed (${a.rule}): remove it from ALLOWED in scripts/check-boundaries.ts`,
    }));
  return [...found.filter((v) => !covered(v)), ...stale];
}

const invokedDirectly =
  process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop() ?? '');
if (invokedDirectly) {
  const violations = checkBoundaries(process.cwd());
  for (const v of violations) console.error(`${v.file}:${v.line}: [${v.rule}] ${v.message}`);
  if (violations.length > 0) process.exitCode = 1;
  else console.log(`boundaries ok${ALLOWED.length ? ` (${ALLOWED.length} allowed, see ALLOWED)` : ''}`);
}
