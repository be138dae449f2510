/**
 * The transport-neutral interaction handler: a fast command that turns out slow is deferred
 * after the deadline and edited in; an error to a public deferral is sent privately instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIInteraction, APIInteractionResponse } from 'discord-api-types/v10';
import { createInteractionHandler } from '../../src/adapters/discord/interactions.js';
import { createDiscordRest } from '../../src/adapters/discord/rest.js';
import type { Dispatcher } from '../../src/core/commands/dispatch.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/server.js';
import { silentLogger, testDispatcher } from './helpers.js';

const APP = '100000000000000001';
let fake: FakeDiscord;
beforeAll(async () => void (fake = await startFakeDiscord({ applicationId: APP })));
afterAll(async () => fake.close());

/** Our own dispatcher port, made slower: every answer takes 80 ms. */
function sluggish(d: Dispatcher): Dispatcher {
  return { ...d, dispatch: async (inv) => (await new Promise((r) => setTimeout(r, 80)), d.dispatch(inv)) };
}

const interaction = (token: string, name: string, options: unknown[]): APIInteraction =>
  ({
    id: '1',
    application_id: APP,
    type: 2,
    token,
    version: 1,
    guild_id: '2',
    channel_id: '3',
    member: { user: { id: '4', username: 'u' }, roles: [], permissions: '0' },
    data: { id: '5', name, type: 1, options },
  }) as unknown as APIInteraction;

describe('interaction handler deadlines', () => {
  const handler = () =>
    createInteractionHandler({
      dispatcher: sluggish(testDispatcher()),
      rest: createDiscordRest({ apiUrl: fake.api, overrides: { offset: 0 } }),
      applicationId: APP,
      logger: silentLogger,
      deferAfterMs: 20,
    });

  it('defers publicly when a fast command misses the deadline, then edits @original', async () => {
    const sent: APIInteractionResponse[] = [];
    await handler().handle(
      interaction('t1', 'who-is', [{ type: 3, name: 'name', value: 'Hedman' }]),
      async (b) => void sent.push(b),
    );
    expect(sent).toEqual([{ type: 5, data: {} }]);
    const edit = fake.requests.find((r) => r.method === 'PATCH' && r.path.includes('/t1/'))!;
    expect(edit.body.embeds[0].title).toBe('Niklas Hedman');
  });

  it('replaces a public "thinking" with a private answer when the result is an error', async () => {
    const sent: APIInteractionResponse[] = [];
    await handler().handle(
      interaction('t2', 'who-is', [{ type: 3, name: 'name', value: 'Nobody' }]),
      async (b) => void sent.push(b),
    );
    expect(sent).toEqual([{ type: 5, data: {} }]);
    const t2 = fake.requests.filter((r) => r.path.includes('/t2'));
    expect(t2.map((r) => `${r.method} ${r.path}`)).toEqual([
      `DELETE /webhooks/${APP}/t2/messages/@original`,
      `POST /webhooks/${APP}/t2`,
    ]);
    expect(t2[1]!.body.flags).toBe(64);
    expect(t2[1]!.body.embeds[0].description).toContain('does not mention "Nobody"');
  });
});
