/**
 * Who counts as what on Slack: user groups as role ids, workspace admins and owners as admin
 * level, read through the real WebClient from the fake Web API on 127.0.0.1.
 */
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSlackPermissions } from '../../src/adapters/slack/permissions.js';
import { startFakeSlack, type FakeSlack } from './fake-slack/server.js';
import { memoryLogger } from './helpers.js';

let fake: FakeSlack;

beforeAll(async () => {
  fake = await startFakeSlack();
  fake.users.set('U2147483697', { id: 'U2147483697', name: 'Steve' });
  fake.users.set('UADMIN', { id: 'UADMIN', is_admin: true });
  fake.usergroups.push({ id: 'S0MODS', users: ['U2147483697'] });
});

afterAll(async () => {
  await fake?.close();
});

it('reads user groups as role ids and admins/owners as admin level', async () => {
  const client = new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl });
  const perms = createSlackPermissions({ client, clock: { now: () => new Date() }, logger: memoryLogger() });
  expect(await perms.invoker('T0001', 'U2147483697')).toMatchObject({ platformLevel: 'member', roleIds: ['S0MODS'] });
  expect(await perms.invoker('T0001', 'UADMIN')).toMatchObject({ platformLevel: 'admin', roleIds: [] });
  expect(await perms.invoker('T0001', 'UNOBODY')).toMatchObject({ platformLevel: 'member' });
});
