/**
 * The fake Discord in a process of its own, for benches: the client's busy event loop then
 * cannot delay the fake's view of when requests arrive (which would skew rate-limit windows).
 * Prints `READY <api url>` on stdout; options come as JSON in argv[2]; stats at GET /__fake/stats.
 */
import { startFakeDiscord, type FakeDiscordOptions } from './server.js';

const opts = JSON.parse(process.argv[2] ?? '{}') as FakeDiscordOptions;
const fake = await startFakeDiscord(opts);
process.stdout.write(`READY ${fake.api}\n`);
const stop = (): void => void fake.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Ends with the parent, so a crashed bench leaves no server behind.
process.stdin.on('end', stop).resume();
