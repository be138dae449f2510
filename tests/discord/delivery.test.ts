/**
 * The Discord delivery port against the fake over real HTTP: a digest to 3 channels,
 * 403/404 handling, a 429 storm (route and global), 500s before and after the write, and
 * every message arriving exactly once.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordDelivery, type ChannelUnavailable } from '../../src/adapters/discord/delivery.js';
import { createDiscordRest } from '../../src/adapters/discord/rest.js';
import type { DeliveryPort, Where } from '../../src/core/ports.js';
import type { Reply } from '../../src/core/reply/types.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/server.js';
import { silentLogger } from './helpers.js';

let fake: FakeDiscord;
let delivery: DeliveryPort;
const unavailable: { where: Where; reason: ChannelUnavailable }[] = [];
const where = (channelId: string): Where => ({ platform: 'discord', workspaceId: '2', channelId });

const digest: Reply = {
  kind: 'answer',
  ephemeral: false,
  title: 'Morning digest',
  blocks: [
    { type: 'heading', text: 'Space deal signed' },
    { type: 'text', text: 'A reader wrote @everyone and @here look at <@&42> and <@7>.' },
    { type: 'list', ordered: true, items: ['lunar research', 'deep space'] },
    { type: 'source', title: 'Space deal signed', url: 'https://example.org/space', name: 'Xinhua' },
  ],
};

beforeAll(async () => {
  fake = await startFakeDiscord();
  delivery = createDiscordDelivery({
    rest: createDiscordRest({ token: 'bot-token', apiUrl: fake.api, overrides: { offset: 0, timeout: 3000 } }),
    logger: silentLogger,
    onChannelUnavailable: (w, reason) => void unavailable.push({ where: w, reason }),
  });
});
afterAll(async () => fake.close());
beforeEach(() => {
  fake.messages.length = 0;
  fake.requests.length = 0;
});

const inChannel = (id: string) => fake.messages.filter((m) => m.channelId === id);

describe('discord delivery', () => {
  it('delivers a digest to 3 channels, once each, pinging nobody', async () => {
    const results = await Promise.all(
      ['11', '12', '13'].map((c) =>
        delivery.deliver(where(c), { reply: digest, deliveryKey: 'digest:2024-01-01T08:00' }),
      ),
    );
    expect(results.every((r) => r.ok && r.value.messageId)).toBe(true);
    for (const c of ['11', '12', '13']) {
      const [m, ...extra] = inChannel(c);
      expect(extra).toHaveLength(0);
      expect(m!.body.allowed_mentions).toEqual({ parse: [] });
      expect(m!.body.enforce_nonce).toBe(true);
      expect(m!.body.nonce).toMatch(/^[0-9a-f]{25}$/);
      expect(m!.body.flags).toBeUndefined();
      expect(JSON.stringify(m!.body)).not.toMatch(/@everyone|@here|<@&|<@\d/);
      expect(m!.body.embeds[0].title).toBe('Space deal signed');
    }
    expect(new Set(fake.messages.map((m) => m.body.nonce)).size).toBe(3);
    expect(fake.requests.every((r) => r.headers.authorization === 'Bot bot-token')).toBe(true);
  });

  it('does not post the same delivery twice (scheduler retry)', async () => {
    const msg = { reply: digest, deliveryKey: 'digest:again' };
    const a = await delivery.deliver(where('21'), msg);
    const b = await delivery.deliver(where('21'), msg);
    expect(inChannel('21')).toHaveLength(1);
    expect(a.ok && b.ok && a.value.messageId === b.value.messageId).toBe(true);
  });

  it('reports 403 and 404 channels once, without retrying them', async () => {
    fake.forbiddenChannels.add('31');
    fake.missingChannels.add('32');
    const r403 = await delivery.deliver(where('31'), { reply: digest, deliveryKey: 'k' });
    const r404 = await delivery.deliver(where('32'), { reply: digest, deliveryKey: 'k' });
    expect(r403.ok || r403.error).toMatchObject({
      code: 'platform_error',
      details: { status: 403, unavailable: true },
    });
    expect(r404.ok || r404.error).toMatchObject({
      code: 'platform_error',
      details: { status: 404, unavailable: true },
    });
    expect(unavailable.map((u) => [u.where.channelId, u.reason.status, u.reason.code])).toEqual([
      ['31', 403, 50001],
      ['32', 404, 10003],
    ]);
    expect(fake.requests).toHaveLength(2);
  });

  it('survives a 429 storm (route and global) with every message arriving once', async () => {
    const route = /^\/channels\/4\d\/messages$/;
    fake.fault({
      method: 'POST',
      path: route,
      times: 4,
      status: 429,
      headers: {
        'retry-after': '0.05',
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': '0.05',
        'x-ratelimit-bucket': 'b',
        'x-ratelimit-scope': 'user',
      },
      body: { message: 'You are being rate limited.', retry_after: 0.05, global: false },
    });
    fake.fault({
      method: 'POST',
      path: route,
      times: 3,
      status: 429,
      headers: { 'retry-after': '0.1', 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' },
      body: { message: 'You are being rate limited.', retry_after: 0.1, global: true },
    });
    const channels = ['41', '42', '43', '44', '45'];
    const results = await Promise.all(
      channels.map((c) => delivery.deliver(where(c), { reply: digest, deliveryKey: 'storm' })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    for (const c of channels) expect(inChannel(c)).toHaveLength(1);
    expect(fake.requests.filter((r) => r.status === 429)).toHaveLength(7);
  });

  it('retries 500s, including a 500 whose message was in fact created, without duplicates', async () => {
    fake.fault({ method: 'POST', path: /^\/channels\/51\/messages$/, times: 2, status: 500 });
    fake.fault({ method: 'POST', path: /^\/channels\/52\/messages$/, times: 1, status: 502, afterEffect: true });
    const [a, b] = await Promise.all([
      delivery.deliver(where('51'), { reply: digest, deliveryKey: 'k5' }),
      delivery.deliver(where('52'), { reply: digest, deliveryKey: 'k5' }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    expect(inChannel('51')).toHaveLength(1);
    expect(inChannel('52')).toHaveLength(1);
    expect(fake.requests.filter((r) => r.path === '/channels/52/messages')).toHaveLength(2);
  });

  it('gives up on a channel that keeps failing with a retryable failure', async () => {
    fake.fault({ method: 'POST', path: /^\/channels\/61\/messages$/, times: 10, status: 503 });
    const r = await delivery.deliver(where('61'), { reply: digest, deliveryKey: 'k6' });
    expect(r.ok || r.error).toMatchObject({ code: 'platform_error', details: { status: 503, retryable: true } });
    expect(fake.requests.filter((x) => x.path === '/channels/61/messages')).toHaveLength(4);
    expect(inChannel('61')).toHaveLength(0);
  });
});
