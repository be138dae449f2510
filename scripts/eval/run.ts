/**
 * `npm run eval`: runs every part of the analysis gauge found in scripts/eval/, one after the
 * other, each in its own process so one part's failure never hides another's table.
 *
 * A part is any `scripts/eval/<name>.ts` other than this file (facts.ts today; ask.ts adds
 * the /ask figures). A part runs on its own too: `node bin/run-ts.mjs scripts/eval/<name>.ts`.
 * `npm run eval -- facts` runs only the named parts; any argument after `--` that is not a
 * part name (a set folder) is passed on to every part.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('./', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const parts = readdirSync(HERE)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -3))
  .sort((a, b) => (a === 'facts' ? -1 : b === 'facts' ? 1 : a.localeCompare(b)));
const args = process.argv.slice(2);
const chosen = args.filter((a) => parts.includes(a));
const passOn = args.filter((a) => !parts.includes(a));
let failed = 0;
for (const part of chosen.length > 0 ? chosen : parts) {
  const run = spawnSync(process.execPath, ['bin/run-ts.mjs', `scripts/eval/${part}.ts`, ...passOn], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    console.error(`eval part "${part}" failed (exit ${run.status ?? run.signal})`);
    failed++;
  }
}
process.exitCode = failed > 0 ? 1 : 0;
