import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // CLI tests spawn the compiled tool; two cores, so keep the pool small and the timeouts honest.
    pool: 'forks',
    maxWorkers: 2,
    // Generous: CLI tests spawn processes, and a loaded 2-core CI machine runs them several times slower.
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // A file stuck in synchronous work is killed by its watchdog and reported, instead of holding CI.
    setupFiles: ['tests/helpers/watchdog.ts'],
    teardownTimeout: 10_000,
  },
});
