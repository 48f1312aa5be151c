import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // CLI tests spawn the compiled tool; two cores, so keep the pool small and the timeouts honest.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A file stuck in synchronous work is killed by its watchdog and reported, instead of holding CI.
    setupFiles: ['tests/helpers/watchdog.ts'],
    teardownTimeout: 10_000,
  },
});
