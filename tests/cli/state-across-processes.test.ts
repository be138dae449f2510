/**
 * Issue 3's script flow through the real binary: each step is a separate process on the
 * same data dir, so everything an admin or moderator sets must survive between them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type TestServer } from '../feeds/feed-server.js';
import { herald } from '../helpers/spawn-herald.js';

let server: TestServer;
const dataDir = mkdtempSync(join(tmpdir(), 'herald-state-'));
const env = { HERALD_DATA_DIR: dataDir, HERALD_FEED_ALLOWLIST: '127.0.0.1' };
const place = ['--workspace', 'W1', '--channel', 'C1', '--user', 'U1'];
const run = (line: string, as = 'member') => herald(['run', ...place, '--as', as, line], { env });

beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('state persists between separate herald processes', () => {
  it('feeds added by an admin are polled by `poll --once` and their articles answer commands', async () => {
    const refused = await run(`/feeds add ${server.origin}/feeds/rssparser_guardian.rss`);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/needs admin access; you have member access/);

    const added = await run(`/feeds add ${server.origin}/feeds/rssparser_guardian.rss`, 'admin');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('The Guardian');

    const polled = await herald(['poll', '--once'], { env });
    expect(polled.code).toBe(0);
    expect(polled.stdout).toMatch(/Polled 1 due feed .* 1 fetched/);
    expect(polled.stdout).toMatch(/\d+ new/);

    const articles = await run('/articles 3');
    expect(articles.code).toBe(0);
    expect(articles.stdout).toContain('https://www.theguardian.com/');

    // A second poll is not due yet: nothing is fetched again.
    const again = await herald(['poll', '--once'], { env });
    expect(again.stdout).toMatch(/Polled 0 due feeds/);

    const status = await run('/feeds status', 'moderator');
    expect(status.stdout).toMatch(/The Guardian/);
  }, 120_000);

  it('schedules added by a moderator are listed by the next process; a bad cron is refused with an example', async () => {
    const bad = await run('/schedule add 0 9 * * 8 Europe/Paris', 'moderator');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/e\.g\. "0 9 \* \* 1-5"/);

    const ok = await run('/schedule add 0 9 * * 1-5 Europe/Paris', 'moderator');
    expect(ok.code).toBe(0);
    const list = await run('/schedule list');
    expect(list.stdout).toMatch(/0 9 \* \* 1-5 \(Europe\/Paris\)/);

    const audit = await run('/audit 5', 'admin');
    expect(audit.stdout).toMatch(/schedule\.add/);
    expect(audit.stdout).toMatch(/feeds\.add/);
  }, 120_000);
});
