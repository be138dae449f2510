import { run } from './discord.bench.js';
console.log(JSON.stringify(await run({ channels: 300 }), null, 1));
