/**
 * `npm run docs`: writes the reference pages that are derived from declarations, so they cannot
 * drift from the code: docs/commands.md (command registry), docs/configuration.md and
 * .env.example (config schema). `--check` writes nothing and exits 1 when a file is stale;
 * tests/docs/generated-docs.test.ts does the same check in the test suite.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { builtinCommands } from '../commands/index.js';
import { makeListCommand } from '../commands/list-command.js';
import { fileSchema } from '../src/config/schema.js';
import { USAGE } from '../src/cli/main.js';
import { commandsMarkdown } from './docs/commands-md.js';
import { configurationMarkdown, envExample } from './docs/configuration-md.js';

/** Every generated file: path relative to the repository root → its exact content. */
export async function generateDocs(root: string): Promise<Record<string, string>> {
  // The repository's own list commands are documented too: they are part of what `npm start` offers.
  const file = fileSchema.parse(JSON.parse(await readFile(join(root, 'config/herald.json'), 'utf8')));
  return {
    'docs/commands.md': commandsMarkdown(builtinCommands, file.listCommands.map(makeListCommand), USAGE),
    'docs/configuration.md': configurationMarkdown(),
    '.env.example': envExample(),
  };
}

/** The generated files whose content on disk differs from what the declarations produce now. */
export async function staleDocs(root: string): Promise<string[]> {
  const stale: string[] = [];
  for (const [path, content] of Object.entries(await generateDocs(root))) {
    const onDisk = await readFile(join(root, path), 'utf8').catch(() => null);
    if (onDisk !== content) stale.push(path);
  }
  return stale;
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]).endsWith(join('scripts', 'gen-docs.ts'));
if (invokedDirectly) {
  const root = process.cwd();
  if (process.argv.includes('--check')) {
    const stale = await staleDocs(root);
    for (const path of stale) console.error(`${path} is stale: run npm run docs`);
    process.exitCode = stale.length > 0 ? 1 : 0;
  } else {
    for (const [path, content] of Object.entries(await generateDocs(root))) {
      await writeFile(join(root, path), content);
      console.log(`wrote ${path}`);
    }
  }
}
