/**
 * Gateway sharding: two Herald gateways, one with DISCORD_SHARDS=0 and one with DISCORD_SHARDS=1
 * (DISCORD_SHARD_COUNT=2, read by the real config loader), log in to the fake gateway, which
 * routes each guild's events to shard (guild_id >> 22) % 2 as Discord does. Every interaction is
 * handled by exactly one of them, the one owning its guild's shard, and each sees only its own
 * guilds.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordGateway, type DiscordGateway } from '../../src/adapters/discord/gateway.js';
import { loadConfig } from '../../src/config/load.js';
import type { Dispatcher, Invocation } from '../../src/core/commands/dispatch.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/server.js';
import { freshInteractionId, silentLogger, testDispatcher } from './helpers.js';

const APP = '100000000000000001';
const slashFixture = JSON.parse(
  readFileSync(
    new URL('../fixtures/payloads/discord_slash_command_interaction_type2_docs.json', import.meta.url),
    'utf8',
  ),
);
/** Guild ids whose shard (of 2) is known: (id >> 22) % 2 is the last bit of the prefix. */
const guilds = Array.from({ length: 10 }, (_, i) => String((1000n + BigInt(i)) << 22n));
const ownerOf = (guild: string): number => Number((BigInt(guild) >> 22n) % 2n);

let fake: FakeDiscord;
const gateways: DiscordGateway[] = [];
const handled: { shard: number; guild: string | null; name: unknown }[] = [];

/** The test dispatcher, noting which shard's process answered each invocation. */
function recording(shard: number): Dispatcher {
  const inner = testDispatcher();
  return {
    dispatch: (inv: Invocation) => {
      handled.push({ shard, guild: inv.where.workspaceId, name: inv.args['name'] });
      return inner.dispatch(inv);
    },
    autocomplete: (inv, focused, query) => inner.autocomplete(inv, focused, query),
    isSlow: (command, sub) => inner.isSlow(command, sub),
    requiredLevel: (command, sub) => inner.requiredLevel(command, sub),
  };
}

beforeAll(async () => {
  fake = await startFakeDiscord({ applicationId: APP });
  for (const shard of [0, 1]) {
    const config = await loadConfig({
      env: { DISCORD_TOKEN: 'shard-token', DISCORD_SHARDS: String(shard), DISCORD_SHARD_COUNT: '2' },
      file: {},
    });
    if (!config.ok) throw new Error(config.error.message);
    gateways.push(
      await startDiscordGateway({
        token: config.value.discord!.token!,
        apiUrl: fake.api,
        dispatcher: recording(shard),
        logger: silentLogger,
        restOverrides: { offset: 0 },
        shards: config.value.discord!.shards ?? null,
      }),
    );
  }
});
afterAll(async () => {
  for (const gw of gateways) await gw.stop();
  await fake.close();
});

describe('discord gateway sharding', () => {
  it('identifies each process with its own shard of two', () => {
    expect(fake.gateway.identifies.map((d) => d.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    // The fake's own guild is on exactly one shard, and only that process has it.
    const owner = ownerOf(fake.gateway.guildId);
    expect(gateways.map((gw) => gw.client.guilds.cache.has(fake.gateway.guildId))).toEqual([owner === 0, owner === 1]);
  });

  it("handles each guild's interactions in exactly one process, the one owning the guild's shard", async () => {
    expect(new Set(guilds.map(ownerOf))).toEqual(new Set([0, 1])); // both shards have work
    const sent = guilds.flatMap((guild) =>
      [1, 2].map((n) => ({
        ...slashFixture,
        id: freshInteractionId(),
        application_id: APP,
        guild_id: guild,
        token: `shard-${guild}-${n}`,
        data: {
          ...slashFixture.data,
          name: 'who-is',
          options: [{ type: 3, name: 'name', value: `Hedman ${guild}-${n}` }],
        },
      })),
    );
    for (const payload of sent) fake.gateway.dispatch('INTERACTION_CREATE', payload);
    for (const payload of sent)
      await fake.waitFor((r) => r.path === `/interactions/${payload.id}/${payload.token}/callback`);
    await Promise.all(gateways.map((gw) => gw.idle()));

    for (const payload of sent) {
      const by = handled.filter((h) => h.name === payload.data.options[0].value);
      expect(by, payload.id).toHaveLength(1);
      expect(by[0]!.shard, `guild ${payload.guild_id}`).toBe(ownerOf(payload.guild_id));
    }
    // Each process answered only for its own guilds: none of the other shard's reached it.
    for (const shard of [0, 1])
      expect(
        handled.filter((h) => h.shard === shard).every((h) => h.guild !== null && ownerOf(h.guild) === shard),
      ).toBe(true);
  });
});
