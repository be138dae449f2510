/**
 * A list command an admin enabled for some workspaces only (config/herald.json
 * `listCommands[].workspaces`): it answers there, is refused and hidden elsewhere, and is
 * registered on Discord only in the servers named.
 */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { buildCommands } from '../../src/adapters/discord/register.js';
import { answerLine } from '../../src/adapters/shell/shell.js';
import { renderText } from '../../src/adapters/text/render-text.js';
import { loadConfig } from '../../src/config/load.js';
import { createHerald } from '../../src/main.js';
import { testConfig } from '../helpers/test-config.js';

const spec = {
  name: 'sponsors',
  description: 'Who sponsors the workshop',
  topic: 'workshop co-sponsored',
  workspaces: ['discord:111', 'shell:club'],
};

async function app() {
  const built = await createHerald(await testConfig({ listCommands: [spec] }), {
    logger: pino({ level: 'silent' }),
    store: 'memory',
  });
  if (!built.ok) throw new Error(built.error.message);
  const a = built.value;
  const ask = async (line: string, workspaceId: string, platform: 'shell' | 'discord' = 'shell') =>
    answerLine(line, {
      dispatcher: a.dispatcher,
      registry: a.registry,
      invoker: { userId: 'u', platformLevel: 'member' },
      where: { platform, workspaceId, channelId: 'c' },
    });
  return { a, ask };
}

describe('list commands enabled per workspace', () => {
  it('answers in a listed workspace and is refused, plainly, elsewhere', async () => {
    const { ask } = await app();
    const here = await ask('/sponsors', 'club');
    expect(here.kind).toBe('answer');
    expect(renderText(here)).toContain('China National Space Administration');
    const elsewhere = await ask('/sponsors', 'other');
    expect(elsewhere.kind).toBe('error');
    expect(elsewhere.code).toBe('unknown_command');
    expect(renderText(elsewhere)).toContain('/sponsors is not enabled in this workspace');
  });

  it('/help lists it only where it is enabled', async () => {
    const { ask } = await app();
    expect(renderText(await ask('/help', 'club'))).toContain('/sponsors');
    expect(renderText(await ask('/help', 'other'))).not.toContain('/sponsors');
    expect((await ask('/help sponsors', 'other')).kind).toBe('not_found');
  });

  it('is registered on Discord in the servers named, never globally', async () => {
    const { a } = await app();
    const names = (guild?: string) => {
      const built = buildCommands(a.registry, guild);
      if (!built.ok) throw new Error(built.error.message);
      return built.value.map((c) => c.name);
    };
    expect(names()).not.toContain('sponsors');
    expect(names('222')).not.toContain('sponsors');
    expect(names('111')).toContain('sponsors');
  });

  it('the config schema checks the workspace form', async () => {
    const bad = await loadConfig({
      env: {},
      cwd: '/srv',
      file: { listCommands: [{ ...spec, workspaces: ['guild 111'] }] },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/must be platform:id/);
  });
});
