/**
 * Herald as `herald start` wires it (`createHerald` + `start`, HTTP on loopback) with both
 * signed endpoints live, against the fake Slack and the fake Discord, and the signing each
 * platform does: for tests that post real signed requests to Herald's one HTTP server.
 */
import { createHmac, sign, type KeyObject } from 'node:crypto';
import { loadConfig } from '../../src/config/load.js';
import type { Logger } from '../../src/core/ports.js';
import { BUNDLED_SAMPLE_PATH, createHerald, type Herald } from '../../src/main.js';
import { keyPair } from '../discord/helpers.js';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord/server.js';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack/server.js';

export const SIGNING_SECRET = 'signed-endpoints-secret';
export const APP_ID = '100000000000000001';

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };

/** The two fake platforms and the Discord application's key pair. Slack's `U1` is a workspace admin. */
export interface SignedPlatforms {
  readonly slack: FakeSlack;
  readonly discord: FakeDiscord;
  readonly privateKey: KeyObject;
  readonly publicKeyHex: string;
  close(): Promise<void>;
}

export async function startSignedPlatforms(): Promise<SignedPlatforms> {
  const slack = await startFakeSlack();
  slack.users.set('U1', { id: 'U1', is_admin: true });
  const discord = await startFakeDiscord({ applicationId: APP_ID });
  return {
    slack,
    discord,
    ...keyPair(),
    async close() {
      await slack.close();
      await discord.close();
    },
  };
}

/**
 * Starts a Herald answering on both signed endpoints of `platforms`; `env` adds to (or
 * overrides) its environment: the data directory, a database. Resolves with its base URL.
 */
export async function startSignedHerald(
  platforms: SignedPlatforms,
  env: Record<string, string>,
): Promise<{ herald: Herald; base: string }> {
  const loaded = await loadConfig({
    env: {
      HERALD_SAMPLE_ARTICLE: BUNDLED_SAMPLE_PATH,
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: platforms.slack.apiUrl,
      DISCORD_PUBLIC_KEY: platforms.publicKeyHex,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: platforms.discord.api,
      ...env,
    },
    file: {},
  });
  if (!loaded.ok) throw new Error(loaded.error.message);
  const opened = await createHerald(loaded.value, { logger: quiet });
  if (!opened.ok) throw new Error(opened.error.message);
  const running = await opened.value.start({ poll: false });
  return { herald: opened.value, base: `http://127.0.0.1:${running.http!.port}` };
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** Headers of a form body signed as Slack signs it, at `ts` (seconds). */
export function slackSignedHeaders(body: string, ts = nowSeconds(), secret = SIGNING_SECRET): Record<string, string> {
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`,
  };
}

/** Headers of a JSON body signed as Discord signs an interaction, with `key`, at `ts` (seconds). */
export function discordSignedHeaders(raw: string, key: KeyObject, ts = nowSeconds()): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-signature-timestamp': String(ts),
    'x-signature-ed25519': sign(null, Buffer.from(String(ts) + raw), key).toString('hex'),
  };
}
