/**
 * The real app (createHerald: the real command index, the sample article) through the Discord
 * adapter: the signed endpoint and the gateway at once, registration of every real command,
 * and a delivery.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/adapter.js';
import { buildCommands } from '../../src/adapters/discord/register.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { createHerald, type Herald } from '../../src/main.js';
import { testConfig } from '../helpers/test-config.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/server.js';
import { keyPair, postSignedJson, silentLogger } from './helpers.js';

const APP_ID = '100000000000000001';
const { privateKey, publicKeyHex } = keyPair();
let fake: FakeDiscord;
let http: HttpServer;
let adapter: DiscordAdapter;
let app: Herald;
let url: string;

const interaction = (type: number, options: unknown[], token: string) => ({
  id: '500000000000000005',
  application_id: APP_ID,
  type,
  token,
  version: 1,
  guild_id: '6',
  channel_id: '7',
  entitlements: [],
  member: { user: { id: '8', username: 'reader' }, roles: [], permissions: '0' },
  data: { id: '9', name: 'who-is', type: 1, options },
});

beforeAll(async () => {
  fake = await startFakeDiscord({ applicationId: APP_ID });
  const discord = {
    mode: 'http' as const,
    modeReason: 'test',
    token: 'test-token-1',
    applicationId: APP_ID,
    publicKey: publicKeyHex,
    apiUrl: fake.api,
  };
  // The app is built without Discord; the test drives its own adapter (both modes at once).
  const built = await createHerald(await testConfig(), { logger: silentLogger, store: 'memory' });
  if (!built.ok) throw new Error(built.error.message);
  app = built.value;
  http = createHttpServer(silentLogger);
  adapter = createDiscordAdapter({
    config: discord,
    logger: silentLogger,
    gateway: true,
    restOverrides: { offset: 0 },
  });
  expect((await adapter.start({ dispatcher: app.dispatcher, http })).modes).toEqual(['http', 'gateway']);
  url = `http://127.0.0.1:${(await http.listen(0, '127.0.0.1')).port}/discord/interactions`;
});
afterAll(async () => {
  await adapter.stop();
  await http.close();
  await fake.close();
});

describe('the real commands on Discord', () => {
  it('every declared command builds into valid Discord command JSON', () => {
    const built = buildCommands(app.registry);
    expect(built.ok || built.error.message).toBe(true);
    if (built.ok) expect(built.value.map((c) => c.name)).toContain('who-is');
  });

  it('answers the real /who-is hedman through the signed endpoint', async () => {
    const body = await postSignedJson(
      url,
      interaction(2, [{ type: 3, name: 'name', value: 'hedman' }], 't-app-1'),
      privateKey,
    );
    const answer =
      body.type === 4
        ? body.data
        : (await fake.waitFor((r) => r.method === 'PATCH' && r.path.includes('t-app-1'), 10_000)).body;
    expect(answer.embeds[0].title).toBe('Niklas Hedman');
    expect(JSON.stringify(answer.embeds)).toContain('UNOOSA');
    expect(answer.allowed_mentions).toEqual({ parse: [] });
  });

  it('autocompletes /who-is from the sample article', async () => {
    const body = await postSignedJson(
      url,
      interaction(4, [{ type: 3, name: 'name', value: 'hed', focused: true }], 't-app-2'),
      privateKey,
    );
    expect(body.type).toBe(8);
    expect(body.data.choices.map((c: { value: string }) => c.value)).toContain('Niklas Hedman');
  });

  it("delivers through the gateway client's REST queue", async () => {
    const r = await adapter.delivery!.deliver(
      { platform: 'discord', workspaceId: '6', channelId: '77' },
      {
        reply: { kind: 'info', ephemeral: false, title: 'Digest', blocks: [{ type: 'text', text: 'Hello @everyone' }] },
        deliveryKey: 'k',
      },
    );
    expect(r.ok).toBe(true);
    expect(fake.messages.filter((m) => m.channelId === '77')).toHaveLength(1);
  });
});
