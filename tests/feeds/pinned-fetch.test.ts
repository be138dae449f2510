import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_ALLOWLIST, parseAllowlist } from '../../src/feeds/address-policy.js';
import { createPinnedFetch } from '../../src/feeds/pinned-fetch.js';

let server: Server;
let port = 0;
beforeAll(async () => {
  server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('pinned fetch (connection-time address check)', () => {
  it('refuses to connect to a loopback address even when the URL names a host, not an IP', async () => {
    const f = createPinnedFetch(EMPTY_ALLOWLIST);
    await expect(f(`http://localhost:${port}/`)).rejects.toThrow();
    // The cause names the refusal, so logs say why.
    const cause = await f(`http://localhost:${port}/`).catch(
      (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
    );
    expect(String(cause)).toMatch(/refused to connect to localhost .*loopback/);
  });

  it('connects when the allowlist permits the address', async () => {
    const allow = parseAllowlist(['127.0.0.1', '::1']);
    expect(allow.ok).toBe(true);
    if (!allow.ok) return;
    const res = await createPinnedFetch(allow.value)(`http://localhost:${port}/`);
    expect(await res.text()).toBe('ok');
  });
});
