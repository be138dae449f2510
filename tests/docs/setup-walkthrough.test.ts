/**
 * The set-up guides, walked as a first-time admin would: every `npx herald …` command in the
 * "Set up" section of docs/discord.md and docs/slack.md, in the order written, against the fake
 * Discord and fake Slack. `start` runs as a real child process, and the guide's last step (the
 * first `/who-is hedman`) must be answered. A step that fails here fails for a reader too
 * (issue 15).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { startFakeDiscord } from '../discord/fake-discord/server.js';
import { startFakeSlack } from '../slack/fake-slack/server.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The `npx herald …` lines of the ```sh blocks in one section of a guide, in order. */
export function guideCommands(markdown: string, heading: RegExp): string[] {
  const start = markdown.split('\n').findIndex((l) => heading.test(l));
  if (start < 0) throw new Error(`no heading ${heading}`);
  const rest = markdown.split('\n').slice(start + 1);
  const end = rest.findIndex((l) => /^## /.test(l));
  const section = (end < 0 ? rest : rest.slice(0, end)).join('\n');
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.flatMap((b) =>
    b
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.startsWith('npx herald ')),
  );
}

interface Step {
  readonly argv: string[];
  readonly redirect: string | null;
}

function parseStep(line: string, vars: Record<string, string>): Step {
  let text = line.replace(/^npx herald /, '').replace(/\s+#.*$/, '');
  for (const [k, v] of Object.entries(vars)) text = text.split(k).join(v);
  const [cmd, redirect] = text.split(/\s*>\s*/);
  return { argv: cmd!.split(/\s+/).filter(Boolean), redirect: redirect?.trim() ?? null };
}

async function runInProcess(step: Step, env: Record<string, string>, cwd: string): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += String(d)));
  stderr.on('data', (d) => (err += String(d)));
  const code = await main(step.argv, { stdin: new PassThrough(), stdout, stderr, env, cwd: ROOT });
  if (step.redirect) writeFileSync(join(cwd, step.redirect), out);
  return { code, out, err };
}

/** Starts `herald start` as a child process and resolves once it says it is running. */
function startChild(env: Record<string, string>): Promise<{ child: ChildProcess; stderr: () => string }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/herald.mjs'), 'start'], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let err = '';
  child.stderr!.on('data', (d) => (err += String(d)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`herald start did not come up: ${err}`)), 30_000);
    child.stderr!.on('data', () => {
      if (/running/.test(err)) {
        clearTimeout(timer);
        resolve({ child, stderr: () => err });
      }
    });
    child.on('exit', (code) => reject(new Error(`herald start exited ${code}: ${err}`)));
  });
}

function workDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'herald-walk-'));
  dirs.push(d);
  return d;
}

describe('docs/discord.md, walked on the gateway', () => {
  it('every documented command works in order and the first /who-is is answered', async () => {
    const fake = await startFakeDiscord({ applicationId: '100000000000000001' });
    const dir = workDir();
    try {
      const env = {
        HERALD_DATA_DIR: join(dir, 'data'),
        DISCORD_TOKEN: 'walk-token',
        DISCORD_APPLICATION_ID: '100000000000000001',
        DISCORD_API_URL: fake.api,
      };
      const steps = guideCommands(readFileSync(join(ROOT, 'docs/discord.md'), 'utf8'), /^## Set up/);
      expect(steps.map((s) => s.split(' ').slice(0, 4).join(' '))).toEqual([
        'npx herald manifest discord',
        'npx herald register discord',
        'npx herald doctor',
        'npx herald start',
      ]);
      for (const line of steps) {
        const step = parseStep(line, { '<server id>': fake.gateway.guildId });
        if (step.argv[0] === 'start') {
          const { child } = await startChild(env);
          const id = '400000000000000009';
          fake.gateway.dispatch('INTERACTION_CREATE', {
            id,
            application_id: '100000000000000001',
            type: 2,
            token: 'walk-interaction',
            version: 1,
            guild_id: fake.gateway.guildId,
            channel_id: '500000000000000001',
            member: { user: { id: '600000000000000001', username: 'newcomer' }, permissions: '0', roles: [] },
            data: { id: '1', name: 'who-is', type: 1, options: [{ type: 3, name: 'name', value: 'hedman' }] },
          });
          const cb = await fake.waitFor((r) => r.path === `/interactions/${id}/walk-interaction/callback`, 20_000);
          expect(JSON.stringify(cb.body)).toContain('Niklas Hedman');
          child.kill('SIGTERM');
          continue;
        }
        const r = await runInProcess(step, env, dir);
        expect(r.err, `${line}\n${r.err}`).not.toMatch(/Error:/);
        expect(r.code, `${line} exited ${r.code}: ${r.err}${r.out}`).toBe(0);
        if (step.argv[0] === 'doctor') expect(r.out).toContain('All checks passed');
      }
      expect(JSON.parse(readFileSync(join(dir, 'discord-commands.json'), 'utf8')).length).toBeGreaterThan(5);
      expect(fake.commands.get(fake.gateway.guildId)?.length).toBeGreaterThan(5);
    } finally {
      await fake.close();
    }
  }, 90_000);
});

describe('docs/slack.md, walked in Socket Mode', () => {
  it('every documented command works in order and the first /who-is is answered', async () => {
    const fake = await startFakeSlack();
    fake.users.set('UNEW', { id: 'UNEW' });
    const dir = workDir();
    try {
      const env = {
        HERALD_DATA_DIR: join(dir, 'data'),
        SLACK_BOT_TOKEN: 'xoxb-walk',
        SLACK_APP_TOKEN: 'xapp-walk',
        SLACK_API_URL: fake.apiUrl,
      };
      const steps = guideCommands(readFileSync(join(ROOT, 'docs/slack.md'), 'utf8'), /^## Set up/);
      expect(steps.map((s) => s.split(' ').slice(0, 3).join(' '))).toEqual([
        'npx herald manifest',
        'npx herald doctor',
        'npx herald start',
      ]);
      for (const line of steps) {
        const step = parseStep(line, {});
        if (step.argv[0] === 'start') {
          const { child } = await startChild(env);
          const ack = await fake.sendEnvelope(
            'slash_commands',
            {
              command: '/who-is',
              text: 'hedman',
              team_id: 'T1',
              channel_id: 'C1',
              user_id: 'UNEW',
              user_name: 'newcomer',
              response_url: fake.responseUrl('walk'),
              trigger_id: 'walk-1',
            },
            20_000,
          );
          const answered =
            JSON.stringify(ack).includes('Niklas Hedman') ||
            JSON.stringify(await fake.waitForResponse('walk', 1, 20_000)).includes('Niklas Hedman');
          expect(answered).toBe(true);
          child.kill('SIGTERM');
          continue;
        }
        const r = await runInProcess(step, env, dir);
        expect(r.code, `${line} exited ${r.code}: ${r.err}${r.out}`).toBe(0);
        if (step.argv[0] === 'doctor') expect(r.out).toContain('All checks passed');
      }
      const manifest = JSON.parse(readFileSync(join(dir, 'slack-manifest.json'), 'utf8'));
      expect(manifest.settings.socket_mode_enabled).toBe(true);
    } finally {
      await fake.close();
    }
  }, 90_000);
});
