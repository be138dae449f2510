/**
 * Discord checks for `herald doctor`: the token against `GET /applications/@me`, that the
 * application id and public key match it, and that the Developer Portal's Interactions
 * Endpoint URL agrees with the mode (Discord sends interactions there instead of the gateway
 * whenever it is set).
 */
import type { REST } from 'discord.js';
import type { Config } from '../config/schema.js';
import { fix, ok, skip, type Finding } from './findings.js';

interface ApplicationInfo {
  readonly id: string;
  readonly name?: string;
  readonly verify_key?: string;
  readonly interactions_endpoint_url?: string | null;
}

const status = (e: unknown): number | undefined => (e as { status?: number }).status;

export async function discordFindings(
  discord: NonNullable<Config['discord']>,
  rest: REST | null,
  publicUrl: string | null,
): Promise<Finding[]> {
  const out: Finding[] = [ok('Discord mode', `${discord.mode} (${discord.modeReason})`)];
  if (!rest || !discord.token) {
    out.push(
      skip('Discord token', 'no DISCORD_TOKEN, so the application cannot be checked (and no digests can be posted)'),
    );
    return out;
  }
  let app: ApplicationInfo;
  try {
    app = (await rest.get('/applications/@me')) as ApplicationInfo;
  } catch (e) {
    const s = status(e);
    out.push(
      s === 401
        ? fix(
            'Discord token',
            'Discord refused DISCORD_TOKEN (401). Developer Portal → your application → Bot → Reset Token, then paste it into DISCORD_TOKEN.',
          )
        : fix(
            'Discord token',
            `could not reach Discord (${s ? `HTTP ${s}` : e instanceof Error ? e.message : String(e)}). Check the network, or DISCORD_API_URL if you set it.`,
          ),
    );
    return out;
  }
  out.push(ok('Discord token', `accepted for application "${app.name ?? app.id}" (${app.id})`));
  if (discord.applicationId && discord.applicationId !== app.id)
    out.push(
      fix(
        'Discord application id',
        `DISCORD_APPLICATION_ID is ${discord.applicationId} but the token belongs to application ${app.id}. Copy Application ID from Developer Portal → General Information.`,
      ),
    );
  const endpoint = app.interactions_endpoint_url ?? '';
  if (discord.mode === 'gateway') {
    if (endpoint)
      out.push(
        fix(
          'Discord interactions',
          `the application has an Interactions Endpoint URL (${endpoint}), so Discord sends slash commands there and never to the gateway. Clear it under Developer Portal → General Information, or set HERALD_DISCORD_MODE=http.`,
        ),
      );
    else
      out.push(ok('Discord interactions', 'no Interactions Endpoint URL is set, so commands arrive over the gateway'));
    return out;
  }
  if (discord.publicKey && app.verify_key && app.verify_key.toLowerCase() !== discord.publicKey.toLowerCase())
    out.push(
      fix(
        'Discord public key',
        'DISCORD_PUBLIC_KEY does not match the application. Copy Public Key from Developer Portal → General Information.',
      ),
    );
  const expected = publicUrl ? `${publicUrl.replace(/\/+$/, '')}/discord/interactions` : null;
  if (!endpoint)
    out.push(
      fix(
        'Discord interactions',
        `no Interactions Endpoint URL is set. Start Herald, then set it under Developer Portal → General Information to ${expected ?? 'https://<your host>/discord/interactions'} (Discord checks it when you save).`,
      ),
    );
  else if (expected && endpoint !== expected)
    out.push(
      fix('Discord interactions', `the Interactions Endpoint URL is ${endpoint}, but Herald answers at ${expected}.`),
    );
  else out.push(ok('Discord interactions', `Interactions Endpoint URL is ${endpoint}`));
  return out;
}
