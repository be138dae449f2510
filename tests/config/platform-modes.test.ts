/**
 * The platform modes are explicit: Discord sends interactions to the gateway or to the HTTP
 * endpoint, Slack to the events URL or over Socket Mode, never both. These tests pin that a mode
 * is inferred only when one alone fits, and that each contradiction is one line naming what to
 * set or remove (issue 15, point 3).
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';

const KEY = 'a'.repeat(64);
const APP = '123456789012345678';
const cwd = '/srv/herald';

async function problems(env: Record<string, string>): Promise<string[]> {
  const r = await loadConfig({ env, cwd, file: {} });
  if (r.ok) return [];
  return r.error.details!['problems'] as string[];
}

async function config(env: Record<string, string>) {
  const r = await loadConfig({ env, cwd, file: {} });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('Discord mode', () => {
  it('a bot token alone means the gateway, and the reason says so', async () => {
    const c = await config({ DISCORD_TOKEN: 'tok' });
    expect(c.discord?.mode).toBe('gateway');
    expect(c.discord?.modeReason).toMatch(/DISCORD_TOKEN is set and DISCORD_PUBLIC_KEY is not/);
  });

  it('a public key alone means the HTTP endpoint', async () => {
    const c = await config({ DISCORD_PUBLIC_KEY: KEY, DISCORD_APPLICATION_ID: APP });
    expect(c.discord?.mode).toBe('http');
  });

  it('token and public key together are ambiguous: one line that says what to set and what to remove', async () => {
    const p = await problems({ DISCORD_TOKEN: 'tok', DISCORD_PUBLIC_KEY: KEY, DISCORD_APPLICATION_ID: APP });
    expect(p).toHaveLength(1);
    expect(p[0]).not.toContain('\n');
    expect(p[0]).toMatch(/HERALD_DISCORD_MODE=gateway \(and remove DISCORD_PUBLIC_KEY\)/);
    expect(p[0]).toMatch(/HERALD_DISCORD_MODE=http/);
  });

  it('an explicit mode settles the ambiguity and the unused variable is named in the reason', async () => {
    const gw = await config({
      HERALD_DISCORD_MODE: 'gateway',
      DISCORD_TOKEN: 'tok',
      DISCORD_PUBLIC_KEY: KEY,
      DISCORD_APPLICATION_ID: APP,
    });
    expect(gw.discord?.mode).toBe('gateway');
    expect(gw.discord?.modeReason).toMatch(/DISCORD_PUBLIC_KEY is not used/);
    const http = await config({
      HERALD_DISCORD_MODE: 'http',
      DISCORD_TOKEN: 'tok',
      DISCORD_PUBLIC_KEY: KEY,
      DISCORD_APPLICATION_ID: APP,
    });
    expect(http.discord?.mode).toBe('http');
  });

  it('an explicit mode without what it needs names the missing variable and where to find it', async () => {
    expect(await problems({ HERALD_DISCORD_MODE: 'gateway' })).toEqual([
      expect.stringMatching(/HERALD_DISCORD_MODE=gateway: set DISCORD_TOKEN \(Developer Portal → Bot/),
    ]);
    const p = await problems({ HERALD_DISCORD_MODE: 'http', DISCORD_TOKEN: 'tok' });
    expect(p[0]).toMatch(
      /set DISCORD_PUBLIC_KEY and DISCORD_APPLICATION_ID \(Developer Portal → General Information\)/,
    );
  });

  it('an unknown mode is refused with the choices', async () => {
    expect((await problems({ HERALD_DISCORD_MODE: 'both', DISCORD_TOKEN: 'tok' })).join()).toMatch(
      /HERALD_DISCORD_MODE: must be gateway or http/,
    );
  });
});

describe('Slack mode', () => {
  it('a signing secret means HTTP, an app token means Socket Mode', async () => {
    expect((await config({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).slack?.mode).toBe('http');
    expect((await config({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).slack?.mode).toBe('socket');
  });

  it('all three set is ambiguous (Socket Mode no longer wins silently)', async () => {
    const p = await problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_APP_TOKEN: 'xapp-1' });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/HERALD_SLACK_MODE=socket \(and remove SLACK_SIGNING_SECRET\)/);
    expect(p[0]).toMatch(/HERALD_SLACK_MODE=http \(and remove SLACK_APP_TOKEN\)/);
  });

  it('explicit modes: what is missing is named with the portal page', async () => {
    expect(
      await problems({ HERALD_SLACK_MODE: 'socket', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }),
    ).toEqual([expect.stringMatching(/set SLACK_APP_TOKEN \(Basic Information → App-Level Tokens/)]);
    expect(await problems({ HERALD_SLACK_MODE: 'http', SLACK_APP_TOKEN: 'xapp-1' })).toEqual([
      expect.stringMatching(/set SLACK_BOT_TOKEN \(OAuth & Permissions → Bot User OAuth Token/),
      expect.stringMatching(/set SLACK_SIGNING_SECRET \(Basic Information → App Credentials/),
    ]);
    const c = await config({
      HERALD_SLACK_MODE: 'http',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      SLACK_APP_TOKEN: 'xapp-1',
    });
    expect(c.slack?.mode).toBe('http');
    expect(c.slack?.modeReason).toMatch(/SLACK_APP_TOKEN is not used/);
  });

  it('a secret without a bot token asks for the bot token', async () => {
    expect((await problems({ SLACK_SIGNING_SECRET: 's' })).join()).toMatch(/SLACK_BOT_TOKEN: required/);
  });
});
