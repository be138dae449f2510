import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Checks once whether PostgreSQL is reachable: its tests skip with one line outside CI, fail in CI.
    globalSetup: ['tests/setup/postgres-global.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Integration tests start real servers on 127.0.0.1 and open real SQLite files;
    // two workers keep a 2-core CI machine responsive.
    maxWorkers: 2,
  },
});
