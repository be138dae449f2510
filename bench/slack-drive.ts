/**
 * Drives N signed slash commands through bench/slack-rig.ts and nothing else, so a profile
 * (`node --cpu-prof bin/run-ts.mjs bench/slack-drive.ts ask 3000`) sees only the Slack path.
 * Arguments: `ask` or `who-is`, how many requests to each side (2,000), requests per block (150).
 * Prints the process CPU per request of each side and the Slack path's extra over bare.
 */
import { startSlackRig, type Timed } from './slack-rig.js';

const COMMANDS: Record<string, Timed> = {
  ask: { command: '/ask', text: 'who is paying for the workshop?' },
  'who-is': { command: '/who-is', text: 'hedman' },
};
const which = process.argv[2] ?? 'ask';
const n = Number(process.argv[3] ?? 2000);
/** Requests per block; each side gets blocks in turn (slack.bench.ts uses 150). */
const block = Number(process.argv[4] ?? 150);
const cmd = COMMANDS[which];
if (!cmd) throw new Error(`unknown command ${which}; one of ${Object.keys(COMMANDS).join(', ')}`);

const rig = await startSlackRig(cmd);
try {
  for (let i = 0; i < 300; i++) await rig.slack();
  // Blocks of `block` requests to each side, alternating (150 as slack.bench.ts measures cost).
  const cpu = async (one: () => Promise<unknown>, runs: number) => {
    const start = process.cpuUsage();
    for (let i = 0; i < runs; i++) await one();
    const used = process.cpuUsage(start);
    return used.user + used.system;
  };
  let bare = 0;
  let slack = 0;
  for (let done = 0; done < n; done += block) {
    bare += await cpu(rig.bare, block);
    slack += await cpu(rig.slack, block);
  }
  const per = (us: number) => us / (Math.ceil(n / block) * block);
  console.log(
    `${cmd.command}: slack ${per(slack).toFixed(0)} µs, bare ${per(bare).toFixed(0)} µs, over bare ${per(slack - bare).toFixed(0)} µs per request`,
  );
} finally {
  await rig.close();
}
