import { describe, expect, it } from 'vitest';
import { BOT_SCOPES, slackManifest } from '../../src/adapters/slack/manifest.js';
import { manifestSlackCli } from '../../src/cli/slack-commands.js';
import { memoryLogger, testDispatcher } from './helpers.js';

const { registry } = testDispatcher(memoryLogger());

function run(argv: string[]): Promise<{ code: number; out: string; errText: string }> {
  let out = '';
  let errText = '';
  return manifestSlackCli(
    argv,
    { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (errText += s) } },
    { registry },
  ).then((code) => ({ code, out, errText }));
}

describe('Slack manifest', () => {
  it('lists every command with its usage hint, plus the umbrella, pointing at /slack/events', async () => {
    const { code, out } = await run(['--url', 'https://herald.example.org/']);
    expect(code).toBe(0);
    const m = JSON.parse(out) as {
      features: { slash_commands: { command: string; usage_hint: string; url: string }[] };
      settings: Record<string, unknown>;
      oauth_config: { scopes: { bot: string[] } };
    };
    const cmds = m.features.slash_commands;
    expect(cmds.map((c) => c.command)).toEqual(['/herald', ...registry.commands.map((c) => `/${c.name}`)]);
    expect(cmds.find((c) => c.command === '/who-is')!.usage_hint).toBe('<name>');
    expect(cmds.find((c) => c.command === '/feeds')!.usage_hint).toBe('<add|list> ...');
    for (const c of cmds) expect(c.url).toBe('https://herald.example.org/slack/events');
    expect(m.settings['socket_mode_enabled']).toBe(false);
    expect(m.settings['interactivity']).toEqual({
      is_enabled: true,
      request_url: 'https://herald.example.org/slack/events',
    });
    expect(m.oauth_config.scopes.bot).toEqual(Object.keys(BOT_SCOPES));
  });

  it('has no URLs in Socket Mode', async () => {
    const { code, out } = await run(['manifest', 'slack', '--socket-mode']);
    expect(code).toBe(0);
    expect(out).not.toContain('request_url');
    expect(out).not.toContain('"url"');
    expect(JSON.parse(out).settings.socket_mode_enabled).toBe(true);
  });

  it('refuses HTTP mode without an https URL, with usage', async () => {
    expect((await run([])).code).toBe(2);
    const r = await run(['--url', 'http://plain.example']);
    expect(r.code).toBe(2);
    expect(r.errText).toContain('https');
    expect((await run(['--bogus'])).errText).toContain('Unknown option --bogus');
  });

  it('warns (not silently drops) when there are more than 50 commands', () => {
    const many = Array.from({ length: 55 }, (_, i) => ({ ...registry.commands[0]!, name: `c${i}` }));
    const r = slackManifest({ commands: many, socketMode: true });
    expect(r.ok && r.value.warnings[0]).toContain('/c49');
  });
});

describe('Slack manifest limits', () => {
  it('refuses an app name Slack would refuse (over 35 characters), naming the limit', async () => {
    const r = await run(['--socket-mode', '--name', 'H'.repeat(36)]);
    expect(r.code).toBe(2);
    expect(r.errText).toMatch(/display_information\.name: Slack allows at most 35 characters/);
    expect(r.out).toBe('');
    expect((await run(['--socket-mode', '--name', 'H'.repeat(35)])).code).toBe(0);
  });

  it('what it prints passes the schema limits in both modes', async () => {
    const { manifestProblems } = await import('../../src/adapters/slack/manifest-schema.js');
    for (const argv of [['--socket-mode'], ['--url', 'https://herald.example.org']]) {
      const { code, out } = await run(argv);
      expect(code).toBe(0);
      expect(manifestProblems(JSON.parse(out))).toEqual([]);
    }
    expect(manifestProblems({})).not.toEqual([]);
  });
});

describe('the Slack HTTP set-up order (issue 15, point 1)', () => {
  it('an HTTP-mode manifest comes with the note that the first verification fails and what to do after', async () => {
    const http = await run(['--url', 'https://herald.example.org']);
    expect(http.errText).toMatch(/request_url URL isn't verified" is expected/);
    expect(http.errText).toMatch(/start Herald, then press Retry under Event Subscriptions/);
    expect(JSON.parse(http.out)).toBeTruthy();
    const socket = await run(['--socket-mode']);
    expect(socket.errText).toBe('');
  });
});
