import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { answerLine } from '../../src/adapters/shell/shell.js';
import { defineCommand } from '../../src/core/commands/define.js';
import { createDispatcher } from '../../src/core/commands/dispatch.js';
import { parseCommandLine } from '../../src/core/commands/parse-text.js';
import { createRegistry } from '../../src/core/commands/registry.js';
import { createMemoryLibrary } from '../../src/core/library/memory-library.js';
import { systemClock } from '../../src/core/ports.js';
import { answer } from '../../src/core/reply/build.js';
import { builtinCommands } from '../../commands/index.js';
import { fixture, NASA, SAMPLE, testApp } from '../helpers/herald-app.js';

describe('parsing and dispatching the member commands', () => {
  it('parses names with spaces into the name option and questions into /ask', () => {
    const reg = createRegistry(builtinCommands);
    if (!reg.ok) throw new Error(reg.error.message);
    expect(parseCommandLine('/who-is niklas hedman', reg.value)).toEqual({
      ok: true,
      value: { command: 'who-is', subcommand: null, args: { name: 'niklas hedman' } },
    });
    expect(parseCommandLine('/ask who co-sponsored the workshop?', reg.value)).toMatchObject({
      ok: true,
      value: { args: { question: 'who co-sponsored the workshop?' } },
    });
    expect(parseCommandLine('/quotes speaker:hedman', reg.value)).toMatchObject({
      ok: true,
      value: { args: { speaker: 'hedman' } },
    });
  });

  it('suggests the closest command for an unknown one', async () => {
    const t = await testApp(SAMPLE);
    const r = await t.reply('/whois hedman');
    expect(r.code).toBe('unknown_command');
    expect(JSON.stringify(r.blocks)).toContain('Did you mean /who-is?');
  });

  it('reports a bad option with the usage line', async () => {
    const t = await testApp(SAMPLE);
    const missing = await t.reply('/who-is');
    expect(missing.code).toBe('bad_input');
    expect(JSON.stringify(missing.blocks)).toContain('Usage: /who-is <name> [scope] [article]');
    const unknown = await t.reply('/summary --colour red');
    expect(unknown.code).toBe('bad_input');
  });

  it('answers "no article matches" for an unknown article reference', async () => {
    const t = await testApp(SAMPLE);
    const r = await t.reply('/summary article:"no such story"');
    expect(r.kind).toBe('not_found');
    expect(r.title).toBe('No article matches "no such story".');
  });

  it('takes an article by its number in /articles, as users copy it from there', async () => {
    const t = await testApp(SAMPLE);
    const loaded = await t.app.load(fixture(NASA[2]));
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(await t.text('/articles')).toContain('/summary article:1');
    expect((await t.reply('/source article:1')).blocks).toContainEqual(
      expect.objectContaining({ type: 'heading', text: 'Source' }),
    );
    expect(JSON.stringify((await t.reply('/source article:1')).blocks)).toContain(
      'NASA Sets Path to Return Mars Samples',
    );
    expect(JSON.stringify((await t.reply('/source article:2')).blocks)).toContain(
      'China, UN promote new space exploration partnership',
    );
    expect((await t.reply('/source article:9')).title).toBe('No article matches "9".');
  });

  it('refuses a command above the invoker level and runs it for an admin', async () => {
    const secret = defineCommand({
      name: 'secret',
      description: 'Admins only',
      access: 'admin',
      category: 'admin',
      options: {},
      run: () => answer('ok', []),
    });
    const reg = createRegistry([...builtinCommands.filter((c) => c.access === 'member'), secret], { provides: [] });
    if (!reg.ok) throw new Error(reg.error.message);
    const dispatcher = createDispatcher({
      registry: reg.value,
      library: createMemoryLibrary(),
      clock: systemClock,
      logger: pino({ level: 'silent' }),
    });
    const asMember = await answerLine('/secret', {
      dispatcher,
      registry: reg.value,
      invoker: { userId: 'u', platformLevel: 'member' },
    });
    expect(asMember.code).toBe('permission_denied');
    expect(asMember.title).toBe('/secret needs admin access; you have member access.');
    const asAdmin = await answerLine('/secret', {
      dispatcher,
      registry: reg.value,
      invoker: { userId: 'u', platformLevel: 'admin' },
    });
    expect(asAdmin.kind).toBe('answer');
    expect(asAdmin.ephemeral).toBe(true);
  });

  it("a command's log lines and a failure's line carry the invocation (command, platform, channel)", async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'info' }, { write: (l: string) => void lines.push(JSON.parse(l)) });
    const noisy = defineCommand({
      name: 'noisy',
      description: 'Logs, then fails when asked to',
      access: 'member',
      category: 'help',
      options: { fail: { type: 'boolean', description: 'Throw' } },
      run: (ctx) => {
        ctx.services.logger.info({ step: 1 }, 'working');
        if (ctx.args.fail) throw new Error('boom');
        return answer('ok', []);
      },
    });
    const reg = createRegistry([noisy], { provides: [] });
    if (!reg.ok) throw new Error(reg.error.message);
    const dispatcher = createDispatcher({
      registry: reg.value,
      library: createMemoryLibrary(),
      clock: systemClock,
      logger,
      newRef: () => 'ref1',
    });
    const invoker = { userId: 'u', platformLevel: 'member' } as const;
    const where = { platform: 'shell', workspaceId: 'local', channelId: 'c7' } as const;
    expect((await dispatcher.dispatch({ command: 'noisy', args: {}, invoker, where })).kind).toBe('answer');
    expect((await dispatcher.dispatch({ command: 'noisy', args: { fail: 'yes' }, invoker, where })).ref).toBe('ref1');
    const bound = { command: 'noisy', platform: 'shell', channel: 'c7' };
    expect(lines.map((l) => l['msg'])).toEqual(['working', 'working', 'command failed']);
    for (const l of lines) expect(l).toMatchObject(bound);
    expect(lines[0]).toMatchObject({ step: 1 });
    expect(lines[2]).toMatchObject({ ref: 'ref1', err: { message: 'boom' } });
    expect(lines.every((l) => !('subcommand' in l))).toBe(true);
  });

  it('autocompletes people, speakers and lists from the article', async () => {
    const t = await testApp(SAMPLE);
    const where = { platform: 'shell', workspaceId: 'local', channelId: 'local' } as const;
    const invoker = { userId: 'u', platformLevel: 'member' } as const;
    const people = await t.app.dispatcher.autocomplete({ command: 'who-is', args: {}, invoker, where }, 'name', 'hed');
    expect(people[0]?.value).toBe('Niklas Hedman');
    const lists = await t.app.dispatcher.autocomplete({ command: 'list', args: {}, invoker, where }, 'topic', 'eight');
    expect(lists.length).toBeGreaterThan(0);
  });
});
