/**
 * One request id on every log line of an invocation (issue 11, "Operating it"): two `/feeds add`
 * commands answered at the same time through the real dispatcher, store and feed fetcher, logged by
 * Herald's own pino logger at debug level. Every line logged while each is answered carries its
 * own `reqId`, the feed fetcher's and the store's lines included, and the two never mix.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { BUNDLED_SAMPLE_PATH, createHerald, createLogger, type Herald } from '../../src/main.js';
import { startFeedServer, type TestServer } from '../feeds/feed-server.js';

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
    done();
  },
});
let server: TestServer;
let herald: Herald;

const rss = (name: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${name}</title><link>https://${name}.example/</link><item><title>${name} harbour news</title><link>https://${name}.example/1</link><guid>${name}-1</guid><description>The ${name} harbour board met on Monday and approved the new quay.</description></item></channel></rss>`;

beforeAll(async () => {
  server = await startFeedServer();
  for (const name of ['north', 'south'])
    server.route(`/${name}.xml`, (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(name)),
    );
  const config = await loadConfig({
    env: { HERALD_SAMPLE_ARTICLE: BUNDLED_SAMPLE_PATH, HERALD_FEED_ALLOWLIST: '127.0.0.1' },
    file: {},
  });
  if (!config.ok) throw new Error(config.error.message);
  const built = await createHerald(config.value, { logger: createLogger('debug', sink), store: 'memory' });
  if (!built.ok) throw new Error(built.error.message);
  herald = built.value;
});
afterAll(async () => {
  await herald.close();
  await server.close();
});

it('puts the same request id on every log line of one command, and another on the other', async () => {
  const add = (name: string, requestId: string) =>
    herald.dispatcher.dispatch({
      requestId,
      command: 'feeds',
      subcommand: 'add',
      args: { url: `${server.origin}/${name}.xml` },
      invoker: { userId: 'admin', platformLevel: 'admin' },
      where: { platform: 'shell', workspaceId: 'local', channelId: name },
    });
  lines.length = 0;
  const replies = await Promise.all([add('north', 'req-north'), add('south', 'req-south')]);
  expect(replies.map((r) => r.kind)).toEqual(['answer', 'answer']);
  // Lines about each feed (the fetcher's own among them) belong to the command that added it.
  const about = (name: string) => lines.filter((l) => JSON.stringify(l).includes(`/${name}.xml`));
  expect(about('north').length).toBeGreaterThan(0);
  expect(about('south').length).toBeGreaterThan(0);
  for (const l of about('north')) expect(l['reqId']).toBe('req-north');
  for (const l of about('south')) expect(l['reqId']).toBe('req-south');
  // And nothing was logged during the two commands without an id.
  expect(lines.filter((l) => !l['reqId'])).toEqual([]);
});
