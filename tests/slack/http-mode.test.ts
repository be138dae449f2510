/**
 * Real Bolt over real HTTP: Herald's one HTTP server with the Slack route, signed requests
 * built from captured Slack bodies, and a fake Web API on loopback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp, type SlackApp } from '../../src/adapters/slack/app.js';
import { createSlackPermissions } from '../../src/adapters/slack/permissions.js';
import type { Where } from '../../src/core/ports.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { startFakeSlack, type FakeSlack } from './fake-slack/server.js';
import { blockActionsBody, memoryLogger, postSigned, sampleText, SECRET, sign, slashBody, testDispatcher, TOKEN } from './helpers.js';

let fake: FakeSlack;
let http: HttpServer;
let slack: SlackApp;
let url: string;
const lost: { where: Where; reason: string }[] = [];
const logger = memoryLogger();
let seq = 0;
const rid = () => `r${++seq}`;

beforeAll(async () => {
  fake = await startFakeSlack();
  fake.users.set('U2147483697', { id: 'U2147483697', name: 'Steve' });
  fake.users.set('UADMIN', { id: 'UADMIN', is_admin: true });
  fake.usergroups.push({ id: 'S0MODS', users: ['U2147483697'] });
  const { registry, dispatcher } = testDispatcher(logger);
  http = createHttpServer(logger);
  slack = createSlackApp({
    botToken: TOKEN,
    signingSecret: SECRET,
    apiUrl: fake.apiUrl,
    http,
    registry,
    dispatcher,
    logger,
    ackBudgetMs: 150,
    onChannelUnavailable: (where, reason) => void lost.push({ where, reason }),
  });
  await slack.start();
  const { port } = await http.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${port}/slack/events`;
});

afterAll(async () => {
  await slack?.stop();
  await http?.close();
  await fake?.close();
});

type Ack = { response_type?: string; text?: string; blocks?: unknown[] };
const parse = (text: string): Ack => (text ? (JSON.parse(text) as Ack) : {});

describe('Slack over HTTP', () => {
  it('checked the token with auth.test at start', () => {
    expect(fake.callsOf('auth.test')).toHaveLength(1);
    expect(slack.mode).toBe('http');
  });

  it('answers the dedicated /who-is in the ack, in_channel, with mentions escaped', async () => {
    const res = await postSigned(url, slashBody('/who-is', 'niklas hedman', fake.responseUrl(rid())));
    expect(res.status).toBe(200);
    const ack = parse(res.text);
    expect(ack.response_type).toBe('in_channel');
    expect(JSON.stringify(ack.blocks)).toContain('Niklas Hedman (niklas hedman)');
    expect(res.text).not.toMatch(/<!channel>|<!here>|<@U123>/);
    expect(res.text).toContain('&lt;!channel&gt;');
  });

  it('answers the umbrella form /herald who-is hedman the same way', async () => {
    const res = await postSigned(url, slashBody('/herald', 'who-is hedman', fake.responseUrl(rid())));
    expect(res.status).toBe(200);
    expect(JSON.stringify(parse(res.text).blocks)).toContain('Niklas Hedman (hedman)');
  });

  it('runs every command through both the dedicated and the umbrella form', async () => {
    for (const [name, sample] of Object.entries(sampleText)) {
      for (const [command, text] of [[`/${name}`, sample.text], ['/herald', `${name} ${sample.text}`]] as const) {
        const id = rid();
        const res = await postSigned(url, slashBody(command, text, fake.responseUrl(id), name === 'admin-set' ? { user_id: 'UADMIN' } : {}));
        expect(res.status, `${command} ${text}`).toBe(200);
        const answered = res.text ? res.text : JSON.stringify(await fake.waitForResponse(id));
        expect(answered, `${command} ${text}`).toContain(sample.expect);
      }
    }
  });

  it('refuses a wrong signature, a stale timestamp and an empty signature with 401', async () => {
    const body = slashBody('/who-is', 'hedman', fake.responseUrl(rid()));
    expect((await postSigned(url, body, { secret: 'not-the-secret' })).status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await postSigned(url, body, { ts: stale, signature: sign(body, stale) })).status).toBe(401);
    expect((await postSigned(url, body, { signature: '' })).status).toBe(401);
  });

  it('acks a slow command at once and respond()s when it is done', async () => {
    const id = rid();
    const res = await postSigned(url, slashBody('/slow-digest', '', fake.responseUrl(id)));
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(res.ms).toBeLessThan(250);
    expect(fake.responses.get(id)).toBeUndefined();
    const [later] = await fake.waitForResponse(id);
    expect(later!['response_type']).toBe('in_channel');
    expect(JSON.stringify(later)).toContain('done slowly');
  });

  it('acks empty when an undeclared slow command overruns the ack budget, then responds', async () => {
    const id = rid();
    const res = await postSigned(url, slashBody('/sluggish', '', fake.responseUrl(id)));
    expect(res.text).toBe('');
    expect(res.ms).toBeLessThan(380);
    expect(JSON.stringify(await fake.waitForResponse(id))).toContain('late but here');
  });

  it('keeps errors ephemeral and names the expected options', async () => {
    const res = await postSigned(url, slashBody('/who-is', '', fake.responseUrl(rid())));
    const ack = parse(res.text);
    expect(ack.response_type).toBe('ephemeral');
    expect(JSON.stringify(ack.blocks)).toContain('missing &lt;name&gt;');
    const unknown = parse((await postSigned(url, slashBody('/herald', 'who-iz hedman', fake.responseUrl(rid())))).text);
    expect(JSON.stringify(unknown.blocks)).toContain('Did you mean /who-is?');
  });

  it('refuses an admin command to a member, asking users.info once per TTL', async () => {
    const before = fake.callsOf('users.info').filter((c) => c.params['user'] === 'U2147483697').length;
    for (let i = 0; i < 2; i++) {
      const ack = parse((await postSigned(url, slashBody('/admin-set', '3', fake.responseUrl(rid())))).text);
      expect(ack.response_type).toBe('ephemeral');
      expect(JSON.stringify(ack.blocks)).toContain('needs admin access');
    }
    const after = fake.callsOf('users.info').filter((c) => c.params['user'] === 'U2147483697').length;
    expect(after - before).toBeLessThanOrEqual(1);
    const adminAck = parse((await postSigned(url, slashBody('/admin-set', '4', fake.responseUrl(rid()), { user_id: 'UADMIN' }))).text);
    expect(adminAck.response_type).toBe('ephemeral');
    expect(JSON.stringify(adminAck.blocks)).toContain('set to 4');
  });

  it('runs the command a button carries (block_actions) and answers through response_url', async () => {
    const first = parse((await postSigned(url, slashBody('/who-is', 'hedman', fake.responseUrl(rid())))).text);
    const actions = (first.blocks as { type: string; elements?: { value: string; action_id: string }[] }[]).find((b) => b.type === 'actions')!;
    const button = actions.elements![0]!;
    const id = rid();
    const res = await postSigned(url, blockActionsBody(button.value, button.action_id, fake.responseUrl(id)));
    expect(res.status).toBe(200);
    const [answer] = await fake.waitForResponse(id);
    expect(JSON.stringify(answer)).toContain('We go together.');
    expect(JSON.stringify(answer)).toContain('Hedman');
    expect(answer!['replace_original']).toBe(false);
  });

  it('answers a button in an app-home view (no response_url) in the user\'s DM', async () => {
    const before = fake.callsOf('chat.postMessage').length;
    const res = await postSigned(url, blockActionsBody(JSON.stringify({ c: 'quotes' }), 'herald:quotes:0', null));
    expect(res.status).toBe(200);
    for (let i = 0; i < 100 && fake.callsOf('chat.postMessage').length === before; i++) await new Promise((r) => setTimeout(r, 10));
    const call = fake.callsOf('chat.postMessage').at(-1)!;
    expect(call.params['channel']).toBe('U123');
  });

  it('tells the composition root when the bot is removed from a channel', async () => {
    const body = JSON.stringify({ token: 'x', team_id: 'T0001', api_app_id: 'A1', type: 'event_callback', event_id: 'Ev1', event_time: 1, event: { type: 'channel_left', channel: 'C0LOST', actor_id: 'U1' } });
    const res = await postSigned(url, body, { contentType: 'application/json' });
    expect(res.status).toBe(200);
    for (let i = 0; i < 100 && lost.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(lost).toEqual([{ where: { platform: 'slack', workspaceId: 'T0001', channelId: 'C0LOST' }, reason: 'removed_from_channel' }]);
  });

  it('reads user groups as role ids and admins/owners as admin level', async () => {
    const perms = createSlackPermissions({ client: slack.client, clock: { now: () => new Date() }, logger });
    expect(await perms.invoker('T0001', 'U2147483697')).toMatchObject({ platformLevel: 'member', roleIds: ['S0MODS'] });
    expect(await perms.invoker('T0001', 'UADMIN')).toMatchObject({ platformLevel: 'admin', roleIds: [] });
    expect(await perms.invoker('T0001', 'UNOBODY')).toMatchObject({ platformLevel: 'member' });
  });
});
