/**
 * `herald doctor [--url https://…] [--json]`: checks the set-up against the platforms and prints
 * one line per finding, with what to fix in words. Exit code 1 when something must be fixed.
 */
import type { Config } from '../config/schema.js';
import { createDiscordRest } from '../adapters/discord/rest.js';
import type { HeraldStore } from '../core/store/repositories.js';
import { formatFindings } from '../doctor/findings.js';
import type { FetchLike } from '../doctor/public-url.js';
import { runDoctor, type DoctorDeps } from '../doctor/run.js';
import { parseArgv } from './args.js';

export const DOCTOR_USAGE = 'herald doctor [--url https://your.host] [--json]';

export interface DoctorCliDeps {
  readonly config: Config;
  /** Opens the store; a string is the one-line reason it could not be opened. */
  openStore(): Promise<{ store: HeraldStore; database?: DoctorDeps['database']; close(): Promise<void> } | string>;
  readonly fetch?: FetchLike;
}

interface Io {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

export async function doctorCli(argv: string[], io: Io, deps: DoctorCliDeps): Promise<number> {
  const parsed = parseArgv(argv, { url: { value: true }, json: { value: false } }, DOCTOR_USAGE);
  if (!parsed.ok) {
    io.stderr.write(`herald: ${parsed.error.message} ${parsed.error.hint ?? ''}\n`);
    return 2;
  }
  if (parsed.value.positional.length > 0) {
    io.stderr.write(`herald: unexpected "${parsed.value.positional.join(' ')}". Usage: ${DOCTOR_USAGE}\n`);
    return 2;
  }
  const { config } = deps;
  const url = typeof parsed.value.flags['url'] === 'string' ? parsed.value.flags['url'] : config.http.publicUrl;
  const discordRest = config.discord?.token
    ? createDiscordRest({
        token: config.discord.token,
        apiUrl: config.discord.apiUrl,
        overrides: { retries: 0, timeout: 10_000 },
      })
    : null;
  const opened = await deps.openStore();
  try {
    const findings = await runDoctor({
      config,
      store: typeof opened === 'string' ? opened : opened.store,
      database: typeof opened === 'string' ? null : (opened.database ?? null),
      discordRest,
      publicUrl: url ?? null,
      fetch: deps.fetch ?? ((u, init) => fetch(u, init)),
    });
    io.stdout.write(
      parsed.value.flags['json'] === true ? `${JSON.stringify(findings, null, 2)}\n` : `${formatFindings(findings)}\n`,
    );
    return findings.some((f) => f.status === 'fix') ? 1 : 0;
  } finally {
    if (typeof opened !== 'string') await opened.close();
  }
}
