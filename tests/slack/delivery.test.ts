/**
 * Digests through the real WebClient against the fake Web API: rate limits, 500s, a dropped
 * connection after Slack stored the message, a crash with a pending row, a removed bot.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackDelivery } from '../../src/adapters/slack/delivery.js';
import type { Where } from '../../src/core/ports.js';
import type { Reply } from '../../src/core/reply/types.js';
import type { Delivery } from '../../src/core/store/records.js';
import type { DeliveryRepository } from '../../src/core/store/repositories.js';
import { startFakeSlack, type FakeSlack } from './fake-slack/server.js';
import { HOSTILE, memoryLogger, TOKEN } from './helpers.js';

/** The journal contract, in memory (the SQLite store implements the same interface). */
function memoryJournal(clock: () => Date = () => new Date()): Pick<
  DeliveryRepository,
  'claim' | 'get' | 'markSent' | 'markFailed' | 'reclaimFailed'
> & {
  rows: Map<string, Delivery>;
} {
  const rows = new Map<string, Delivery>();
  const set = (key: string, patch: Partial<Delivery>) =>
    rows.set(key, { ...rows.get(key)!, ...patch, updatedAt: clock().toISOString() });
  return {
    rows,
    async claim(key) {
      if (rows.has(key)) return false;
      const at = clock().toISOString();
      rows.set(key, {
        key,
        status: 'pending',
        messageId: null,
        attempts: 1,
        lastError: null,
        createdAt: at,
        updatedAt: at,
        claimedBy: null,
      });
      return true;
    },
    async reclaimFailed(key, max) {
      const r = rows.get(key);
      if (!r || r.status !== 'failed' || r.attempts >= max) return false;
      set(key, { status: 'pending', attempts: r.attempts + 1 });
      return true;
    },
    async markSent(key, messageId) {
      set(key, { status: 'sent', messageId });
    },
    async markFailed(key, error) {
      set(key, { status: 'failed', lastError: error });
    },
    async get(key) {
      return rows.get(key) ?? null;
    },
  };
}

const where = (channelId: string): Where => ({ platform: 'slack', workspaceId: 'T0001', channelId });
const digest = (title = 'Morning digest'): Reply => ({
  kind: 'answer',
  ephemeral: false,
  title,
  blocks: [
    { type: 'heading', text: title },
    { type: 'text', text: HOSTILE },
  ],
});

let fake: FakeSlack;
const lost: { where: Where; reason: string }[] = [];
const logger = memoryLogger();
const make = (journal = memoryJournal(), extra: { staleAfterMs?: number; verifyWithHistory?: boolean } = {}) =>
  createSlackDelivery({
    botToken: TOKEN,
    apiUrl: fake.apiUrl,
    journal,
    logger,
    retryDelayMs: 20,
    onChannelUnavailable: (w, r) => void lost.push({ where: w, reason: r }),
    ...extra,
  });

beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake?.close();
});
beforeEach(() => {
  fake.posted.length = 0;
  fake.calls.length = 0;
  lost.length = 0;
});

const postedTo = (channel: string) => fake.posted.filter((p) => p.channel === channel);

describe('Slack delivery port', () => {
  it('posts a digest to 3 channels once each, through a 429 and a 500', async () => {
    const delivery = make();
    fake.script('chat.postMessage', { kind: 'ratelimit', retryAfter: 1 }, { kind: 'status', status: 500 });
    const results = await Promise.all(
      ['C1', 'C2', 'C3'].map((c) =>
        delivery.deliver(where(c), { reply: digest(), deliveryKey: `7:2025-01-06T09:00:00.000Z:${c}` }),
      ),
    );
    for (const r of results) expect(r.ok).toBe(true);
    for (const c of ['C1', 'C2', 'C3']) expect(postedTo(c)).toHaveLength(1);
    const call = fake.callsOf('chat.postMessage').at(-1)!;
    expect(call.params['link_names']).toBe('false');
    expect(JSON.stringify(fake.posted.map((p) => p.blocks))).not.toMatch(/<!channel>|<!here>|<@U123>/);
    expect(fake.posted[0]!.metadata?.event_type).toBe('herald_delivery');
  });

  it('never posts the same delivery key twice', async () => {
    const delivery = make();
    const msg = { reply: digest(), deliveryKey: 'k-once' };
    const a = await delivery.deliver(where('C1'), msg);
    const b = await delivery.deliver(where('C1'), msg);
    expect(a).toEqual(b);
    expect(postedTo('C1')).toHaveLength(1);
  });

  it('finds a message Slack stored before the connection dropped, instead of posting it again', async () => {
    const delivery = make();
    fake.script('chat.postMessage', { kind: 'drop-after-processing' });
    const r = await delivery.deliver(where('C4'), { reply: digest(), deliveryKey: 'k-drop' });
    expect(r.ok).toBe(true);
    expect(postedTo('C4')).toHaveLength(1);
    expect(fake.callsOf('conversations.history')).toHaveLength(1);
  });

  it('does not repost after a dropped connection when history cannot be read', async () => {
    const delivery = make(memoryJournal(), { verifyWithHistory: false });
    fake.script('chat.postMessage', { kind: 'drop-after-processing' });
    const r = await delivery.deliver(where('C5'), { reply: digest(), deliveryKey: 'k-blind' });
    expect(r.ok).toBe(false);
    expect(postedTo('C5')).toHaveLength(1);
  });

  it('after a crash, marks a pending part sent when Slack has it, and takes over a stale one when not', async () => {
    // Crash after posting: the row is pending and the message is in the channel.
    const journal = memoryJournal();
    const first = make(journal);
    fake.script('chat.postMessage', { kind: 'drop-after-processing' });
    await make(journal, { verifyWithHistory: false }).deliver(where('C6'), { reply: digest(), deliveryKey: 'k-crash' });
    expect([...journal.rows.values()][0]!.status).toBe('pending');
    const again = await first.deliver(where('C6'), { reply: digest(), deliveryKey: 'k-crash' });
    expect(again.ok).toBe(true);
    expect(postedTo('C6')).toHaveLength(1);

    // Crash before posting: the row is pending, nothing in the channel, and it is old.
    let now = new Date('2025-01-06T09:00:00Z');
    const old = memoryJournal(() => now);
    await old.claim('slack:C7:k-stale#0');
    const fresh = createSlackDelivery({
      botToken: TOKEN,
      apiUrl: fake.apiUrl,
      journal: old,
      logger,
      clock: { now: () => now },
    });
    expect((await fresh.deliver(where('C7'), { reply: digest(), deliveryKey: 'k-stale' })).ok).toBe(false);
    expect(postedTo('C7')).toHaveLength(0);
    now = new Date('2025-01-06T09:30:00Z');
    expect((await fresh.deliver(where('C7'), { reply: digest(), deliveryKey: 'k-stale' })).ok).toBe(true);
    expect(postedTo('C7')).toHaveLength(1);
  });

  it('pauses a channel the bot was removed from, without retrying', async () => {
    fake.notInChannel.add('C8');
    const journal = memoryJournal();
    const r = await make(journal).deliver(where('C8'), { reply: digest(), deliveryKey: 'k-gone' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('schedules are paused');
    expect(lost).toEqual([{ where: where('C8'), reason: 'not_in_channel' }]);
    expect(fake.callsOf('chat.postMessage')).toHaveLength(1);
    expect([...journal.rows.values()][0]!.status).toBe('failed');
  });

  it('gives up on an ok:false refusal without retrying', async () => {
    fake.script('chat.postMessage', { kind: 'error', error: 'invalid_blocks' });
    const r = await make().deliver(where('C9'), { reply: digest(), deliveryKey: 'k-bad' });
    expect(r.ok).toBe(false);
    expect(fake.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('splits a digest over 50 blocks into several messages, each posted once', async () => {
    const big: Reply = {
      ...digest(),
      blocks: Array.from({ length: 70 }, (_, i) => ({ type: 'text' as const, text: `item ${i}` })),
    };
    const delivery = make();
    const r = await delivery.deliver(where('C10'), { reply: big, deliveryKey: 'k-big' });
    expect(r.ok).toBe(true);
    expect(postedTo('C10')).toHaveLength(2);
    await delivery.deliver(where('C10'), { reply: big, deliveryKey: 'k-big' });
    expect(postedTo('C10')).toHaveLength(2);
  });
});
