/** Runs the real `bin/herald.mjs` as a child process, the way users and scripts do. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** One throw-away data dir per test process, so tests never touch ./data and runs stay independent. */
export const TEST_DATA_DIR = mkdtempSync(join(tmpdir(), 'herald-cli-data-'));

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function herald(
  args: readonly string[],
  opts: { stdin?: string; env?: Record<string, string>; cwd?: string } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    // No platform tokens from the developer's environment may leak into the test.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !/^(DISCORD|SLACK|LOG_LEVEL|HERALD|DATABASE)_?/.test(k)),
    );
    const child = spawn(process.execPath, [`${ROOT}bin/herald.mjs`, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { ...env, HERALD_DATA_DIR: TEST_DATA_DIR, ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.stdin ?? '');
  });
}
