/**
 * One measured phase of the scale bench (bench/scale.bench.ts): the trigger sent to every
 * Herald process, the wait until every channel is reached or every feed stored, and what it
 * cost (wall time, CPU of Herald, PostgreSQL and the bench itself); with the two progress
 * counters, which also count copies (1 = exactly once).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { HeraldStore } from '../src/core/store/repositories.js';
import { cpuBetween, sampleCpu } from './cpu-meter.js';
import { benchBackends, heraldCpuMs, type Fakes, type Herald } from './scale-herald-processes.js';

const PHASE_TIMEOUT_MS = 240_000;

export interface Phase {
  readonly seconds: number;
  readonly done: number;
  readonly perSecond: number;
  /** Messages per channel reached (fan-out) or fetches per feed (poll): 1 = exactly once. */
  readonly copies: number;
  readonly heraldCpuS: number;
  readonly postgresCpuS: number;
  readonly benchCpuS: number;
  readonly machineBusyPct: number;
}

async function until(what: string, ok: () => Promise<boolean> | boolean, heralds: readonly Herald[]): Promise<void> {
  const end = Date.now() + PHASE_TIMEOUT_MS;
  while (!(await ok())) {
    if (Date.now() > end)
      throw new Error(
        `scale bench: timed out waiting for ${what}\n${heralds.map((h) => h.log.slice(-2000)).join('\n')}`,
      );
    await sleep(250);
  }
}

/** Runs one phase: trigger in every process, wait for `done() === total`, measure. */
export async function phase(
  heralds: readonly Herald[],
  command: object,
  total: number,
  progress: () => Promise<{ done: number; copies: number }>,
): Promise<Phase> {
  const backends = await benchBackends();
  const cpu0 = sampleCpu(backends);
  const herald0 = await heraldCpuMs(heralds);
  for (const h of heralds) h.child.send(command);
  let last = { done: 0, copies: 0 };
  await until(
    `${total} done (${JSON.stringify(command)})`,
    async () => (last = await progress()).done >= total,
    heralds,
  );
  const cpu1 = sampleCpu([...new Set([...backends, ...(await benchBackends())])]);
  const herald1 = await heraldCpuMs(heralds);
  const seconds = (cpu1.at - cpu0.at) / 1000;
  const spent = cpuBetween(cpu0, cpu1);
  return {
    seconds,
    done: last.done,
    perSecond: last.done / seconds,
    copies: last.copies,
    heraldCpuS: (herald1 - herald0) / 1000,
    postgresCpuS: spent.postgresS,
    benchCpuS: spent.selfS,
    machineBusyPct: spent.machineBusyPct,
  };
}

/** Channels reached so far among `ids`, and messages per channel reached (1 = exactly once). */
export function reachedIn(fakes: Fakes, ids: { discord: Set<string>; slack: Set<string> }) {
  const discordFrom = fakes.discord.messages.length;
  const slackFrom = fakes.slack.posted.length;
  return async () => {
    const d = fakes.discord.messages.slice(discordFrom).filter((m) => ids.discord.has(m.channelId));
    const s = fakes.slack.posted.slice(slackFrom).filter((m) => ids.slack.has(m.channel));
    const reached = new Set(d.map((m) => m.channelId)).size + new Set(s.map((m) => m.channel)).size;
    return { done: reached, copies: (d.length + s.length) / Math.max(1, reached) };
  };
}

/** Feeds under `path` whose poll is stored, and fetches per such feed (1 = exactly once). */
export function fetchedIn(store: HeraldStore, fakes: Fakes, path: string, total: number) {
  const from = fakes.feedHits.length;
  let hits = 0;
  return async () => {
    // The store is read only once every feed has been fetched: reading it costs PostgreSQL too.
    if (hits < total) {
      hits = fakes.feedHits.slice(from).filter((h) => h.startsWith(path)).length;
      if (hits < total) return { done: 0, copies: 0 };
    }
    const feeds = await store.feeds.list();
    const fetched = feeds.filter((f) => f.url.includes(path) && f.fetch.lastFetchAt !== null).length;
    hits = fakes.feedHits.slice(from).filter((h) => h.startsWith(path)).length;
    return { done: fetched, copies: hits / Math.max(1, fetched) };
  };
}
