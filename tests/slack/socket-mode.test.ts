/**
 * Socket Mode: the real Bolt SocketModeReceiver asks the fake Web API for a connection
 * (apps.connections.open), opens the fake WebSocket, and acks envelopes over it.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp, type SlackApp } from '../../src/adapters/slack/app.js';
import { startFakeSlack, type FakeSlack } from './fake-slack/server.js';
import { hold, memoryLogger, testDispatcher, TOKEN } from './helpers.js';

let fake: FakeSlack;
let slack: SlackApp;

const slashPayload = (command: string, text: string, responseUrl: string) => ({
  ...Object.fromEntries(
    new URLSearchParams(
      readFileSync(
        new URL('../fixtures/payloads/slack_slash_command_weather_body.txt', import.meta.url),
        'utf8',
      ).trim(),
    ),
  ),
  command,
  text,
  response_url: responseUrl,
});

beforeAll(async () => {
  fake = await startFakeSlack();
  fake.users.set('U2147483697', { id: 'U2147483697' });
  const logger = memoryLogger();
  const { registry, dispatcher } = testDispatcher(logger);
  slack = createSlackApp({
    botToken: TOKEN,
    appToken: 'xapp-1-test',
    apiUrl: fake.apiUrl,
    registry,
    dispatcher,
    logger,
    ackBudgetMs: 150,
    socketAutoReconnect: false,
  });
  await slack.start();
});

afterAll(async () => {
  await slack?.stop();
  await fake?.close();
});

describe('Slack over Socket Mode', () => {
  it('connects through apps.connections.open with the app token', () => {
    expect(slack.mode).toBe('socket');
    const open = fake.callsOf('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(fake.connectedSockets).toBe(1);
  });

  it('answers a slash command ephemeral (in the envelope ack, or later when over budget), mentions escaped', async () => {
    const ack = await fake.sendEnvelope(
      'slash_commands',
      slashPayload('/who-is', 'niklas hedman', fake.responseUrl('s1')),
    );
    // 150 ms is a short budget on a busy machine: read the answer from whichever path carried it.
    const inAck = ack['payload'] as { response_type: string; blocks: unknown[] } | undefined;
    const payload = inAck?.blocks
      ? inAck
      : ((await fake.waitForResponse('s1', 1, 10_000))[0] as { response_type: string; blocks: unknown[] });
    expect(payload.response_type).toBe('ephemeral');
    expect(JSON.stringify(payload.blocks)).toContain('herald-share');
    expect(JSON.stringify(payload.blocks)).toContain('Niklas Hedman (niklas hedman)');
    expect(JSON.stringify(payload)).not.toContain('<!channel>');
  });

  it('acks a slow command empty over the socket, then responds through response_url', async () => {
    const release = hold('slow-digest');
    const ack = await fake.sendEnvelope(
      'slash_commands',
      slashPayload('/herald', 'slow-digest', fake.responseUrl('s2')),
    );
    expect(ack['payload'] ?? {}).toEqual({});
    expect(fake.responses.get('s2')).toBeUndefined();
    release();
    expect(JSON.stringify(await fake.waitForResponse('s2'))).toContain('done slowly');
  });
});
