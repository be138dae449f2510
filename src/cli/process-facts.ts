/** What the CLI asks of its own process: its version, and when a stop signal arrives. */
import { readFile } from 'node:fs/promises';

/** Resolves with the first SIGINT or SIGTERM's name. */
export const untilSignal = (): Promise<string> =>
  new Promise((resolve) => {
    const done = (sig: string) => resolve(sig);
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });

export async function version(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
