import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { completeLine, runShell } from '../../src/adapters/shell/shell.js';
import { NASA, SAMPLE, fixture, testApp } from '../helpers/herald-app.js';
import { herald } from '../helpers/spawn-herald.js';

function collect(stream: PassThrough): () => string {
  let out = '';
  stream.setEncoding('utf8').on('data', (d: string) => (out += d));
  return () => out;
}

describe('shell adapter (in process)', () => {
  it('piped: answers one command a line, prints no prompt, and resolves 0 at EOF', async () => {
    const { app } = await testApp(SAMPLE);
    const input = new PassThrough();
    const output = new PassThrough();
    const out = collect(output);
    input.end('/who-is hedman\n\n# a comment\n/whois x\n');
    const code = await runShell({ input, output, dispatcher: app.dispatcher, registry: app.registry });
    expect(code).toBe(0);
    expect(out()).not.toContain('herald>');
    expect(out()).toContain('Niklas Hedman, acting director of UNOOSA.');
    expect(out()).toContain('Did you mean /who-is?');
  });

  it('interactive: prompts, keeps history in the data dir, loads another article, stops at exit', async () => {
    const { app } = await testApp(SAMPLE);
    const dir = await mkdtemp(join(tmpdir(), 'herald-shell-'));
    try {
      const input = new PassThrough();
      const output = new PassThrough();
      const out = collect(output);
      const done = runShell({
        input,
        output,
        dispatcher: app.dispatcher,
        registry: app.registry,
        interactive: true,
        historyFile: join(dir, 'shell_history'),
        load: (ref) => app.load(ref),
      });
      input.write(`:load ${fixture(NASA[1])}\n`);
      input.write('/who-is wyche\n');
      input.write('exit\n');
      expect(await done).toBe(0);
      expect(out()).toContain('herald> ');
      expect(out()).toContain('Loaded "NASA Selects Companies to Advance Moon Mobility for Artemis Missions"');
      expect(out()).toContain('Vanessa Wyche');
      expect(await readFile(join(dir, 'shell_history'), 'utf8')).toContain('/who-is wyche\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('completes command names', async () => {
    const { app } = await testApp();
    expect(completeLine('/wh', app.registry)).toEqual([['/who-is'], '/wh']);
    expect(completeLine('/help par', app.registry)).toEqual([['partnership-areas'], 'par']);
  });
});

describe('shell end to end: node bin/herald.mjs start with piped stdin', () => {
  it('answers /who-is hedman and /partnership-areas on the bundled sample', async () => {
    const run = await herald(['start'], { stdin: '/who-is hedman\n/partnership-areas\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Niklas Hedman, acting director of UNOOSA.');
    expect(run.stdout).toContain('United Nations Office for Outer Space Affairs');
    expect(run.stdout).toMatch(/ 1\. broad consultation on global governance[\s\S]* 8\. safeguarding human security/);
    expect(run.stdout).toContain('The article announces eight areas; all eight are listed.');
    expect(run.stdout).not.toMatch(/Photo released|Leave a Comment|#China/);
    expect(run.stderr).toBe('');
  }, 60_000);
});
