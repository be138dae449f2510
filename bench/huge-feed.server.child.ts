/**
 * Run by huge-feed.bench.ts in its own process: serves `/f<N>.xml`, an RSS feed of N items, so
 * building and sending 25 MB is not counted against the event loop of the Herald being measured.
 * Prints `{"port":…}` once listening; ends when its parent closes stdin.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

function feedXml(items: number): Buffer {
  const start = Date.UTC(2026, 0, 1);
  const parts: string[] = [];
  for (let i = 0; i < items; i++)
    parts.push(
      `<item><title>Item ${i}</title><link>https://huge.example/${items}/${i}</link><guid>g${items}-${i}</guid><pubDate>${new Date(start + i * 60_000).toUTCString()}</pubDate><description>The harbour board of feed ${items} met for the ${i}th time and approved the plan.</description></item>`,
    );
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>F${items}</title><link>https://huge.example/</link><description>d</description>${parts.join('')}</channel></rss>`,
  );
}

const feeds = new Map<string, Buffer>();
const server = createServer((req, res) => {
  const n = Number(/^\/f(\d+)\.xml$/.exec(req.url ?? '')?.[1] ?? 0);
  if (!feeds.has(req.url ?? '')) feeds.set(req.url ?? '', feedXml(n));
  res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feeds.get(req.url ?? ''));
});
server.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
});
process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.resume();
