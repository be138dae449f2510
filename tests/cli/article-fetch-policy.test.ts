/**
 * `--article URL`, `herald analyze URL` and the shell's `:load` go through the feeds' safe fetch:
 * a private or link-local address that is not allowlisted is refused with a clear message (issue 11,
 * finding 6), and a local file is read only up to the byte cap.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ROOT, TEST_DATA_DIR } from '../helpers/spawn-herald.js';

async function cli(
  argv: string[],
  env: Record<string, string> = {},
  input?: string,
): Promise<{ code: number; stderr: string; stdout: string }> {
  const stderr = new PassThrough();
  const stdout = new PassThrough();
  let errText = '';
  let outText = '';
  stderr.setEncoding('utf8').on('data', (d: string) => (errText += d));
  stdout.setEncoding('utf8').on('data', (d: string) => (outText += d));
  const stdin = new PassThrough();
  if (input !== undefined) stdin.end(input);
  const code = await main(argv, {
    stdin,
    stdout,
    stderr,
    env: { HERALD_DATA_DIR: TEST_DATA_DIR, ...env },
    cwd: ROOT,
  });
  return { code, stderr: errText, stdout: outText };
}

let server: Server;
let hits = 0;
let origin: string;

beforeAll(async () => {
  server = createServer((_req, res) => {
    hits += 1;
    res
      .writeHead(200, { 'content-type': 'text/plain' })
      .end('Secret internal page.\n\nIt says things. It must not leak.');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('article links obey the address policy', () => {
  it('refuses a loopback address that is not allowlisted, without connecting', async () => {
    const r = await cli(['run', '/summary', '--article', `${origin}/`]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Refused to fetch http:\/\/127\.0\.0\.1:\d+\//);
    expect(hits).toBe(0);
    const analysed = await cli(['analyze', `${origin}/`]);
    expect(analysed.code).not.toBe(0);
    expect(analysed.stderr).toMatch(/Refused to fetch/);
    expect(hits).toBe(0);
  }, 60_000);

  it("refuses the shell's :load of a loopback address that is not allowlisted, without connecting", async () => {
    const r = await cli(['start'], {}, `:load ${origin}/\n:load http://169.254.169.254/latest/meta-data/\n`);
    expect(`${r.stdout}${r.stderr}`).toMatch(/Refused to fetch http:\/\/127\.0\.0\.1:\d+\//);
    expect(`${r.stdout}${r.stderr}`).toMatch(/Refused to fetch http:\/\/169\.254\.169\.254/);
    expect(hits).toBe(0);
  }, 60_000);

  it('refuses the cloud metadata address', async () => {
    const r = await cli(['run', '/summary', '--article', 'http://169.254.169.254/latest/meta-data/']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Refused to fetch http:\/\/169\.254\.169\.254/);
  }, 60_000);

  it('fetches the same address once an admin allowlists it', async () => {
    const r = await cli(['analyze', `${origin}/`], { HERALD_FEED_ALLOWLIST: '127.0.0.1' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(hits).toBe(1);
  }, 60_000);
});

describe('article files are capped', () => {
  it('refuses /dev/zero as too large instead of reading it to the end', async () => {
    const r = await cli(['analyze', '/dev/zero']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/too large/);
  }, 60_000);
});
