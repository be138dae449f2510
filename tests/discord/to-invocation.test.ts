import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { APIInteraction } from 'discord-api-types/v10';
import { commandInvocation, invokerOf } from '../../src/adapters/discord/to-invocation.js';
import { levelFromPermissions } from '../../src/adapters/discord/permissions.js';

const fixture = (name: string): APIInteraction =>
  JSON.parse(readFileSync(new URL(`../fixtures/payloads/${name}`, import.meta.url), 'utf8'));

describe('interaction → invocation', () => {
  it('reads command, options, channel, guild and the member from the docs payload', () => {
    const parsed = commandInvocation(fixture('discord_slash_command_interaction_type2_docs.json'))!;
    expect(parsed.invocation).toEqual({
      command: 'cardsearch',
      subcommand: null,
      args: { cardname: 'The Gitrog Monster' },
      invoker: {
        userId: '53908232506183680',
        displayName: 'Mason',
        platformLevel: 'admin',
        roleIds: ['539082325061836999'],
      },
      where: { platform: 'discord', workspaceId: '290926798626357999', channelId: '645027906669510667' },
    });
    expect(parsed.focused).toBeNull();
  });

  it('finds the focused option of an autocomplete payload, and flattens subcommands', () => {
    const auto = commandInvocation(fixture('discord_autocomplete_interaction_type4_docs.json'))!;
    expect(auto.focused).toEqual({ name: 'variant', value: 'data a user is typ' });
    expect(auto.invocation.where).toEqual({ platform: 'discord', workspaceId: 'dm', channelId: 'unknown' });
    const sub = commandInvocation({
      ...fixture('discord_slash_command_interaction_type2_docs.json'),
      data: {
        id: '1',
        name: 'feeds',
        type: 1,
        options: [{ type: 1, name: 'add', options: [{ type: 3, name: 'url', value: 'u' }] }],
      },
    } as APIInteraction)!;
    expect(sub.invocation).toMatchObject({ command: 'feeds', subcommand: 'add', args: { url: 'u' } });
  });

  it('maps permissions to levels: Manage Server/Administrator → admin, Manage Channels/Manage Messages → moderator', () => {
    expect(levelFromPermissions(String(1n << 3n))).toBe('admin');
    expect(levelFromPermissions(String(1n << 5n))).toBe('admin');
    expect(levelFromPermissions(String(1n << 13n))).toBe('moderator');
    expect(levelFromPermissions(String(1n << 4n))).toBe('moderator');
    // Timeout Members alone is not a Herald moderator.
    expect(levelFromPermissions(String(1n << 40n))).toBe('member');
    expect(levelFromPermissions(String((1n << 10n) | (1n << 11n)))).toBe('member');
    expect(levelFromPermissions(undefined)).toBe('member');
    expect(
      invokerOf({
        ...fixture('discord_user_command_interaction_type2_docs.json'),
        member: undefined,
        user: { id: '9', username: 'dm-user' },
      } as APIInteraction),
    ).toEqual({ userId: '9', displayName: 'dm-user', platformLevel: 'member', roleIds: [] });
  });
});
