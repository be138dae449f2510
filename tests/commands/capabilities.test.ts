/**
 * Typed capabilities: a command declares what it needs; the registry refuses at start-up a command
 * whose needs the app cannot meet, and the context a command sees holds exactly what it declared.
 */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { builtinCommands } from '../../commands/index.js';
import { createDispatcher } from '../../src/core/commands/dispatch.js';
import { defineCommand, defineCommandGroup, defineSubcommand } from '../../src/core/commands/define.js';
import { createRegistry } from '../../src/core/commands/registry.js';
import { createMemoryLibrary } from '../../src/core/library/memory-library.js';
import { systemClock } from '../../src/core/ports.js';
import { answer } from '../../src/core/reply/build.js';

const quiet = pino({ level: 'silent' });

const needsFeeds = defineCommandGroup({
  name: 'feedish',
  description: 'Needs the store and feed fetching',
  access: 'admin',
  category: 'feeds',
  subcommands: {
    add: defineSubcommand({
      description: 'Needs feeds',
      options: {},
      needs: ['store', 'feeds'],
      run: (ctx) => answer(typeof ctx.services.feeds.preview, []),
    }),
    show: defineSubcommand({ description: 'Needs nothing', options: {}, run: () => answer('ok', []) }),
  },
});

// The types follow the declaration: what was not declared is not there (tsc checks these lines).
export const undeclared = [
  defineSubcommand({
    description: 'Declares the store only',
    options: {},
    needs: ['store'],
    // @ts-expect-error feed fetching was not declared
    run: (ctx) => answer(typeof ctx.services.feeds, []),
  }),
  defineSubcommand({
    description: 'Declares nothing',
    options: {},
    // @ts-expect-error no article was declared
    run: (ctx) => answer(ctx.article.id, []),
  }),
];

describe('command needs', () => {
  it('are refused at start-up when the app does not provide them, naming the command and the need', () => {
    const refused = createRegistry([needsFeeds], { provides: ['store'] });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toContain('/feedish add: needs "feeds"');
    expect(!refused.ok && refused.error.message).not.toContain('/feedish show');
    expect(createRegistry([needsFeeds], { provides: ['store', 'feeds'] }).ok).toBe(true);
  });

  it('of every built-in command are met by the full app and refused by an app without a store', () => {
    expect(
      createRegistry(builtinCommands, { provides: ['store', 'feeds', 'schedules', 'channels', 'dashboard'] }).ok,
    ).toBe(true);
    const bare = createRegistry(builtinCommands, { provides: [] });
    expect(bare.ok).toBe(false);
    for (const label of ['/feeds add', '/schedule add', '/channel set', '/roles admin', '/audit', '/config import'])
      expect(!bare.ok && bare.error.message).toContain(`${label}: needs "store"`);
    // Member commands answering from an article need nothing beyond the library.
    expect(!bare.ok && bare.error.message).not.toMatch(/\/who-is|\/digest|\/ask/);
  });

  it('that the dispatcher was not given are a wiring error, not a reply', () => {
    const reg = createRegistry([needsFeeds]);
    if (!reg.ok) throw new Error(reg.error.message);
    expect(() =>
      createDispatcher({ registry: reg.value, library: createMemoryLibrary(), clock: systemClock, logger: quiet }),
    ).toThrow(/\/feedish add: store, feeds/);
  });

  it('shape the context: an article only for commands that declare it', async () => {
    const seen: string[] = [];
    const withArticle = defineCommand({
      name: 'with-article',
      description: 'Reads the article',
      access: 'member',
      category: 'news',
      needs: ['article'],
      options: {},
      run: (ctx) => {
        seen.push(`with: ${'article' in ctx} ${ctx.article.id.length > 0}`);
        return answer('ok', []);
      },
    });
    const without = defineCommand({
      name: 'without',
      description: 'Needs nothing',
      access: 'member',
      category: 'news',
      options: {},
      run: (ctx) => {
        seen.push(`without: ${'article' in ctx}`);
        return answer('ok', []);
      },
    });
    const reg = createRegistry([withArticle, without], { provides: [] });
    if (!reg.ok) throw new Error(reg.error.message);
    const library = createMemoryLibrary({
      sample: async () => ({ id: 'abcd1234', article: {} as never, facts: {} as never }),
    });
    const dispatcher = createDispatcher({ registry: reg.value, library, clock: systemClock, logger: quiet });
    const where = { platform: 'shell', workspaceId: 'w', channelId: 'c' } as const;
    const invoker = { userId: 'u', platformLevel: 'member' } as const;
    await dispatcher.dispatch({ command: 'with-article', args: {}, invoker, where });
    await dispatcher.dispatch({ command: 'without', args: {}, invoker, where });
    expect(seen).toEqual(['with: true true', 'without: false']);
  });
});
