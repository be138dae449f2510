/** The retry rules shared by live posts and scheduled digests (src/core/delivery/retry.ts). */
import { describe, expect, it } from 'vitest';
import {
  DeliveryFailed,
  DIGEST_ATTEMPTS,
  DIGEST_RETRY_WINDOW_MS,
  digestRetryAt,
  passingFailure,
  staleDigest,
} from '../../../src/core/delivery/retry.js';

describe('which failures pass', () => {
  it.each([
    [{ code: 'rate_limited' as const }, true],
    [{ code: 'timeout' as const }, true],
    [{ code: 'platform_error' as const, details: { status: 503, retryable: true } }, true],
    [{ code: 'platform_error' as const, details: { status: 403, unavailable: true } }, false],
    [{ code: 'platform_error' as const, details: { status: 400, retryable: false } }, false],
    [{ code: 'not_found' as const }, false],
  ])('%j → %s', (f, passes) => {
    expect(passingFailure(f)).toBe(passes);
    expect(new DeliveryFailed({ ...f, message: 'x' }).retryable).toBe(passes);
  });
});

describe('when a digest is tried again', () => {
  const failedAt = '2026-12-02T09:00:30.000Z';
  it('backs off 1, 5, 15 and 30 minutes after the first to fourth failure, inside the window', () => {
    const waits = [1, 2, 3, 4].map(
      (attempts) => (digestRetryAt({ attempts, updatedAt: failedAt }).getTime() - Date.parse(failedAt)) / 60_000,
    );
    expect(waits).toEqual([1, 5, 15, 30]);
    expect(waits.reduce((a, b) => a + b, 0) * 60_000).toBeLessThan(DIGEST_RETRY_WINDOW_MS);
    expect(DIGEST_ATTEMPTS).toBe(waits.length + 1);
  });

  const slot = new Date('2026-12-02T09:00:00Z');
  const at = (minutes: number) => new Date(slot.getTime() + minutes * 60_000);
  it('is stale after the hour, after the next slot, or once a later slot ran', () => {
    const daily = new Date('2026-12-03T09:00:00Z');
    expect(staleDigest({ lastRunSlot: slot.toISOString() }, slot, at(59), daily)).toBeNull();
    expect(staleDigest({ lastRunSlot: slot.toISOString() }, slot, at(61), daily)).toMatch(/more than 60 minutes/);
    expect(staleDigest({ lastRunSlot: null }, slot, at(15), at(15))).toMatch(/next slot .* has come/);
    expect(staleDigest({ lastRunSlot: slot.toISOString() }, slot, at(14), at(15))).toBeNull();
    expect(staleDigest({ lastRunSlot: at(15).toISOString() }, slot, at(10), null)).toMatch(/a later slot/);
  });
});
