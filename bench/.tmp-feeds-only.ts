import { run } from './feeds.bench.js';
const t = performance.now();
const r = await run();
console.log(JSON.stringify(r[0]!.figures), 'fetch', (globalThis as any).TF/1000, 'ingest', (globalThis as any).TI/1000, 'tx', (globalThis as any).TT/1000);
