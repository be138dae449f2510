/**
 * Limits through the real binary: an import of 150 every-minute schedules is refused with a
 * message naming the limit, and nothing of it is stored (issue 11, Medium 10).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { herald } from '../helpers/spawn-herald.js';

const dataDir = mkdtempSync(join(tmpdir(), 'herald-limits-'));
const env = { HERALD_DATA_DIR: dataDir };
const place = ['--workspace', 'W1', '--channel', 'C0', '--user', 'U1'];
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const everyMinute = { cron: '* * * * *', timezone: 'UTC', kind: 'new-articles' };
const doc = (channels: number, perChannel: number) =>
  JSON.stringify({
    herald: 1,
    channels: Array.from({ length: channels }, (_, i) => ({
      channel: `C${i}`,
      schedules: Array.from({ length: perChannel }, () => everyMinute),
    })),
  });

describe('limits on schedules', () => {
  it('refuses an import with 150 every-minute schedules, naming the limit, and stores none of it', async () => {
    const r = await herald(['run', ...place, '--as', 'admin', `/config import '${doc(15, 10)}'`], { env });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/a workspace may have at most 50 \(limits\.schedulesPerWorkspace\)/);
    const list = await herald(['run', ...place, '/schedule list'], { env });
    expect(list.stdout).not.toMatch(/\* \* \* \* \*/);
  }, 120_000);

  it('refuses 11 schedules in one channel with the per-channel limit', async () => {
    const r = await herald(['run', ...place, '--as', 'admin', `/config import '${doc(1, 11)}'`], { env });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/a channel may have at most 10 \(limits\.schedulesPerChannel\)/);
  }, 120_000);
});
