/** Routes and deps for poller tests: generated feeds with ETags, a dead feed, a malformed one. */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DeliveryPort, Where } from '../../src/core/ports.js';
import type { OutboundMessage } from '../../src/core/reply/types.js';
import { ok } from '../../src/core/result.js';

/** Serves `xml` with an ETag, answering 304 to a matching If-None-Match. */
export function xmlRoute(xml: string) {
  const etag = `"${createHash('sha256').update(xml).digest('hex').slice(0, 16)}"`;
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(xml);
  };
}

export interface ItemSpec {
  readonly guid: string;
  readonly title: string;
  readonly body: string;
  readonly date?: string;
}

/** A small RSS 2.0 document. */
export function rss(title: string, items: readonly ItemSpec[]): string {
  const body = items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>https://news.example/${i.guid}</link><guid>${i.guid}</guid>${i.date ? `<pubDate>${i.date}</pubDate>` : ''}<description>${i.body}</description></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title><link>https://news.example/</link><description>${title}</description>${body}</channel></rss>`;
}

export const MALFORMED =
  '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>half an item</channel>';

/** A DeliveryPort that keeps every message. */
export function recordingDelivery(): DeliveryPort & { sent: { where: Where; message: OutboundMessage }[] } {
  const sent: { where: Where; message: OutboundMessage }[] = [];
  return {
    sent,
    async deliver(where, message) {
      sent.push({ where, message });
      return ok({ messageId: `m${sent.length}` });
    },
  };
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.UTC(2025, 0, 6, 9, 0)): { now: () => Date; advance: (ms: number) => void } {
  let t = start;
  return { now: () => new Date(t), advance: (ms) => (t += ms) };
}
