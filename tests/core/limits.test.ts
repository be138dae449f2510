/**
 * Limits are applied where schedules and subscriptions are written, so an import obeys them as
 * the commands do, and an import over a limit changes nothing (its transaction rolls back).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { applyConfig, checkConfigDoc, parseConfigDoc } from '../../src/core/admin/config-import.js';
import { checkImportSize, withLimits, type Limits } from '../../src/core/limits.js';
import { FailureError } from '../../src/core/result.js';
import { tempDatabase } from '../scheduler/helpers.js';

const limits: Limits = { schedulesPerChannel: 3, schedulesPerWorkspace: 5, feedsPerChannel: 2, importMaxBytes: 2000 };
const dbs: ReturnType<typeof tempDatabase>[] = [];
afterEach(() => dbs.splice(0).forEach((d) => d.cleanup()));

function limitedStore() {
  const db = tempDatabase();
  dbs.push(db);
  return withLimits(db.open(), limits);
}

const where = (channelId: string) => ({ platform: 'discord' as const, workspaceId: 'g1', channelId });

async function refusal(p: Promise<unknown>): Promise<FailureError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(FailureError);
  return e as FailureError;
}

describe('limits on what a channel and a workspace may set up', () => {
  it('refuses a schedule past the per-channel limit, naming the limit', async () => {
    const store = limitedStore();
    const ch = await store.channels.ensure(where('c1'), 'news');
    const add = () =>
      store.schedules.create({ channelId: ch.id, cron: '* * * * *', timezone: 'UTC', kind: 'new-articles' });
    for (let i = 0; i < limits.schedulesPerChannel; i++) await add();
    const e = await refusal(add());
    expect(e.failure.code).toBe('too_large');
    expect(e.failure.message).toBe(
      'Channel news already has 3 schedules; a channel may have at most 3 (limits.schedulesPerChannel).',
    );
    expect(await store.schedules.listForChannel(ch.id)).toHaveLength(3);
  });

  it('refuses a schedule past the per-workspace limit across channels', async () => {
    const store = limitedStore();
    for (let i = 0; i < 5; i++) {
      const ch = await store.channels.ensure(where(`c${i}`));
      await store.schedules.create({ channelId: ch.id, cron: '0 9 * * *', timezone: 'UTC', kind: 'new-articles' });
    }
    const sixth = await store.channels.ensure(where('c6'));
    const e = await refusal(
      store.schedules.create({ channelId: sixth.id, cron: '0 9 * * *', timezone: 'UTC', kind: 'new-articles' }),
    );
    expect(e.failure.message).toMatch(/at most 5 \(limits\.schedulesPerWorkspace\)/);
    // Another workspace is counted on its own.
    const other = await store.channels.ensure({ platform: 'discord', workspaceId: 'g2', channelId: 'x' });
    await store.schedules.create({ channelId: other.id, cron: '0 9 * * *', timezone: 'UTC', kind: 'new-articles' });
  });

  it('refuses a feed past the per-channel limit, but lets a followed feed change its filters', async () => {
    const store = limitedStore();
    const ch = await store.channels.ensure(where('c1'));
    const feeds = await Promise.all(['a', 'b', 'c'].map((n) => store.feeds.ensure(`https://example.org/${n}.xml`)));
    const none = { include: [], exclude: [] };
    await store.subscriptions.subscribe(ch.id, feeds[0]!.id, none);
    await store.subscriptions.subscribe(ch.id, feeds[1]!.id, none);
    await store.subscriptions.subscribe(ch.id, feeds[1]!.id, { include: ['space'], exclude: [] });
    const e = await refusal(store.subscriptions.subscribe(ch.id, feeds[2]!.id, none));
    expect(e.failure.message).toMatch(
      /already follows 2 feeds; a channel may follow at most 2 \(limits\.feedsPerChannel\)/,
    );
  });

  it('an import over a limit is refused inside its transaction and changes nothing', async () => {
    const store = limitedStore();
    const doc = {
      herald: 1,
      channels: [
        {
          channel: 'c1',
          schedules: Array.from({ length: 4 }, () => ({ cron: '* * * * *', timezone: 'UTC', kind: 'new-articles' })),
        },
      ],
    };
    const parsed = parseConfigDoc(JSON.stringify(doc));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const checked = await checkConfigDoc(parsed.value, {
      control: { nextRuns: () => ({ ok: true, value: [new Date()] }) } as never,
      repos: store,
      workspaceId: (await store.workspaces.ensure('discord', 'g1')).id,
      now: new Date(),
    });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const opts = { platform: 'discord' as const, workspaceId: 'g1', replace: false, actorId: 'u1' };
    const e = await refusal(store.transaction((tx) => applyConfig(tx, checked.value, opts)));
    expect(e.failure.message).toMatch(/limits\.schedulesPerChannel/);
    const ch = await store.channels.find(where('c1'));
    expect(ch).toBeNull();
  });

  it('refuses an import document larger than limits.importMaxBytes before parsing it', () => {
    expect(checkImportSize('x'.repeat(2000), limits)).toBeNull();
    const e = checkImportSize('é'.repeat(1001), limits);
    expect(e?.failure.message).toBe(
      'The configuration is 2002 bytes; an import may be at most 2000 bytes (limits.importMaxBytes).',
    );
  });
});
