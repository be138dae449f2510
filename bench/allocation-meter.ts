/**
 * Bytes this process allocated on the JS heap over a stretch of work, from V8's own heap figures
 * around every GC (`v8.GCProfiler`): what was used before each collection minus what was left
 * after the one before, plus the growth since the last. Steadier than counting scavenges, and it
 * is the figure that decides how often a scavenge lands inside a request.
 */
import { GCProfiler, getHeapStatistics } from 'node:v8';

export interface AllocationMeter {
  /** Bytes allocated since the meter started. */
  stop(): number;
}

export function meterAllocation(): AllocationMeter {
  const profiler = new GCProfiler();
  const start = getHeapStatistics().used_heap_size;
  profiler.start();
  return {
    stop() {
      const end = getHeapStatistics().used_heap_size;
      const { statistics } = profiler.stop();
      let allocated = 0;
      let after = start;
      for (const gc of statistics) {
        allocated += gc.beforeGC.heapStatistics.usedHeapSize - after;
        after = gc.afterGC.heapStatistics.usedHeapSize;
      }
      return allocated + end - after;
    },
  };
}
