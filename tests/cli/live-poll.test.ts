/**
 * Live posting in the shell, through the real binary: `herald poll --once --all` on a local feed
 * that gains two items between two polls posts nothing on the first poll (the feed's items are
 * the baseline), exactly those two on the second, and nothing on a third.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type TestServer } from '../feeds/feed-server.js';
import { rss, xmlRoute, type ItemSpec } from '../feeds-admin/poll-fixtures.js';
import { herald } from '../helpers/spawn-herald.js';

let server: TestServer;
const dataDir = mkdtempSync(join(tmpdir(), 'herald-live-'));
const env = { HERALD_DATA_DIR: dataDir, HERALD_FEED_ALLOWLIST: '127.0.0.1' };
const place = ['--workspace', 'local', '--channel', 'newsroom', '--user', 'U1'];
const run = (line: string, as = 'admin') => herald(['run', ...place, '--as', as, line], { env });

const item = (n: number, title: string): ItemSpec => ({
  guid: `story-${n}`,
  title,
  body: `${title}. Maria Lopez, the mission director, said the team was ready. The launch window opens on Tuesday.`,
});
let items: ItemSpec[] = [item(1, 'Old story one'), item(2, 'Old story two'), item(3, 'Old story three')];

beforeAll(async () => {
  server = await startFeedServer();
  server.route('/live.xml', (req, res) => xmlRoute(rss('Live Wire', items))(req, res));
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('herald poll --once with a live feed in the shell', () => {
  it('posts nothing old, exactly the two new items, then nothing', async () => {
    const added = await run(`/feeds add ${server.origin}/live.xml`);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/each item as it arrives/);

    const first = await herald(['poll', '--once', '--all'], { env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/3 new, 3 added to channels; 0 posted live/);
    expect(first.stdout).not.toMatch(/── posted to/);

    items = [item(5, 'Fresh story five'), item(4, 'Fresh story four'), ...items];
    const second = await herald(['poll', '--once', '--all'], { env });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/2 posted live/);
    const posts = second.stdout.match(/── posted to #newsroom \(live:[^)]*\) ──/g) ?? [];
    expect(posts).toHaveLength(2);
    // Oldest first, each with its lead and the person it names with her role.
    expect(second.stdout.indexOf('Fresh story four')).toBeLessThan(second.stdout.indexOf('Fresh story five'));
    expect(second.stdout).toMatch(/Maria Lopez, mission director/);
    expect(second.stdout).toMatch(/→ posted to shell local #newsroom: Fresh story four/);
    expect(second.stdout).not.toMatch(/Old story/);

    const third = await herald(['poll', '--once', '--all'], { env });
    expect(third.code, third.stderr).toBe(0);
    expect(third.stdout).toMatch(/0 posted live/);
    expect(third.stdout).not.toMatch(/── posted to/);
  }, 120_000);
});
