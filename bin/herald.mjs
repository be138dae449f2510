#!/usr/bin/env node
// Herald runs its TypeScript sources through tsx, so `npx herald` works right after
// `npm ci` with no build step (see docs/decisions/002-run-through-tsx.md).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
