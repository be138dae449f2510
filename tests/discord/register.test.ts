/**
 * Registration through the CLI function: SlashCommandBuilder JSON, bulk overwrite over real
 * discord.js REST to the fake, and the printed diff.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestDiscordCli, registerDiscordCli } from '../../src/cli/discord-commands.js';
import { buildCommand } from '../../src/adapters/discord/register.js';
import { createRegistry } from '../../src/core/commands/registry.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/server.js';
import { testCommands, testRegistry } from './helpers.js';

const APP = '100000000000000001';
let fake: FakeDiscord;
beforeAll(async () => void (fake = await startFakeDiscord({ applicationId: APP })));
afterAll(async () => fake.close());

function io() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { stdout: { write: (s: string) => (out.stdout += s) }, stderr: { write: (s: string) => (out.stderr += s) } },
  };
}
const deps = (registry = testRegistry()) => ({
  config: {
    discord: {
      mode: 'gateway' as const,
      modeReason: 'test',
      token: 'bot-token',
      applicationId: APP,
      publicKey: null,
      apiUrl: fake.api,
    },
  },
  registry,
});

describe('command JSON', () => {
  it('derives options, autocomplete, subcommands and default_member_permissions from the declarations', () => {
    const [whoIs, , echo, feeds, reset] = testCommands().map(buildCommand);
    expect(whoIs).toMatchObject({ name: 'who-is', description: 'Who is this person in the article?', contexts: [0] });
    expect(whoIs!.default_member_permissions).toBeUndefined();
    expect(whoIs!.options).toEqual([
      expect.objectContaining({ type: 3, name: 'name', required: true, autocomplete: true }),
      expect.objectContaining({ type: 3, name: 'article', required: false, autocomplete: true }),
    ]);
    expect(echo!.options![1]).toMatchObject({ type: 4, name: 'times', min_value: 1, max_value: 500 });
    // /feeds has a member subcommand, so members see it; /feeds test is still checked by the core.
    expect(feeds!.default_member_permissions).toBeUndefined();
    expect(feeds!.options!.map((o) => [o.type, o.name])).toEqual([
      [1, 'status'],
      [1, 'test'],
    ]);
    expect(reset!.default_member_permissions).toBe(String(1n << 5n));
  });
});

describe('herald register discord', () => {
  it('registers in a guild, prints the diff, then reports no change', async () => {
    const first = io();
    expect(await registerDiscordCli(['--guild', '300000000000000003'], first.io, deps())).toBe(0);
    expect(first.out.stdout).toContain('+ /who-is');
    expect(first.out.stdout).toContain('5 added, 0 changed, 0 removed');
    const put = fake.requests.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe(`/applications/${APP}/guilds/300000000000000003/commands`);
    expect(put.headers.authorization).toBe('Bot bot-token');
    expect(fake.commands.get('300000000000000003')).toHaveLength(5);

    const again = io();
    expect(await registerDiscordCli(['--guild=300000000000000003'], again.io, deps())).toBe(0);
    expect(again.out.stdout).toContain('up to date (5 unchanged)');
    expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it('shows removed and changed commands, and --dry-run writes nothing', async () => {
    const fewer = createRegistry(
      testCommands()
        .filter((c) => c.name !== 'reset')
        .map((c) => (c.name === 'echo' ? { ...c, description: 'Echo, changed' } : c)),
    );
    if (!fewer.ok) throw new Error('registry');
    const dry = io();
    expect(await registerDiscordCli(['--guild', '300000000000000003', '--dry-run'], dry.io, deps(fewer.value))).toBe(0);
    expect(dry.out.stdout).toContain('~ /echo\n- /reset\nWould change 2 command(s)');
    expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it('registers globally without --guild', async () => {
    const g = io();
    expect(await registerDiscordCli([], g.io, deps())).toBe(0);
    expect(g.out.stdout).toContain('globally');
    expect(fake.commands.get('global')).toHaveLength(5);
  });

  it('fails clearly on bad usage, missing config and a refusing Discord', async () => {
    const bad = io();
    expect(await registerDiscordCli(['--guild', 'abc'], bad.io, deps())).toBe(2);
    expect(bad.out.stderr).toContain('numeric server id');
    const noCfg = io();
    expect(await registerDiscordCli([], noCfg.io, { config: { discord: null }, registry: testRegistry() })).toBe(1);
    expect(noCfg.out.stderr).toContain('DISCORD_TOKEN and DISCORD_APPLICATION_ID');
    const wrongApp = io();
    const d = deps();
    expect(
      await registerDiscordCli([], wrongApp.io, {
        ...d,
        config: { discord: { ...d.config.discord, applicationId: '999999999' } },
      }),
    ).toBe(1);
    expect(wrongApp.out.stderr).toContain('HTTP 403');
  });
});

describe('guild and global registrations side by side (issue 15, point 4)', () => {
  it('warns when a server registration duplicates global commands, and --clear removes the server copies', async () => {
    // The previous tests left the same five commands globally and in this server.
    const again = io();
    expect(await registerDiscordCli(['--guild', '300000000000000003'], again.io, deps())).toBe(0);
    expect(again.out.stdout).toMatch(
      /5 of these are also registered globally, so members of this server see them twice/,
    );
    expect(again.out.stdout).toContain('herald register discord --guild 300000000000000003 --clear');

    const dry = io();
    expect(await registerDiscordCli(['--guild', '300000000000000003', '--clear', '--dry-run'], dry.io, deps())).toBe(0);
    expect(dry.out.stdout).toContain('5 removed');
    expect(fake.commands.get('300000000000000003')).toHaveLength(5);

    const cleared = io();
    expect(await registerDiscordCli(['--guild', '300000000000000003', '--clear'], cleared.io, deps())).toBe(0);
    expect(cleared.out.stdout).toContain('- /who-is');
    expect(fake.commands.get('300000000000000003')).toEqual([]);
    expect(fake.commands.get('global')).toHaveLength(5);
  });

  it('--clear without --guild removes the global commands', async () => {
    const out = io();
    expect(await registerDiscordCli(['--clear'], out.io, deps())).toBe(0);
    expect(out.out.stdout).toContain('globally');
    expect(fake.commands.get('global')).toEqual([]);
  });
});

describe('herald manifest discord (offline)', () => {
  it('prints exactly the payload register would PUT, with no token and no request', async () => {
    const out = io();
    const before = fake.requests.length;
    expect(manifestDiscordCli([], out.io, { registry: testRegistry() })).toBe(0);
    expect(fake.requests.length).toBe(before);
    const printed = JSON.parse(out.out.stdout) as { name: string }[];
    expect(printed).toEqual(testCommands().map(buildCommand));
    const bad = io();
    expect(manifestDiscordCli(['--guild', 'x'], bad.io, { registry: testRegistry() })).toBe(2);
  });

  it('the missing-token message points at the offline payload', async () => {
    const noCfg = io();
    expect(await registerDiscordCli([], noCfg.io, { config: { discord: null }, registry: testRegistry() })).toBe(1);
    expect(noCfg.out.stderr).toContain('herald manifest discord');
  });
});
