/**
 * Real Bolt over real HTTP: Herald's one HTTP server with the Slack route, signed requests
 * built from captured Slack bodies, and a fake Web API on loopback.
 *
 * The app under test has a short ack budget (150 ms) so the slow path is quick to exercise;
 * on a busy machine even a fast command can overrun it, so answers are read from whichever
 * path the adapter used (ack or response_url). The slow path is tested deterministically
 * with held commands, and the fast path strictly against an app with the real 2 s budget.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARE_ACTION_ID } from '../../src/adapters/slack/share.js';
import type { Where } from '../../src/core/ports.js';
import { startFakeSlack, type FakeSlack } from './fake-slack/server.js';
import {
  blockActionsBody,
  hold,
  sleep,
  memoryLogger,
  postSigned,
  sampleText,
  SECRET,
  sign,
  slashBody,
  startHttpSlack,
  testDispatcher,
  waitFor,
  type HttpSlack,
} from './helpers.js';

let fake: FakeSlack;
let slack: HttpSlack;
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
  slack = await startHttpSlack(fake, {
    registry,
    dispatcher,
    logger,
    ackBudgetMs: 150,
    onChannelUnavailable: (where, reason) => void lost.push({ where, reason }),
  });
  url = slack.url;
  // Warm Bolt's request path and the permission cache, so the first test is not the cold one.
  const warm = await postSigned(url, slashBody('/who-is', 'warm up', fake.responseUrl('warm')));
  if (!warm.text) await fake.waitForResponse('warm', 1, 10_000);
});

afterAll(async () => {
  await slack?.close();
  await fake?.close();
});

type Ack = { response_type?: string; text?: string; blocks?: unknown[]; replace_original?: boolean };
type ActionsBlock = { type: string; block_id?: string; elements?: { value: string; action_id: string }[] };
const parse = (text: string): Ack => (text ? (JSON.parse(text) as Ack) : {});

/**
 * The first answer message, whichever way the adapter legitimately sent it: in the ack, or
 * (when the command overran the ack budget on a busy machine) through the response_url.
 */
async function answerOf(res: { text: string }, id: string): Promise<Ack> {
  if (res.text) return parse(res.text);
  const [later] = await fake.waitForResponse(id, 1, 10_000);
  return later as Ack;
}

/** Sends a slash command and returns its first answer message, by either path. */
async function ask(command: string, text: string, overrides: Record<string, string> = {}): Promise<Ack> {
  const id = rid();
  const res = await postSigned(url, slashBody(command, text, fake.responseUrl(id), overrides));
  expect(res.status, `${command} ${text}`).toBe(200);
  return answerOf(res, id);
}

const actionsOf = (a: Ack) => ((a.blocks ?? []) as ActionsBlock[]).filter((b) => b.type === 'actions');
const shareButton = (a: Ack) =>
  actionsOf(a)
    .flatMap((b) => b.elements ?? [])
    .find((e) => e.action_id === SHARE_ACTION_ID);

describe('Slack over HTTP', () => {
  it('checked the token with auth.test at start', () => {
    expect(fake.callsOf('auth.test')).toHaveLength(1);
    expect(slack.slack.mode).toBe('http');
  });

  it('answers the dedicated /who-is ephemeral, with a share button and mentions escaped', async () => {
    const answer = await ask('/who-is', 'niklas hedman');
    expect(answer.response_type).toBe('ephemeral');
    const text = JSON.stringify(answer);
    expect(text).toContain('Niklas Hedman (niklas hedman)');
    expect(text).not.toMatch(/<!channel>|<!here>|<@U123>/);
    expect(text).toContain('&lt;!channel&gt;');
    expect(JSON.parse(shareButton(answer)!.value)).toEqual({ c: 'who-is', a: { name: 'niklas hedman' } });
  });

  it('answers the umbrella form /herald who-is hedman the same way', async () => {
    const answer = await ask('/herald', 'who-is hedman');
    expect(answer.response_type).toBe('ephemeral');
    expect(JSON.stringify(answer.blocks)).toContain('Niklas Hedman (hedman)');
    expect(shareButton(answer)).toBeDefined();
  });

  it('posts in_channel when the asker adds --share or share:true, dedicated and umbrella', async () => {
    for (const [command, text, name] of [
      ['/who-is', 'niklas hedman --share', 'niklas hedman'],
      ['/who-is', 'niklas hedman share:true', 'niklas hedman'],
      ['/herald', 'who-is hedman --share', 'hedman'],
      ['/herald', 'who-is "hedman" SHARE:TRUE', 'hedman'],
    ] as const) {
      const answer = await ask(command, text);
      expect(answer.response_type, `${command} ${text}`).toBe('in_channel');
      const body = JSON.stringify(answer.blocks);
      // The flag is stripped before the command's own options are parsed.
      expect(body, `${command} ${text}`).toContain(`Niklas Hedman (${name})`);
      expect(body).not.toMatch(/<!channel>|<!here>|<@U123>/);
      expect(body).toContain('&lt;!channel&gt;');
      expect(shareButton(answer)).toBeUndefined();
    }
  });

  it('never shares errors or admin answers, even with --share', async () => {
    const error = await ask('/who-is', '--share');
    expect(error.response_type).toBe('ephemeral');
    expect(JSON.stringify(error.blocks)).toMatch(/missing &lt;name&gt;/i);
    const admin = await ask('/admin-set', '4 --share', { user_id: 'UADMIN' });
    expect(admin.response_type).toBe('ephemeral');
    expect(JSON.stringify(admin.blocks)).toContain('set to 4');
    expect(shareButton(admin)).toBeUndefined();
  });

  it('runs every command through both the dedicated and the umbrella form, ephemeral unless shared', async () => {
    for (const [name, sample] of Object.entries(sampleText)) {
      const asker: Record<string, string> = name === 'admin-set' ? { user_id: 'UADMIN' } : {};
      for (const [command, text] of [
        [`/${name}`, sample.text],
        ['/herald', `${name} ${sample.text}`],
      ] as const) {
        const label = `${command} ${text}`;
        const mine = await ask(command, text, asker);
        expect(JSON.stringify(mine), label).toContain(sample.expect);
        expect(mine.response_type, label).toBe('ephemeral');
        expect(shareButton(mine) !== undefined, label).toBe(sample.shareable);
        const shared = await ask(command, `${text} --share`, asker);
        expect(JSON.stringify(shared), `${label} --share`).toContain(sample.expect);
        expect(shared.response_type, `${label} --share`).toBe(sample.shareable ? 'in_channel' : 'ephemeral');
      }
    }
  });

  it('refuses a wrong signature, a stale timestamp and an empty signature with 401', async () => {
    const body = slashBody('/who-is', 'hedman', fake.responseUrl(rid()));
    expect((await postSigned(url, body, { secret: 'not-the-secret' })).status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await postSigned(url, body, { ts: stale, signature: sign(body, stale) })).status).toBe(401);
    expect((await postSigned(url, body, { signature: '' })).status).toBe(401);
    const ts = Math.floor(Date.now() / 1000);
    const short = sign(body, ts).slice(0, -2);
    expect((await postSigned(url, body, { ts, signature: short })).status).toBe(401);
    expect((await postSigned(url, body, { ts, signature: sign(body, ts).replace('v0=', 'v1=') })).status).toBe(401);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': 'soon' },
      body,
    });
    expect(res.status).toBe(401);
  });

  it("passes Slack's unsigned ssl_check probe, stripped of anything smuggled beside it", async () => {
    const id = rid();
    const smuggled = `ssl_check=1&${slashBody('/who-is', 'hedman', fake.responseUrl(id))}`;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: smuggled,
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    await sleep(300);
    expect(fake.responses.get(id)).toBeUndefined();
  });

  it('acks a declared-slow command before it finishes, then respond()s', async () => {
    const release = hold('slow-digest');
    const id = rid();
    const res = await postSigned(url, slashBody('/slow-digest', '', fake.responseUrl(id)));
    // The command is still held: this ack cannot have waited for it.
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(res.ms).toBeLessThan(3_000);
    expect(fake.responses.get(id)).toBeUndefined();
    release();
    const [later] = await fake.waitForResponse(id);
    expect(later!['response_type']).toBe('ephemeral');
    expect(JSON.stringify(later)).toContain('done slowly');
  });

  it('acks empty when an undeclared slow command overruns the ack budget, then responds', async () => {
    const release = hold('sluggish');
    const id = rid();
    const res = await postSigned(url, slashBody('/sluggish', '', fake.responseUrl(id)));
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(res.ms).toBeLessThan(3_000);
    expect(fake.responses.get(id)).toBeUndefined();
    release();
    const [later] = await fake.waitForResponse(id);
    expect(JSON.stringify(later)).toContain('late but here');
    expect(shareButton(later as Ack)).toBeDefined();
  });

  it('keeps errors ephemeral, without a share button, and names the expected options', async () => {
    const res = await postSigned(url, slashBody('/who-is', '', fake.responseUrl(rid())));
    const ack = parse(res.text);
    expect(ack.response_type).toBe('ephemeral');
    expect(JSON.stringify(ack.blocks)).toMatch(/missing &lt;name&gt;/i);
    expect(shareButton(ack)).toBeUndefined();
    const unknown = parse((await postSigned(url, slashBody('/herald', 'who-iz hedman', fake.responseUrl(rid())))).text);
    expect(JSON.stringify(unknown.blocks)).toContain('Did you mean /who-is?');
  });

  it('refuses an admin command to a member, asking users.info once per TTL', async () => {
    const before = fake.callsOf('users.info').filter((c) => c.params['user'] === 'U2147483697').length;
    for (let i = 0; i < 2; i++) {
      const refused = await ask('/admin-set', '3');
      expect(refused.response_type).toBe('ephemeral');
      expect(JSON.stringify(refused.blocks)).toContain('needs admin access');
      expect(shareButton(refused)).toBeUndefined();
    }
    const after = fake.callsOf('users.info').filter((c) => c.params['user'] === 'U2147483697').length;
    expect(after - before).toBeLessThanOrEqual(1);
    const adminAnswer = await ask('/admin-set', '4', { user_id: 'UADMIN' });
    expect(adminAnswer.response_type).toBe('ephemeral');
    expect(JSON.stringify(adminAnswer.blocks)).toContain('set to 4');
    expect(shareButton(adminAnswer)).toBeUndefined();
  });

  it('runs the command a button carries (block_actions) and answers the presser through response_url', async () => {
    const first = await ask('/who-is', 'hedman');
    const button = actionsOf(first)
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id.startsWith('herald:'))!;
    const id = rid();
    const res = await postSigned(url, blockActionsBody(button.value, button.action_id, fake.responseUrl(id)));
    expect(res.status).toBe(200);
    const [answer] = await fake.waitForResponse(id);
    expect(JSON.stringify(answer)).toContain('We go together.');
    expect(JSON.stringify(answer)).toContain('Hedman');
    expect(answer!['replace_original']).toBe(false);
    expect(answer!['response_type']).toBe('ephemeral');
    expect(JSON.parse(shareButton(answer as Ack)!.value)).toEqual({ c: 'quotes', a: { speaker: 'Hedman' } });
  });

  it('"Share in channel" re-runs the answer and posts it in_channel as a new message, escaped', async () => {
    const mine = await ask('/who-is', 'hedman');
    const share = shareButton(mine)!;
    const id = rid();
    const res = await postSigned(
      url,
      blockActionsBody(share.value, share.action_id, fake.responseUrl(id), 'U2147483697'),
    );
    expect(res.status).toBe(200);
    const [shared] = (await fake.waitForResponse(id)) as Ack[];
    expect(shared!.response_type).toBe('in_channel');
    expect(shared!.replace_original).toBe(false);
    const text = JSON.stringify(shared);
    expect(text).toContain('Niklas Hedman (hedman)');
    expect(text).not.toMatch(/<!channel>|<!here>|<@U123>/);
    expect(text).toContain('&lt;!channel&gt;');
    expect(shareButton(shared!)).toBeUndefined();
  });

  it('the share action never posts admin answers or errors in the channel, whatever its value says', async () => {
    const forged = JSON.stringify({ c: 'admin-set', a: { value: '5' } });
    const asAdmin = rid();
    await postSigned(url, blockActionsBody(forged, SHARE_ACTION_ID, fake.responseUrl(asAdmin), 'UADMIN'));
    const [refused] = (await fake.waitForResponse(asAdmin)) as Ack[];
    expect(refused!.response_type).toBe('ephemeral');
    expect(JSON.stringify(refused)).toContain('cannot be shared');
    expect(JSON.stringify(refused)).not.toContain('set to 5');
    const asMember = rid();
    await postSigned(url, blockActionsBody(forged, SHARE_ACTION_ID, fake.responseUrl(asMember), 'U2147483697'));
    const [denied] = (await fake.waitForResponse(asMember)) as Ack[];
    expect(denied!.response_type).toBe('ephemeral');
    expect(JSON.stringify(denied)).toContain('needs admin access');
    const broken = rid();
    await postSigned(url, blockActionsBody(JSON.stringify({ c: 'who-is' }), SHARE_ACTION_ID, fake.responseUrl(broken)));
    const [error] = (await fake.waitForResponse(broken)) as Ack[];
    expect(error!.response_type).toBe('ephemeral');
    expect(JSON.stringify(error)).toMatch(/missing/i);
  });

  it("acks a link button with 200 and answers nothing, though it shares the listener of Herald's buttons", async () => {
    const id = rid();
    const before = fake.callsOf('chat.postMessage').length;
    const res = await postSigned(url, blockActionsBody('', 'link:0', fake.responseUrl(id)));
    expect(res.status).toBe(200);
    // A Herald button pressed after it is answered; had the link run anything, its answer would come first.
    const first = await ask('/who-is', 'hedman');
    const button = actionsOf(first)
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id.startsWith('herald:'))!;
    const after = rid();
    await postSigned(url, blockActionsBody(button.value, button.action_id, fake.responseUrl(after)));
    await fake.waitForResponse(after);
    expect(fake.responses.get(id)).toBeUndefined();
    expect(fake.callsOf('chat.postMessage').length).toBe(before);
  });

  it("answers a button in an app-home view (no response_url) in the user's DM", async () => {
    const before = fake.callsOf('chat.postMessage').length;
    const res = await postSigned(url, blockActionsBody(JSON.stringify({ c: 'quotes' }), 'herald:quotes:0', null));
    expect(res.status).toBe(200);
    await waitFor(() => fake.callsOf('chat.postMessage').length > before, undefined, 'chat.postMessage');
    const call = fake.callsOf('chat.postMessage').at(-1)!;
    expect(call.params['channel']).toBe('U123');
    // A DM with the app is private anyway: no share button there.
    expect(JSON.stringify(call.params['blocks'])).not.toContain(SHARE_ACTION_ID);
  });

  it('tells the composition root when the bot is removed from a channel or the channel is archived', async () => {
    const lostBy = async (type: string, channel: string) => {
      const body = JSON.stringify({
        token: 'x',
        team_id: 'T0001',
        api_app_id: 'A1',
        type: 'event_callback',
        event_id: `Ev-${channel}`,
        event_time: 1,
        event: { type, channel, actor_id: 'U1' },
      });
      const before = lost.length;
      const res = await postSigned(url, body, { contentType: 'application/json' });
      expect(res.status).toBe(200);
      await waitFor(() => lost.length > before, undefined, type);
      return lost.at(-1);
    };
    const at = (channelId: string): Where => ({ platform: 'slack', workspaceId: 'T0001', channelId });
    expect(await lostBy('channel_left', 'C0LOST')).toEqual({ where: at('C0LOST'), reason: 'removed_from_channel' });
    expect(await lostBy('group_left', 'G0LOST')).toEqual({ where: at('G0LOST'), reason: 'removed_from_channel' });
    expect(await lostBy('channel_archive', 'C0OLD')).toEqual({ where: at('C0OLD'), reason: 'channel_archived' });
    expect(await lostBy('group_archive', 'G0OLD')).toEqual({ where: at('G0OLD'), reason: 'channel_archived' });
    expect(lost).toHaveLength(4);
  });
});
