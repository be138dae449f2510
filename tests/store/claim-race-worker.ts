/**
 * Worker for the claim race test: opens its own connection to the shared file, waits for the
 * start signal so both workers claim at the same moment, and reports the keys it won.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteStore } from '../../src/store/sqlite/index.js';

const { file, keys, signal } = workerData as { file: string; keys: string[]; signal: SharedArrayBuffer };
const opened = openSqliteStore({ file });
if (!opened.ok) throw new Error(opened.error.message);
const store = opened.value;
const flag = new Int32Array(signal);
Atomics.add(flag, 1, 1);
Atomics.wait(flag, 0, 0);
const won: string[] = [];
let attempted = 0;
for (const key of keys) {
  attempted += 1;
  if (await store.deliveries.claim(key)) won.push(key);
}
await store.close();
parentPort?.postMessage({ won, attempted });
