/**
 * What every job queue must do, run against the in-process queue (SQLite installs) and pg-boss
 * (PostgreSQL). Each implementation's test file passes a factory that opens a fresh queue.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobQueue, QueueOptions } from '../../src/core/jobs/port.js';

export interface QueueUnderTest {
  readonly queue: JobQueue;
  readonly cleanup: () => Promise<void>;
}

const QUICK: QueueOptions = { expireInSeconds: 30, retryLimit: 2, retryDelaySeconds: 0, concurrency: 4 };

/** Waits until `done()` holds, polling; fails with `what` after `ms`. */
export async function until(done: () => boolean | Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function runJobQueueContract(name: string, open: () => Promise<QueueUnderTest>): void {
  describe(`job queue contract: ${name}`, () => {
    let t: QueueUnderTest;
    beforeEach(async () => {
      t = await open();
    });
    afterEach(async () => t.cleanup());

    it('runs every job sent once, with its data, including jobs sent before the worker started', async () => {
      const seen: number[] = [];
      await t.queue.send('deliver', { n: 0 });
      await t.queue.work<{ n: number }>('deliver', QUICK, async ({ n }) => {
        seen.push(n);
      });
      for (let n = 1; n < 20; n++) expect(await t.queue.send('deliver', { n })).toBe(true);
      await until(() => seen.length >= 20, '20 jobs');
      await new Promise((r) => setTimeout(r, 200));
      expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    });

    it('accepts one job per singleton key however often it is sent', async () => {
      const seen: string[] = [];
      await t.queue.work<{ slot: string }>('slot', QUICK, async ({ slot }) => {
        seen.push(slot);
      });
      const sends = await Promise.all(
        ['a', 'a', 'b', 'a', 'b'].map((k) => t.queue.send('slot', { slot: k }, { singletonKey: `7:${k}` })),
      );
      expect(sends.filter(Boolean)).toHaveLength(2);
      await until(() => seen.length >= 2, 'two slot jobs');
      // After the job ran, the key is still taken: a late process firing the same slot adds nothing.
      expect(await t.queue.send('slot', { slot: 'a' }, { singletonKey: '7:a' })).toBe(false);
      await new Promise((r) => setTimeout(r, 300));
      expect([...seen].sort()).toEqual(['a', 'b']);
      // The same key in another queue is another job.
      expect(await t.queue.send('other', { slot: 'a' }, { singletonKey: '7:a' })).toBe(true);
    });

    it('sends many jobs at once, leaving out the keys already taken (a second fan-out of one slot)', async () => {
      const seen: number[] = [];
      await t.queue.work<{ channel: number }>('deliver-many', QUICK, async ({ channel }) => {
        seen.push(channel);
      });
      const batch = (from: number, to: number) =>
        Array.from({ length: to - from }, (_, i) => ({ data: { channel: from + i }, singletonKey: `s:${from + i}` }));
      await t.queue.sendMany('deliver-many', batch(0, 50));
      // Another process fanning out the same slot, plus ten channels it knows and the first did not.
      await t.queue.sendMany('deliver-many', batch(0, 60));
      await until(() => seen.length >= 60, '60 jobs');
      await new Promise((r) => setTimeout(r, 300));
      expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    });

    it('retries a failing job up to its retry limit, then gives up', async () => {
      let calls = 0;
      let flaky = 0;
      await t.queue.work<{ kind: string }>('fail', { ...QUICK, retryLimit: 2 }, async ({ kind }) => {
        if (kind === 'always') {
          calls += 1;
          throw new Error('platform down');
        }
        flaky += 1;
        if (flaky === 1) throw new Error('once');
      });
      await t.queue.send('fail', { kind: 'always' });
      await t.queue.send('fail', { kind: 'flaky' });
      await until(() => calls >= 3 && flaky >= 2, 'three attempts and a retried success');
      await new Promise((r) => setTimeout(r, 1500));
      expect(calls).toBe(3);
      expect(flaky).toBe(2);
    });

    it('runs up to `concurrency` jobs of a queue at once', async () => {
      let running = 0;
      let most = 0;
      let done = 0;
      await t.queue.work('slow', { ...QUICK, concurrency: 3 }, async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 300));
        running -= 1;
        done += 1;
      });
      for (let i = 0; i < 6; i++) await t.queue.send('slow', { i });
      await until(() => done >= 6, 'six slow jobs');
      expect(most).toBe(3);
      expect(await t.queue.pending('slow')).toBe(0);
    });
  });
}
