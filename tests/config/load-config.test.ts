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

describe('Discord gateway shards', () => {
  const load = (env: Record<string, string>) => loadConfig({ env: { DISCORD_TOKEN: 't', ...env }, cwd, file: {} });

  it('reads the ids this process runs and the total, or every shard when only the total is given', async () => {
    const some = await load({ DISCORD_SHARDS: '3, 1', DISCORD_SHARD_COUNT: '4' });
    expect(some.ok && some.value.discord?.shards).toEqual({ ids: [1, 3], count: 4 });
    const all = await load({ DISCORD_SHARD_COUNT: '3' });
    expect(all.ok && all.value.discord?.shards).toEqual({ ids: [0, 1, 2], count: 3 });
    const none = await load({});
    expect(none.ok && none.value.discord?.shards).toBeNull();
  });

  it('refuses ids without a total, ids beyond it, duplicates, and shards outside gateway mode', async () => {
    const problems = async (env: Record<string, string>) => {
      const r = await load(env);
      return r.ok ? [] : (r.error.details as { problems: string[] }).problems;
    };
    expect(await problems({ DISCORD_SHARDS: '0' })).toEqual([expect.stringContaining('set DISCORD_SHARD_COUNT')]);
    expect(await problems({ DISCORD_SHARDS: '0,2', DISCORD_SHARD_COUNT: '2' })).toEqual([
      expect.stringContaining('2 not below DISCORD_SHARD_COUNT=2'),
    ]);
    expect(await problems({ DISCORD_SHARDS: '1,1', DISCORD_SHARD_COUNT: '2' })).toEqual([
      expect.stringContaining('1 listed twice'),
    ]);
    expect(await problems({ DISCORD_SHARDS: 'one', DISCORD_SHARD_COUNT: '2' })).toEqual([
      expect.stringContaining('DISCORD_SHARDS'),
    ]);
    expect(
      await problems({
        HERALD_DISCORD_MODE: 'http',
        DISCORD_PUBLIC_KEY: 'a'.repeat(64),
        DISCORD_APPLICATION_ID: '100000000000000001',
        DISCORD_SHARD_COUNT: '2',
      }),
    ).toEqual([expect.stringContaining('shards are for the Discord gateway')]);
  });
});
