/**
 * The HTTP interactions endpoint on Herald's real HTTP server, driven with signed requests
 * built from Discord's own payloads; follow-ups go through real discord.js REST to the fake.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { createInteractionHandler } from '../../src/adapters/discord/interactions.js';
import { mountDiscordInteractions } from '../../src/adapters/discord/http-interactions.js';
import { createDiscordRest } from '../../src/adapters/discord/rest.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/server.js';
import { keyPair, postSigned, postSignedJson, silentLogger, testDispatcher } from './helpers.js';

const fixture = (name: string): any =>
  JSON.parse(readFileSync(new URL(`../fixtures/payloads/${name}`, import.meta.url), 'utf8')); // eslint-disable-line @typescript-eslint/no-explicit-any
const APP = '100000000000000001';
const MODERATOR_PERMS = String(1n << 13n);

let fake: FakeDiscord;
let http: HttpServer;
let url: string;
const { privateKey, publicKeyHex } = keyPair();

/** The docs' slash-command payload, re-aimed at one of our commands. */
function slash(name: string, options: unknown[], extra: Record<string, unknown> = {}): any {
  // eslint-disable-line @typescript-eslint/no-explicit-any
  const p = fixture('discord_slash_command_interaction_type2_docs.json');
  return {
    ...p,
    application_id: APP,
    token: `tok-${Math.random().toString(36).slice(2)}`,
    data: { ...p.data, name, options },
    ...extra,
  };
}

beforeAll(async () => {
  fake = await startFakeDiscord({ applicationId: APP });
  http = createHttpServer(silentLogger);
  const handler = createInteractionHandler({
    dispatcher: testDispatcher({ slowMs: 50 }),
    rest: createDiscordRest({ apiUrl: fake.api, overrides: { offset: 0 } }),
    applicationId: APP,
    logger: silentLogger,
  });
  mountDiscordInteractions(http, {
    publicKey: publicKeyHex,
    handler,
    clock: { now: () => new Date() },
    logger: silentLogger,
  });
  const { port } = await http.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${port}/discord/interactions`;
});

afterAll(async () => {
  await http.close();
  await fake.close();
});

describe('signature checks', () => {
  const ping = fixture('discord_interactions_js_request_bodies.json').ping;
  it('answers a signed PING with PONG', async () => {
    const res = await postSigned(url, ping, privateKey);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ type: 1 });
  });
  it('refuses missing, malformed, wrong-key, tampered and stale requests with 401', async () => {
    const other = keyPair().privateKey;
    expect((await postSigned(url, ping, privateKey, { signature: null })).status).toBe(401);
    expect((await postSigned(url, ping, privateKey, { signature: 'zz' })).status).toBe(401);
    expect((await postSigned(url, ping, other)).status).toBe(401);
    expect((await postSigned(url, ping, privateKey, { timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(
      401,
    );
    const raw = JSON.stringify(ping);
    const good = await postSigned(url, raw, privateKey);
    expect(good.status).toBe(200);
    const ts = String(Math.floor(Date.now() / 1000));
    const { sign } = await import('node:crypto');
    const sig = sign(null, Buffer.from(ts + raw), privateKey).toString('hex');
    const tampered = await fetch(url, {
      method: 'POST',
      headers: { 'x-signature-ed25519': sig, 'x-signature-timestamp': ts },
      body: raw.replace('787053080478613555', '787053080478613556'),
    });
    expect(tampered.status).toBe(401);
  });
});

describe('commands, autocomplete and buttons', () => {
  it('answers the docs slash-command payload for an unknown command with an ephemeral error', async () => {
    const res = await postSigned(url, fixture('discord_slash_command_interaction_type2_docs.json'), privateKey);
    const body = (await res.json()) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.embeds[0].description).toContain('Unknown command /cardsearch');
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers a context-menu command Herald does not declare without crashing', async () => {
    const body = await postSignedJson(url, fixture('discord_message_command_interaction_type2_docs.json'), privateKey);
    expect(body).toMatchObject({ type: 4, data: { flags: 64 } });
  });

  it('answers /who-is inline with an embed, a citation footer and buttons', async () => {
    const body = await postSignedJson(url, slash('who-is', [{ type: 3, name: 'name', value: 'Hedman' }]), privateKey);
    expect(body.type).toBe(4);
    expect(body.data.flags).toBeUndefined();
    expect(body.data.embeds[0]).toMatchObject({
      title: 'Niklas Hedman',
      url: 'https://example.org/space',
      footer: { text: 'Source: Space deal signed — Xinhua' },
    });
    const [more, source] = body.data.components[0].components;
    expect(more.custom_id).toBe('h1:quotes::{"speaker":"Niklas Hedman"}');
    expect(source).toMatchObject({ style: 5, url: 'https://example.org/space' });
  });

  it('autocompletes /who-is names from the docs autocomplete payload', async () => {
    const p = fixture('discord_autocomplete_interaction_type4_docs.json');
    const payload = {
      ...p,
      id: '1',
      token: 't',
      data: { ...p.data, name: 'who-is', options: [{ type: 3, name: 'name', value: 'nic', focused: true }] },
    };
    const body = await postSignedJson(url, payload, privateKey);
    expect(body.type).toBe(8);
    expect(body.data.choices).toEqual([{ name: 'Nicola Fox — associate administrator', value: 'Nicola Fox' }]);
  });

  it('runs the command a button carries', async () => {
    const p = fixture('discord_interactions_js_request_bodies.json').message_component;
    const payload = {
      ...p,
      channel_id: '5',
      guild_id: '6',
      member: { user: { id: '7', username: 'u' }, roles: [], permissions: '0' },
      data: { ...p.data, custom_id: 'h1:quotes::{"speaker":"Niklas Hedman"}' },
    };
    const body = await postSignedJson(url, payload, privateKey);
    expect(body.type).toBe(4);
    expect(body.data.embeds[0].description).toBe('> We welcome it.\n— Niklas Hedman');
    const stale = await postSignedJson(
      url,
      fixture('discord_interactions_js_request_bodies.json').message_component,
      privateKey,
    );
    expect(stale.data.embeds[0].description).toContain('no longer works');
  });

  it('defers a slow moderator command ephemerally and edits the answer into @original', async () => {
    const payload = slash('feeds', [
      { type: 1, name: 'test', options: [{ type: 3, name: 'url', value: 'https://feeds.example/rss' }] },
    ]);
    payload.member = { ...payload.member, permissions: MODERATOR_PERMS };
    const body = await postSignedJson(url, payload, privateKey);
    expect(body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await fake.waitFor(
      (r) => r.method === 'PATCH' && r.path === `/webhooks/${APP}/${payload.token}/messages/@original`,
    );
    expect(edit.body.embeds[0].description).toBe('Fetched https://feeds.example/rss');
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    expect(edit.headers.authorization).toBeUndefined();
  });

  it('refuses a moderator command to a member (after deferring), with an edited ephemeral error', async () => {
    const payload = slash('feeds', [{ type: 1, name: 'test', options: [{ type: 3, name: 'url', value: 'x' }] }]);
    payload.member = { ...payload.member, permissions: '0' };
    expect((await postSignedJson(url, payload, privateKey)).type).toBe(5);
    const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(payload.token));
    expect(edit.body.embeds[0].description).toContain('needs moderator access');
  });

  it('sends the pages of a long answer as follow-ups, and never lets article text ping', async () => {
    const text = '@everyone look <@&123> ' + 'word '.repeat(300);
    const payload = slash('echo', [
      { type: 3, name: 'text', value: text },
      { type: 4, name: 'times', value: 40 },
    ]);
    const body = await postSignedJson(url, payload, privateKey);
    expect(body.type).toBe(4);
    const follow = await fake.waitFor((r) => r.method === 'POST' && r.path === `/webhooks/${APP}/${payload.token}`);
    for (const msg of [body.data, follow.body]) {
      expect(msg.allowed_mentions).toEqual({ parse: [] });
      expect(JSON.stringify(msg)).not.toMatch(/@everyone|<@&/);
    }
  });
});
