/**
 * Discord's global limit (50 requests per second) kept in every window. The pacer on its own
 * with a clock the test moves (timers that fire late, a stalled process), then Herald's REST
 * client against the fake Discord counting a sliding second: a burst that straddles discord.js's
 * own one-second windows is spread out rather than answered with 429s.
 */
import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordRest } from '../../src/adapters/discord/rest.js';
import { createPacer, DISCORD_GLOBAL_PACE } from '../../src/adapters/discord/request-pacer.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/server.js';

/** The most releases in any window of `ms` (windows starting at each release). */
function busiestWindow(times: readonly number[], ms: number): number {
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[j]! <= times[i]! - ms) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

/** A pacer on a virtual clock whose timers fire `late(n)` ms after they were due. */
function virtualPacer(late: (n: number) => number) {
  let t = 0;
  let n = 0;
  const pacer = createPacer({
    ...DISCORD_GLOBAL_PACE,
    now: () => t,
    sleep: async (ms) => void (t += ms + late(n++)),
  });
  return { pacer, now: () => t };
}

describe('the request pacer', () => {
  it('releases a backlog of 500 at most 48 in any second, at 47.5 per second though timers are late', async () => {
    const { pacer, now } = virtualPacer((n) => (n % 7) * 2 - 0.4); // timers a little early, or up to 12 ms late
    const released: number[] = [];
    await Promise.all(Array.from({ length: 500 }, () => pacer().then(() => released.push(now()))));
    expect(busiestWindow(released, 1000)).toBeLessThanOrEqual(48);
    // Margin for uneven travel: even a window 20 ms longer than a second holds fewer than 51.
    expect(busiestWindow(released, 1020)).toBeLessThanOrEqual(50);
    const perSecond = (released.length - 1) / ((released.at(-1)! - released[0]!) / 1000);
    expect(perSecond).toBeGreaterThan(46.5);
    expect(perSecond).toBeLessThanOrEqual(47.6);
  });

  it('after a stall does not send what waited in one burst', async () => {
    const { pacer, now } = virtualPacer((n) => (n === 40 ? 400 : 0)); // one timer 400 ms late
    const released: number[] = [];
    await Promise.all(Array.from({ length: 200 }, () => pacer().then(() => released.push(now()))));
    expect(busiestWindow(released, 1000)).toBeLessThanOrEqual(48);
    expect(busiestWindow(released, 50)).toBeLessThanOrEqual(3);
  });

  it('holds everything after a global 429 for its Retry-After', async () => {
    const { pacer, now } = virtualPacer(() => 0);
    const released: number[] = [];
    await Promise.all(Array.from({ length: 3 }, () => pacer().then(() => released.push(now()))));
    pacer.pause(500);
    await Promise.all(Array.from({ length: 3 }, () => pacer().then(() => released.push(now()))));
    expect(released[3]! - released[2]!).toBeGreaterThanOrEqual(500);
  });

  it('lets a lone request go at once', async () => {
    const { pacer, now } = virtualPacer(() => 0);
    await pacer();
    expect(now()).toBe(0);
  });
});

describe('Herald REST against a fake Discord counting any second', () => {
  let discord: FakeDiscord;
  beforeAll(async () => {
    discord = await startFakeDiscord({ rateLimits: { globalPerSecond: 50, perChannel: { limit: 5, windowMs: 5000 } } });
  });
  afterAll(() => discord.close());

  /** 1 request, then 45 near the end of discord.js's first second and 50 at the start of its next. */
  async function straddle(rest: REST, base: bigint): Promise<{ global: number; requests: number }> {
    const before = { global: discord.limited.global, requests: discord.requests.length };
    const read = (i: number) => rest.get(`/channels/${base + BigInt(i)}`);
    await read(0);
    await new Promise((r) => setTimeout(r, 600));
    const first = Array.from({ length: 45 }, (_, i) => read(1 + i));
    await new Promise((r) => setTimeout(r, 420));
    const second = Array.from({ length: 50 }, (_, i) => read(100 + i));
    await Promise.all([...first, ...second]);
    return { global: discord.limited.global - before.global, requests: discord.requests.length - before.requests };
  }

  it("sends a burst across discord.js's second boundary with no 429 beyond the first, where discord.js alone gets many", async () => {
    const herald = createDiscordRest({ token: 'pace-test-token', apiUrl: discord.api, overrides: { offset: 0 } });
    const paced = await straddle(herald, 960_000_000_000_000_000n);
    // discord.js on its own, same pattern: its seconds let the two bursts through together.
    await new Promise((r) => setTimeout(r, 1100));
    const plain = await straddle(
      new REST({ api: discord.api, offset: 0 }).setToken('plain-test-token'),
      961_000_000_000_000_000n,
    );
    expect(plain.global).toBeGreaterThan(10);
    // Issue 16's bar: no 429 beyond the first (on a loaded machine the fake may see two arrive close).
    expect(paced.global).toBeLessThanOrEqual(1);
    expect(paced.requests).toBe(96 + paced.global);
  }, 30_000);

  it("sends nothing more during a global 429's Retry-After, not even requests already queued", async () => {
    const rest = createDiscordRest({ token: 'pause-test-token', apiUrl: discord.api, overrides: { offset: 0 } });
    const first = discord.requests.length;
    discord.fault({
      method: 'GET',
      path: /^\/channels\/97/,
      status: 429,
      times: 1,
      headers: { 'retry-after': '0.4', 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' },
      body: { message: 'You are being rate limited.', retry_after: 0.4, global: true },
    });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => rest.get(`/channels/${970_000_000_000_000_000n + BigInt(i)}`)),
    );
    const mine = discord.requests.slice(first);
    const limited = mine.find((r) => r.status === 429)!;
    // At most the one request that was already on its way when the 429 came back.
    const during = mine.filter((r) => r.at > limited.at && r.at < limited.at + 390);
    expect(during.length).toBeLessThanOrEqual(1);
    expect(mine.filter((r) => r.status === 200)).toHaveLength(20);
  }, 20_000);

  it('gives a request its whole timeout after the pacer releases it, so a long queue loses no request and no slot', async () => {
    // 60 requests take 1.25 s to release at 47.5/s; each may take 400 ms on the network, with no retry.
    const rest = createDiscordRest({
      token: 'queue-timeout-test-token',
      apiUrl: discord.api,
      overrides: { offset: 0, timeout: 400, retries: 0 },
    });
    const first = discord.requests.length;
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) => rest.get(`/channels/${980_000_000_000_000_000n + BigInt(i)}`)),
    );
    const failed = results.filter((r) => r.status === 'rejected');
    expect(failed).toEqual([]);
    expect(discord.requests.length - first).toBe(60);
  }, 20_000);
});
