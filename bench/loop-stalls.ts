/**
 * Event-loop stalls measured two ways. `wallMs` is what a waiting interaction saw: the longest
 * gap between two 1 ms timer ticks. On a shared machine most of such a gap can be other
 * processes holding the CPU, so `busyMs` charges each gap only the CPU time this process spent
 * in it (`process.cpuUsage`, every thread, so an upper bound on the loop's own work): the
 * longest stretch Herald itself kept the loop from turning.
 */
import { performance } from 'node:perf_hooks';

export interface LoopStalls {
  stop(): { readonly wallMs: number; readonly busyMs: number };
}

export function watchLoopStalls(): LoopStalls {
  let wallMs = 0;
  let busyMs = 0;
  let lastWall = performance.now();
  let lastCpu = process.cpuUsage();
  const tick = setInterval(() => {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    const gap = wall - lastWall;
    const used = (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000;
    wallMs = Math.max(wallMs, gap);
    busyMs = Math.max(busyMs, Math.min(gap, used));
    lastWall = wall;
    lastCpu = cpu;
  }, 1);
  return {
    stop() {
      clearInterval(tick);
      return { wallMs, busyMs };
    },
  };
}
