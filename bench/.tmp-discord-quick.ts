import { run } from './discord.bench.js';
const r = await run({ channels: Number(process.argv[2] ?? 300) });
for (const x of r) console.log(x.name, JSON.stringify(x.figures), x.target ? JSON.stringify(x.target) : '');
