/**
 * What the fake Slack reads from a request and from a posted message: the request's fields
 * (JSON-looking form fields decoded for assertions) and whom a message notifies.
 */
import type { IncomingMessage } from 'node:http';

/** Slack notifies for its mention syntax only; escaped text (`&lt;!channel&gt;`) and plain `@here` do not ping. */
export function slackPings(text: string, blocks: unknown): string[] {
  const all = `${text}\n${JSON.stringify(blocks ?? [])}`;
  const out = new Set<string>();
  for (const m of all.matchAll(/<!subteam\^([A-Z0-9]+)(?:\|[^>]*)?>/g)) out.add(`group:${m[1]}`);
  for (const m of all.matchAll(/<!(channel|here|everyone)(?:\|[^>]*)?>/g)) out.add(`@${m[1]}`);
  for (const m of all.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g)) out.add(`user:${m[1]}`);
  return [...out];
}

/** JSON-looking form fields (blocks, metadata) arrive as strings; decode them for assertions. */
function decodeFields(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'string' && /^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        /* not JSON after all */
      }
    }
    out[k] = v;
  }
  return out;
}

export async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if ((req.headers['content-type'] ?? '').includes('application/json'))
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  return decodeFields(Object.fromEntries(new URLSearchParams(raw)));
}
