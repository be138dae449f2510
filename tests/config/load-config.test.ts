import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';

const cwd = '/srv/herald';

describe('loadConfig', () => {
  it('runs with no accounts at all: empty env gives the shell-only defaults', async () => {
    const r = await loadConfig({ env: {}, cwd, file: {} });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.discord).toBeNull();
    expect(r.value.slack).toBeNull();
    expect(r.value.dataDir).toBe('/srv/herald/data');
    expect(r.value.http.port).toBe(3000);
    expect(r.value.sampleArticle).toBe('/srv/herald/assets/articles/xinhua-space-partnership.txt');
    expect(Object.isFrozen(r.value)).toBe(true);
    expect(Object.isFrozen(r.value.feeds)).toBe(true);
  });

  it('treats empty strings from a .env file as unset', async () => {
    const r = await loadConfig({ env: { DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '' }, cwd, file: {} });
    expect(r.ok && r.value.discord === null && r.value.slack === null).toBe(true);
  });

  it('lists every problem at once, naming the variable and the bad value', async () => {
    const r = await loadConfig({
      env: { HTTP_PORT: 'abc', SLACK_BOT_TOKEN: 'not-a-token', DISCORD_PUBLIC_KEY: 'xyz', LOG_LEVEL: 'loud' },
      cwd,
      file: { listCommands: [{ name: 'Bad Name', description: '', topic: 'x' }], unknownKey: 1 },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const problems = r.error.details!['problems'] as string[];
    const text = problems.join('\n');
    expect(text).toMatch(/HTTP_PORT: .*\(got "abc"\)/);
    expect(text).toMatch(/SLACK_BOT_TOKEN: must be a bot token starting with xoxb-/);
    expect(text).toMatch(/DISCORD_PUBLIC_KEY: must be the 64 hex characters/);
    expect(text).toMatch(/LOG_LEVEL/);
    expect(text).toMatch(/listCommands\.0\.name/);
    expect(text).toMatch(/unknownKey|Unrecognized key/);
    expect(problems.length).toBeGreaterThanOrEqual(6);
  });

  it('checks settings that only make sense together', async () => {
    const r = await loadConfig({ env: { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: undefined }, cwd, file: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/SLACK_SIGNING_SECRET \(HTTP mode\) or SLACK_APP_TOKEN \(Socket Mode\)/);
  });

  it('switches platforms on from tokens and merges the feed allowlist from env and file', async () => {
    const r = await loadConfig({
      env: {
        DISCORD_TOKEN: 't',
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_SIGNING_SECRET: 's',
        HERALD_FEED_ALLOWLIST: '127.0.0.1, ::1',
      },
      cwd,
      file: { feeds: { allowlist: ['10.0.0.0/8'] } },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.discord?.token).toBe('t');
    expect(r.value.slack?.signingSecret).toBe('s');
    expect(r.value.feeds.allowlist).toEqual(['127.0.0.1', '::1', '10.0.0.0/8']);
  });

  it('reports a config file that is not JSON', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'herald-cfg-'));
    try {
      writeFileSync(join(dir, 'herald.json'), '{ "listCommands": [ }');
      const r = await loadConfig({ env: {}, cwd, configDir: dir });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/herald\.json: is not valid JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the repository config/herald.json is valid and declares /partnership-areas', async () => {
    const r = await loadConfig({ env: {}, cwd: new URL('../..', import.meta.url).pathname });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.listCommands.map((c) => c.name)).toContain('partnership-areas');
  });
});

describe('readDotEnv', () => {
  it('reads KEY=value lines from <cwd>/.env and returns {} when there is none', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { readDotEnv } = await import('../../src/config/load.js');
    const dir = mkdtempSync(join(tmpdir(), 'herald-env-'));
    try {
      expect(await readDotEnv(dir)).toEqual({});
      writeFileSync(join(dir, '.env'), '# comment\nDISCORD_TOKEN=abc\nSLACK_BOT_TOKEN="xoxb-1"\nEMPTY=\n');
      expect(await readDotEnv(dir)).toMatchObject({ DISCORD_TOKEN: 'abc', SLACK_BOT_TOKEN: 'xoxb-1', EMPTY: '' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('cross-field rules', () => {
  it('are reported together with a malformed value, not after it is fixed', async () => {
    const r = await loadConfig({ env: { HTTP_PORT: 'nope', SLACK_BOT_TOKEN: 'xoxb-1' }, cwd: '/srv', file: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toMatch(/HTTP_PORT/);
      expect(r.error.message).toMatch(/SLACK_SIGNING_SECRET \(HTTP mode\) or SLACK_APP_TOKEN/);
    }
  });
});
