/**
 * Herald's real commands (commands/index.ts through createHerald) on Slack over signed HTTP:
 * the real /who-is on the sample article, every command in both forms, and an article whose
 * text contains <!channel>, <!here> and <@U123>.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHerald, type Herald } from '../../src/main.js';
import { testConfig } from '../helpers/test-config.js';
import { startFakeSlack, type FakeSlack } from './fake-slack/server.js';
import { memoryLogger, postSigned, slashBody, startHttpSlack, type HttpSlack } from './helpers.js';

let fake: FakeSlack;
let slack: HttpSlack;
let app: Herald;
let url: string;
let n = 0;

beforeAll(async () => {
  fake = await startFakeSlack();
  fake.users.set('U2147483697', { id: 'U2147483697', is_admin: true });
  const logger = memoryLogger();
  const built = await createHerald(await testConfig(), { logger, store: 'memory' });
  if (!built.ok) throw new Error(built.error.message);
  app = built.value;
  slack = await startHttpSlack(fake, { registry: app.registry, dispatcher: app.dispatcher, logger });
  url = slack.url;
  // Analyse the sample article once up front, so no test pays for it inside Slack's ack budget.
  await app.library.current({ platform: 'slack', workspaceId: 'T0001', channelId: 'C2147483705' });
});

afterAll(async () => {
  await slack?.close();
  await fake?.close();
});

/** Every mrkdwn text and fallback `text` in a payload. */
function parsedText(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => parsedText(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o['type'] !== 'plain_text' && typeof o['text'] === 'string') out.push(o['text']);
    for (const v of Object.values(o)) if (typeof v === 'object') parsedText(v, out);
  }
  return out;
}

/** The answer whether it came in the ack or later through response_url. */
async function ask(command: string, text: string): Promise<string> {
  const id = `real${++n}`;
  const res = await postSigned(url, slashBody(command, text, fake.responseUrl(id)));
  expect(res.status).toBe(200);
  return res.text || JSON.stringify(await fake.waitForResponse(id, 1, 15_000));
}

describe('real commands on Slack', () => {
  it('/who-is hedman answers from the sample article, dedicated and umbrella', async () => {
    for (const [c, t] of [
      ['/who-is', 'hedman'],
      ['/herald', 'who-is hedman'],
    ] as const) {
      const answer = await ask(c, t);
      expect(answer).toContain('Niklas Hedman');
      expect(answer).toContain('acting director of UNOOSA');
    }
  });

  it('/who-is hedman is for the asker unless shared with --share', async () => {
    const mine = JSON.parse(await ask('/who-is', 'hedman')) as Record<string, unknown> | Record<string, unknown>[];
    const first = (Array.isArray(mine) ? mine[0] : mine)!;
    expect(first['response_type']).toBe('ephemeral');
    expect(JSON.stringify(first)).toContain('Share in channel');
    const shared = JSON.parse(await ask('/herald', 'who-is hedman --share')) as
      Record<string, unknown> | Record<string, unknown>[];
    const firstShared = (Array.isArray(shared) ? shared[0] : shared)!;
    expect(firstShared['response_type']).toBe('in_channel');
    expect(JSON.stringify(firstShared)).toContain('acting director of UNOOSA');
    expect(JSON.stringify(firstShared)).not.toContain('Share in channel');
  });

  it('every real command answers through both forms', async () => {
    for (const command of app.registry.commands) {
      const sub = command.kind === 'group' ? ` ${Object.keys(command.subcommands)[0]}` : '';
      const dedicated = await ask(`/${command.name}`, sub.trim());
      const umbrella = await ask('/herald', `${command.name}${sub}`);
      expect(JSON.parse(dedicated).blocks ?? JSON.parse(dedicated)[0].blocks, `/${command.name}`).toBeDefined();
      expect(umbrella.length, `/herald ${command.name}`).toBeGreaterThan(0);
    }
  });

  it('an article containing <!channel> never notifies anyone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'herald-hostile-'));
    const file = join(dir, 'hostile.txt');
    writeFileSync(
      file,
      'Stockholm, Jan. 5 (Xinhua) -- Anna Berg, head of the Swedish Space Agency, warned <!channel> and <!here> readers on Monday.\n\n"We will launch in May," Berg said, pinging <@U123>.\n\nThe agency & its partners said the plan costs 5 million dollars.\n',
    );
    expect((await app.load(file)).ok).toBe(true);
    for (const [c, t] of [
      ['/summary', ''],
      ['/quotes', ''],
      ['/herald', 'facts'],
    ] as const) {
      const parsed = JSON.parse(await ask(c, t)) as unknown;
      // Slack parses mentions only in mrkdwn and in the fallback text; plain_text (headers) shows them as typed.
      expect(parsedText(parsed).join('\n')).not.toMatch(/<!channel>|<!here>|<@U123>/);
    }
    expect(await ask('/summary', '')).toContain('&lt;!channel&gt;');
  });
});
