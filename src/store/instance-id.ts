/**
 * Names one store instance (one per process): `host/pid/random`. Claims and leases carry it, so a
 * restarted Herald can tell a claim left by a dead process (same host, pid gone or now its own)
 * from one still being worked on by a live one.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

export function newInstanceId(): string {
  return `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
}

/**
 * Whether the process behind `instanceId` runs: null when it is on another host (ask its
 * heartbeat lease instead). Our own pid under another id is a restart that reused the pid (pid 1
 * in a container): that process is gone.
 */
export function processAlive(instanceId: string): boolean | null {
  const [host, pidText] = instanceId.split('/');
  const pid = Number(pidText);
  if (!host || !Number.isInteger(pid) || host !== hostname()) return null;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
