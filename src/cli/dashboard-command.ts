/**
 * `herald dashboard --workspace W --as admin`: a sign-in link to the web dashboard, minted exactly
 * as `/dashboard` mints it, so the dashboard can be tried with no chat account. `--serve` also
 * runs Herald with its HTTP server until Ctrl-C (the link then points at it).
 */
import type { Writable } from 'node:stream';
import { failure, type Failure } from '../core/result.js';
import type { Platform } from '../core/ports.js';
import type { Herald } from '../main.js';
import { parseArgv } from './args.js';

export const DASHBOARD_USAGE =
  'herald dashboard [--workspace W] [--platform shell|discord|slack] [--as moderator|admin] [--user U] [--serve]';

export interface DashboardCliDeps {
  readonly open: () => Promise<Herald | Failure>;
  readonly untilSignal: () => Promise<string>;
}

export async function dashboardCli(
  argv: readonly string[],
  io: { readonly stdout: Writable; readonly stderr: Writable },
  deps: DashboardCliDeps,
): Promise<Failure | 0> {
  const args = parseArgv(
    argv,
    {
      workspace: { value: true },
      platform: { value: true, choices: ['shell', 'discord', 'slack'] },
      as: { value: true, choices: ['moderator', 'admin'] },
      user: { value: true },
      serve: { value: false },
    },
    DASHBOARD_USAGE,
  );
  if (!args.ok) return args.error;
  const { flags, positional } = args.value;
  if (positional.length > 0)
    return failure('bad_input', `Unexpected "${positional.join(' ')}".`, { hint: `Usage: ${DASHBOARD_USAGE}` });
  const text = (k: string, d: string): string => (typeof flags[k] === 'string' ? (flags[k] as string) : d);
  const level = text('as', 'admin') as 'moderator' | 'admin';
  const herald = await deps.open();
  if ('code' in herald && !('dispatcher' in herald)) return herald;
  const app = herald as Herald;
  try {
    const serve = flags['serve'] === true;
    if (serve) await app.start({ dashboard: true });
    const link = await app.dashboard.mint(
      { platform: text('platform', 'shell') as Platform, workspaceId: text('workspace', 'local'), channelId: '' },
      { userId: text('user', 'local'), displayName: text('user', 'local'), platformLevel: level, level },
    );
    if (!link.ok) return link.error;
    io.stdout.write(`${link.value.url}\n`);
    io.stderr.write(
      `herald: opens once, until ${link.value.expiresAt.toISOString()}, as ${level}${serve ? '; serving until Ctrl-C' : ' (herald start, or --serve, must be running to open it)'}.\n`,
    );
    if (serve) await deps.untilSignal();
    return 0;
  } finally {
    await app.close();
  }
}
