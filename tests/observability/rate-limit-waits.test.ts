/**
 * Rate-limit waits reach /metrics (issue 11, "Operating it"): the fake Discord and the fake Slack
 * answer 429, the real adapters wait and retry, and the Prometheus text counts each wait by
 * platform and reason, with its length in a histogram.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordDelivery } from '../../src/adapters/discord/delivery.js';
import { createDiscordRest } from '../../src/adapters/discord/rest.js';
import { createSlackDelivery } from '../../src/adapters/slack/delivery.js';
import type { Reply } from '../../src/core/reply/types.js';
import { createMetrics, recordRateLimitWait, type HeraldMetrics } from '../../src/observability/metrics.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord/server.js';
import { silentLogger } from '../discord/helpers.js';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack/server.js';

const reply: Reply = { kind: 'answer', ephemeral: false, title: 'Digest', blocks: [{ type: 'text', text: 'News.' }] };
let discord: FakeDiscord;
let slack: FakeSlack;
let metrics: HeraldMetrics;

beforeAll(async () => {
  discord = await startFakeDiscord();
  slack = await startFakeSlack();
  metrics = createMetrics();
});
afterAll(async () => {
  metrics.stop();
  await discord.close();
  await slack.close();
});

const line = async (name: string, labels: string) =>
  (await metrics.registry.metrics()).split('\n').find((l) => l.startsWith(`${name}{${labels}}`)) ?? '';

describe('rate-limit waits in /metrics', () => {
  it('counts a Discord 429 the delivery waited out, with its Retry-After', async () => {
    discord.fault({
      method: 'POST',
      path: /^\/channels\/77\/messages$/,
      times: 2,
      status: 429,
      headers: { 'retry-after': '0.2', 'x-ratelimit-scope': 'user' },
      body: { message: 'You are being rate limited.', retry_after: 0.2, global: false },
    });
    const delivery = createDiscordDelivery({
      rest: createDiscordRest({
        token: 'bot-token',
        apiUrl: discord.api,
        overrides: { offset: 0, timeout: 3000 },
        onRateLimitWait: (wait) => recordRateLimitWait(metrics)('discord', wait),
      }),
      logger: silentLogger,
    });
    const sent = await delivery.deliver(
      { platform: 'discord', workspaceId: '2', channelId: '77' },
      { reply, deliveryKey: 'rl-1' },
    );
    expect(sent.ok).toBe(true);
    expect(await line('herald_rate_limit_waits_total', 'platform="discord",reason="429"')).toMatch(/ 2$/);
    expect(await line('herald_rate_limit_wait_seconds_sum', 'platform="discord",reason="429"')).toMatch(/ 0\.4$/);
  });

  it('counts a Slack 429 the delivery waited out', async () => {
    const store = openSqliteStore({ file: ':memory:' });
    if (!store.ok) throw new Error(store.error.message);
    slack.script('chat.postMessage', { kind: 'ratelimit', retryAfter: 1 });
    const delivery = createSlackDelivery({
      botToken: 'xoxb-test-token',
      apiUrl: slack.apiUrl,
      journal: store.value.deliveries,
      logger: silentLogger,
      verifyWithHistory: false,
      onRateLimitWait: (wait) => recordRateLimitWait(metrics)('slack', wait),
    });
    const sent = await delivery.deliver(
      { platform: 'slack', workspaceId: 'T1', channelId: 'C77' },
      { reply, deliveryKey: 'rl-2' },
    );
    await store.value.close();
    expect(sent.ok).toBe(true);
    expect(await line('herald_rate_limit_waits_total', 'platform="slack",reason="429"')).toMatch(/ 1$/);
    expect(await line('herald_rate_limit_wait_seconds_count', 'platform="slack",reason="429"')).toMatch(/ 1$/);
  });
});
