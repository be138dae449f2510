/**
 * The reference pages are generated from declarations (scripts/gen-docs.ts). These tests
 * regenerate them in memory and compare with the committed files, so a changed command or
 * setting without `npm run docs` fails here with the fix in the message.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinCommands } from '../../commands/index.js';
import { effectiveOptions } from '../../src/core/commands/define.js';
import { envSchema } from '../../src/config/schema.js';
import { generateDocs, staleDocs } from '../../scripts/gen-docs.js';

const root = resolve(import.meta.dirname, '../..');

describe('generated docs', () => {
  it('docs/commands.md, docs/configuration.md and .env.example match the declarations', async () => {
    const generated = await generateDocs(root);
    expect(Object.keys(generated).sort()).toEqual(['.env.example', 'docs/commands.md', 'docs/configuration.md']);
    for (const [path, content] of Object.entries(generated)) {
      const onDisk = readFileSync(join(root, path), 'utf8');
      expect(onDisk === content, `${path} is stale: run npm run docs and commit the result`).toBe(true);
    }
  });

  it('is deterministic: two runs give the same bytes', async () => {
    expect(await generateDocs(root)).toEqual(await generateDocs(root));
  });

  it('documents every command, subcommand and option, and every environment variable', async () => {
    const generated = await generateDocs(root);
    const commands = generated['docs/commands.md']!;
    for (const c of builtinCommands) {
      expect(commands).toContain(`## /${c.name}\n`);
      const leaves = c.kind === 'leaf' ? [[undefined, c] as const] : Object.entries(c.subcommands);
      for (const [sub, spec] of leaves) {
        if (sub) expect(commands).toContain(`### /${c.name} ${sub}\n`);
        for (const option of Object.keys(effectiveOptions(c, sub ? spec : undefined)))
          expect(commands).toContain(`| \`${option}\` |`);
      }
    }
    for (const name of Object.keys(envSchema.shape)) {
      expect(generated['docs/configuration.md']).toContain(`| \`${name}\` |`);
      expect(generated['.env.example']).toMatch(new RegExp(`^(# )?${name}=`, 'm'));
    }
  });

  const dir = mkdtempSync(join(tmpdir(), 'herald-docs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports each stale or missing file', async () => {
    mkdirSync(join(dir, 'config'), { recursive: true });
    mkdirSync(join(dir, 'docs'), { recursive: true });
    writeFileSync(join(dir, 'config/herald.json'), readFileSync(join(root, 'config/herald.json')));
    const fresh = await generateDocs(dir);
    writeFileSync(join(dir, 'docs/commands.md'), fresh['docs/commands.md']!);
    writeFileSync(join(dir, 'docs/configuration.md'), fresh['docs/configuration.md']!.replace('`15`', '`30`'));
    // .env.example is missing altogether.
    expect(await staleDocs(dir)).toEqual(['docs/configuration.md', '.env.example']);
  });
});
