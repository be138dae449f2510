/**
 * `herald manifest slack [--socket-mode] [--url https://...] [--name Herald]`: prints the Slack
 * app manifest (JSON) generated from the command declarations. Paste it into
 * https://api.slack.com/apps → Create New App → From a manifest.
 */
import { slackManifest } from '../adapters/slack/manifest.js';
import type { CommandRegistry } from '../core/commands/registry.js';
import { parseArgv } from './args.js';

export const MANIFEST_SLACK_USAGE = 'herald manifest slack [--socket-mode] [--url https://your.host] [--name Herald]';

/**
 * Slack verifies the events URL when the app is created, before the signing secret (and so
 * Herald) can exist: say so where the admin is, so "URL isn't verified" is expected, not a dead end.
 */
export const HTTP_ORDER_NOTE =
  'herald: note: Slack checks the events URL when you create the app, before Herald can have its signing secret, ' +
  'so "request_url URL isn\'t verified" is expected. Create the app, install it, set SLACK_BOT_TOKEN and ' +
  'SLACK_SIGNING_SECRET, start Herald, then press Retry under Event Subscriptions (docs/slack.md).\n';

export interface ManifestSlackIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

export interface ManifestSlackDeps {
  /** The validated commands (built-ins plus configured list commands). */
  readonly registry: Pick<CommandRegistry, 'commands'>;
}

/** Exit codes as the rest of the CLI: 0 done, 2 usage mistake. `argv` is what follows `manifest slack`. */
export async function manifestSlackCli(argv: string[], io: ManifestSlackIo, deps: ManifestSlackDeps): Promise<number> {
  const args =
    argv[0] === 'manifest' ? argv.slice(argv[1] === 'slack' ? 2 : 1) : argv[0] === 'slack' ? argv.slice(1) : argv;
  const parsed = parseArgv(
    args,
    { 'socket-mode': { value: false }, url: { value: true }, name: { value: true } },
    MANIFEST_SLACK_USAGE,
  );
  if (!parsed.ok) {
    io.stderr.write(`herald: ${parsed.error.message} ${parsed.error.hint ?? ''}\n`);
    return 2;
  }
  if (parsed.value.positional.length > 0) {
    io.stderr.write(`herald: unexpected "${parsed.value.positional.join(' ')}". Usage: ${MANIFEST_SLACK_USAGE}\n`);
    return 2;
  }
  const f = parsed.value.flags;
  const result = slackManifest({
    commands: deps.registry.commands,
    socketMode: f['socket-mode'] === true,
    ...(typeof f['url'] === 'string' ? { url: f['url'] } : {}),
    ...(typeof f['name'] === 'string' ? { appName: f['name'] } : {}),
  });
  if (!result.ok) {
    io.stderr.write(
      `herald: ${result.error.message}${result.error.hint ? ` ${result.error.hint}` : ''}\nUsage: ${MANIFEST_SLACK_USAGE}\n`,
    );
    return 2;
  }
  for (const w of result.value.warnings) io.stderr.write(`herald: warning: ${w}\n`);
  io.stdout.write(`${JSON.stringify(result.value.manifest, null, 2)}\n`);
  if (f['socket-mode'] !== true) io.stderr.write(HTTP_ORDER_NOTE);
  return 0;
}
