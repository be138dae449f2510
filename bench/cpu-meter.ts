/**
 * Where the CPU went during a bench phase, read from /proc (Linux): the PostgreSQL backends serving
 * the bench's connections (their pids, from pg_stat_activity; the server's own background
 * writers are not counted), this process (the bench and the fake platforms it hosts) and the
 * machine as a whole. On another OS the PostgreSQL and machine figures are NaN.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** Kernel clock ticks per second (USER_HZ); 100 on every mainstream Linux build. */
const TICKS_PER_SECOND = 100;

export interface CpuSample {
  readonly at: number;
  /** ms of CPU used by this process so far. */
  readonly selfMs: number;
  /** ms of CPU used so far by each PostgreSQL backend asked about. */
  readonly postgresMs: ReadonlyMap<number, number>;
  /** Machine-wide busy and total ms (all cores) so far. */
  readonly machineBusyMs: number;
  readonly machineTotalMs: number;
}

function processMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields 14 and 15 of /proc/PID/stat (utime, stime), counted after the command's ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null; // ended, or not Linux
  }
}

function machineMs(): { busy: number; total: number } {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const n = line.trim().split(/\s+/).slice(1).map(Number);
    const total = n.reduce((a, b) => a + b, 0);
    // idle + iowait are not busy.
    const busy = total - (n[3] ?? 0) - (n[4] ?? 0);
    return { busy: (busy * 1000) / TICKS_PER_SECOND, total: (total * 1000) / TICKS_PER_SECOND };
  } catch {
    return { busy: NaN, total: NaN };
  }
}

export function sampleCpu(postgresPids: readonly number[] = []): CpuSample {
  const { user, system } = process.cpuUsage();
  const machine = machineMs();
  return {
    at: performance.now(),
    selfMs: (user + system) / 1000,
    postgresMs: new Map(
      postgresPids.flatMap((pid) => {
        const ms = processMs(pid);
        return ms === null ? [] : [[pid, ms] as const];
      }),
    ),
    machineBusyMs: machine.busy,
    machineTotalMs: machine.total,
  };
}

/** CPU between two samples, in seconds, and how busy the machine's cores were (percent of all of them). */
export function cpuBetween(a: CpuSample, b: CpuSample): { selfS: number; postgresS: number; machineBusyPct: number } {
  return {
    selfS: (b.selfMs - a.selfMs) / 1000,
    // A backend that connected during the phase counts from zero; one that ended is lost (rare: pools keep them).
    postgresS: [...b.postgresMs].reduce((sum, [pid, ms]) => sum + ms - (a.postgresMs.get(pid) ?? 0), 0) / 1000,
    machineBusyPct: (100 * (b.machineBusyMs - a.machineBusyMs)) / (b.machineTotalMs - a.machineTotalMs),
  };
}

export const CORES = cpus().length;
