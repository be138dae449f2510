/**
 * The architecture rule, enforced: the platform-free core (src/core, commands/) imports
 * no platform, scheduler, feed-parser or database library, and nothing outside
 * src/config and src/main.ts reads process.env. Run by `npm run lint` and by a test.
 * Uses the TypeScript parser so comments and strings never count as imports.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
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
  'ws',
  'pino',
  'undici',
  'node:http',
  'node:https',
  'node:net',
  'node:dns',
];

export interface Violation {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

function walk(dir: string): string[] {
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

function envReads(source: ts.SourceFile): number[] {
  const lines: number[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isPropertyAccessExpression(node) &&
      node.name.text === 'env' &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'process'
    ) {
      lines.push(source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lines;
}

const isForbidden = (spec: string): boolean =>
  FORBIDDEN_IN_CORE.some((f) => (f.endsWith('/') ? spec.startsWith(f) : spec === f || spec.startsWith(`${f}/`)));

export function checkBoundaries(root: string): Violation[] {
  const violations: Violation[] = [];
  const coreFiles = [...walk(join(root, 'src/core')), ...walk(join(root, 'commands'))];
  for (const file of coreFiles) {
    const rel = relative(root, file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const { spec, line } of importsOf(source)) {
      if (isForbidden(spec))
        violations.push({
          file: rel,
          line,
          message: `core module imports "${spec}"; move platform code to src/adapters, src/store, src/feeds or src/scheduler`,
        });
      if (/^\.\.?\//.test(spec)) {
        const target = relative(root, join(dirname(file), spec)).replace(/\\/g, '/');
        if (target.startsWith('src/') && !target.startsWith('src/core/')) {
          violations.push({
            file: rel,
            line,
            message: `core module imports "${spec}" from outside the core (${target})`,
          });
        }
      }
    }
  }
  for (const file of [...walk(join(root, 'src')), ...walk(join(root, 'commands'))]) {
    const rel = relative(root, file).replace(/\\/g, '/');
    if (rel.startsWith('src/config/') || rel === 'src/main.ts' || rel.startsWith('src/cli/')) continue;
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const line of envReads(source))
      violations.push({ file: rel, line, message: 'reads process.env; take the value from the parsed Config instead' });
  }
  return violations;
}

const invokedDirectly =
  process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop() ?? '');
if (invokedDirectly) {
  const violations = checkBoundaries(process.cwd());
  for (const v of violations) console.error(`${v.file}:${v.line}: ${v.message}`);
  if (violations.length > 0) process.exitCode = 1;
  else console.log('boundaries ok');
}
