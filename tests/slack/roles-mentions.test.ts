/**
 * `/roles moderator add @editors` on Slack, as the body arrives either way a Slack app can be
 * set up: with `should_escape: true` (today's manifest) Slack sends `<!subteam^S…|@editors>`;
 * with `should_escape: false` (apps created from older manifests) it sends the plain
 * `@editors`, which Herald resolves through usergroups.list / users.list. Real Bolt, the real
 * app on SQLite, signed requests, a fake Web API on 127.0.0.1 (issue 15, point 2).
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackManifest } from '../../src/adapters/slack/manifest.js';
import { loadConfig } from '../../src/config/load.js';
import type { Logger } from '../../src/core/ports.js';
import { BUNDLED_SAMPLE_PATH, createHerald, type Herald, type Running } from '../../src/main.js';
import { startFakeSlack, type FakeSlack } from './fake-slack/server.js';

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };
const SECRET = 'mentions-secret';
const dataDir = mkdtempSync(join(tmpdir(), 'herald-mentions-'));
let slack: FakeSlack;
let opened: Herald;
let running: Running;
let seq = 0;

beforeAll(async () => {
  slack = await startFakeSlack();
  slack.users.set('UADMIN', { id: 'UADMIN', is_admin: true });
  slack.users.set('UALEX', { id: 'UALEX', name: 'alex' });
  slack.usergroups.push({ id: 'S0EDITORS', handle: 'editors', users: [] });
  const loaded = await loadConfig({
    env: {
      HERALD_DATA_DIR: dataDir,
      HERALD_SAMPLE_ARTICLE: BUNDLED_SAMPLE_PATH,
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
    },
    file: {},
  });
  if (!loaded.ok) throw new Error(loaded.error.message);
  const o = await createHerald(loaded.value, { logger: quiet });
  if (!o.ok) throw new Error(o.error.message);
  opened = o.value;
  running = await opened.start({ poll: false });
}, 30_000);

afterAll(async () => {
  await opened?.close();
  await slack?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Sends a signed slash command as the workspace admin and returns the first answer's text. */
async function slash(command: string, text: string): Promise<string> {
  const id = `m${++seq}`;
  const body = new URLSearchParams({
    team_id: 'T1',
    channel_id: 'C1',
    user_id: 'UADMIN',
    user_name: 'admin',
    command,
    text,
    response_url: slack.responseUrl(id),
    trigger_id: id,
  }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(`http://127.0.0.1:${running.http!.port}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`,
    },
    body,
  });
  expect(res.status).toBe(200);
  const acked = await res.text();
  if (acked) return acked;
  return JSON.stringify(await slack.waitForResponse(id, 1, 10_000));
}

describe('Slack role targets', () => {
  it('the manifest asks Slack to escape mentions, so user groups arrive as ids', () => {
    const m = slackManifest({ commands: opened.registry.commands, socketMode: true });
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    const features = m.value.manifest['features'] as { slash_commands: { should_escape: boolean }[] };
    expect(features.slash_commands.every((c) => c.should_escape === true)).toBe(true);
  });

  it('takes the escaped user group Slack sends with should_escape on', async () => {
    const answer = await slash('/roles', 'moderator add <!subteam^S0EDITORS|@editors>');
    expect(answer).toMatch(/User group S0EDITORS now has moderator access/);
  });

  it('takes a plain @group from an app created with should_escape off, resolved through the Web API', async () => {
    const answer = await slash('/roles', 'admin add @editors');
    expect(answer).toMatch(/User group S0EDITORS now has admin access/);
    expect(slack.callsOf('usergroups.list').length).toBeGreaterThan(0);
  });

  it('takes a plain @user the same way', async () => {
    const answer = await slash('/roles', 'moderator add @alex');
    expect(answer).toMatch(/User UALEX now has moderator access/);
  });

  it('a plain @name that is nobody gets the error with an example, and nothing is stored', async () => {
    const before = (await slash('/roles', 'list')).length;
    const answer = await slash('/roles', 'moderator add @nobody-here');
    expect(answer).toMatch(/is not a role, user group or user/);
    expect((await slash('/roles', 'list')).length).toBe(before);
  });
});

describe('the Slack HTTP verification order', () => {
  it('once Herald runs with the signing secret, the Retry of url_verification is answered with the challenge', async () => {
    const body = JSON.stringify({
      token: 'legacy',
      challenge: 'challenge-3eZbrw1aBm2rZgRNFdxV',
      type: 'url_verification',
    });
    const ts = Math.floor(Date.now() / 1000);
    const sig = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
    const res = await fetch(`http://127.0.0.1:${running.http!.port}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': sig,
      },
      body,
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('challenge-3eZbrw1aBm2rZgRNFdxV');
    // Signed with another secret (the app's secret was copied wrong): refused, as Slack would then show.
    const wrong = `v0=${createHmac('sha256', 'other').update(`v0:${ts}:${body}`).digest('hex')}`;
    const refused = await fetch(`http://127.0.0.1:${running.http!.port}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': wrong,
      },
      body,
    });
    expect(refused.status).toBe(401);
  });
});
