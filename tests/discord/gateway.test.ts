/**
 * The gateway path end to end: a real discord.js Client logs in to the fake gateway
 * (GET /gateway/bot, HELLO, IDENTIFY, READY, GUILD_CREATE) and answers INTERACTION_CREATE
 * through the REST interaction callback.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordGateway, type DiscordGateway } from '../../src/adapters/discord/gateway.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/server.js';
import { silentLogger, testDispatcher } from './helpers.js';

const APP = '100000000000000001';
const slashFixture = JSON.parse(
  readFileSync(
    new URL('../fixtures/payloads/discord_slash_command_interaction_type2_docs.json', import.meta.url),
    'utf8',
  ),
);
let fake: FakeDiscord;
let gw: DiscordGateway;

beforeAll(async () => {
  fake = await startFakeDiscord({ applicationId: APP });
  gw = await startDiscordGateway({
    token: 'test-token-123',
    apiUrl: fake.api,
    dispatcher: testDispatcher({ slowMs: 30 }),
    logger: silentLogger,
    restOverrides: { offset: 0 },
  });
});
afterAll(async () => {
  await gw.stop();
  await fake.close();
});

describe('discord gateway', () => {
  it('logs in with the token, the Guilds and Guild Messages intents and no privileged one', () => {
    expect(fake.gateway.identifies).toHaveLength(1);
    expect(fake.gateway.identifies[0]).toMatchObject({ token: 'test-token-123', intents: 1 | 512 });
    expect(gw.client.guilds.cache.has(fake.gateway.guildId)).toBe(true);
    expect(fake.requests.some((r) => r.path === '/gateway/bot')).toBe(true);
  });

  it('answers a slash command from INTERACTION_CREATE through the interaction callback', async () => {
    const payload = {
      ...slashFixture,
      id: '400000000000000004',
      application_id: APP,
      guild_id: fake.gateway.guildId,
      token: 'gw-token-1',
      data: { ...slashFixture.data, name: 'who-is', options: [{ type: 3, name: 'name', value: 'Hedman' }] },
    };
    fake.gateway.dispatch('INTERACTION_CREATE', payload);
    const cb = await fake.waitFor((r) => r.path === `/interactions/${payload.id}/gw-token-1/callback`);
    expect(cb.headers.authorization).toBeUndefined();
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.embeds[0].title).toBe('Niklas Hedman');
    expect(cb.body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers autocomplete and defers slow commands over the gateway too', async () => {
    const auto = {
      ...slashFixture,
      type: 4,
      id: '400000000000000005',
      application_id: APP,
      token: 'gw-token-2',
      data: { ...slashFixture.data, name: 'who-is', options: [{ type: 3, name: 'name', value: 'hed', focused: true }] },
    };
    fake.gateway.dispatch('INTERACTION_CREATE', auto);
    const cb = await fake.waitFor((r) => r.path === `/interactions/${auto.id}/gw-token-2/callback`);
    expect(cb.body).toEqual({
      type: 8,
      data: { choices: [{ name: 'Niklas Hedman — acting director of UNOOSA', value: 'Niklas Hedman' }] },
    });

    const slow = {
      ...slashFixture,
      id: '400000000000000006',
      application_id: APP,
      token: 'gw-token-3',
      member: { ...slashFixture.member, permissions: String(1n << 3n) },
      data: {
        ...slashFixture.data,
        name: 'feeds',
        options: [{ type: 1, name: 'test', options: [{ type: 3, name: 'url', value: 'https://f.example/rss' }] }],
      },
    };
    fake.gateway.dispatch('INTERACTION_CREATE', slow);
    const deferred = await fake.waitFor((r) => r.path === `/interactions/${slow.id}/gw-token-3/callback`);
    expect(deferred.body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await fake.waitFor(
      (r) => r.method === 'PATCH' && r.path === `/webhooks/${APP}/gw-token-3/messages/@original`,
    );
    expect(edit.body.embeds[0].description).toBe('Fetched https://f.example/rss');
    await gw.idle();
  });
});
