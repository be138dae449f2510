import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { NASA, fixture } from '../helpers/herald-app.js';
import { herald, ROOT, TEST_DATA_DIR } from '../helpers/spawn-herald.js';

/** Runs `main` in process with captured streams: the same code path as the binary, faster. */
async function cli(
  argv: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let errText = '';
  stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  stderr.setEncoding('utf8').on('data', (d: string) => (errText += d));
  const code = await main(argv, {
    stdin: new PassThrough(),
    stdout,
    stderr,
    env: { HERALD_DATA_DIR: TEST_DATA_DIR, ...env },
    cwd: ROOT,
  });
  return { code, stdout: out, stderr: errText };
}

const SPAWN_TIMEOUT = 60_000;

describe('herald CLI (real binary)', () => {
  it(
    'run answers one command and exits 0',
    async () => {
      const r = await herald(['run', '/who-is hedman']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Niklas Hedman, acting director of UNOOSA.');
      expect(r.stderr).toBe('');
    },
    SPAWN_TIMEOUT,
  );

  it(
    'analyze --json prints ArticleFacts with the documented fields',
    async () => {
      const r = await herald(['analyze', fixture(NASA[2]), '--json']);
      expect(r.code).toBe(0);
      const facts = JSON.parse(r.stdout) as Record<string, unknown>;
      expect(Object.keys(facts)).toEqual(
        expect.arrayContaining([
          'title',
          'dateline',
          'tags',
          'sentences',
          'people',
          'organizations',
          'places',
          'lists',
          'quotes',
          'numbers',
          'summary',
        ]),
      );
      const people = facts['people'] as {
        name: string;
        aliases: string[];
        role: string | null;
        sentence: number | null;
        mentions: number[];
      }[];
      expect(people.find((p) => p.name === 'Bill Nelson')?.role).toBe('NASA Administrator');
      const sentences = facts['sentences'] as { id: number; paragraph: number; text: string }[];
      expect(sentences[0]).toEqual({ id: 0, paragraph: expect.any(Number), text: expect.any(String) });
    },
    SPAWN_TIMEOUT,
  );

  it(
    'digest --format json prints the Reply',
    async () => {
      const r = await herald(['digest', '--format', 'json', '--article', fixture(NASA[0])]);
      expect(r.code).toBe(0);
      const reply = JSON.parse(r.stdout) as { kind: string; blocks: { type: string }[] };
      expect(reply.kind).toBe('answer');
      expect(reply.blocks[0]).toEqual({
        type: 'heading',
        text: 'NASA, European Space Agency Unite to Land Europe’s Rover on Mars',
      });
    },
    SPAWN_TIMEOUT,
  );
});

describe('herald CLI (in process)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'herald-cli-'));
    await writeFile(
      join(dir, 'index.html'),
      '<html><head><title>Home</title></head><body><nav><a href="/">Home</a></nav></body></html>',
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('run --json prints the Reply data', async () => {
    const r = await cli(['run', '/who-is', 'zhang', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'answer', title: 'Zhang Kejian, head of CNSA' });
  });

  it('run with --article answers from that article', async () => {
    const r = await cli(['run', '/who-is wyche', '--article', fixture(NASA[1])]);
    expect(r.stdout).toContain('Vanessa Wyche');
  });

  it('an unknown name is an answer, not an error', async () => {
    const r = await cli(['run', '/who-is obama']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('The article does not mention "obama".');
  });

  it('digest prints text by default', async () => {
    const r = await cli(['digest']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^China, UN promote new space exploration partnership\n/);
  });

  it('--version and --help', async () => {
    expect((await cli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect((await cli(['--help'])).stdout).toContain('Usage: herald <command>');
  });

  const oneLine = (s: string): void => {
    expect(s.endsWith('\n')).toBe(true);
    expect(s.trimEnd().split('\n')).toHaveLength(1);
    expect(s).toMatch(/^herald: /);
  };

  it.each([
    [
      'missing file',
      ['run', '/summary', '--article', '/no/such/article.txt'],
      1,
      'No article file at /no/such/article.txt.',
    ],
    ['unknown command', ['run', '/whois hedman'], 2, 'Did you mean /who-is?'],
    ['bad command option', ['run', '/who-is'], 2, 'Missing <name> (a name as the article gives it'],
    ['bad CLI option', ['run', '/who-is hedman', '--colour'], 2, 'Unknown option --colour'],
    ['bad level', ['run', '/summary', '--as', 'king'], 2, 'must be one of member, moderator, admin'],
    ['bad format', ['digest', '--format', 'xml'], 2, 'must be one of text, json'],
    ['unknown CLI command', ['strat'], 2, 'Did you mean "herald start"?'],
    ['analyze without a file', ['analyze'], 2, 'Give the file or URL to analyse.'],
  ] as const)('%s: one line on stderr, non-zero exit', async (_name, argv, code, text) => {
    const r = await cli([...argv]);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    oneLine(r.stderr);
    expect(r.stderr).toContain(text);
  });

  it('a refused /config import lists each problem on its own line and the hint on the last', async () => {
    const r = await cli(['run', '--as', 'admin', `/config import '{"herald":2}'`]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'herald: The configuration was refused:',
      '- herald: Invalid input: expected 1',
      '- channels: Invalid input: expected array, received undefined',
      'Start from /config export and change what you need; paste the JSON on one line.',
    ]);
  });

  it('start with a Discord token it cannot use: one clear line on stderr, exit 1, nothing left running', async () => {
    // Port 9 (discard) on loopback refuses connections: the gateway login fails fast.
    const r = await cli(['start'], { DISCORD_TOKEN: 'test-token', DISCORD_API_URL: 'http://127.0.0.1:9/api' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/herald: Could not start: .*\n$/);
    expect(r.stderr).toContain('DISCORD_');
  });

  it('unreadable HTML: one line on stderr, exit 1', async () => {
    const r = await cli(['analyze', join(dir, 'index.html')]);
    expect(r.code).toBe(1);
    oneLine(r.stderr);
  });
});
