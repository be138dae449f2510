/**
 * One request id on every log line of a Slack invocation, the lines logged after the command's
 * handler has returned included (issue 11, "Operating it"): the deferred answer's
 * response_url post failing, a button's answer failing. Real Bolt over real HTTP against the
 * fake Slack, logged by Herald's own pino logger into a buffer.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSlackApp, type SlackApp } from '../../src/adapters/slack/app.js';
import { createLogger } from '../../src/app/logger.js';
import { defineCommand } from '../../src/core/commands/define.js';
import { answer } from '../../src/core/reply/build.js';
import { startFakeSlack, type FakeSlack } from './fake-slack/server.js';
import {
  blockActionsBody,
  postSigned,
  slashBody,
  startHttpSlack,
  testCommands,
  testDispatcher,
  TOKEN,
  waitFor,
  type HttpSlack,
} from './helpers.js';

type Line = Record<string, unknown> & { msg?: string; reqId?: string };
const lines: Line[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Line);
    done();
  },
});
const logger = createLogger('debug', sink);

/** A slow command that logs while it is answered: the request's own line. */
const traced = defineCommand({
  name: 'traced',
  description: 'Logs while it works',
  access: 'member',
  category: 'news',
  slow: true,
  options: {} as const,
  run: ({ services }) => {
    services.logger.info('traced: working');
    return answer('Traced', [{ type: 'text', text: 'traced answer' }]);
  },
});

let fake: FakeSlack;
let slack: HttpSlack;
let url: string;
let socket: SlackApp;

beforeAll(async () => {
  fake = await startFakeSlack();
  fake.users.set('U2147483697', { id: 'U2147483697', name: 'Steve' });
  const { registry, dispatcher } = testDispatcher(logger, [...testCommands, traced]);
  slack = await startHttpSlack(fake, { registry, dispatcher, logger });
  url = slack.url;
  // The same commands over Socket Mode, on the same fake Slack (its one WebSocket is this app's).
  socket = createSlackApp({
    botToken: TOKEN,
    appToken: 'xapp-1-test',
    apiUrl: fake.apiUrl,
    registry,
    dispatcher,
    logger,
    socketAutoReconnect: false,
  });
  await socket.start();
});

afterAll(async () => {
  await socket?.stop();
  await slack?.close();
  await fake?.close();
});

const find = (msg: string): Line[] => lines.filter((l) => l.msg === msg);

/** Waits for the line `after` (logged once the handler has returned); it carries the id of the command's own line. */
async function expectSameRequestId(after: string): Promise<void> {
  await waitFor(() => find(after).length > 0, 10_000, `"${after}" to be logged`);
  const [working] = find('traced: working');
  const [failed] = find(after);
  expect(working?.reqId).toEqual(expect.any(String));
  expect(failed?.reqId).toBe(working?.reqId);
}

it('a deferred answer whose response_url fails is logged with the request id of the command', async () => {
  fake.failingResponses.add('deferred');
  lines.length = 0;
  const res = await postSigned(url, slashBody('/traced', '', fake.responseUrl('deferred')));
  expect(res.status).toBe(200);
  await expectSameRequestId('slack respond() failed');
});

it('a button whose answer fails after the ack is logged with the request id of its press', async () => {
  fake.failingResponses.add('pressed');
  lines.length = 0;
  const value = JSON.stringify({ c: 'traced' });
  const res = await postSigned(url, blockActionsBody(value, 'herald:traced', fake.responseUrl('pressed')));
  expect(res.status).toBe(200);
  await expectSameRequestId('slack: answering a button failed');
});

it('two requests answered at once keep their own ids', async () => {
  fake.failingResponses.add('one').add('two');
  lines.length = 0;
  await Promise.all([
    postSigned(url, slashBody('/traced', '', fake.responseUrl('one'))),
    postSigned(url, slashBody('/traced', '', fake.responseUrl('two'), { trigger_id: '2.2.other' })),
  ]);
  await waitFor(() => find('slack respond() failed').length === 2, 10_000, 'both failed respond() calls');
  const ids = new Set(find('slack respond() failed').map((l) => l.reqId));
  expect(ids.size).toBe(2);
  expect([...ids].every((id) => typeof id === 'string')).toBe(true);
});

it('over Socket Mode too, the deferred answer failing is logged with the request id of the command', async () => {
  fake.failingResponses.add('socket');
  lines.length = 0;
  const body = Object.fromEntries(new URLSearchParams(slashBody('/traced', '', fake.responseUrl('socket'))));
  await fake.sendEnvelope('slash_commands', body);
  await expectSameRequestId('slack respond() failed');
});
