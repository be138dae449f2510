/**
 * The Herald processes of the scale bench (bench/scale.bench.ts): each a fork of
 * bench/scale.child.ts against the fake platforms, driven over IPC; their CPU time, and the
 * PostgreSQL backends that serve them (tagged by application_name, as other users share the
 * server).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { FakeDiscord } from '../tests/discord/fake-discord/server.js';
import type { FakeSlack } from '../tests/slack/fake-slack/server.js';
import { POSTGRES_URL, type Setup } from './scale-store.js';

/** Tags the bench's connections, so only their backends' CPU is counted (other users share the server). */
const APP_NAME = `herald_bench_scale_${process.pid}`;
const CHILD = fileURLToPath(new URL('./scale.child.ts', import.meta.url));

export interface Herald {
  readonly child: ChildProcess;
  /** Resolves on the child's { ready: true }; rejects if it exits first. */
  readonly ready: Promise<void>;
  log: string;
}

/** The fake platforms and the feed server every Herald process of a run talks to. */
export interface Fakes {
  readonly discord: FakeDiscord;
  readonly slack: FakeSlack;
  readonly feedOrigin: string;
  readonly feedHits: string[];
}

function withAppName(url: string): string {
  const u = new URL(url);
  u.searchParams.set('application_name', APP_NAME);
  return u.toString();
}

/** pids of the PostgreSQL backends serving the bench's Herald processes. */
export async function benchBackends(): Promise<number[]> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    const r = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [
      APP_NAME,
    ]);
    return r.rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}

export function startHerald(setup: Setup, n: number, dataDir: string, schema: string, fakes: Fakes): Herald {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(DISCORD|SLACK|LOG_LEVEL|HERALD|DATABASE)_?/.test(k)),
  );
  const child = fork(CHILD, [], {
    cwd: dataDir,
    // tsx from this checkout: the child runs in a temporary directory.
    execArgv: ['--import', import.meta.resolve('tsx'), '--max-semi-space-size=64'],
    env: {
      ...env,
      HERALD_DATA_DIR: setup.engine === 'sqlite' ? dataDir : join(dataDir, String(n)),
      ...(setup.engine === 'postgres' ? { DATABASE_URL: withAppName(POSTGRES_URL), DATABASE_SCHEMA: schema } : {}),
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      HERALD_FEED_ALLOWLIST: '127.0.0.1',
      HERALD_POLL_INTERVAL_MINUTES: '60',
      DISCORD_TOKEN: 'scale-bench',
      DISCORD_API_URL: fakes.discord.api,
      SLACK_BOT_TOKEN: 'xoxb-scale-bench',
      SLACK_SIGNING_SECRET: 'scale-bench-secret',
      SLACK_API_URL: fakes.slack.apiUrl,
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) =>
      reject(new Error(`a Herald process exited (${code}) before it was ready:\n${herald.log}`)),
    );
  });
  const herald: Herald = { child, ready, log: '' };
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (herald.log = (herald.log + d).slice(-20_000)));
  return herald;
}

const ask = <T>(h: Herald, command: object): Promise<T> =>
  new Promise((resolve) => {
    h.child.once('message', (m) => resolve(m as T));
    h.child.send(command);
  });

export async function heraldCpuMs(heralds: readonly Herald[]): Promise<number> {
  const answers = await Promise.all(heralds.map((h) => ask<{ cpuMs: number }>(h, { do: 'cpu' })));
  return answers.reduce((sum, a) => sum + a.cpuMs, 0);
}

/** Asks every process to stop; one that has not exited within 15 s is killed. */
export async function stopHeralds(heralds: readonly Herald[]): Promise<void> {
  await Promise.all(
    heralds.map(async (h) => {
      if (h.child.exitCode !== null) return;
      const exited = new Promise((r) => h.child.once('exit', r));
      h.child.send({ do: 'stop' });
      await Promise.race([exited, sleep(15_000)]);
      if (h.child.exitCode === null) h.child.kill('SIGKILL');
    }),
  );
}
