import { describe, expect, it } from 'vitest';
import { createMemoryReplayGuard } from '../../src/http/replay-guard.js';

describe('the in-memory replay guard', () => {
  it('refuses an id seen before until its window ends, then accepts it again', async () => {
    const guard = createMemoryReplayGuard();
    expect(await guard.firstSighting('a', 1_000, 0)).toBe(true);
    expect(await guard.firstSighting('a', 1_000, 500)).toBe(false);
    expect(await guard.firstSighting('b', 1_000, 500)).toBe(true);
    expect(await guard.firstSighting('a', 2_000, 1_000)).toBe(true);
  });

  it('stays bounded: forgets expired ids as time passes and the oldest when full', async () => {
    const evicted: string[] = [];
    const guard = createMemoryReplayGuard({ maxEntries: 3, onEvict: (id) => evicted.push(id) });
    for (const id of ['a', 'b', 'c', 'd']) await guard.firstSighting(id, 10_000, 0);
    expect(guard.size).toBe(3);
    expect(evicted).toEqual(['a']);
    expect(await guard.firstSighting('d', 10_000, 1)).toBe(false);
    await guard.firstSighting('e', 20_000, 10_000);
    expect(guard.size).toBe(1);
  });
});
