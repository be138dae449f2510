import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBoundaries } from '../../scripts/check-boundaries.js';

describe('architecture boundaries', () => {
  it('the core and commands import no platform, cron, feed or SQL library, and only config reads process.env', () => {
    const violations = checkBoundaries(resolve(import.meta.dirname, '../..'));
    expect(violations).toEqual([]);
  });

  const dir = mkdtempSync(join(tmpdir(), 'herald-arch-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('flags a core file that imports discord.js, and a process.env read outside config', () => {
    mkdirSync(join(dir, 'src/core'), { recursive: true });
    mkdirSync(join(dir, 'commands'), { recursive: true });
    writeFileSync(
      join(dir, 'src/core/bad.ts'),
      "import { Client } from 'discord.js';\n// import 'rss-parser' in a comment does not count\nexport const x = Client;\n",
    );
    writeFileSync(
      join(dir, 'commands/also-bad.ts'),
      "export const token = process.env.DISCORD_TOKEN;\nconst cron = await import('node-cron');\n",
    );
    const violations = checkBoundaries(dir);
    expect(violations.map((v) => `${v.file}:${v.line}`)).toEqual([
      'src/core/bad.ts:1',
      'commands/also-bad.ts:2',
      'commands/also-bad.ts:1',
    ]);
  });
});
