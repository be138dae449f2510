/**
 * Crash recovery of deliveries, in process: rows left `pending` by a store instance that is gone
 * are settled by the next one through the real Discord and Slack delivery adapters against the
 * fake platforms: a message that did land is found (Discord by nonce in the channel's recent
 * messages, Slack by the key in message metadata) and marked sent without a second post; one that
 * did not is posted once; a live claimer's rows are left alone; nothing stays pending. On SQLite
 * and on PostgreSQL (skipped, as every PostgreSQL test, when no server is reachable).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordDelivery, nonceFor } from '../../src/adapters/discord/delivery.js';
import { createDiscordRest } from '../../src/adapters/discord/rest.js';
import { createSlackDelivery } from '../../src/adapters/slack/delivery.js';
import { recoverPendingDeliveries } from '../../src/core/delivery/recovery.js';
import type { DeliveryPort, Where } from '../../src/core/ports.js';
import type { Reply } from '../../src/core/reply/types.js';
import type { SlotHandler } from '../../src/core/schedule/port.js';
import { deliveryKey } from '../../src/core/store/records.js';
import type { HeraldStore } from '../../src/core/store/repositories.js';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord/server.js';
import { silentLogger } from '../discord/helpers.js';
import { storeEngines } from '../helpers/store-engines.js';
import { captureLogger } from '../scheduler/helpers.js';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack/server.js';
import { TOKEN } from '../slack/helpers.js';

let discord: FakeDiscord;
let slack: FakeSlack;
// This minute: a digest is no longer posted an hour after its slot (decision 048), even after a crash.
const slot = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const digest = (n: number): Reply => ({ kind: 'answer', ephemeral: false, title: `Digest ${n}`, blocks: [] });

const ENGINES = storeEngines(import.meta.url);

/** One schedule per channel, and what a dead process left: claims, some of them posted. */
async function crashed(store: HeraldStore, platform: 'discord' | 'slack', port: DeliveryPort, channels: string[]) {
  const out: { key: string; where: Where; scheduleId: number }[] = [];
  for (const [i, id] of channels.entries()) {
    const where: Where = { platform, workspaceId: 'W1', channelId: id };
    const channel = await store.channels.ensure(where);
    const s = await store.schedules.create({
      channelId: channel.id,
      cron: '0 9 * * *',
      timezone: 'UTC',
      kind: 'new-articles',
    });
    const key = deliveryKey(s.id, slot, channel.id);
    expect(await store.deliveries.claim(key)).toBe(true);
    // The first half were posted before the kill; the process died before marking them sent.
    if (i % 2 === 0) expect((await port.deliver(where, { reply: digest(i), deliveryKey: key })).ok).toBe(true);
    out.push({ key, where, scheduleId: s.id });
  }
  return out;
}

describe.each(ENGINES)('recovering deliveries left pending by a dead process ($name)', (engine) => {
  const db = engine.skip ? null! : engine.make();
  beforeAll(async () => {
    // Discord's nonce guard lasts only minutes: with no window at all, a second post would show.
    discord = await startFakeDiscord({ nonceWindowMs: 0 });
    slack = await startFakeSlack();
  });
  afterAll(async () => {
    await discord.close();
    await slack.close();
    await db?.cleanup();
  });

  it.skipIf(engine.skip)('finds what landed, posts what did not, once per channel, on both platforms', async () => {
    const dead = await db.open();
    const ports = (store: HeraldStore) => ({
      discord: createDiscordDelivery({
        rest: createDiscordRest({ token: 'bot', apiUrl: discord.api, overrides: { offset: 0, timeout: 3000 } }),
        logger: silentLogger,
      }),
      slack: createSlackDelivery({
        botToken: TOKEN,
        apiUrl: slack.apiUrl,
        journal: store.deliveries,
        logger: silentLogger,
      }),
    });
    const before = ports(dead);
    const d = await crashed(dead, 'discord', before.discord, ['101', '102', '103', '104']);
    const s = await crashed(dead, 'slack', before.slack, ['C1', 'C2', 'C3', 'C4']);
    const deadId = dead.instanceId;
    await dead.close(); // the process is gone

    const store = await db.open();
    const after = ports(store);
    const byPlatform = { discord: d, slack: s };
    const onSlot: SlotHandler = async ({ schedule, slot: at, resume }) => {
      expect(resume).toBeDefined();
      const found = [...d, ...s].find((x) => x.scheduleId === schedule.id)!;
      const port = found.where.platform === 'discord' ? after.discord : after.slack;
      const sent = await port.deliver(found.where, {
        reply: digest(0),
        deliveryKey: deliveryKey(schedule.id, at, schedule.channelId),
        ...(resume ? { resume } : {}),
      });
      if (!sent.ok) throw new Error(sent.error.message);
      return { messageId: sent.value.messageId };
    };
    const logger = captureLogger();
    const report = await recoverPendingDeliveries({
      store,
      onSlot,
      clock: { now: () => new Date() },
      logger,
      isAlive: (id) => id !== deadId,
    });

    expect(report).toMatchObject({ sent: 8, failed: 0, leftToOwner: 0 });
    for (const id of ['101', '102', '103', '104'])
      expect(
        discord.messages.filter((m) => m.channelId === id),
        id,
      ).toHaveLength(1);
    for (const id of ['C1', 'C2', 'C3', 'C4'])
      expect(
        slack.posted.filter((m) => m.channel === id),
        id,
      ).toHaveLength(1);
    for (const x of [...byPlatform.discord, ...byPlatform.slack])
      expect((await store.deliveries.get(x.key))?.status).toBe('sent');
    expect(await store.deliveries.listPending(100)).toEqual([]);
    expect(logger.lines.filter((l) => l.msg === 'pending delivery left by a dead process settled')).toHaveLength(8);
    // Discord found the posted pages by their nonce in the channel's recent messages.
    expect(discord.requests.some((r) => r.method === 'GET' && r.path === '/channels/101/messages')).toBe(true);
    expect(discord.messages.find((m) => m.channelId === '101')?.body.nonce).toBe(nonceFor(d[0]!.key, '101', 0));
    await store.close();
  });

  it.skipIf(engine.skip)(
    "leaves a live process's claims to it, and fails rows it cannot resume instead of keeping them pending",
    async () => {
      const store = await db.open();
      await store.deliveries.claim('feed-disabled:1:2026-12-01T09:00:00.000Z:1');
      const mine = await recoverPendingDeliveries({
        store,
        onSlot: async () => ({ messageId: null }),
        clock: { now: () => new Date() },
        logger: silentLogger,
      });
      expect(mine).toMatchObject({ examined: 1, leftToOwner: 1 });
      const other = await db.open();
      const report = await recoverPendingDeliveries({
        store: other,
        onSlot: async () => ({ messageId: null }),
        clock: { now: () => new Date() },
        logger: silentLogger,
        isAlive: () => false,
      });
      expect(report).toMatchObject({ examined: 1, failed: 1 });
      expect((await other.deliveries.get('feed-disabled:1:2026-12-01T09:00:00.000Z:1'))?.status).toBe('failed');
      await store.close();
      await other.close();
    },
  );
});
