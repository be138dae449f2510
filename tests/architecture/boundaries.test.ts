import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBoundaries } from '../../scripts/check-boundaries.js';

/** A throw-away tree with the given files; returns its root. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'herald-arch-'));
  roots.push(root);
  mkdirSync(join(root, 'src'), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

const found = (root: string, allowed: Parameters<typeof checkBoundaries>[1] = []) =>
  checkBoundaries(root, allowed).map((v) => `${v.file}:${v.line} ${v.rule}`);

describe('architecture boundaries', () => {
  it('the repository follows every rule (allow-listed exceptions aside)', () => {
    const violations = checkBoundaries(resolve(import.meta.dirname, '../..'));
    expect(violations).toEqual([]);
  });

  it('flags a core file that imports discord.js, and a process.env read outside config', () => {
    const root = tree({
      'src/core/bad.ts':
        "import { Client } from 'discord.js';\n// import 'rss-parser' in a comment does not count\nexport const x = Client;\n",
      'commands/also-bad.ts':
        "export const token = process.env.DISCORD_TOKEN;\nconst cron = await import('node-cron');\n",
    });
    expect(found(root).sort()).toEqual(
      [
        'commands/also-bad.ts:1 reads-env',
        'commands/also-bad.ts:2 core-imports',
        'src/core/bad.ts:1 core-imports',
      ].sort(),
    );
  });

  it('flags core imports of infrastructure libraries and of src/ outside the core', () => {
    const root = tree({
      'src/core/a.ts':
        "import { Hono } from 'hono';\nimport client from 'prom-client';\nimport PgBoss from 'pg-boss';\n",
      'src/core/b.ts': "import { x } from '../adapters/discord/render-embeds.js';\nimport { y } from './c.js';\n",
      'src/core/c.ts': "import { z } from 'zod';\nexport const y = z;\n",
    });
    expect(found(root).sort()).toEqual(
      [
        'src/core/a.ts:1 core-imports',
        'src/core/a.ts:2 core-imports',
        'src/core/a.ts:3 core-imports',
        'src/core/b.ts:1 core-imports',
      ].sort(),
    );
  });

  it('flags one platform adapter importing another, but not the shared text renderer', () => {
    const root = tree({
      'src/adapters/slack/a.ts': "import { renderReply } from '../discord/render-embeds.js';\n",
      'src/adapters/shell/b.ts':
        "import { renderText } from '../text/render-text.js';\nexport * from '../slack/escape.js';\n",
      'src/adapters/discord/c.ts': "import { x } from './split.js';\n",
    });
    expect(found(root).sort()).toEqual([
      'src/adapters/shell/b.ts:2 adapter-imports-adapter',
      'src/adapters/slack/a.ts:1 adapter-imports-adapter',
    ]);
  });

  it('flags src/app importing src/cli, not the reverse', () => {
    const root = tree({
      'src/app/a.ts': "import { USAGE } from '../cli/main.js';\n",
      'src/cli/main.ts': "import { poll } from '../app/poller.js';\n",
    });
    expect(found(root)).toEqual(['src/app/a.ts:1 app-imports-cli']);
  });

  it('finds every way of reading process.env, and allows src/config and src/main.ts', () => {
    const root = tree({
      'src/config/load.ts': 'export const e = process.env;\n',
      'src/main.ts': 'export const e = process.env;\n',
      'src/app/a.ts': "const { env } = process;\nexport const b = process['env'];\nexport const c = env;\n",
    });
    expect(found(root)).toEqual(['src/app/a.ts:1 reads-env', 'src/app/a.ts:2 reads-env']);
  });

  it('an allowance covers its violation, and a stale allowance is itself reported', () => {
    const root = tree({ 'src/cli/main.ts': 'export const env = process.env;\n' });
    const allowance = { file: 'src/cli/main.ts', rule: 'reads-env' as const, todo: 'TODO: pass env in' };
    expect(found(root, [allowance])).toEqual([]);
    const stale = { file: 'src/cli/gone.ts', rule: 'reads-env' as const, todo: 'TODO: fixed long ago' };
    expect(found(root, [allowance, stale])).toEqual(['src/cli/gone.ts:0 reads-env']);
  });
});
