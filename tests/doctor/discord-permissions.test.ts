/**
 * The doctor's permission arithmetic (issue 16) as Discord documents it, on discord.js's own
 * bits: Administrator grants everything, a deny overwrite removes, a member overwrite beats the
 * role overwrites; and what each channel setting needs.
 */
import { PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  effectivePermissions,
  missingPermissions,
  neededPermissions,
  permissionLabel,
  type PermissionInput,
} from '../../src/doctor/discord-permissions.js';
import { DIGEST_ONLY } from '../../src/core/live/settings.js';

const F = PermissionFlagsBits;
const GUILD = '10';
const BOT = '20';
const ROLE = '30';
const bits = (...b: bigint[]) => String(b.reduce((a, x) => a | x, 0n));
const base: PermissionInput = {
  guildId: GUILD,
  roles: [
    { id: GUILD, permissions: bits(F.ViewChannel, F.SendMessages) },
    { id: ROLE, permissions: bits(F.EmbedLinks, F.CreatePublicThreads) },
  ],
  memberId: BOT,
  memberRoleIds: [ROLE],
  overwrites: [],
};

describe('effectivePermissions', () => {
  it('ORs @everyone with the member roles, and ignores roles the member does not have', () => {
    const p = effectivePermissions({
      ...base,
      roles: [...base.roles, { id: '99', permissions: bits(F.ManageMessages) }],
    });
    expect(p.has(F.SendMessages)).toBe(true);
    expect(p.has(F.CreatePublicThreads)).toBe(true);
    expect(p.has(F.ManageMessages)).toBe(false);
  });

  it('Administrator grants everything, whatever the overwrites deny', () => {
    const p = effectivePermissions({
      ...base,
      roles: [...base.roles, { id: '40', permissions: bits(F.Administrator) }],
      memberRoleIds: [ROLE, '40'],
      overwrites: [{ id: ROLE, type: 0, allow: '0', deny: bits(F.SendMessages) }],
    });
    expect(p.has(F.ManageMessages)).toBe(true);
    expect(p.has(F.SendMessages)).toBe(true);
  });

  it('a deny overwrite removes what the roles grant', () => {
    const p = effectivePermissions({
      ...base,
      overwrites: [{ id: ROLE, type: 0, allow: '0', deny: bits(F.CreatePublicThreads) }],
    });
    expect(p.has(F.CreatePublicThreads)).toBe(false);
    expect(p.has(F.EmbedLinks)).toBe(true);
  });

  it('a role overwrite allow beats the @everyone overwrite deny', () => {
    const p = effectivePermissions({
      ...base,
      overwrites: [
        { id: GUILD, type: 0, allow: '0', deny: bits(F.SendMessages) },
        { id: ROLE, type: 0, allow: bits(F.SendMessages), deny: '0' },
      ],
    });
    expect(p.has(F.SendMessages)).toBe(true);
  });

  it('the member overwrite beats the role overwrites', () => {
    const p = effectivePermissions({
      ...base,
      overwrites: [
        { id: ROLE, type: 0, allow: '0', deny: bits(F.EmbedLinks) },
        { id: BOT, type: 1, allow: bits(F.EmbedLinks), deny: bits(F.SendMessages) },
      ],
    });
    expect(p.has(F.EmbedLinks)).toBe(true);
    expect(p.has(F.SendMessages)).toBe(false);
  });

  it('the guild owner may do everything', () => {
    expect(effectivePermissions({ ...base, memberRoleIds: [], ownerId: BOT }).has(F.ManageMessages)).toBe(true);
  });
});

describe('neededPermissions', () => {
  const live = { ...DIGEST_ONLY, post: 'live' as const };
  const names = (type: number, feeds: Parameters<typeof neededPermissions>[1]) =>
    neededPermissions(type, feeds).map((n) => `${n.setting}: ${n.permission}`);

  it('posting needs Send Messages and Embed Links; Mention Everyone never', () => {
    const all = names(0, [{ feedId: 3, settings: { ...live, thread: true, publish: true } }]);
    expect(all).toContain('posting: SendMessages');
    expect(all).toContain('posting: EmbedLinks');
    expect(all.join()).not.toContain('MentionEveryone');
  });

  it('thread on needs Create Public Threads and Send Messages in Threads, only for a live feed', () => {
    expect(names(0, [{ feedId: 3, settings: { ...live, thread: true } }])).toEqual(
      expect.arrayContaining(['feed 3 thread on: CreatePublicThreads', 'feed 3 thread on: SendMessagesInThreads']),
    );
    expect(names(0, [{ feedId: 3, settings: { ...DIGEST_ONLY, thread: true } }]).join()).not.toContain('Threads');
  });

  it('forum and media channels need Send Messages in Threads; publish on in an announcement channel needs Manage Messages', () => {
    expect(names(15, [])).toContain('forum posts: SendMessagesInThreads');
    expect(names(16, [])).toContain('forum posts: SendMessagesInThreads');
    expect(names(5, [{ feedId: 4, settings: { ...live, publish: true } }])).toContain(
      'feed 4 publish on: ManageMessages',
    );
  });

  it('names what is missing, in words Discord shows', () => {
    const has = effectivePermissions(base);
    const missing = missingPermissions(neededPermissions(0, [{ feedId: 3, settings: { ...live, thread: true } }]), has);
    expect(missing.map((n) => permissionLabel(n.permission))).toEqual(['Send Messages in Threads']);
  });
});
