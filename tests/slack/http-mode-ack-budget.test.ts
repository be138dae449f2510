/**
 * Real Bolt over real HTTP with the real 2 s ack budget: a fast command is answered in the
 * ack itself. (http-mode.test.ts runs a 150 ms budget to exercise the slow path.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp } from '../../src/adapters/slack/app.js';
import { SHARE_ACTION_ID } from '../../src/adapters/slack/share.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { startFakeSlack, type FakeSlack } from './fake-slack/server.js';
import { memoryLogger, postSigned, SECRET, slashBody, testDispatcher, TOKEN } from './helpers.js';

type Ack = { response_type?: string; blocks?: unknown[] };
type ActionsBlock = { type: string; elements?: { value: string; action_id: string }[] };
const logger = memoryLogger();
let fake: FakeSlack;

beforeAll(async () => {
  fake = await startFakeSlack();
});

afterAll(async () => {
  await fake?.close();
});

const shareButton = (a: Ack) =>
  ((a.blocks ?? []) as ActionsBlock[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .find((e) => e.action_id === SHARE_ACTION_ID);

describe('Slack over HTTP with the default 2 s ack budget', () => {
  let http2: HttpServer;
  let url2: string;

  beforeAll(async () => {
    const { registry, dispatcher } = testDispatcher(logger);
    http2 = createHttpServer(logger);
    const app2 = createSlackApp({
      botToken: TOKEN,
      signingSecret: SECRET,
      apiUrl: fake.apiUrl,
      http: http2,
      registry,
      dispatcher,
      logger,
    });
    await app2.start();
    url2 = `http://127.0.0.1:${(await http2.listen(0, '127.0.0.1')).port}/slack/events`;
  });

  afterAll(async () => {
    await http2?.close();
  });

  it('answers a fast command in the ack itself, never through response_url', async () => {
    const id = 'fast-1';
    const res = await postSigned(url2, slashBody('/who-is', 'niklas hedman', fake.responseUrl(id)));
    expect(res.status).toBe(200);
    const ack = (res.text ? JSON.parse(res.text) : {}) as Ack;
    expect(ack.response_type).toBe('ephemeral');
    expect(JSON.stringify(ack.blocks)).toContain('Niklas Hedman (niklas hedman)');
    expect(shareButton(ack)).toBeDefined();
    expect(fake.responses.get(id)).toBeUndefined();
  });
});
