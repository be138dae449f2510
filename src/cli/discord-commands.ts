/**
 * `herald register discord [--guild ID] [--dry-run]`: registers the application commands
 * derived from the declarations and prints what changed. The CLI entry point passes the
 * arguments after `register discord`.
 */
import type { CommandRegistry } from '../core/commands/registry.js';
import type { Config } from '../config/schema.js';
import { buildCommands, formatDiff, registerCommands } from '../adapters/discord/register.js';
import { createDiscordRest } from '../adapters/discord/rest.js';

export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

export interface RegisterDiscordDeps {
  readonly config: Pick<Config, 'discord'>;
  /** The validated registry (commands index + list commands from config). */
  readonly registry: CommandRegistry;
}

const USAGE =
  'Usage: herald register discord [--guild ID] [--dry-run] [--clear]\n' +
  '  --guild ID   register in one server (appears at once; global registration can take up to an hour)\n' +
  '  --dry-run    show what would change without writing\n' +
  "  --clear      remove Herald's commands from that server (with --guild) or globally\n" +
  'To see the payload without a token: herald manifest discord [--guild ID]\n';

/** Returns the process exit code: 0 done, 1 Discord or config problem, 2 bad usage. */
export async function registerDiscordCli(
  argv: readonly string[],
  io: CliIo,
  deps: RegisterDiscordDeps,
): Promise<number> {
  let guildId: string | null = null;
  let dryRun = false;
  let clear = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return (void io.stdout.write(USAGE), 0);
    if (a === '--dry-run') dryRun = true;
    else if (a === '--clear') clear = true;
    else if (a === '--guild' || a.startsWith('--guild=')) {
      guildId = a.includes('=') ? a.slice('--guild='.length) : (argv[++i] ?? '');
      if (!/^\d{5,25}$/.test(guildId))
        return (void io.stderr.write(`--guild needs a numeric server id, got "${guildId}".\n${USAGE}`), 2);
    } else return (void io.stderr.write(`Unknown argument "${a}".\n${USAGE}`), 2);
  }
  const discord = deps.config.discord;
  const missing = [!discord?.token && 'DISCORD_TOKEN', !discord?.applicationId && 'DISCORD_APPLICATION_ID'].filter(
    Boolean,
  );
  if (!discord || missing.length > 0) {
    io.stderr.write(
      `Cannot register Discord commands: set ${missing.length > 0 ? missing.join(' and ') : 'DISCORD_TOKEN and DISCORD_APPLICATION_ID'}. ` +
        'To see the registration payload without a token: herald manifest discord\n',
    );
    return 1;
  }
  const rest = createDiscordRest({
    token: discord.token,
    apiUrl: discord.apiUrl,
    overrides: { retries: 1, timeout: 15_000 },
  });
  const result = await registerCommands({
    rest,
    applicationId: discord.applicationId!,
    guildId,
    registry: deps.registry,
    dryRun,
    clear,
  });
  if (!result.ok) {
    io.stderr.write(`${result.error.message}\n${result.error.hint ? `${result.error.hint}\n` : ''}`);
    return 1;
  }
  io.stdout.write(formatDiff(result.value, dryRun).join('\n') + '\n');
  return 0;
}

export const MANIFEST_DISCORD_USAGE = 'Usage: herald manifest discord [--guild ID]\n';

/**
 * `herald manifest discord [--guild ID]`: the exact JSON `register discord` would PUT, offline
 * (no token), so an admin or a reviewer can read it before registering.
 */
export function manifestDiscordCli(
  argv: readonly string[],
  io: CliIo,
  deps: Pick<RegisterDiscordDeps, 'registry'>,
): number {
  let guildId: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return (void io.stdout.write(MANIFEST_DISCORD_USAGE), 0);
    if (a === '--guild' || a.startsWith('--guild=')) {
      guildId = a.includes('=') ? a.slice('--guild='.length) : (argv[++i] ?? '');
      if (!/^\d{5,25}$/.test(guildId))
        return (
          void io.stderr.write(`--guild needs a numeric server id, got "${guildId}".\n${MANIFEST_DISCORD_USAGE}`),
          2
        );
    } else return (void io.stderr.write(`Unknown argument "${a}".\n${MANIFEST_DISCORD_USAGE}`), 2);
  }
  const built = buildCommands(deps.registry, guildId);
  if (!built.ok) return (void io.stderr.write(`${built.error.message}\n`), 1);
  io.stdout.write(`${JSON.stringify(built.value, null, 2)}\n`);
  return 0;
}
